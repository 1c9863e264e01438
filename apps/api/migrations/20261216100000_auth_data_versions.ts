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
  // A session's liveness reads whether revoked_at is null, the family and the account. Row
  // triggers with a WHEN clause: the condition is checked without calling the function, so a
  // sign-in or a refresh (a token inserted unrevoked, the old one marked used) costs nothing.
  // Revoking a family fires once per token, and the function bumps once per transaction.
  await sql`
    create function bump_refresh_tokens_version() returns trigger language plpgsql as $$
    begin
      if current_setting('vcentri.refresh_tokens_bumped', true) = 'yes' then
        return null;
      end if;
      -- Transaction-local: undone with a rolled-back savepoint, gone at the end.
      perform set_config('vcentri.refresh_tokens_bumped', 'yes', true);
      update data_versions set version = version + 1
        where table_name = TG_TABLE_NAME and shard = pg_backend_pid() % ${sql.lit(VERSION_SHARDS)};
      perform pg_notify('vcentri_data_versions', TG_TABLE_NAME);
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger refresh_tokens_data_version_insert after insert on refresh_tokens
    for each row when (new.revoked_at is not null)
    execute function bump_refresh_tokens_version()
  `.execute(db);
  await sql`
    create trigger refresh_tokens_data_version_update after update on refresh_tokens
    for each row when (
      (old.revoked_at is null) <> (new.revoked_at is null)
      or old.user_id is distinct from new.user_id
      or old.family_id is distinct from new.family_id
    )
    execute function bump_refresh_tokens_version()
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
