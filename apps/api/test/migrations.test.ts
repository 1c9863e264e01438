import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index';
import { createMigrator, migrateToLatest } from '../src/db/migrator';
import { freshDatabase, TEST_DATABASE_URL } from './helper';

describe('migrations', () => {
  it('lists every migration file, named by timestamp, in order', () => {
    const dir = path.resolve(import.meta.dirname, '../migrations');
    const files = readdirSync(dir)
      .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(migrations)).toEqual(files.sort());
    expect(readdirSync(dir).filter((f) => f !== 'index.ts' && !/^\d{14}_/.test(f))).toEqual([]);
  });

  it(`build an empty ${TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded'} database with the extensions, and roll back cleanly`, async () => {
    const fresh = await freshDatabase();
    try {
      const applied = await migrateToLatest(fresh.handle.db);
      expect(applied).toEqual(Object.keys(migrations));
      const ext = await sql<{ extname: string }>`select extname from pg_extension`.execute(fresh.handle.db);
      expect(ext.rows.map((r) => r.extname)).toEqual(
        expect.arrayContaining(['btree_gist', 'pg_trgm', 'citext']),
      );
      const tables = await sql<{
        tablename: string;
      }>`select tablename from pg_tables where schemaname = 'public'`.execute(fresh.handle.db);
      expect(tables.rows.map((r) => r.tablename)).toEqual(
        expect.arrayContaining([
          'users',
          'hubs',
          'rooms',
          'hub_opening_hours',
          'organizations',
          'role_grants',
          'refresh_tokens',
          'audit_log',
        ]),
      );
      // Running again changes nothing.
      expect(await migrateToLatest(fresh.handle.db)).toEqual([]);
      const migrator = createMigrator(fresh.handle.db);
      for (let i = 0; i < Object.keys(migrations).length; i++) {
        const { error } = await migrator.migrateDown();
        expect(error).toBeUndefined();
      }
      const left = await sql<{
        tablename: string;
      }>`select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(
        fresh.handle.db,
      );
      expect(left.rows).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });
});
