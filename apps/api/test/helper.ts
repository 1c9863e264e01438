// Test harness: the real app over a real database built by the real migrations. Embedded PGlite
// by default (one per worker); a PostgreSQL server when TEST_DATABASE_URL is set. Tests isolate
// by creating their own rows with unique values, never by cleaning the database.
import { randomUUID } from 'node:crypto';
import type { GrantedRole } from '@vcentri/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { type Config, loadConfig, newSigningKey } from '../src/config';
import { type DatabaseHandle, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import type { JobHandler } from '../src/jobs/worker';
import { hashPassword } from '../src/modules/auth/passwords';
import { insertRefreshToken, newRefreshToken } from '../src/modules/auth/refresh-tokens.repository';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;
export const TEST_PASSWORD = 'correct horse battery staple';

let shared: Promise<DatabaseHandle> | null = null;

/** The worker's database, migrated once. */
export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    const handle = await openDatabase({
      databaseUrl: TEST_DATABASE_URL,
      embeddedDir: 'memory://',
      poolSize: 20,
    });
    await migrateToLatest(handle.db);
    return handle;
  })();
  return shared;
}

/** One credential signing key per test worker (its public half lands in the shared key table). */
export const TEST_SIGNING_KEY = newSigningKey();

export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return loadConfig(
    { JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', DEMO_DATA: '0' },
    {
      rateLimitMax: 1_000_000,
      rateLimitAnonymousMax: 1_000_000,
      loginMaxPerAddress: 1_000_000,
      webDistDir: '/nonexistent',
      // Every app runs a job worker; the suite's many apps would otherwise poll the shared test
      // database every second. Tests of jobs set their own interval or run the worker by hand.
      jobsPollIntervalMs: 3_600_000,
      // Many apps share one test process, which blocks its own event loop (embedded migrations,
      // hashing) and fires bursts of concurrent requests: load refusals would make unrelated tests
      // flaky. overload.test.ts turns them on with its own thresholds.
      maxEventLoopDelayMs: 0,
      databaseMaxWaiting: 0,
      databaseMaxWaitMs: 0,
      credentialSigningKey: TEST_SIGNING_KEY,
      ...overrides,
    },
  );
}

export interface TestApp {
  app: FastifyInstance;
  db: DatabaseHandle['db'];
  config: Readonly<Config>;
}

export async function buildTestApp(
  overrides: Partial<Config> = {},
  extra: { jobHandlers?: Record<string, JobHandler>; db?: DatabaseHandle['db'] } = {},
): Promise<TestApp> {
  const handle = await testDatabase();
  const config = testConfig(overrides);
  const db = extra.db ?? handle.db;
  const app = await buildApp({ config, db, jobHandlers: extra.jobHandlers });
  await app.ready();
  return { app, db, config };
}

/** Polls `check` until it holds (another process hears of a write by a notification). */
export async function eventually(check: () => Promise<boolean>, ms = 5_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A second API process on the test database, to be closed by the test: on PostgreSQL an app with a
 * pool of its own (it hears of the first one's writes by notification); the embedded database has
 * one process only, so there a second app on the shared handle (and its write signal).
 */
export async function anotherProcess(): Promise<TestApp & { close(): Promise<void> }> {
  if (!TEST_DATABASE_URL) {
    const other = await buildTestApp();
    return { ...other, close: () => other.app.close() };
  }
  const own = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 3 });
  const config = testConfig();
  const app = await buildApp({ config, db: own.db });
  await app.ready();
  return {
    app,
    db: own.db,
    config,
    close: async () => {
      await app.close();
      await own.close();
    },
  };
}

export const unique = (prefix = 't') => `${prefix}-${randomUUID().slice(0, 8)}`;
export const uniqueEmail = (prefix = 'user') => `${unique(prefix)}@test.vcentri.kyiv.ua`;

let cachedHash: Promise<string> | null = null;
/** One argon2id hash of TEST_PASSWORD, reused for every account the tests create directly. */
const testPasswordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export interface GrantSpec {
  role: GrantedRole;
  district?: string;
  hubId?: string;
  organizationId?: string;
}

