// Graceful overload: past what the process can take, API requests are refused at once with
// 503 `overloaded` + Retry-After (problem+json) while /api/v1/health keeps answering, and every
// database statement has a timeout whose expiry is a 503, not a 500.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import {
  type DatabaseHandle,
  oldestConnectionWait,
  openDatabase,
  waitingForConnection,
} from '../src/db/database';
import {
  buildTestApp,
  expectProblem,
  TEST_DATABASE_URL,
  type TestApp,
  testConfig,
  testDatabase,
} from './helper';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Blocks the event loop until under-pressure reports it (a condition, not a timing guess). */
async function pressure(t: TestApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const until = Date.now() + 300;
    while (Date.now() < until) {
      // a stalled event loop, as a CPU-bound overload makes it
    }
    await sleep(20);
    if (t.app.isUnderPressure()) return;
  }
  throw new Error('under-pressure never reported the stalled event loop');
}

/**
 * The requests, sent one after the other while the process reports pressure; re-stalled until the
 * API reads among them (`/api/v1/hubs`) are all refused, so the pressure was in force throughout
 * (a new sample may end it at any moment).
 */
async function underPressure(t: TestApp, urls: string[]) {
  for (let i = 0; i < 10; i++) {
    await pressure(t);
    const answers: Awaited<ReturnType<TestApp['app']['inject']>>[] = [];
    for (const url of urls) answers.push(await t.app.inject({ method: 'GET', url }));
    if (urls.every((url, j) => url !== '/api/v1/hubs' || answers[j]?.statusCode === 503)) return answers;
  }
  throw new Error('under pressure, the API read was never refused');
}

function expectOverloaded(res: Awaited<ReturnType<TestApp['app']['inject']>>) {
  expectProblem(res, 503, 'overloaded');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('a stalled event loop', () => {
  let t: TestApp;
  afterAll(async () => {
    await t?.app.close();
  });

  it('refuses API requests with 503 overloaded + Retry-After, and health still answers', async () => {
    t = await buildTestApp({ maxEventLoopDelayMs: 1 });
    const [hubs, health, again, page] = await underPressure(t, [
      '/api/v1/hubs',
      '/api/v1/health',
      '/api/v1/hubs',
      // Outside the API (the portal's pages and files) nothing is refused for load.
      '/no-such-page.js',
    ]);
    expectOverloaded(hubs!);
    expect(health!.statusCode).toBe(200);
    expect(health!.json()).toEqual({ status: 'ok', db: 'ok' });
    expectOverloaded(again!);
    expectProblem(page!, 404, 'not_found');
  });

  it('with the check off (MAX_EVENT_LOOP_DELAY_MS=0) serves through the same stall', async () => {
    const off = await buildTestApp({ maxEventLoopDelayMs: 0 });
    try {
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // stalled
      }
      const res = await off.app.inject({ method: 'GET', url: '/api/v1/hubs' });
      expect(res.statusCode).toBe(200);
    } finally {
      await off.app.close();
    }
  });
});

describe('every pooled connection has a statement timeout', () => {
  it.runIf(TEST_DATABASE_URL)('10 s unless configured', async () => {
    const { db } = await testDatabase();
    const { rows } = await sql<{ statementTimeout: string }>`show statement_timeout`.execute(db);
    expect(rows[0]?.statementTimeout).toBe('10s');
  });
});

describe.runIf(TEST_DATABASE_URL)('database work past its bounds', () => {
  const handles: DatabaseHandle[] = [];
  const apps: TestApp['app'][] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const h of handles) await h.close();
  });

  /** An app on a pool of one connection, which the test holds until it calls `release`. */
  async function oneHeldConnection(overrides: Parameters<typeof testConfig>[0]) {
    const handle = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
    handles.push(handle);
    const app = await buildApp({ config: testConfig(overrides), db: handle.db });
    apps.push(app);
    await app.ready();
    const db = handle.db;
    expect(oldestConnectionWait(db)).toBe(0);
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let acquired!: () => void;
    const isAcquired = new Promise<void>((r) => {
      acquired = r;
    });
    const holder = db.connection().execute(async (c) => {
      await sql`select 1`.execute(c);
      acquired();
      await released;
    });
    await isAcquired;
    return { app, db, release, holder };
  }

  it('a statement over DATABASE_STATEMENT_TIMEOUT_MS is cancelled and answered 503 overloaded', async () => {
    const handle = await openDatabase({
      databaseUrl: TEST_DATABASE_URL,
      poolSize: 2,
      statementTimeoutMs: 100,
    });
    handles.push(handle);
    const app = await buildApp({ config: testConfig({ databaseStatementTimeoutMs: 100 }), db: handle.db });
    apps.push(app);
    app.get('/api/v1/test-slow-statement', { config: { access: 'public' } }, async () => {
      await sql`select pg_sleep(5)`.execute(handle.db);
      return { slept: true };
    });
    await app.ready();
    const started = Date.now();
    const res = await app.inject({ method: 'GET', url: '/api/v1/test-slow-statement' });
    expectOverloaded(res);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(res.body).not.toMatch(/57014|cancel|pg_sleep/i);
    // The connection is fine afterwards, and so is the API.
    expect((await app.inject({ method: 'GET', url: '/api/v1/hubs' })).statusCode).toBe(200);
  });

  it('with DATABASE_MAX_WAITING calls waiting for a connection, new requests get 503 overloaded; health answers; all recovers at once', async () => {
    const { app, db, release, holder } = await oneHeldConnection({ databaseMaxWaiting: 1 });
    // One call waiting for it: the bound is reached.
    const waiter = sql`select 1`.execute(db);
    while ((waitingForConnection(db) ?? 0) < 1) await sleep(5);

    expectOverloaded(await app.inject({ method: 'GET', url: '/api/v1/hubs' }));
    // Health is not refused: it waits its turn for the connection and answers once it has one.
    const health = app.inject({ method: 'GET', url: '/api/v1/health' });
    while ((waitingForConnection(db) ?? 0) < 2) await sleep(5);
    release();
    await holder;
    await waiter;
    const h = await health;
    expect(h.statusCode).toBe(200);
    expect(h.json()).toEqual({ status: 'ok', db: 'ok' });
    // Nothing waits any more: the next request is served.
    expect(waitingForConnection(db)).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/v1/hubs' })).statusCode).toBe(200);
  });

  it('with DATABASE_MAX_WAIT_MS, a call that has waited that long for a connection refuses new requests; a short wait does not', async () => {
    const { app, db, release, holder } = await oneHeldConnection({
      databaseMaxWaiting: 0,
      databaseMaxWaitMs: 150,
    });
    const waiter = sql`select 1`.execute(db);
    while ((waitingForConnection(db) ?? 0) < 1) await sleep(5);
    // A queue of one call is not refused while it is young: the count bound is off, only time counts.
    const young = app.inject({ method: 'GET', url: '/api/v1/hubs' });
    while ((waitingForConnection(db) ?? 0) < 2) await sleep(5);
    await sleep(200);
    expect(oldestConnectionWait(db)).toBeGreaterThan(150);
    expectOverloaded(await app.inject({ method: 'GET', url: '/api/v1/hubs' }));
    release();
    await holder;
    await waiter;
    expect((await young).statusCode).toBe(200);
    expect(oldestConnectionWait(db)).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/v1/hubs' })).statusCode).toBe(200);
  });
});
