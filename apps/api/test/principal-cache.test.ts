// The principal of an access token kept in memory (modules/users/principal.ts, plugins/auth.ts):
// a repeated request makes no database round trip to authenticate, and yet a log-out, a grant
// removed or added, an erasure or any write to the account takes effect on the very next request,
// in this process at once and in another API process on the same database within a notification.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anotherProcess,
  buildTestApp,
  createUser,
  eventually,
  expectProblem,
  inject,
  refreshCookieOf,
  TEST_PASSWORD,
  type TestApp,
} from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const me = (app: TestApp, token: string) =>
  app.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
const users = (app: TestApp, token: string) =>
  app.app.inject({
    method: 'GET',
    url: '/api/v1/admin/users',
    headers: { authorization: `Bearer ${token}` },
  });

async function logIn(app: TestApp, email: string) {
  const res = await app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { token: res.json().accessToken as string, cookie: refreshCookieOf(res)! };
}

describe('the principal of a token, kept in memory', () => {
  it('a repeated request with the same token reads no account from the database', async () => {
    const u = await createUser(t);
    expect((await me(t, u.token)).statusCode).toBe(200);
    const { hits, loads } = t.app.principals.counts;
    for (let i = 0; i < 3; i++) expect((await me(t, u.token)).json().user.id).toBe(u.id);
    expect(t.app.principals.counts.loads).toBe(loads);
    expect(t.app.principals.counts.hits).toBe(hits + 3);
  });

  it('still verifies the token every time: a tampered or foreign token of a kept session is refused', async () => {
    const u = await createUser(t);
    expect((await me(t, u.token)).statusCode).toBe(200);
    const [head, body, sig] = u.token.split('.');
    const flipped = `${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`;
    expectProblem(await me(t, `${head}.${body}.${flipped}`), 401, 'unauthorized');
    const other = await buildTestApp({ jwtSecret: 'another-secret-that-is-long-enough-for-hs256' });
    try {
      const sid = JSON.parse(Buffer.from(body!, 'base64url').toString()).sid as string;
      expectProblem(await me(t, await other.app.signAccessToken(u.id, sid)), 401, 'unauthorized');
    } finally {
      await other.app.close();
    }
  });

  it('log-out: the old access token is refused on the next request', async () => {
    const u = await createUser(t);
    const s = await logIn(t, u.email);
    expect((await me(t, s.token)).statusCode).toBe(200);
    expect((await me(t, s.token)).statusCode).toBe(200);
    const out = await inject(t, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(out.statusCode).toBe(204);
    expectProblem(await me(t, s.token), 401, 'unauthorized');
  });

  it('a reused refresh token ends the kept session at once', async () => {
    const u = await createUser(t);
    const s = await logIn(t, u.email);
    expect((await me(t, s.token)).statusCode).toBe(200);
    const refresh = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: s.cookie } });
    const next = await refresh();
    expect(next.statusCode).toBe(200);
    // Refreshing ends nothing: the kept principal stays good.
    expect((await me(t, next.json().accessToken)).statusCode).toBe(200);
    // The first cookie again, past the grace window: the family is revoked.
    await sql`update refresh_tokens set used_at = now() - interval '1 hour' where user_id = ${u.id} and used_at is not null`.execute(
      t.db,
    );
    expect((await refresh()).statusCode).toBe(401);
    expectProblem(await me(t, s.token), 401, 'unauthorized');
    expectProblem(await me(t, next.json().accessToken), 401, 'unauthorized');
  });

  it('sign-ins and refreshes of other sessions leave the kept principals good', async () => {
    const u = await createUser(t);
    const other = await createUser(t);
    expect((await me(t, u.token)).statusCode).toBe(200);
    const { loads } = t.app.principals.counts;
    const s = await logIn(t, other.email);
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: s.cookie },
    });
    expect(next.statusCode).toBe(200);
    // Neither a new token nor a used one ends a session: the version of refresh_tokens stays.
    expect((await me(t, u.token)).statusCode).toBe(200);
    expect(t.app.principals.counts.loads).toBe(loads);
  });

  it('a grant removed gives 403 at once, a grant added takes effect at once', async () => {
    const admin = await createUser(t, [{ role: 'city_admin' }]);
    const u = await createUser(t);
    expect((await me(t, u.token)).statusCode).toBe(200);
    expectProblem(await users(t, u.token), 403, 'forbidden');

    const granted = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/roles`,
      as: admin,
      payload: { role: 'city_admin' },
    });
    expect(granted.statusCode).toBe(201);
    expect((await users(t, u.token)).statusCode).toBe(200);
    expect((await users(t, u.token)).statusCode).toBe(200);

    const revoked = await inject(t, {
      method: 'DELETE',
      url: `/api/v1/admin/users/${u.id}/roles/${granted.json().id}`,
      as: admin,
    });
    expect(revoked.statusCode).toBe(204);
    expectProblem(await users(t, u.token), 403, 'forbidden');

    // A row written straight into the database counts as much as one written by a request.
    await t.db.insertInto('roleGrants').values({ userId: u.id, role: 'city_admin' }).execute();
    expect((await users(t, u.token)).statusCode).toBe(200);
    await t.db.deleteFrom('roleGrants').where('userId', '=', u.id).execute();
    expectProblem(await users(t, u.token), 403, 'forbidden');
  });

  it('erasure: the token of a closed account is refused at once', async () => {
    const u = await createUser(t);
    expect((await me(t, u.token)).statusCode).toBe(200);
    const res = await inject(t, {
      method: 'DELETE',
      url: '/api/v1/me',
      as: u,
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await me(t, u.token), 401, 'unauthorized');
  });

  it('a change to the account (e-mail, password, name) has the principal read anew', async () => {
    const u = await createUser(t);
    expect((await me(t, u.token)).statusCode).toBe(200);
    for (const patch of [{ email: `changed-${u.email}` }, { passwordHash: 'x' }, { name: 'Renamed' }]) {
      const { loads } = t.app.principals.counts;
      await t.db.updateTable('users').set(patch).where('id', '=', u.id).execute();
      expect((await me(t, u.token)).json().user.email).toBe(`changed-${u.email}`);
      expect(t.app.principals.counts.loads).toBe(loads + 1);
    }
  });

  it('keeps at most PRINCIPAL_CACHE_ENTRIES; 0 reads every principal from the database', async () => {
    const small = await buildTestApp({ principalCacheEntries: 2 });
    const off = await buildTestApp({ principalCacheEntries: 0 });
    try {
      for (let i = 0; i < 4; i++) {
        const u = await createUser(small);
        expect((await me(small, u.token)).statusCode).toBe(200);
      }
      expect(small.app.principals.size).toBe(2);
      const u = await createUser(off);
      await me(off, u.token);
      await me(off, u.token);
      expect(off.app.principals.size).toBe(0);
      expect(off.app.principals.counts.hits).toBe(0);
    } finally {
      await small.app.close();
      await off.app.close();
    }
  });
});

describe('two API processes on one database', () => {
  it('a log-out and a grant removed through one are honoured by the other within the notification', async () => {
    // The poll is left at its default (2 s): answering within 500 ms takes the notification.
    const other = await anotherProcess();
    expect(other.config.dataVersionPollMs).toBeGreaterThanOrEqual(2000);
    try {
      const u = await createUser(t, [{ role: 'city_admin' }]);
      const s = await logIn(t, u.email);
      expect((await users(other, s.token)).statusCode).toBe(200);
      const { hits } = other.app.principals.counts;
      expect((await users(other, s.token)).statusCode).toBe(200);
      expect(other.app.principals.counts.hits).toBe(hits + 1);

      // A grant removed in one process.
      await t.db.deleteFrom('roleGrants').where('userId', '=', u.id).execute();
      await eventually(async () => (await users(other, s.token)).statusCode === 403, 500);
      expect((await me(other, s.token)).statusCode).toBe(200);

      // A log-out in one process.
      const out = await inject(t, {
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: s.cookie },
      });
      expect(out.statusCode).toBe(204);
      await eventually(async () => (await me(other, s.token)).statusCode === 401, 500);
    } finally {
      await other.close();
    }
  });
});
