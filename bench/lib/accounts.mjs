// Accounts for a benchmark, made straight in its database: users with a session each (a
// refresh-token family, which access tokens must name) and access tokens signed with the secret
// the bench gives the API (`startApi` in server.mjs), valid for 15 minutes.
import crypto from 'node:crypto';
import { BENCH_JWT_SECRET } from './server.mjs';

/** An access token for the user in session `sid`, as the API signs them. */
export function accessToken(sub, sid) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ sub, sid, typ: 'access', iss: 'vcentri', aud: 'vcentri-api', iat: now, exp: now + 900 });
  const sig = crypto.createHmac('sha256', BENCH_JWT_SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * `count` accounts named `${prefix}-${i}@bench.example.org`, each with a live session; returns
 * `[{ id, email, token }]` in order. `client` is a connected pg.Client on the bench database.
 */
export async function createAccounts(client, prefix, count) {
  const { rows } = await client.query(
    `insert into users (email, password_hash, name)
     select $1 || '-' || i || '@bench.example.org', 'x', 'Bench ' || $1 || ' ' || i
     from generate_series(1, $2::int) i
     returning id, email`,
    [prefix, count],
  );
  const sessions = rows.map(() => crypto.randomUUID());
  await client.query(
    `insert into refresh_tokens (family_id, user_id, token_hash, expires_at)
     select f, u, md5(random()::text || u::text), now() + interval '1 day'
     from unnest($1::uuid[], $2::uuid[]) as t(f, u)`,
    [sessions, rows.map((r) => r.id)],
  );
  const order = (e) => Number(e.slice(prefix.length + 1).split('@')[0]);
  return rows
    .map((r, i) => ({ id: r.id, email: r.email, token: accessToken(r.id, sessions[i]) }))
    .sort((a, b) => order(a.email) - order(b.email));
}
