// A version number for each table that public reads are built from, bumped by the database itself
// (a statement trigger) on every insert, update and delete, whichever process or job wrote. The
// API keeps answers of public reads in memory keyed by these versions, so a write through any API
// process on the database makes every process's copy stale (plugins/public-cache.ts). Each table
// has a few shard rows and a writer bumps the one of its connection, so concurrent writers to one
// table rarely wait on one row lock; a table's version is the sum of its shards, which grows with
// every committed write and never goes back. The trigger also notifies `vcentri_data_versions`,
// so processes that listen learn of a committed write at once instead of at their next poll.
import { type Kysely, sql } from 'kysely';

/** The tables whose rows public reads show (hubs, rooms, hours, events, the registry, programs). */
export const VERSIONED_TABLES = [
  'hubs',
  'rooms',
  'hub_opening_hours',
  'hub_exceptions',
  'closures',
  'events',
  'event_registrations',
  'organizations',
  'volunteer_programs',
  'volunteer_shifts',
  'volunteer_signups',
  'volunteer_hours',
] as const;

export const VERSION_SHARDS = 4;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table data_versions (
      table_name text not null,
      shard smallint not null,
      version bigint not null default 0,
      primary key (table_name, shard)
    )
  `.execute(db);
  await sql`
    create function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_versions set version = version + 1
        where table_name = TG_TABLE_NAME and shard = pg_backend_pid() % ${sql.lit(VERSION_SHARDS)};
      perform pg_notify('vcentri_data_versions', TG_TABLE_NAME);
      return null;
    end
    $$
  `.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql`
      insert into data_versions (table_name, shard)
      select ${table}, s from generate_series(0, ${sql.lit(VERSION_SHARDS - 1)}) s
    `.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_data_version`)}
      after insert or update or delete or truncate on ${sql.id(table)}
      for each statement execute function bump_data_version()
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_data_version`)} on ${sql.id(table)}`.execute(db);
  }
  await sql`drop function if exists bump_data_version()`.execute(db);
  await sql`drop table if exists data_versions`.execute(db);
}
