// Each volunteer gets a short code (six letters and digits, no look-alikes such as O/0 or I/1) to
// say at the door: a coordinator finds them in a shift's roster by it as well as by name.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('volunteer_profiles').addColumn('code', 'text').execute();
  // Profiles made before the column: one code each, from the same alphabet the API uses.
  await sql`
    update volunteer_profiles set code = (
      select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
      from generate_series(1, 6) where volunteer_profiles.user_id is not null
    )`.execute(db);
  await sql`alter table volunteer_profiles alter column code set not null`.execute(db);
  await sql`alter table volunteer_profiles add constraint volunteer_profiles_code_format check (code ~ '^[A-Z2-9]{6}$')`.execute(
    db,
  );
  await sql`create unique index volunteer_profiles_code_unique on volunteer_profiles (code)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('volunteer_profiles').dropColumn('code').execute();
}
