// Public reads answered from memory. A route that shows the same answer to everyone (the hub
// network, a room, the public event list, the registry search, the open-data catalogue) declares
// `config.publicCache` with the tables its answer is built from; its handler answers through
// `app.publicCache.send`. The answer is serialized once and kept with the tables' data versions
// (migration 20261210000000: a counter per table, bumped by the database on every write), so a
// write anywhere makes it stale:
// - a write through this process's database handle (any request, job or script) is known the
//   moment it commits (db/watch.ts), and the next read re-reads the versions first;
// - a write by another process arrives as a notification on a listening connection (PostgreSQL),
//   and the versions are polled every `dataVersionPollMs` in case one is missed.
// Every answer carries a weak ETag of its bytes and `Cache-Control: public, no-cache`: browsers and
// proxies may keep it but ask each time, and `If-None-Match` with the current ETag gets 304. A
// repeated request is answered by an onRequest hook that runs after the overload checks and the
// request limit, before authentication and validation: written straight to the socket with headers
// and (identity, gzip, brotli) bytes worked out once per entry. Answers that depend on who asks are never
// kept: on routes marked `personal` a request with an Authorization header goes to the database
// and is marked private; the shared answers say `Vary: Authorization`.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { VERSIONED_TABLES } from '../../migrations/20261210000000_data_versions';
import type { AUTH_TABLES } from '../../migrations/20261216100000_auth_data_versions';
import type { Config } from '../config';
import { type Database, listenForDataVersions, writeSignal } from '../db/database';

export type VersionedTable = (typeof VERSIONED_TABLES)[number] | (typeof AUTH_TABLES)[number];

export interface PublicCacheSpec {
  /** The tables the answer is built from: a write to any of them makes it stale. */
  tables: readonly VersionedTable[];
  /** The answer also changes with the clock (e.g. "registration open"): kept at most this long. */
  ttlMs?: number;
  /** The answer differs for a signed-in caller: requests with an Authorization header are not cached. */
  personal?: boolean;
  /** The answer's Content-Type when not JSON (e.g. `application/ld+json; charset=utf-8`). */
  contentType?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    publicCache?: PublicCacheSpec;
  }
  interface FastifyInstance {
    publicCache: PublicCache;
  }
}

const LISTEN_RETRY_MS = 1_000;
/** Answers below this size go uncompressed, as @fastify/compress does (app.ts). */
const COMPRESS_THRESHOLD = 1024;
const CACHE_CONTROL = 'public, no-cache';

/**
 * The data versions of one database handle, shared by every app on it: known (trusted) until a
 * write is reported or notified; then the next reader re-reads them (one query at a time).
 */
