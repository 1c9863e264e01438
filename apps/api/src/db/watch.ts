// Tells when a write to a versioned table (one that public reads show, or one a principal is read
// from) has been committed through this process's database handle, whoever made it (a request, a
// job, a test writing rows directly), so the in-process caches of public reads
// (plugins/public-cache.ts) and of principals (plugins/auth.ts) never answer from before it. The
// dialect is wrapped: a write outside a transaction is reported once it returns; a transaction
// that wrote to such a table is reported when its commit returns. Writes by other processes reach
// the caches through the database's own version counters (migrations 20261210000000, 20261216100000).
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { VERSIONED_TABLES } from '../../migrations/20261210000000_data_versions';
import { AUTH_TABLES } from '../../migrations/20261216100000_auth_data_versions';

type Listener = () => void;

/** One per database handle: the listeners of committed writes to versioned tables. */
export class WriteSignal {
  private readonly listeners = new Set<Listener>();
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(): void {
    for (const l of this.listeners) l();
  }
}

const READ_RE = /^\s*(select|show|begin|start|set|values|explain)\b/i;
const WRITE_WORD_RE = /\b(insert|update|delete|merge|truncate)\b/i;
const TABLE_NAMES = [...VERSIONED_TABLES, ...AUTH_TABLES].map((t) => t.toLowerCase());

/** Whether a statement may change a versioned table (errs towards yes: a false yes costs a re-read). */
export function touchesVersionedTable(compiled: CompiledQuery): boolean {
  const text = compiled.sql;
  const kind = compiled.query.kind;
  if (kind === 'SelectQueryNode') return false;
  if (kind === 'RawNode' || kind === undefined) {
    if (READ_RE.test(text) && !WRITE_WORD_RE.test(text)) return false;
    if (/^\s*with\b/i.test(text) && !WRITE_WORD_RE.test(text)) return false;
  }
  const lower = text.toLowerCase();
  return TABLE_NAMES.some((t) => lower.includes(t));
}

class WatchedConnection implements DatabaseConnection {
  inTransaction = false;
  wrote = false;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly signal: WriteSignal,
  ) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(compiled);
    } finally {
      // Also when it failed: a statement whose answer was lost (the connection dropped after the
      // server committed) may have written; a false report costs one re-read of the versions.
      if (touchesVersionedTable(compiled)) {
        if (this.inTransaction) this.wrote = true;
        else this.signal.emit();
      }
    }
  }
  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiled, chunkSize);
  }
}

class WatchedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly signal: WriteSignal,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new WatchedConnection(await this.inner.acquireConnection(), this.signal);
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const c = connection as WatchedConnection;
    await this.inner.beginTransaction(c.inner, settings);
    c.inTransaction = true;
    c.wrote = false;
  }
  async commitTransaction(connection: DatabaseConnection) {
    const c = connection as WatchedConnection;
    try {
      await this.inner.commitTransaction(c.inner);
    } finally {
      // A failed commit may still have committed (the answer was lost): report it either way.
      const wrote = c.wrote;
      c.inTransaction = false;
      c.wrote = false;
      if (wrote) this.signal.emit();
    }
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    const c = connection as WatchedConnection;
    c.inTransaction = false;
    c.wrote = false;
    await this.inner.rollbackTransaction(c.inner);
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint?.((connection as WatchedConnection).inner, name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.rollbackToSavepoint?.((connection as WatchedConnection).inner, name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.releaseSavepoint?.((connection as WatchedConnection).inner, name, compile);
  }
  releaseConnection(connection: DatabaseConnection) {
    const c = connection as WatchedConnection;
    c.inTransaction = false;
    c.wrote = false;
    return this.inner.releaseConnection(c.inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** The dialect with its driver watched; writes are reported on `signal`. */
export class WatchedDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    readonly signal: WriteSignal,
  ) {}
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new WatchedDriver(this.inner.createDriver(), this.signal);
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}
