// One Kysely instance over either driver: a pg Pool for a PostgreSQL server, or the embedded
// PGlite (one connection, serialized by its dialect) in DATA_DIR.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { timestamptzParser } from './timestamptz';
import { WatchedDialect, WriteSignal } from './watch';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'embedded';
  close(): Promise<void>;
}

// Counts and sums come back as numbers on both drivers; our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Instants read by position in their common form, the driver's parser for the rest (timestamptz.ts).
export const driverTimestamptzParser = pg.types.getTypeParser(1184) as (s: string) => unknown;
pg.types.setTypeParser(1184, timestamptzParser(driverTimestamptzParser));

/**
 * Registry search matches a word at this trigram word similarity or above: looser than
 * PostgreSQL's default 0.6, so one wrong letter in a short word still matches. Set per session.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.45;
/**
 * JIT compilation off: the API's statements are short, and the planner's estimates for the
 * dashboard's day-by-day statements (generate_series, cross joins) made it compile for over a
 * second a statement that then ran in a fraction of that (bench/README.md, issue 13).
 */
const SESSION_OPTIONS = `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD} -c jit=off`;

export interface OpenOptions {
  /** postgres://… or null for the embedded database. */
  databaseUrl: string | null;
  /** Directory of the embedded database; 'memory://' keeps it in memory (tests). */
  embeddedDir?: string;
  poolSize?: number;
  /**
   * PostgreSQL's `statement_timeout` on every pooled connection, in ms (0: none): a statement that
   * runs longer is cancelled (SQLSTATE 57014, answered 503). The embedded database cannot honour
   * one (PGlite has no timers inside), so there it is ignored.
   */
  statementTimeoutMs?: number;
  /** Whether statements marked by `prepared` go as named prepared statements (default: yes). */
  preparedStatements?: boolean;
}

/** The default `statement_timeout` of a pool (DATABASE_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

/** The pools behind a handle: the main one, then (PostgreSQL) the one of generic plans. */
const pools = new WeakMap<Database, pg.Pool[]>();
/** A handle's twin whose sessions plan prepared statements once (`withGenericPlans`). */
const genericTwins = new WeakMap<Database, Database>();
/** Per pool, the calls waiting for a connection, in the order they began (a Set keeps it). */
const waits = new WeakMap<Database, Set<{ since: number }>>();
const signals = new WeakMap<Database, WriteSignal>();
const urls = new WeakMap<Database, string>();

/**
 * Committed writes to the tables public reads show, made through this handle (db/watch.ts); null
 * for a Kysely instance not opened here (or a transaction), which then relies on the polled
 * versions alone.
 */
export function writeSignal(db: Database): WriteSignal | null {
  return signals.get(db) ?? null;
}

/**
 * Listens on its own connection for the data-version notifications of every process (PostgreSQL
 * only; null for the embedded database, which only this process can open). `onNotice` hears each
 * notification, `onLost` that the connection ended (then call again to listen anew).
 */
