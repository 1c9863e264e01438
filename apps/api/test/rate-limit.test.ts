// The general request limit: counted in the database (so API processes share it), per account for
// signed-in requests and per address for the rest, never on the portal's files and pages.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/database';
import { sweepRateLimitCounters } from '../src/plugins/rate-limit';
import {
  bearer,
  buildTestApp,
  createUser,
  expectProblem,
  startOfAWindow,
  type TestApp,
  testConfig,
  testDatabase,
} from './helper';

/** An address of its own: counts live in the database, which outlives a run on PostgreSQL. */
const address = () => `10.${rand()}.${rand()}.${rand()}`;
const rand = () => Math.floor(Math.random() * 254) + 1;

/** A well-formed access token for `sub` signed with a key the server does not know. */
function forgedToken(sub: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, typ: 'access', iss: 'vcentri', aud: 'vcentri-api', iat: now, exp: now + 600 })}`;
  const sig = createHmac('sha256', 'not-the-server-secret-but-long-enough-anyway')
    .update(head)
    .digest('base64url');
  return `${head}.${sig}`;
}

const get = (t: TestApp, url: string, remoteAddress: string, token?: string) =>
  t.app.inject({ method: 'GET', url, remoteAddress, headers: token ? bearer({ token }) : {} });

describe('request limit', () => {
  it('is one count across two API processes on one database, and a 429 says when to retry', async () => {
    const one = await buildTestApp({ rateLimitAnonymousMax: 4 });
    const two = await buildTestApp({ rateLimitAnonymousMax: 4 });
    const ip = address();
    await startOfAWindow();
    const codes = [];
    for (const t of [one, two, one, two]) codes.push((await get(t, '/api/v1/hubs', ip)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200]);

    for (const t of [one, two]) {
      const res = await get(t, '/api/v1/hubs', ip);
      expectProblem(res, 429, 'rate_limited');
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    const row = await one.db
      .selectFrom('rateLimitCounters')
      .select(['hits', 'windowEndsAt'])
      .where('key', '=', `address:${ip}`)
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(6);
    expect(row.windowEndsAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
    await Promise.all([one.app.close(), two.app.close()]);
  });

  describe('with the portal built', () => {
    let web: string;
    let t: TestApp;
    beforeAll(async () => {
      web = mkdtempSync(path.join(tmpdir(), 'vcentri-web-'));
      mkdirSync(path.join(web, 'assets'));
      writeFileSync(path.join(web, 'index.html'), '<!doctype html><script src="/assets/app-1.js"></script>');
      writeFileSync(path.join(web, 'assets/app-1.js'), 'console.log("portal")');
      t = await buildTestApp({ webDistDir: web, rateLimitAnonymousMax: 2 });
    });
    afterAll(async () => {
      await t.app.close();
      rmSync(web, { recursive: true, force: true });
    });

    it("never counts the portal's files and pages, however many", async () => {
      const ip = address();
      await startOfAWindow();
      for (let i = 0; i < 10; i++) {
        for (const url of ['/', '/assets/app-1.js', '/index.html', '/registry', `/hubs/${randomUUID()}`]) {
          const res = await get(t, url, ip);
          expect(res.statusCode, url).toBe(200);
          expect(res.body).toContain(url === '/assets/app-1.js' ? 'portal' : '<script');
        }
      }
      // The address's API count was untouched by those fifty: its two requests are still there.
      expect((await get(t, '/api/v1/hubs', ip)).statusCode).toBe(200);
      expect((await get(t, '/api/v1/hubs', ip)).statusCode).toBe(200);
      expectProblem(await get(t, '/api/v1/hubs', ip), 429, 'rate_limited');
      // Over the API limit, the portal still loads.
      expect((await get(t, '/assets/app-1.js', ip)).statusCode).toBe(200);
      expect((await get(t, '/events', ip)).statusCode).toBe(200);
    });

    it('lets browsers keep the hashed assets and revalidate the pages', async () => {
      const ip = address();
      expect((await get(t, '/assets/app-1.js', ip)).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
      for (const url of ['/', '/index.html', '/registry']) {
        expect((await get(t, url, ip)).headers['cache-control'], url).not.toContain('immutable');
      }
    });
  });

  it('counts signed-in requests per account and the rest per address; an unverified token is anonymous', async () => {
    const t = await buildTestApp({ rateLimitMax: 3, rateLimitAnonymousMax: 2 });
    const [alice, bob] = [await createUser(t), await createUser(t)];
    const hall = address();
    await startOfAWindow();

    for (let i = 0; i < 3; i++) expect((await get(t, '/api/v1/me', hall, alice.token)).statusCode).toBe(200);
    expectProblem(await get(t, '/api/v1/me', hall, alice.token), 429, 'rate_limited');
    // The account's count follows it to another address.
    expectProblem(await get(t, '/api/v1/me', address(), alice.token), 429, 'rate_limited');
    // Another account on the same Wi-Fi, and an anonymous visitor there, have counts of their own.
    expect((await get(t, '/api/v1/me', hall, bob.token)).statusCode).toBe(200);
    expect((await get(t, '/api/v1/hubs', hall)).statusCode).toBe(200);

    // A token for Bob that the server did not sign counts against its sender's address, not Bob.
    const elsewhere = address();
    expect((await get(t, '/api/v1/hubs', elsewhere, forgedToken(bob.id))).statusCode).toBe(200);
    expect((await get(t, '/api/v1/hubs', elsewhere, 'not-a-token')).statusCode).toBe(200);
    expectProblem(await get(t, '/api/v1/hubs', elsewhere, forgedToken(bob.id)), 429, 'rate_limited');
    expectProblem(await get(t, '/api/v1/hubs', elsewhere), 429, 'rate_limited');
    expect((await get(t, '/api/v1/me', hall, bob.token)).statusCode).toBe(200);
    expect((await get(t, '/api/v1/me', elsewhere, bob.token)).statusCode).toBe(200);
    expectProblem(await get(t, '/api/v1/me', hall, bob.token), 429, 'rate_limited');
    await t.app.close();
  });

  it('lets requests through uncounted when the database does not answer, instead of failing them', async () => {
    const handle = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    const app = await buildApp({ config: testConfig({ rateLimitAnonymousMax: 1 }), db: handle.db });
    const ip = address();
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json', remoteAddress: ip });
      expect(res.statusCode).toBe(200);
      expect(res.json().openapi).toBe('3.1.0');
    }
    // A request that needs the database meets that failure itself, not a limiter error.
    const health = await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: ip });
    expect(health.statusCode).toBe(503);
    await app.close();
    await handle.close();
  });

  it('sweeps ended windows and keeps the current ones', async () => {
    const { db } = await testDatabase();
    const [ended, current] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    await db
      .insertInto('rateLimitCounters')
      .values([
        { key: ended, windowEndsAt: sql<Date>`now() - interval '1 second'`, hits: 5 },
        { key: current, windowEndsAt: sql<Date>`now() + interval '1 minute'`, hits: 5 },
      ])
      .execute();
    await sweepRateLimitCounters(db);
    const left = await db
      .selectFrom('rateLimitCounters')
      .select('key')
      .where('key', 'in', [ended, current])
      .execute();
    expect(left.map((r) => r.key)).toEqual([current]);
  });
});
