import { createHmac, randomInt } from 'node:crypto';
import { describe, expect, it, beforeAll } from 'vitest';
import { sql } from 'kysely';
import {
  buildTestApp,
  createUser,
  expectProblem,
  inject,
  refreshCookieOf,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});

const register = (body: Record<string, unknown>, remoteAddress = '10.0.0.1') =>
  inject(t, { method: 'POST', url: '/api/v1/auth/register', payload: body, remoteAddress });
const login = (email: string, password: string, remoteAddress = '10.0.0.2') =>
  inject(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
const refresh = (cookie: string | undefined) =>
  inject(t, { method: 'POST', url: '/api/v1/auth/refresh', headers: cookie ? { cookie } : {} });

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** An HS256 JWT made by hand, so a test can leave out claims the app's signer always adds. */
function hs256(payload: object, secret: string): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function decodeJwt(token: string) {
  const [h, p] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p!, 'base64url').toString()),
  };
}

describe('registration', () => {
  it('creates a resident account that can log in, with an argon2id hash at OWASP strength', async () => {
    const email = uniqueEmail('reg');
    const res = await register({ email, password: TEST_PASSWORD, name: 'Олена', locale: 'en' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, name: 'Олена', locale: 'en' });
    expect(res.json()).not.toHaveProperty('passwordHash');

    const row = await t.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/);
    const [, m, tcost] = row.passwordHash.match(/m=(\d+),t=(\d+)/)!;
    expect(Number(m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(tcost)).toBeGreaterThanOrEqual(2);

    const me = await inject(t, {
      method: 'GET',
      url: '/api/v1/me',
      as: { token: (await login(email, TEST_PASSWORD)).json().accessToken },
    });
    expect(me.json().roles).toEqual(['resident']);
  });

  it('refuses a taken e-mail in any letter case and stores nothing', async () => {
    const email = uniqueEmail('dup');
    expect((await register({ email, password: TEST_PASSWORD, name: 'A' })).statusCode).toBe(201);
    expectProblem(
      await register({ email: email.toUpperCase(), password: TEST_PASSWORD, name: 'B' }),
      409,
      'email_taken',
    );
    const rows = await t.db.selectFrom('users').select('name').where('email', '=', email).execute();
    expect(rows.map((r) => r.name)).toEqual(['A']);
  });

  it('refuses short passwords and passwords containing the e-mail, naming the field', async () => {
    const email = uniqueEmail('weak');
    const short = expectProblem(
      await register({ email, password: 'short', name: 'A' }),
      400,
      'weak_password',
    );
    expect(short.errors?.[0]?.path).toBe('/password');
    expectProblem(
      await register({ email, password: `${email}123`, name: 'A' }),
      400,
      'password_contains_email',
    );
    const count = await t.db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('reports every invalid field with its path', async () => {
    const p = expectProblem(
      await register({ email: 'not-an-email', password: TEST_PASSWORD }),
      400,
      'validation_failed',
    );
    const paths = p.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['/email', '/name']);
  });
});

describe('log-in and access tokens', () => {
  it('answers an HS256 access token of at most 15 minutes with issuer and audience, and an httpOnly strict refresh cookie', async () => {
    const u = await createUser(t);
    const res = await login(u.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tokenType).toBe('Bearer');
    expect(body.expiresIn).toBeLessThanOrEqual(900);
    const { header, payload } = decodeJwt(body.accessToken);
    expect(header.alg).toBe('HS256');
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
    expect(payload).toMatchObject({ sub: u.id, iss: 'vcentri', aud: 'vcentri-api' });

    // A readable companion cookie (no secret) tells the portal there is a session to restore.
    const hint = res.cookies.find((c) => c.name === 'vcentri_session');
    expect(hint).toMatchObject({ value: '1', path: '/', sameSite: 'Strict' });
    expect(hint?.httpOnly).toBeFalsy();
    const setCookie = String(
      res.cookies
        .filter((c) => c.name === 'vcentri_rt')
        .map(
          (c) =>
            `${c.name}=${c.value}; Path=${c.path}; ${c.httpOnly ? 'HttpOnly; ' : ''}SameSite=${c.sameSite}`,
        ),
    );
    expect(setCookie).toMatch(/^vcentri_rt=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/api\/v1\/auth/);
    expect(setCookie).not.toContain(body.accessToken);
  });

  it('treats an unknown e-mail and a wrong password alike', async () => {
    const u = await createUser(t);
    const a = expectProblem(await login(u.email, 'wrong password!!', '10.1.0.1'), 401, 'invalid_credentials');
    const b = expectProblem(
      await login(uniqueEmail('nobody'), TEST_PASSWORD, '10.1.0.2'),
      401,
      'invalid_credentials',
    );
    expect(a.detail).toBe(b.detail);
  });

  it('rejects expired, foreign-signed, unsigned and wrong-audience tokens', async () => {
    const u = await createUser(t);
    const { sid } = decodeJwt(u.token).payload;
    const now = Math.floor(Date.now() / 1000);
    const expired = t.app.jwt.sign({ sub: u.id, typ: 'access', sid, iat: now - 3600 } as never, {
      expiresIn: 60,
    });
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: expired } }),
      401,
      'token_expired',
    );

    const other = await buildTestApp({ jwtSecret: 'another-secret-another-secret-another-secret' });
    const foreign = await other.app.signAccessToken(u.id, sid);
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: foreign } }),
      401,
      'unauthorized',
    );

    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: u.id, typ: 'access', sid, iss: 'vcentri', aud: 'vcentri-api', iat: now, exp: now + 600 })}.`;
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: none } }),
      401,
      'unauthorized',
    );

    const wrongAud = t.app.jwt.sign({ sub: u.id, typ: 'access', sid }, { aud: 'someone-else' } as never);
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: wrongAud } }),
      401,
      'unauthorized',
    );

    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer garbage' } }),
      401,
      'unauthorized',
    );
  });

  it('refuses a token signed with the right secret that lacks exp, iat, sub, the session, issuer or audience', async () => {
    const u = await createUser(t);
    const { sid } = decodeJwt(u.token).payload;
    const now = Math.floor(Date.now() / 1000);
    const full = {
      sub: u.id,
      typ: 'access',
      sid,
      iss: 'vcentri',
      aud: 'vcentri-api',
      iat: now,
      exp: now + 600,
    };
    const me = (token: string) => inject(t, { method: 'GET', url: '/api/v1/me', as: { token } });
    // The hand-made signer is right: with every claim the token is accepted.
    expect((await me(hs256(full, t.config.jwtSecret))).statusCode).toBe(200);
    for (const claim of ['exp', 'iat', 'sub', 'sid', 'iss', 'aud'] as const) {
      const { [claim]: _left, ...rest } = full;
      expectProblem(await me(hs256(rest, t.config.jwtSecret)), 401, 'unauthorized');
    }
  });
});

describe('sessions end their access tokens', () => {
  const me = (token: string) => inject(t, { method: 'GET', url: '/api/v1/me', as: { token } });

  it('log-out ends that session’s access token at once; the account’s other sessions keep working', async () => {
    const u = await createUser(t);
    const laptop = await login(u.email, TEST_PASSWORD);
    const phone = await login(u.email, TEST_PASSWORD);
    expect((await me(laptop.json().accessToken)).statusCode).toBe(200);

    const out = await inject(t, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: refreshCookieOf(laptop)! },
    });
    expect(out.statusCode).toBe(204);

    expectProblem(await me(laptop.json().accessToken), 401, 'unauthorized');
    expect((await me(phone.json().accessToken)).statusCode).toBe(200);
    // A refreshed token of the surviving session works too: it names the same session.
    const renewed = await refresh(refreshCookieOf(phone));
    expect((await me(renewed.json().accessToken)).json().user.id).toBe(u.id);
  });

  it('a reused refresh token ends every access token of its family, old and new', async () => {
    const strict = await buildTestApp({ refreshReuseGraceSeconds: 0 });
    const u = await createUser(strict);
    const first = await strict.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
    });
    const rotated = await strict.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: refreshCookieOf(first)! },
    });
    const tokens = [first.json().accessToken, rotated.json().accessToken];
    for (const token of tokens) expect((await me(token)).statusCode).toBe(200);

    const reuse = await strict.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: refreshCookieOf(first)! },
    });
    expectProblem(reuse, 401, 'refresh_token_reused');

    for (const token of tokens) expectProblem(await me(token), 401, 'unauthorized');
    // The account's own test session, another family, is untouched.
    expect((await me(u.token)).statusCode).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('rotates on every use; reusing a rotated token revokes the whole family', async () => {
    const t = await buildTestApp({ refreshReuseGraceSeconds: 0 });
    const login = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const refresh = (cookie: string | undefined) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: cookie ? { cookie } : {} });
    const u = await createUser(t);
    const first = refreshCookieOf(await login(u.email, TEST_PASSWORD));
    const r1 = await refresh(first);
    expect(r1.statusCode).toBe(200);
    const second = refreshCookieOf(r1);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const me = await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: r1.json().accessToken } });
    expect(me.json().user.id).toBe(u.id);

    expectProblem(await refresh(first), 401, 'refresh_token_reused');
    // The thief's use of the old token also ended the legitimate holder's newer one.
    expectProblem(await refresh(second), 401, 'refresh_token_invalid');

    const audit = await t.db.selectFrom('auditLog').select('action').where('actorId', '=', u.id).execute();
    expect(audit.map((a) => a.action)).toContain('auth.refresh_reuse_detected');
  });

  it('gives two tabs refreshing at once a session each, within the grace window', async () => {
    const u = await createUser(t);
    const cookie = refreshCookieOf(await login(u.email, TEST_PASSWORD));
    const results = await Promise.all(Array.from({ length: 4 }, () => refresh(cookie)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const cookies = new Set(results.map(refreshCookieOf));
    expect(cookies.size).toBe(4);
    // Each new token works once; they all belong to the one family that log-out ends.
    const next = await refresh([...cookies][0]);
    expect(next.statusCode).toBe(200);
    await inject(t, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: refreshCookieOf(next)! },
    });
    for (const c of [...cookies].slice(1)) expectProblem(await refresh(c), 401, 'refresh_token_invalid');
  });

  it('without a grace window, exactly one of several simultaneous refreshes succeeds', async () => {
    const strict = await buildTestApp({ refreshReuseGraceSeconds: 0 });
    const u = await createUser(strict);
    const cookie = refreshCookieOf(
      await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: TEST_PASSWORD },
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        strict.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: cookie! } }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 401)).toBe(true);
  });

  it('stores refresh tokens only as hashes', async () => {
    const u = await createUser(t);
    const cookie = refreshCookieOf(await login(u.email, TEST_PASSWORD))!;
    const token = cookie.split('=')[1]!;
    const rows = await t.db
      .selectFrom('refreshTokens')
      .select('tokenHash')
      .where('userId', '=', u.id)
      .execute();
    // The session createUser opened, and this log-in's.
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.tokenHash).not.toContain(token);
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses a missing or unknown cookie', async () => {
    expectProblem(await refresh(undefined), 401, 'refresh_token_invalid');
    expectProblem(await refresh('vcentri_rt=made-up'), 401, 'refresh_token_invalid');
  });

  it('logout revokes the session and clears the cookie', async () => {
    const u = await createUser(t);
    const cookie = refreshCookieOf(await login(u.email, TEST_PASSWORD));
    const out = await inject(t, { method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: cookie! } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/vcentri_rt=;/);
    expectProblem(await refresh(cookie), 401, 'refresh_token_invalid');
  });
});

describe('log-in throttling', () => {
  /** A client address of its own, so no other test (or earlier run) has failures counted on it. */
  const uniqueIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  /** Retry-After of a 429: whole seconds, at least 1. */
  function retryAfter(res: { headers: Record<string, unknown> }): number {
    const value = String(res.headers['retry-after']);
    expect(value).toMatch(/^[1-9]\d*$/);
    return Number(value);
  }

  /** Time passing, as the database sees it: the recorded failures move `seconds` into the past. */
  async function rewindFailures(by: { account: string } | { ip: string }, seconds: number) {
    const which = 'account' in by ? sql`target_id = ${by.account.toLowerCase()}` : sql`ip = ${by.ip}`;
    await sql`update audit_log set at = at - make_interval(secs => ${seconds})
              where action = 'auth.login_failed' and ${which}`.execute(t.db);
  }

  /**
   * Shifts the account's failures so the latest happened just now: the wait then read from
   * Retry-After is the whole delay, however long the machine took between two requests.
   */
  async function failedJustNow(account: string) {
    await sql`update audit_log set at = at + (now() - (
                select max(at) from audit_log where action = 'auth.login_failed' and target_id = ${account.toLowerCase()}))
              where action = 'auth.login_failed' and target_id = ${account.toLowerCase()}`.execute(t.db);
  }

  it('five wrong passwords from one address do not lock the owner out; that address is refused, with Retry-After, even with the right password', async () => {
    const u = await createUser(t);
    const attacker = uniqueIp();
    for (let i = 0; i < t.config.loginMaxFailuresPerAccount; i++)
      expectProblem(await login(u.email, 'wrong password!!', attacker), 401, 'invalid_credentials');

    expect((await login(u.email, TEST_PASSWORD, uniqueIp())).statusCode).toBe(200);

    const refused = await login(u.email, TEST_PASSWORD, attacker);
    expectProblem(refused, 429, 'rate_limited');
    const wait = retryAfter(refused);
    expect(wait).toBeLessThanOrEqual(t.config.loginWindowSeconds);
    // The same answer for a wrong password: a refusal reveals nothing about the password.
    const wrong = await login(u.email, 'wrong password!!', attacker);
    expectProblem(wrong, 429, 'rate_limited');
    expect(retryAfter(wrong)).toBeLessThanOrEqual(wait);

    // Counted per account: the same address may still log in to another account.
    const other = await createUser(t);
    expect((await login(other.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);

    // Once the promised seconds have passed, the address is let through again.
    await rewindFailures({ ip: attacker }, wait);
    expect((await login(u.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('refuses an address that failed too often across accounts, and only that address', async () => {
    const limited = await buildTestApp({ loginMaxPerAddress: 3 });
    const ip = uniqueIp();
    const attempt = (email: string, password: string, remoteAddress = ip) =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress,
      });
    for (let i = 0; i < 3; i++)
      expectProblem(await attempt(uniqueEmail('spray'), 'wrong password!!'), 401, 'invalid_credentials');
    const u = await createUser(t);
    const refused = await attempt(u.email, TEST_PASSWORD);
    expectProblem(refused, 429, 'rate_limited');
    const wait = retryAfter(refused);
    expect(wait).toBeLessThanOrEqual(limited.config.loginWindowSeconds);
    expect((await attempt(u.email, TEST_PASSWORD, uniqueIp())).statusCode).toBe(200);

    await rewindFailures({ ip }, wait);
    expect((await attempt(u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('past the account limit, every address waits a delay that doubles with each failure, up to the cap; after the wait an attempt is accepted', async () => {
    const u = await createUser(t);
    // Spread over many addresses, as a distributed guesser would be: no address reaches its own limit.
    for (let i = 0; i <= t.config.loginMaxFailuresPerAccount; i++)
      expectProblem(await login(u.email, 'wrong password!!', uniqueIp()), 401, 'invalid_credentials');

    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await failedJustNow(u.email);
      const refused = await login(u.email, TEST_PASSWORD, uniqueIp());
      expectProblem(refused, 429, 'rate_limited');
      const wait = retryAfter(refused);
      waits.push(wait);
      await rewindFailures({ account: u.email }, wait);
      expectProblem(await login(u.email, 'wrong password!!', uniqueIp()), 401, 'invalid_credentials');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, t.config.loginMaxDelaySeconds, t.config.loginMaxDelaySeconds]);

    // The owner, from an address that has not failed, gets in after the wait; and that ends the delays.
    const ownerIp = uniqueIp();
    const held = await login(u.email, TEST_PASSWORD, ownerIp);
    expectProblem(held, 429, 'rate_limited');
    await rewindFailures({ account: u.email }, retryAfter(held));
    expect((await login(u.email, TEST_PASSWORD, ownerIp)).statusCode).toBe(200);
    expectProblem(await login(u.email, 'wrong password!!', uniqueIp()), 401, 'invalid_credentials');
  });

  it('a burst of parallel guesses gets no more tries than the limits allow, from one address or many', async () => {
    const max = t.config.loginMaxFailuresPerAccount;
    const burst = async (addressOf: (i: number) => string) => {
      const u = await createUser(t);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(u.email, 'wrong password!!', addressOf(i))),
      );
      for (const r of results.filter((x) => x.statusCode !== 401)) {
        expectProblem(r, 429, 'rate_limited');
        retryAfter(r);
      }
      return results.filter((x) => x.statusCode === 401).length;
    };
    const ip = uniqueIp();
    expect(await burst(() => ip)).toBe(max);
    // From many addresses: the free failures, then the one that starts the delays.
    expect(await burst(() => uniqueIp())).toBe(max + 1);
  });

  it('the general request limit on log-in also says when to come back', async () => {
    // Log-in requests carry no token: they count against the address's anonymous limit.
    const limited = await buildTestApp({ rateLimitAnonymousMax: 2 });
    const ip = uniqueIp();
    const attempt = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: uniqueEmail('burst'), password: 'wrong password!!' },
        remoteAddress: ip,
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expectProblem(refused, 429, 'rate_limited');
    expect(retryAfter(refused)).toBeLessThanOrEqual(60);
  });
});

describe('audit of authentication', () => {
  it('records log-ins and failed log-ins with the address, and never a password or token', async () => {
    const u = await createUser(t);
    const secretTry = `wrong-${Math.random()}-password`;
    await login(u.email, secretTry, '10.9.9.9');
    const ok = await login(u.email, TEST_PASSWORD, '10.9.9.8');
    const rows = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('targetId', '=', u.email.toLowerCase())
      .orderBy('at')
      .execute();
    expect(rows.map((r) => [r.action, r.ip])).toEqual([
      ['auth.login_failed', '10.9.9.9'],
      ['auth.login', '10.9.9.8'],
    ]);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secretTry);
    expect(dump).not.toContain(TEST_PASSWORD);
    expect(dump).not.toContain(ok.json().accessToken);
  });
});

describe('/me', () => {
  it('shows the roles and scopes of the account and lets it change its name and language', async () => {
    const u = await createUser(t, [{ role: 'district_admin', district: 'podilskyi' }]);
    const me = await inject(t, { method: 'GET', url: '/api/v1/me', as: u });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['resident', 'district_admin']);
    expect(me.json().scopes).toMatchObject({
      cityAdmin: false,
      districts: ['podilskyi'],
      hubIds: [],
      organizationIds: [],
    });

    const patched = await inject(t, {
      method: 'PATCH',
      url: '/api/v1/me',
      as: u,
      payload: { name: 'Нове ім’я', locale: 'en' },
    });
    expect(patched.json().user).toMatchObject({ name: 'Нове ім’я', locale: 'en' });
    expectProblem(
      await inject(t, { method: 'PATCH', url: '/api/v1/me', as: u, payload: { locale: 'fr' } }),
      400,
      'validation_failed',
    );
  });
});
