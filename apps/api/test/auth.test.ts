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
    const now = Math.floor(Date.now() / 1000);
    const expired = t.app.jwt.sign({ sub: u.id, typ: 'access', iat: now - 3600 } as never, { expiresIn: 60 });
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: expired } }),
      401,
      'token_expired',
    );

    const other = await buildTestApp({ jwtSecret: 'another-secret-another-secret-another-secret' });
    const foreign = await other.app.signAccessToken(u.id);
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: foreign } }),
      401,
      'unauthorized',
    );

    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: u.id, typ: 'access', iss: 'vcentri', aud: 'vcentri-api', exp: now + 600 })}.`;
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/me', as: { token: none } }),
      401,
      'unauthorized',
    );

    const wrongAud = t.app.jwt.sign({ sub: u.id, typ: 'access' }, { aud: 'someone-else' } as never);
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
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
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

describe('log-in rate limits', () => {
  it('limits failed attempts per account, even from many addresses, and then refuses the right password too', async () => {
    const u = await createUser(t);
    for (let i = 0; i < t.config.loginMaxFailuresPerAccount; i++) {
      expectProblem(await login(u.email, 'wrong password!!', `10.2.${i}.1`), 401, 'invalid_credentials');
    }
    expectProblem(await login(u.email, TEST_PASSWORD, '10.2.99.1'), 429, 'rate_limited');
    // Another account is not affected.
    const other = await createUser(t);
    expect((await login(other.email, TEST_PASSWORD, '10.2.99.1')).statusCode).toBe(200);
  });

  it('limits failed attempts per client address across accounts', async () => {
    const limited = await buildTestApp({ loginMaxPerAddress: 3 });
    const ip = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const attempt = (email: string, password: string) =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress: ip,
      });
    for (let i = 0; i < 3; i++)
      expect((await attempt(uniqueEmail('spray'), 'wrong password!!')).statusCode).toBe(401);
    const u = await createUser(t);
    const res = await attempt(u.email, TEST_PASSWORD);
    expectProblem(res, 429, 'rate_limited');
    // A different address still gets in.
    expect(
      (
        await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: u.email, password: TEST_PASSWORD },
          remoteAddress: '10.4.0.1',
        })
      ).statusCode,
    ).toBe(200);
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