/** An account with the given grants and a real signed access token. */
export async function createUser(
  t: TestApp,
  grants: GrantSpec[] = [],
  email = uniqueEmail(),
): Promise<TestUser> {
  const user = await t.db
    .insertInto('users')
    .values({ email, name: `Test ${email}`, passwordHash: await testPasswordHash() })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const g of grants) {
    await t.db
      .insertInto('roleGrants')
      .values({
        userId: user.id,
        role: g.role,
        district: g.district ?? null,
        hubId: g.hubId ?? null,
        organizationId: g.organizationId ?? null,
      })
      .execute();
  }
  return { id: user.id, email, token: await accessTokenFor(t, user.id) };
}

/**
 * A real signed access token for the account, in a session of its own: access tokens name their
 * refresh-token family, and the API refuses them once that family is revoked.
 */
export async function accessTokenFor(t: Pick<TestApp, 'app' | 'db'>, userId: string): Promise<string> {
  const sessionId = randomUUID();
  await insertRefreshToken(t.db, {
    userId,
    familyId: sessionId,
    tokenHash: newRefreshToken().hash,
    ttlSeconds: 3600,
  });
  return t.app.signAccessToken(userId, sessionId);
}

export async function createHub(t: TestApp, district = 'obolonskyi'): Promise<string> {
  const hub = await t.db
    .insertInto('hubs')
    .values({
      nameUk: unique('Хаб'),
      nameEn: unique('Hub'),
      district,
      addressUk: 'вул. Тестова, 1',
      addressEn: '1 Test St',
      latitude: 50.45,
      longitude: 30.52,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return hub.id;
}

export async function createOrganization(t: TestApp, status = 'verified'): Promise<string> {
  const org = await t.db
    .insertInto('organizations')
    .values({ nameUk: unique('ГО'), nameEn: unique('NGO'), status, district: 'podilskyi' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return org.id;
}

export function bearer(user: { token: string } | null | undefined): Record<string, string> {
  return user ? { authorization: `Bearer ${user.token}` } : {};
}

export function inject(
  t: TestApp,
  opts: InjectOptions & { as?: { token: string } | null },
): Promise<LightMyRequestResponse> {
  const { as, ...rest } = opts;
  return t.app.inject({ ...rest, headers: { ...bearer(as), ...(rest.headers ?? {}) } });
}

/** The refresh cookie a response set, as the next request's Cookie header value. */
export function refreshCookieOf(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((x) => x.name === 'vcentri_rt');
  return c?.value ? `vcentri_rt=${c.value}` : undefined;
}

export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  const body = res.json();
  if (res.statusCode !== status || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.statusCode} ${res.body}`);
  }
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${res.headers['content-type']}`);
  }
  return body as {
    status: number;
    code: string;
    detail?: string;
    errors?: { path: string; code: string; message: string }[];
  };
}

/**
 * A database of its own, for tests that need an empty one: a new database on the PostgreSQL
 * server when TEST_DATABASE_URL is set, else a new in-memory embedded one. Call drop() after.
 */
export async function freshDatabase(): Promise<{
  handle: DatabaseHandle;
  url: string | null;
  drop(): Promise<void>;
}> {
  if (!TEST_DATABASE_URL) {
    const handle = await openDatabase({ databaseUrl: null, embeddedDir: 'memory://' });
    return { handle, url: null, drop: () => handle.close() };
  }
  const name = `vcentri_fresh_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
  const { sql } = await import('kysely');
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
      await admin.close();
    },
  };
}

/**
 * Request-limit windows are fixed minutes on the database's clock; a test that counts to a limit
 * starts early in one, so its requests are not split across two (it then has at least 20 s for
 * a handful of requests, however busy the machine). Waits at most ~20 s.
 */
export async function startOfAWindow(): Promise<void> {
  const { db } = await testDatabase();
  const { rows } = await sql<{ leftMs: number }>`
    select (60000 - (extract(epoch from now()) * 1000)::bigint % 60000)::int as left_ms
  `.execute(db);
  const left = rows[0]?.leftMs ?? 60000;
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 200));
}