export class DataVersions {
  private readonly versions = new Map<string, number>();
  private known = false;
  private gen = 0;
  private inflight: Promise<void> | null = null;
  private inflightGen = -1;
  private users = 0;
  private stopLocal: (() => void) | null = null;
  private poll: NodeJS.Timeout | null = null;
  private listener: { close(): Promise<void> } | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly pollMs: number,
    private readonly warn: (err: unknown) => void,
  ) {}

  /** The versions are current unless a write was reported since they were read. */
  isKnown(): boolean {
    return this.known;
  }

  /** Sum of the tables' versions: grows with every committed write to any of them. */
  of(tables: readonly string[]): number {
    let n = 0;
    for (const t of tables) n += this.versions.get(t) ?? 0;
    return n;
  }

  invalidate(): void {
    this.gen++;
    this.known = false;
  }

  /** Re-reads the versions if a write was reported since the last read. */
  async ensureKnown(): Promise<void> {
    if (!this.known) await this.refresh();
  }

  async refresh(): Promise<void> {
    const gen = this.gen;
    if (this.inflight && this.inflightGen === gen) return this.inflight;
    const run = (async () => {
      const { rows } = await sql<{ tableName: string; version: number }>`
        select table_name, sum(version)::bigint as version from data_versions group by table_name
      `.execute(this.db);
      for (const r of rows) {
        const v = Number(r.version);
        // Versions only grow; an older read finishing late must not put one back.
        if (v > (this.versions.get(r.tableName) ?? -1)) this.versions.set(r.tableName, v);
      }
      if (this.gen === gen) this.known = true;
    })();
    this.inflight = run;
    this.inflightGen = gen;
    try {
      await run;
    } finally {
      if (this.inflight === run) this.inflight = null;
    }
  }

  /** An app starts using these versions; the first starts the poll, the listener and the signal. */
  async acquire(): Promise<void> {
    this.users++;
    if (this.users > 1) return;
    this.stopped = false;
    this.stopLocal = writeSignal(this.db)?.on(() => this.invalidate()) ?? null;
    this.poll = setInterval(() => {
      this.refresh().catch(this.warn);
    }, this.pollMs);
    this.poll.unref();
    // Not awaited: a database slow to accept must not hold the start; until the listener is up,
    // the poll (and this process's own writes) keep the versions current.
    void this.listen();
  }

  async release(): Promise<void> {
    this.users--;
    if (this.users > 0) return;
    this.stopped = true;
    this.stopLocal?.();
    this.stopLocal = null;
    if (this.poll) clearInterval(this.poll);
    if (this.retry) clearTimeout(this.retry);
    this.poll = this.retry = null;
    const l = this.listener;
    this.listener = null;
    await l?.close();
    this.invalidate();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const lost = (err?: unknown) => {
      // Notifications may have been missed while the connection was down.
      this.invalidate();
      if (err) this.warn(err);
      const l = this.listener;
      this.listener = null;
      void l?.close();
      this.scheduleListen();
    };
    try {
      const l = await listenForDataVersions(this.db, () => this.invalidate(), lost);
      if (this.stopped) {
        await l?.close();
        return;
      }
      this.listener = l;
      // Writes between the last read and LISTEN would not be notified: read again.
      this.invalidate();
    } catch (err) {
      this.warn(err);
      this.scheduleListen();
    }
  }

  private scheduleListen() {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, LISTEN_RETRY_MS);
    this.retry.unref();
  }
}

const shared = new WeakMap<Database, DataVersions>();

export function dataVersionsOf(db: Database, pollMs: number, warn: (err: unknown) => void): DataVersions {
  let v = shared.get(db);
  if (!v) {
    v = new DataVersions(db, pollMs, warn);
    shared.set(db, v);
  }
  return v;
}

/**
 * The shared data versions of `db` for an app's lifetime: acquired when the app is ready (the first
 * starts the poll, the listener and the write signal), released when it closes.
 */
export function appDataVersions(
  app: FastifyInstance,
  db: Database,
  pollMs: number,
  warn: (err: unknown) => void,
): DataVersions {
  const versions = dataVersionsOf(db, pollMs, warn);
  let acquired = false;
  app.addHook('onReady', async () => {
    acquired = true;
    await versions.acquire();
  });
  app.addHook('onClose', async () => {
    if (acquired) await versions.release();
  });
  return versions;
}

/** One encoding of an answer: its bytes and the headers that go with them, worked out once. */
interface Variant {
  body: Buffer;
  /** ETag, Cache-Control, Vary, Content-Type and (unless identity) Content-Encoding. */
  headers: Record<string, string>;
  /** The same with Content-Length as name, value, name, value…, for answers written to the socket. */
  rawHeaders: string[];
}

interface Entry {
  version: number;
  expiresAt: number;
  spec: PublicCacheSpec;
  etag: string;
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
  /** The headers of a 304: ETag, Cache-Control, Vary. */
  notModified: Record<string, string>;
  /** The same as name, value, name, value… */
  notModifiedRaw: string[];
}

/** True when If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const raw of header.split(',')) {
    const t = raw.trim();
    if (t === '*' || t === opaque || t === `W/${opaque}`) return true;
  }
  return false;
}

/** br, gzip or null from Accept-Encoding (an encoding with q=0 is refused). */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  // Browsers send the same few strings again and again.
  const known = encodingOf.get(header);
  if (known !== undefined) return known;
  const picked = parseEncoding(header);
  if (encodingOf.size >= 64) encodingOf.clear();
  encodingOf.set(header, picked);
  return picked;
}

