// Opens the configured database, migrates it, creates the first city_admin and the demo data.
// Shared by the server and the tests, so both boot the same way.
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from './config';
import { type Database, type DatabaseHandle, openDatabase } from './db/database';
import { seedDemoData } from './db/demo-seed';
import { migrateToLatest } from './db/migrator';
import { hashPassword } from './modules/auth/passwords';
import { ensureFirstCityAdmin } from './modules/users/users.service';

export interface Prepared {
  handle: DatabaseHandle;
  migrated: string[];
  adminCreated: boolean;
  demoSeeded: boolean;
}

export function embeddedDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'pgdata');
}

/** Session advisory-lock key that every Vcentri process takes around its bootstrap. */
export const BOOTSTRAP_LOCK_KEY = 7_302_114_905_201_661n;

/**
 * Several API processes started together on one empty database would each find no city_admin and
 * no demo hubs, and each create them. A session advisory lock, held on one connection of its own
 * for the whole bootstrap, lets them take turns: the later ones find the work done. The embedded
 * database belongs to one process and needs none.
 */
async function oneBootstrapAtATime<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (handle.kind === 'embedded') return work();
  return handle.db.connection().execute(async (lockConnection: Database) => {
    await sql`select pg_advisory_lock(${BOOTSTRAP_LOCK_KEY})`.execute(lockConnection);
    try {
      return await work();
    } finally {
      // Ending the session would release it too; unlocking returns a clean connection to the pool.
      await sql`select pg_advisory_unlock(${BOOTSTRAP_LOCK_KEY})`.execute(lockConnection).catch(() => {});
    }
  });
}

export async function prepareDatabase(config: Readonly<Config>): Promise<Prepared> {
  const serving = () =>
    openDatabase({
      databaseUrl: config.databaseUrl,
      embeddedDir: embeddedDir(config),
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      preparedStatements: config.databasePreparedStatements,
    });
  // On a server the bootstrap has a pool of its own without a statement timeout: a migration that
  // builds an index over a large table, or waiting for another process's bootstrap, may take
  // longer than any request should. The requests then get a pool with the timeout.
  const handle = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2, statementTimeoutMs: 0 })
    : await serving();
  try {
    const prepared = await oneBootstrapAtATime(handle, async () => {
      const migrated = await migrateToLatest(handle.db);
      let adminCreated = false;
      if (config.adminEmail && config.adminPassword) {
        const password = config.adminPassword;
        adminCreated =
          (await ensureFirstCityAdmin(handle.db, config.adminEmail, () => hashPassword(password))) ===
          'created';
      }
      const demoSeeded = config.demoData ? await seedDemoData(handle.db) : false;
      return { handle, migrated, adminCreated, demoSeeded };
    });
    if (handle.kind === 'embedded') return prepared;
    await handle.close();
    return { ...prepared, handle: await serving() };
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
}
