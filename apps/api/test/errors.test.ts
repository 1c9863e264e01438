import { describe, expect, it, beforeAll } from 'vitest';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/database';
import {
  buildTestApp,
  createUser,
  expectProblem,
  inject,
  startOfAWindow,
  type TestApp,
  testConfig,
  uniqueEmail,
} from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});

const noLeaks = (body: string) => {
  expect(body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|select |insert into|SQLSTATE|syntax error/i);
};

describe('error shapes', () => {
  it('malformed JSON is a 400 malformed_json problem', async () => {
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expectProblem(res, 400, 'malformed_json');
    noLeaks(res.body);
  });

  it('an oversized body is a 413 payload_too_large problem', async () => {
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: uniqueEmail(), password: 'x'.repeat(2 * 1024 * 1024), name: 'A' }),
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('a body that is not JSON is a 415 unsupported_media_type problem', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await inject(t, {
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': type },
        payload: 'email=a&password=b',
      });
      expectProblem(res, 415, 'unsupported_media_type');
    }
  });

  it('unknown API routes and unknown ids are 404 not_found problems', async () => {
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/does-not-exist' }), 404, 'not_found');
    expectProblem(await inject(t, { method: 'DELETE', url: '/api/v1/hubs' }), 404, 'not_found');
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/hubs/00000000-0000-4000-8000-000000000000' }),
      404,
      'not_found',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/rooms/00000000-0000-4000-8000-000000000000' }),
      404,
      'not_found',
    );
  });

  it('invalid path and query parameters are 400 validation_failed with the field path', async () => {
    const p = expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/hubs/not-a-uuid' }),
      400,
      'validation_failed',
    );
    expect(p.errors?.[0]?.path).toBe('/params/id');
    const q = expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/hubs?limit=0&district=atlantis' }),
      400,
      'validation_failed',
    );
    expect(q.errors!.map((e) => e.path).sort()).toEqual(['/querystring/district', '/querystring/limit']);
  });

  it('problem bodies carry type, title, status, code and detail', async () => {
    const res = await inject(t, { method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: expect.stringContaining('unauthorized'),
      title: 'Unauthorized',
      status: 401,
      code: 'unauthorized',
    });
  });

  it('an unexpected failure is a 500 internal_error that leaks nothing', async () => {
    const handle = await openDatabase({ databaseUrl: null, embeddedDir: 'memory://' });
    // A database without our tables: every query fails inside the service.
    const app = await buildApp({ config: testConfig(), db: handle.db });
    const u = await createUser(t);
    const res = await app.inject({ method: 'GET', url: '/api/v1/hubs' });
    expectProblem(res, 500, 'internal_error');
    noLeaks(res.body);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${u.token}` },
    });
    expect(me.statusCode).toBe(500);
    noLeaks(me.body);
    await app.close();
    await handle.close();
  });
});

describe('health, OpenAPI, headers', () => {
  it('health says ok with the database up', async () => {
    const ok = await inject(t, { method: 'GET', url: '/api/v1/health' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('health is 503 when a PostgreSQL server does not answer', async () => {
    const handle = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    const app = await buildApp({ config: testConfig(), db: handle.db });
    const down = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', db: 'unreachable' });
    await app.close();
    await handle.close();
  });

  it('publishes an OpenAPI 3.1 document with every route, and interactive docs', async () => {
    const res = await inject(t, { method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/health',
      '/api/v1/hubs',
      '/api/v1/hubs/{id}',
      '/api/v1/hubs/{id}/rooms',
      '/api/v1/rooms/{id}',
      '/api/v1/admin/users',
      '/api/v1/admin/users/{id}/roles',
      '/api/v1/admin/audit',
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths['/api/v1/auth/login'].post.responses).toHaveProperty('429');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const docs = await inject(t, { method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers with a content security policy and no CORS unless configured', async () => {
    const res = await inject(t, {
      method: 'GET',
      url: '/api/v1/hubs',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();

    const cors = await buildTestApp({ corsOrigins: ['https://kyiv.digital'] });
    const allowed = await cors.app.inject({
      method: 'GET',
      url: '/api/v1/hubs',
      headers: { origin: 'https://kyiv.digital' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://kyiv.digital');
    const other = await cors.app.inject({
      method: 'GET',
      url: '/api/v1/hubs',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 rate_limited problems once the per-address request limit is spent', async () => {
    const limited = await buildTestApp({ rateLimitAnonymousMax: 3 });
    // The count lives in the database, which outlives a run on PostgreSQL: an address of its own.
    const remoteAddress = `10.77.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
    // Counts are per minute: five requests split across two minutes would not reach the limit.
    await startOfAWindow();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await limited.app.inject({ method: 'GET', url: '/api/v1/hubs', remoteAddress })).statusCode,
      );
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const res = await limited.app.inject({ method: 'GET', url: '/api/v1/hubs', remoteAddress });
    expectProblem(res, 429, 'rate_limited');
    expect(res.headers['retry-after']).toBeDefined();
  });
});