export async function listenForDataVersions(
  db: Database,
  onNotice: () => void,
  onLost: (err?: unknown) => void,
): Promise<{ close(): Promise<void> } | null> {
  const url = urls.get(db);
  if (!url) return null;
  const client = new pg.Client({
    connectionString: url,
    keepAlive: true,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  let closing = false;
  client.on('notification', () => onNotice());
  client.on('error', (err) => {
    if (!closing) onLost(err);
  });
  client.on('end', () => {
    if (!closing) onLost();
  });
  await client.connect();
  await client.query('listen vcentri_data_versions');
  return {
    close: async () => {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}

/**
 * How many database calls are waiting for a connection of the pool behind `db` right now; null for
 * the embedded database, which has no pool (its one connection runs on the event loop itself, so
 * its backlog shows as event-loop delay).
 */
export function waitingForConnection(db: Database): number | null {
  const all = pools.get(db);
  return all ? all.reduce((n, pool) => n + pool.waitingCount, 0) : null;
}

/**
 * The handle to send a booking request's read and write through (the hot statements whose plan
 * is the same for every value: look-ups by id, one room's overlaps). PostgreSQL plans a prepared
 * statement anew on every run while its generic plan's estimate looks dearer than the custom
 * plans' — for these two it always does, and planning was ≈ 0.45 ms of PostgreSQL's 1.5 ms a
 * booking. So they go through a second pool of the same size whose sessions set
 * `plan_cache_mode = force_generic_plan`: planned once per connection. Not for lists: a generic
 * plan cannot see a page's `LIMIT` and reads the whole table (bench/README.md). The handle itself
 * where there is no such pool (the embedded database, prepared statements off, a handle made by
 * `withPlugin` or a transaction).
 */
export function withGenericPlans(db: Database): Database {
  return genericTwins.get(db) ?? db;
}

/**
 * How long (ms) the longest-waiting database call behind `db` has waited for a connection so far:
 * 0 when none waits, null for the embedded database. The pool hands connections out in arrival
 * order, so this is the queue's delay now: a new call waits at least about this long too.
 */
export function oldestConnectionWait(db: Database): number | null {
  const pending = waits.get(db);
  if (!pending) return null;
  const oldest = pending.values().next();
  return oldest.done ? 0 : performance.now() - oldest.value.since;
}

/** Records every promise-style `pool.connect()` (Kysely's) in `pending` while it waits. */
function trackConnectionWaits(pool: pg.Pool, pending: Set<{ since: number }>) {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    const wait = { since: performance.now() };
    pending.add(wait);
    return (connect() as Promise<pg.PoolClient>).finally(() => pending.delete(wait));
  }) as typeof pool.connect;
}

/**
 * How long a request waits for a connection (a new one, or a free one from a full pool) before it
 * fails and answers 503: while the server is away, callers hear so in seconds instead of hanging.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The texts of the hot statements (booking creation's read and write, the caller's account) that a
 * pooled connection sends as named prepared statements: parsed once per connection instead of per
 * request, and planned once when PostgreSQL finds its generic plan good enough. Keyed by the
 * compiled text, so a statement Kysely builds differently is another entry; bounded, so a text
 * that varies (it should not: values travel as parameters) cannot fill the connections' memory.
 */
const preparedNames = new Map<string, string>();
const PREPARED_MAX = 64;
/** Texts marked per family (a statement of many shapes, each shape a text of its own). */
const familyTexts = new Map<string, number>();
let familyTotal = 0;

/** A statement of many shapes: its texts are bounded apart (`max`), so they cannot crowd out the others. */
export interface PreparedFamily {
  name: string;
  max: number;
}

/**
 * Marks a compiled statement to run as a named prepared statement on PostgreSQL (the embedded
 * database runs it as any other); returns it, for `db.executeQuery(prepared(query.compile()))`.
 * A statement whose text varies with its shape (which filters it has) names its `family`.
 */
export function prepared<R>(compiled: CompiledQuery<R>, family?: PreparedFamily): CompiledQuery<R> {
  if (preparedNames.has(compiled.sql)) return compiled;
  if (family) {
    const n = familyTexts.get(family.name) ?? 0;
    if (n >= family.max) return compiled;
    familyTexts.set(family.name, n + 1);
    familyTotal++;
  } else if (preparedTexts() >= PREPARED_MAX) return compiled;
  preparedNames.set(compiled.sql, `vcentri_${preparedNames.size + 1}`);
  return compiled;
}

/** Whether `prepared` marked this text: it then runs as a named statement, parsed once per connection. */
export function isPrepared(compiled: CompiledQuery<unknown>): boolean {
  return preparedNames.has(compiled.sql);
}

/**
 * How many texts of single-shape statements `prepared` has marked so far (each a prepared
 * statement per connection), or of one `family` (families are bounded apart).
 */
export function preparedTexts(family?: PreparedFamily): number {
  if (family) return familyTexts.get(family.name) ?? 0;
  return preparedNames.size - familyTotal;
}

/** Sends the statements marked by `prepared` as named statements on this client (node-postgres caches them per connection). */
function namePreparedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? preparedNames.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  }) as typeof client.query;
}

/** A pool of PostgreSQL sessions with these startup `options`. */
function newPool(url: string, opts: OpenOptions, options: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    options,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A server that vanished without closing the socket is noticed instead of waited on forever.
    keepAlive: true,
  });
  // A client that loses its server emits 'error'; unheard, that event ends the process. The pool
  // listens only while a client is idle, and a restart of PostgreSQL ends the checked-out ones
  // too, so every client gets a listener of its own for its whole life. The failure itself
  // reaches the query in flight or the next one, which answers 503, and the pool drops the
  // broken client on release.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (opts.preparedStatements !== false) namePreparedStatements(client);
  });
  return pool;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl) {
    const url = opts.databaseUrl;
    const sessionOptions = `${SESSION_OPTIONS} -c statement_timeout=${Math.max(0, Math.trunc(opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS))}`;
    const pending = new Set<{ since: number }>();
    const signal = new WriteSignal();
    const open = (options: string) => {
      const pool = newPool(url, opts, options);
      // Both pools' waits count for the bound on waiting work (plugins/overload.ts).
      trackConnectionWaits(pool, pending);
      const handle = new Kysely<DB>({
        dialect: new WatchedDialect(new PostgresDialect({ pool }), signal),
        plugins,
      });
      return { pool, handle };
    };
    const main = open(sessionOptions);
    const db = main.handle;
    const all = [main.pool];
    let twin: Database | null = null;
    if (opts.preparedStatements !== false) {
      const generic = open(`${sessionOptions} -c plan_cache_mode=force_generic_plan`);
      all.push(generic.pool);
      twin = generic.handle;
      genericTwins.set(db, twin);
    }
    pools.set(db, all);
    waits.set(db, pending);
    signals.set(db, signal);
    urls.set(db, url);
    return {
      db,
      kind: 'postgres',
      close: async () => {
        await Promise.all([db.destroy(), twin?.destroy()]);
      },
    };
  }
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { citext }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/citext'),
    import('kysely-pglite-dialect'),
  ]);
  const dir = opts.embeddedDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create(dir, {
    extensions: { btree_gist, pg_trgm, citext },
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
  await client.exec(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
  const signal = new WriteSignal();
  const db = new Kysely<DB>({ dialect: new WatchedDialect(new PGliteDialect(client), signal), plugins });
  signals.set(db, signal);
  return { db, kind: 'embedded', close: () => db.destroy() };
}

export async function pingDatabase(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