const encodingOf = new Map<string, 'br' | 'gzip' | null>();

function parseEncoding(header: string): 'br' | 'gzip' | null {
  let br = false;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : null;
}

export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private readonly filling = new Map<string, { version: number; promise: Promise<Entry> }>();

  constructor(
    readonly versions: DataVersions,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** A fresh entry for the request, or undefined (without waiting for anything). */
  private fresh(key: string): Entry | undefined {
    if (!this.versions.isKnown()) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.versions.of(entry.spec.tables) || Date.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * The onRequest answer to a repeated request, or false to let it go on. Entries are kept by
   * the request's URL, and a GET or HEAD of one URL always reaches the same route, so the route's
   * options are not looked up. The answer is written straight to the socket with the headers the
   * earlier hooks set (security headers, request limit, CORS) and the entry's own, worked out when
   * it was made: no handler, serialization, onSend hook or compression runs for it.
   */
  tryAnswer(request: FastifyRequest, reply: FastifyReply): boolean {
    if (this.maxEntries === 0) return false;
    const method = request.raw.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const entry = this.fresh(request.url);
    if (!entry) return false;
    if (entry.spec.personal && request.headers.authorization !== undefined) return false;
    const variant = this.choose(request, entry);
    const headers = rawHeaders(reply, variant ? variant.rawHeaders : entry.notModifiedRaw);
    reply.hijack();
    reply.raw.writeHead(variant ? 200 : 304, headers);
    // A HEAD answer's body is left off by Node itself; Content-Length stays.
    reply.raw.end(variant?.body);
    return true;
  }

  /** Nothing (a 304) when If-None-Match names the entry, else its bytes for this Accept-Encoding. */
  private choose(request: FastifyRequest, entry: Entry): Variant | undefined {
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) return undefined;
    return this.variant(entry, request.headers['accept-encoding']);
  }

  /** The handler's answer: from memory when current, else computed (once for concurrent requests). */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    compute: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const spec = request.routeOptions.config?.publicCache;
    if (!spec) throw new Error(`route ${request.routeOptions.url} declares no config.publicCache`);
    if (spec.personal && request.headers.authorization !== undefined) {
      // Built for this caller: never kept, never shared.
      reply.header('cache-control', 'private, no-cache').header('vary', 'Authorization');
      return reply.send(await compute());
    }
    let entry: Entry;
    try {
      await this.versions.ensureKnown();
    } catch {
      // The versions cannot be read: answer from the database without keeping the answer.
      entry = this.makeEntry(reply, await compute(), -1, spec);
      return this.answer(request, reply, entry);
    }
    const key = request.url;
    const cached = this.fresh(key);
    if (cached) return this.answer(request, reply, cached);
    const version = this.versions.of(spec.tables);
    const pending = this.filling.get(key);
    if (pending && pending.version === version) {
      entry = await pending.promise;
    } else {
      const promise = (async () => this.makeEntry(reply, await compute(), version, spec))();
      this.filling.set(key, { version, promise });
      try {
        entry = await promise;
      } finally {
        if (this.filling.get(key)?.promise === promise) this.filling.delete(key);
      }
      if (this.maxEntries > 0 && entry.version === this.versions.of(spec.tables)) {
        if (this.entries.size >= this.maxEntries) {
          // The oldest goes first (a map keeps insertion order).
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
        this.entries.set(key, entry);
      }
    }
    return this.answer(request, reply, entry);
  }

  private makeEntry(reply: FastifyReply, payload: unknown, version: number, spec: PublicCacheSpec): Entry {
    // The route's own response serializer, so the bytes are what an uncached answer would be.
    const out = reply.serialize(payload);
    const body = typeof out === 'string' ? Buffer.from(out) : Buffer.from(out as Uint8Array);
    const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
    const notModified = {
      etag,
      'cache-control': CACHE_CONTROL,
      vary: spec.personal ? 'Authorization, Accept-Encoding' : 'Accept-Encoding',
    };
    const ttlMs = spec.ttlMs ?? 0;
    return {
      version,
      expiresAt: ttlMs > 0 ? Date.now() + ttlMs : Number.POSITIVE_INFINITY,
      spec,
      etag,
      identity: makeVariant(body, notModified, null, spec.contentType),
      notModified,
      notModifiedRaw: Object.entries(notModified).flat(),
    };
  }

  /** The entry's bytes for this Accept-Encoding; a compressed copy is made once, when first asked. */
  private variant(entry: Entry, acceptEncoding: string | undefined): Variant {
    const body = entry.identity.body;
    const encoding = body.length >= COMPRESS_THRESHOLD ? pickEncoding(acceptEncoding) : null;
    if (encoding === 'br') {
      entry.br ??= makeVariant(
        brotliCompressSync(body, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        entry.notModified,
        'br',
        entry.spec.contentType,
      );
      return entry.br;
    }
    if (encoding === 'gzip') {
      entry.gzip ??= makeVariant(
        gzipSync(body, { level: 6 }),
        entry.notModified,
        'gzip',
        entry.spec.contentType,
      );
      return entry.gzip;
    }
    return entry.identity;
  }

  /** The handler's answer, through Fastify's reply (a miss, or the first request for an entry). */
  private answer(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
    const variant = this.choose(request, entry);
    reply.headers({ ...(variant ? variant.headers : entry.notModified), ...keptVary(reply, entry) });
    return variant ? reply.send(variant.body) : reply.code(304).send();
  }
}

/** A Vary set by an earlier hook (CORS: Origin), kept in front of the entry's own. */
function keptVary(reply: FastifyReply, entry: Entry): { vary?: string } {
  const earlier = reply.getHeader('vary');
  return earlier === undefined ? {} : { vary: `${earlier}, ${entry.notModified.vary}` };
}

/**
 * The headers of a hit as one flat list: those the earlier hooks set (security headers, request
 * limit, CORS), then the entry's own, which win over an earlier one of the same name; an earlier
 * Vary is kept in front of the entry's.
 */
function rawHeaders(reply: FastifyReply, own: readonly string[]): string[] {
  const earlier = reply.getHeaders();
  const out: string[] = [];
  for (const name in earlier) {
    if (OWN_HEADERS.has(name)) continue;
    const value = earlier[name];
    if (Array.isArray(value)) for (const v of value) out.push(name, v);
    else if (value !== undefined) out.push(name, String(value));
  }
  for (let i = 0; i < own.length; i += 2) {
    const name = own[i] as string;
    const value = own[i + 1] as string;
    out.push(name, name === 'vary' && earlier.vary !== undefined ? `${earlier.vary}, ${value}` : value);
  }
  return out;
}

/** The names of the headers an entry sets itself. */
const OWN_HEADERS = new Set([
  'etag',
  'cache-control',
  'vary',
  'content-type',
  'content-encoding',
  'content-length',
]);

function makeVariant(
  body: Buffer,
  base: Record<string, string>,
  encoding: 'br' | 'gzip' | null,
  contentType = 'application/json; charset=utf-8',
): Variant {
  const headers: Record<string, string> = { ...base, 'content-type': contentType };
  if (encoding) headers['content-encoding'] = encoding;
  const raw = Object.entries({ ...headers, 'content-length': String(body.length) }).flat();
  return { body, headers, rawHeaders: raw };
}

export default fp(
  async (app: FastifyInstance, opts: { config: Readonly<Config>; db: Database }) => {
    const { config, db } = opts;
    let lastWarning = 0;
    const warn = (err: unknown) => {
      if (Date.now() - lastWarning < 30_000) return;
      lastWarning = Date.now();
      app.log.warn({ err }, 'data versions unavailable; public reads are answered from the database');
    };
    const versions = appDataVersions(app, db, config.dataVersionPollMs, warn);
    const cache = new PublicCache(versions, config.publicCacheEntries);
    app.decorate('publicCache', cache);

    // After the overload checks and the request limit (registered before this plugin), before
    // authentication, idempotency and validation, none of which a repeated public read needs.
    // A hit is written and the hook chain stops there (done is not called).
    app.addHook('onRequest', (request, reply, done) => {
      if (!cache.tryAnswer(request, reply)) done();
    });
  },
  { name: 'public-cache', dependencies: ['problem'] },
);
