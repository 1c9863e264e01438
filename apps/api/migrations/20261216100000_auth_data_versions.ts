// The accounts, their role grants and their sessions get data versions too (migration
// 20261210000000), so each API process can keep the principal of an access token in memory
// (plugins/auth.ts) and still drop it the moment a log-out, a reuse detection, a grant change, an
// erasure, a password or e-mail change commits, in whichever process. users and role_grants bump
// on every statement, as the public tables do. refresh_tokens bumps only when a statement can end
// a session a process may keep: a token revoked (or un-revoked), moved, deleted, or inserted
// already revoked. Signing in and refreshing (a token inserted, the old one marked used) change no
// kept principal, so a storm of them takes no shard-row lock and sends no notification.
import { type Kysely, sql } from 'kysely';
import { VERSION_SHARDS } from './20261210000000_data_versions';

/** The tables a principal is read from (modules/users/principal.ts). */
export const AUTH_TABLES = ['users', 'role_grants', 'refresh_tokens'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of AUTH_TABLES) {
    await sql`
      insert into data_versions (table_name, shard)
      select ${table}, s from generate_series(0, ${sql.lit(VERSION_SHARDS - 1)}) s
    `.execute(db);
  }
  for (const table of ['users', 'role_grants']) {
    await sql`
      create trigger ${sql.id(`${table}_data_version`)}
      after insert or update or delete or truncate on ${sql.id(table)}
      for each statement execute function bump_data_version()
    `.execute(db);
  }
  // What a session's liveness reads: the family, the account, whether revoked_at is null.
  await sql`
    create function bump_refresh_tokens_version() returns trigger language plpgsql as $$
    begin
      if TG_OP = 'INSERT' then
        if not exists (select from new_rows where revoked_at is not null) then
          return null;
        end if;
      elsif not exists (
        select id, user_id, family_id, revoked_at is null from new_rows
        except all
        select id, user_id, family_id, revoked_at is null from old_rows
      ) then
        return null;
      end if;
      update data_versions set version = version + 1
        where table_name = TG_TABLE_NAME and shard = pg_backend_pid() % ${sql.lit(VERSION_SHARDS)};
      perform pg_notify('vcentri_data_versions', TG_TABLE_NAME);
      return null;
    end
    $$
  `.execute(db);
  // A trigger with transition tables has one event each.
  await sql`
    create trigger refresh_tokens_data_version_insert after insert on refresh_tokens
    referencing new table as new_rows
    for each statement execute function bump_refresh_tokens_version()
  `.execute(db);
  await sql`
    create trigger refresh_tokens_data_version_update after update on refresh_tokens
    referencing old table as old_rows new table as new_rows
    for each statement execute function bump_refresh_tokens_version()
  `.execute(db);
  await sql`
    create trigger refresh_tokens_data_version after delete or truncate on refresh_tokens
    for each statement execute function bump_data_version()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'refresh_tokens_data_version',
    'refresh_tokens_data_version_update',
    'refresh_tokens_data_version_insert',
  ]) {
    await sql`drop trigger if exists ${sql.id(trigger)} on refresh_tokens`.execute(db);
  }
  await sql`drop function if exists bump_refresh_tokens_version()`.execute(db);
  for (const table of ['users', 'role_grants']) {
    await sql`drop trigger if exists ${sql.id(`${table}_data_version`)} on ${sql.id(table)}`.execute(db);
  }
  await sql`delete from data_versions where table_name in ('users', 'role_grants', 'refresh_tokens')`.execute(
    db,
  );
}
