// The keys that sign certificates' credentials. The private key comes from configuration (or is
// generated into DATA_DIR in embedded mode); the public half of every key that has signed is kept
// in `credential_keys`, so after a rotation the old credentials still verify against the JWK set.
import type { JwkSet } from '@vcentri/shared';
import { importJWK, type JWTPayload, SignJWT } from 'jose';
import type { CredentialSigningKey } from '../../config';
import type { Database } from '../../db/database';

type PublicJwk = JwkSet['keys'][number];

export function publicJwk(key: CredentialSigningKey): PublicJwk {
  return {
    kid: key.kid,
    kty: key.kty,
    crv: key.crv,
    x: key.x,
    ...(key.y ? { y: key.y } : {}),
    alg: key.alg,
    use: 'sig',
  };
}

/** A signing key whose `kid` is already published with another public key. */
export class KeyIdReusedError extends Error {}

/**
 * Records the key's public half (once); called before it signs anything. A `kid` already published
 * with a different key is refused: the earlier key would drop out of the JWK set and every
 * certificate it signed would stop verifying. A new key needs a new `kid`.
 */
const published = new WeakMap<Database, WeakSet<CredentialSigningKey>>();

export async function publishKey(db: Database, key: CredentialSigningKey): Promise<void> {
  // Once recorded (at start, normally), a key is not looked up again for every certificate.
  if (published.get(db)?.has(key)) return;
  const mine = publicJwk(key);
  await db
    .insertInto('credentialKeys')
    .values({ kid: key.kid, publicJwk: JSON.stringify(mine) })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
  const stored = await db
    .selectFrom('credentialKeys')
    .select('publicJwk')
    .where('kid', '=', key.kid)
    .executeTakeFirst();
  const theirs = stored?.publicJwk as PublicJwk | undefined;
  if (
    theirs &&
    (theirs.kty !== mine.kty || theirs.crv !== mine.crv || theirs.x !== mine.x || theirs.y !== mine.y)
  )
    throw new KeyIdReusedError(
      `CREDENTIAL_SIGNING_KEY: kid "${key.kid}" is already published with another key; give the new key a new kid`,
    );
  if (!published.has(db)) published.set(db, new WeakSet());
  published.get(db)?.add(key);
}

/** The current key first, then every earlier one, newest first. */
export async function jwkSet(db: Database, key: CredentialSigningKey): Promise<JwkSet> {
  const rows = await db
    .selectFrom('credentialKeys')
    .select('publicJwk')
    .where('kid', '<>', key.kid)
    .orderBy('createdAt', 'desc')
    .execute();
  return { keys: [publicJwk(key), ...rows.map((r) => r.publicJwk as PublicJwk)] };
}

const imported = new WeakMap<CredentialSigningKey, ReturnType<typeof importJWK>>();

/** A compact JWS of `payload` with `alg`, `kid` and `typ` in its header. */
export async function signJwt(key: CredentialSigningKey, payload: JWTPayload, typ: string): Promise<string> {
  let k = imported.get(key);
  if (!k) {
    k = importJWK({ ...key }, key.alg);
    imported.set(key, k);
  }
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid, typ }).sign(await k);
}
