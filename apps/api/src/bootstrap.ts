// Opens the configured database, migrates it, creates the first city_admin and the demo data.
// Shared by the server and the tests, so both boot the same way.
import path from 'node:path';
import type { Config } from './config';
import { type DatabaseHandle, openDatabase } from './db/database';
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

export async function prepareDatabase(config: Readonly<Config>): Promise<Prepared> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: embeddedDir(config) });
  try {
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
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
}
