// The Registry of Civil Society Institutions: the full organisation record, its search columns,
// and the history of every change.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table organizations
    add column legal_form text not null default 'other'
      check (legal_form in ('public_association', 'charitable_foundation', 'civic_initiative', 'volunteer_group', 'other')),
    add column edrpou text check (edrpou ~ '^[0-9]{8}$'),
    add column address text not null default '',
    add column activities text[] not null default '{}',
    add column target_groups text[] not null default '{}',
    add column contacts jsonb not null default '{}'::jsonb,
    add column description_uk text not null default '',
    add column description_en text not null default '',
    add column year_founded integer check (year_founded between 1900 and 2100),
    add column rejection_reason text,
    add column status_reason text,
    add column submitted_at timestamptz,
    add column verified_at timestamptz,
    add column updated_at timestamptz not null default now(),
    add column changed_since_verification boolean not null default false,
    add column search_vector tsvector generated always as
      (to_tsvector('simple', name_uk || ' ' || name_en || ' ' || description_uk || ' ' || description_en)) stored,
    add column name_text text generated always as (lower(name_uk || ' ' || name_en)) stored`.execute(db);
  await sql`create unique index organizations_edrpou_unique on organizations (edrpou) where edrpou is not null`.execute(
    db,
  );
  await sql`create index organizations_status_idx on organizations (status, district)`.execute(db);
  // The public list sorts by name (either language) or by verification date.
  await sql`create index organizations_status_name_uk_idx on organizations (status, name_uk)`.execute(db);
  await sql`create index organizations_status_name_en_idx on organizations (status, name_en)`.execute(db);
  await sql`create index organizations_status_verified_idx on organizations (status, verified_at desc)`.execute(
    db,
  );
  // Words (any prefix) of names and descriptions by full text; typos in names by trigrams.
  await sql`create index organizations_search_fts on organizations using gin (search_vector)`.execute(db);
  await sql`create index organizations_name_trgm on organizations using gin (name_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index organizations_activities_idx on organizations using gin (activities)`.execute(db);
  await sql`create index organizations_target_groups_idx on organizations using gin (target_groups)`.execute(
    db,
  );

  await db.schema
    .createTable('organization_history')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await sql`create index organization_history_org_idx on organization_history (organization_id, at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organization_history').ifExists().execute();
  await sql`alter table organizations
    drop column name_text, drop column search_vector, drop column changed_since_verification, drop column updated_at,
    drop column verified_at, drop column submitted_at, drop column status_reason, drop column rejection_reason,
    drop column year_founded, drop column description_en, drop column description_uk, drop column contacts,
    drop column target_groups, drop column activities, drop column address, drop column edrpou, drop column legal_form`.execute(
    db,
  );
}
