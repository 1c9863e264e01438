// `pnpm migrate`: brings the configured database to the latest migration; exits 1 on failure.
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrator';
import { embeddedDir } from './bootstrap';

async function main() {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: embeddedDir(config) });
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError
      ? `Configuration error: ${err.message}`
      : `Migration failed: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
});
