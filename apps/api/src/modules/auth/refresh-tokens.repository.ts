// Refresh tokens: stored only as SHA-256 hashes, grouped in families (one per log-in).
import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertRefreshToken(
  db: Kysely<DB>,
  row: { userId: string; familyId: string; tokenHash: string; ttlSeconds: number },
) {
  await db
    .insertInto('refreshTokens')
    .values({
      userId: row.userId,
      familyId: row.familyId,
      tokenHash: row.tokenHash,
      expiresAt: sql<Date>`now() + make_interval(secs => ${row.ttlSeconds})` as unknown as Date,
    })
    .execute();
}

/** Marks a live token used and returns it; two racing calls cannot both succeed. */
export async function consumeRefreshToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .updateTable('refreshTokens')
    .set({ usedAt: sql<Date>`now()` as unknown as Date })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', sql<Date>`now()` as unknown as Date)
    .returning(['id', 'userId', 'familyId'])
    .executeTakeFirst();
}

export async function findRefreshToken(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('refreshTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function revokeFamily(db: Kysely<DB>, familyId: string): Promise<void> {
  await db
    .updateTable('refreshTokens')
    .set({ revokedAt: sql<Date>`now()` as unknown as Date })
    .where('familyId', '=', familyId)
    .where('revokedAt', 'is', null)
    .execute();
}
