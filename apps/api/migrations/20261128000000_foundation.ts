// Foundation: extensions, accounts, role grants, refresh-token families, the audit log, and the
// first shape of hubs, rooms and organisations (later migrations extend them).
import { type Kysely, sql } from 'kysely';

const DISTRICTS = [
  'holosiivskyi',
  'darnytskyi',
  'desnianskyi',
  'dniprovskyi',
  'obolonskyi',
  'pecherskyi',
  'podilskyi',
  'sviatoshynskyi',
  'solomianskyi',
  'shevchenkivskyi',
];
const districtCheck = (col: string) => sql.raw(`${col} in (${DISTRICTS.map((d) => `'${d}'`).join(', ')})`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists citext`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', sql`citext`, (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('uk').check(sql`locale in ('uk', 'en')`))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('hubs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_uk', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull().check(districtCheck('district')))
    .addColumn('address_uk', 'text', (c) => c.notNull())
    .addColumn('address_en', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull().check(sql`latitude between -90 and 90`))
    .addColumn('longitude', 'double precision', (c) => c.notNull().check(sql`longitude between -180 and 180`))
    .addColumn('shelter_notes_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shelter_notes_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility_notes_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility_notes_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('hub_opening_hours')
    .addColumn('hub_id', 'uuid', (c) => c.notNull().references('hubs.id').onDelete('cascade'))
    .addColumn('weekday', 'smallint', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('opens', 'time', (c) => c.notNull())
    .addColumn('closes', 'time', (c) => c.notNull())
    .addPrimaryKeyConstraint('hub_opening_hours_pk', ['hub_id', 'weekday', 'opens'])
    .addCheckConstraint('hub_opening_hours_order', sql`opens < closes`)
    .execute();

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('hub_id', 'uuid', (c) => c.notNull().references('hubs.id').onDelete('cascade'))
    .addColumn('name_uk', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('equipment', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('accessibility_features', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('rooms_hub_idx').on('rooms').column('hub_id').execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_uk', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'verified', 'rejected', 'suspended', 'archived')`),
    )
    .addColumn('district', 'text', (c) => c.check(districtCheck('district')))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per granted role. The scope columns say what the role is about; the check keeps
  // exactly the right one filled for each role.
  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(sql`role in ('city_admin', 'district_admin', 'hub_manager', 'ngo_owner', 'ngo_member')`),
    )
    .addColumn('district', 'text', (c) => c.check(districtCheck('district')))
    .addColumn('hub_id', 'uuid', (c) => c.references('hubs.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'role_grants_scope',
      sql`case role
        when 'city_admin' then district is null and hub_id is null and organization_id is null
        when 'district_admin' then district is not null and hub_id is null and organization_id is null
        when 'hub_manager' then hub_id is not null and district is null and organization_id is null
        else organization_id is not null and district is null and hub_id is null end`,
    )
    .execute();
  await sql`create unique index role_grants_unique on role_grants
    (user_id, role, coalesce(district, ''), coalesce(hub_id, '00000000-0000-0000-0000-000000000000'::uuid),
     coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);
  // One membership (owner or member) per account and organisation.
  await sql`create unique index role_grants_one_membership on role_grants (user_id, organization_id)
    where organization_id is not null`.execute(db);
  await db.schema.createIndex('role_grants_hub_idx').on('role_grants').column('hub_id').execute();
  await db.schema.createIndex('role_grants_org_idx').on('role_grants').column('organization_id').execute();

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('family_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('refresh_tokens_family_idx').on('refresh_tokens').column('family_id').execute();
  await db.schema.createIndex('refresh_tokens_user_idx').on('refresh_tokens').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db);
  await sql`create index audit_log_action_target_idx on audit_log (action, target_id, at)`.execute(db);
  await sql`create index audit_log_action_ip_idx on audit_log (action, ip, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_log',
    'refresh_tokens',
    'role_grants',
    'organizations',
    'rooms',
    'hub_opening_hours',
    'hubs',
    'users',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
