// The general request limit on the API (/api/…), counted in PostgreSQL so that every API process
// behind a load balancer shares one count. Signed-in requests count per account (the subject of
// a verified access token), so people sharing a hub's Wi-Fi do not share a limit; the rest count
// per client address with a ceiling high enough for a hall of people on one address. The portal's
// files and pages are never counted: a page is one HTML file and a dozen scripts, and a 429 on a
// script leaves a blank page.
//
// A key far below its limit is counted in memory and flushed (LOCAL_FLUSH_MS), so a busy public
// read does not write a row per request: the first hit of a key in a window, every hit once the
// count known to this process reaches half the limit, and every hit of a limit under
// 20 × LOCAL_MIN_BATCH go to the database at once, so small limits stay exact across processes. A
// process holds at most a twentieth of a limit uncounted, so N processes can let through at most
// (N − 1) twentieths more than the limit in a window.
import fastifyRateLimit, { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { AppError } from '../errors';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER_RE = /^Bearer\s+(\S+)$/i;
const SWEEP_EVERY_MS = 60_000;
/** The window of the general limit (RATE_LIMIT_MAX, RATE_LIMIT_ANONYMOUS_MAX). */
const GENERAL_WINDOW_MS = 60_000;
/** How often the hits counted in memory are written to the shared counters. */
export const LOCAL_FLUSH_MS = 1_000;
/** A process counts a key in memory only for limits of at least 20 × this. */
const LOCAL_MIN_BATCH = 5;
/**
 * The last moment of a window (as the database's clock said at the last hit that went there) goes
 * to the database: what the round trip took is unknown.
 */
const LOCAL_WINDOW_MARGIN_MS = 50;
const WARN_EVERY_MS = 30_000;

/**
 * One hit on a fixed window: one statement, so concurrent requests from several processes add up
 * exactly. Windows are aligned to the database's clock (not each process's) and end together for
 * every key; the answer is the hits so far and the milliseconds until the window ends.
 */
export async function countHit(
  db: Database,
  key: string,
  windowMs: number,
  hits = 1,
): Promise<{ current: number; ttl: number }> {
  const window = `${Math.max(1, Math.trunc(windowMs))} milliseconds`;
  const { rows } = await sql<{ hits: number; ttlMs: number }>`
    insert into rate_limit_counters as c (key, window_ends_at, hits)
    values (${key}, date_bin(${window}::interval, now(), timestamptz 'epoch') + ${window}::interval, ${hits}::int)
    on conflict (key, window_ends_at) do update set hits = c.hits + excluded.hits
    returning c.hits, greatest(1, ceil(extract(epoch from c.window_ends_at - now()) * 1000))::int as ttl_ms
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error('rate limit counter was not written');
  return { current: row.hits, ttl: row.ttlMs };
}

/** Adds hits counted in memory to the current windows of their keys, in one statement. */
export async function addHits(db: Database, batch: { key: string; windowMs: number; hits: number }[]) {
  if (batch.length === 0) return;
  await sql`
    insert into rate_limit_counters as c (key, window_ends_at, hits)
    select k, date_bin(w * interval '1 millisecond', now(), timestamptz 'epoch') + w * interval '1 millisecond', n
    from unnest(${batch.map((b) => b.key)}::text[], ${batch.map((b) => Math.max(1, Math.trunc(b.windowMs)))}::int[],
                ${batch.map((b) => b.hits)}::int[]) as t(k, w, n)
    on conflict (key, window_ends_at) do update set hits = c.hits + excluded.hits
  `.execute(db);
}

/** Drops the windows that have ended; any process may run it, as often as it likes. */
export async function sweepRateLimitCounters(db: Database): Promise<number> {
  const res = await db
    .deleteFrom('rateLimitCounters')
    .where('windowEndsAt', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** What this process knows of a key's current window. */
interface Local {
  /** The count the database returned at the last hit that went there. */
  known: number;
  /** Hits let through here since, not yet written. */
  pending: number;
  windowEndsAt: number;
  windowMs: number;
}

/** The keys of every store of one app, flushed together. */
export class LocalCounts {
  readonly keys = new Map<string, Local>();
  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Counts one hit of `key` against `max` in windows of `windowMs`; calls back with the count. */
  hit(
    key: string,
    windowMs: number,
    max: number,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
  ): void {
    const now = Date.now();
    const local = this.keys.get(key);
    const batch = Math.floor(max / 20);
    if (
      local &&
      batch >= LOCAL_MIN_BATCH &&
      local.pending < batch &&
      (local.known + local.pending + 1) * 2 <= max &&
      now < local.windowEndsAt - LOCAL_WINDOW_MARGIN_MS
    ) {
      local.pending++;
      callback(null, { current: local.known + local.pending, ttl: local.windowEndsAt - now });
      return;
    }
    // This hit and any held here go to the database together; its answer is the shared count.
    const held = local && now < local.windowEndsAt ? local.pending : 0;
    if (local) local.pending = 0;
    countHit(this.db, key, windowMs, 1 + held).then(
      (result) => {
        const windowEndsAt = Date.now() + result.ttl;
        // Hits counted here while this one was on its way stay pending (same window only).
        const current = this.keys.get(key);
        const pending =
          current && Math.abs(current.windowEndsAt - windowEndsAt) < 1_000 ? current.pending : 0;
        this.keys.set(key, { known: result.current, pending, windowEndsAt, windowMs });
        callback(null, result);
      },
      (err: unknown) => {
        this.onError(err);
        callback(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  async flush(): Promise<void> {
    const batch: { key: string; windowMs: number; hits: number }[] = [];
    const now = Date.now();
    for (const [key, local] of this.keys) {
      if (local.pending > 0 && now < local.windowEndsAt) {
        batch.push({ key, windowMs: local.windowMs, hits: local.pending });
        local.known += local.pending;
      }
      if (now >= local.windowEndsAt) this.keys.delete(key);
      else local.pending = 0;
    }
    // Lost when the database is away, as a hit that could not be counted is (skipOnError).
    await addHits(this.db, batch).catch(this.onError);
  }
}

/** @fastify/rate-limit's store interface over the counters table; a route's own limit gets its own keys. */
class CounterStore implements FastifyRateLimitStore {
  constructor(
    private readonly locals: LocalCounts,
    private readonly prefix = '',
  ) {}

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
    max?: number,
  ): void {
    this.locals.hit(this.prefix + key, timeWindow, max ?? 0, callback);
  }

  child(routeOptions: unknown): FastifyRateLimitStore {
    // The plugin passes the merged limit options with the route under `routeInfo`.
    const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
    return new CounterStore(this.locals, `${String(route?.method)} ${String(route?.url)}|`);
  }
}

/** The account of a valid access token, or null: an unverified or expired token is anonymous. */
function verifiedAccount(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER_RE.exec(header)?.[1] : undefined;
  if (!token) return null;
  try {
    const claims = request.server.jwt.verify<{ sub?: unknown; typ?: unknown }>(token);
    return claims.typ === 'access' && typeof claims.sub === 'string' && UUID_RE.test(claims.sub)
      ? claims.sub.toLowerCase()
      : null;
  } catch {
    return null;
  }
}

export function rateLimitKey(request: FastifyRequest): string {
  const account = request.headers.authorization === undefined ? null : verifiedAccount(request);
  if (account) return `account:${account}`;
  // A client that reset its connection mid-request has no address left; it still gets a key.
  const ip = request.ip;
  if (!ip) return 'address:unknown';
  let key = addressKeys.get(ip);
  if (key === undefined) {
    key = `address:${normalizeIP(ip)}`;
    if (addressKeys.size >= ADDRESS_KEYS_KEPT) addressKeys.clear();
    addressKeys.set(ip, key);
  }
  return key;
}

/**
 * The key of each address heard from lately: an IPv6 address is parsed (and cut to its /64) by a
 * library, a few microseconds that a busy client would pay on every request.
 */
const addressKeys = new Map<string, string>();
const ADDRESS_KEYS_KEPT = 4096;

export default fp(
  async (app: FastifyInstance, opts: { config: Readonly<Config>; db: Database }) => {
    const { config, db } = opts;
    let lastWarning = 0;
    const warn = (err: unknown) => {
      if (Date.now() - lastWarning < WARN_EVERY_MS) return;
      lastWarning = Date.now();
      app.log.warn({ err }, 'rate-limit counters unavailable; requests pass uncounted');
    };

    const locals = new LocalCounts(db, warn);
    await app.register(fastifyRateLimit, {
      // Not attached to every route: the hook below decides which requests count. Routes with their
      // own `config.rateLimit` (sign-up) still get the plugin's per-route hook, on the same table.
      global: false,
      store: class extends CounterStore {
        constructor() {
          super(locals);
        }
      },
      keyGenerator: rateLimitKey,
      max: (_request, key) =>
        key.startsWith('account:') ? config.rateLimitMax : config.rateLimitAnonymousMax,
      timeWindow: '1 minute',
      // The database is down or slow to answer: let the request through to meet that error itself
      // (health answers 503, reads fail as they would) rather than turn every request into a 500.
      skipOnError: true,
      errorResponseBuilder: (_req, context) =>
        Object.assign(
          new AppError(
            'rate_limited',
            429,
            `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
          ),
          { statusCode: 429 },
        ),
    });

    // The general limit, counted here rather than through the plugin's generic path (a few
    // microseconds a request less), with the plugin's headers and answer. An app-wide onRequest
    // hook registered before auth's, so an over-the-limit request is refused before its token's
    // account is loaded from the database.
    const tooMany = (ttlMs: number) =>
      Object.assign(
        new AppError('rate_limited', 429, `Too many requests; try again in ${Math.ceil(ttlMs / 1000)} s.`),
        { statusCode: 429 },
      );
    const limits = new Map([config.rateLimitMax, config.rateLimitAnonymousMax].map((n) => [n, String(n)]));
    app.addHook('onRequest', (request, reply, done) => {
      if (!request.url.startsWith('/api/')) return done();
      // false: exempt (health); an object: the route's own limit, applied by the plugin.
      if (request.routeOptions.config?.rateLimit !== undefined) return done();
      const key = rateLimitKey(request);
      const max = key.startsWith('account:') ? config.rateLimitMax : config.rateLimitAnonymousMax;
      locals.hit(key, GENERAL_WINDOW_MS, max, (err, result) => {
        // The database is down or slow to answer: the request passes uncounted (see above).
        if (err || !result) return done();
        const reset = String(Math.ceil(result.ttl / 1000));
        reply.header('x-ratelimit-limit', limits.get(max) ?? String(max));
        reply.header('x-ratelimit-remaining', String(Math.max(0, max - result.current)));
        reply.header('x-ratelimit-reset', reset);
        if (result.current <= max) return done();
        reply.header('retry-after', reset);
        done(tooMany(result.ttl));
      });
    });

    const sweeper = setInterval(() => {
      sweepRateLimitCounters(db).catch(warn);
    }, SWEEP_EVERY_MS);
    sweeper.unref();
    const flusher = setInterval(() => {
      void locals.flush();
    }, LOCAL_FLUSH_MS);
    flusher.unref();
    app.addHook('onClose', async () => {
      clearInterval(sweeper);
      clearInterval(flusher);
      await locals.flush();
    });
  },
  { name: 'rate-limit', dependencies: ['problem'] },
);
