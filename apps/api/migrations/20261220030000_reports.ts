// Quarterly and annual public reports (issue 13): one row per period (`2026-Q3` or `2026`), a
// draft while a city admin writes it, then published and frozen. The snapshot is the JSON the
// report was built from; the hash (SHA-256 of the canonical form of period, snapshot and
// narratives) is set at publication. A published row is never updated by the API; the trigger
// below makes that true for every writer.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_reports')
    .addColumn('period', 'text', (c) => c.primaryKey().check(sql`period ~ '^20[0-9]{2}(-Q[1-4])?$'`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('quarter', 'year')`))
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`),
    )
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('narratives', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('hash', 'text')
    .addColumn('built_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('built_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'public_reports_published',
      sql`(status = 'published') = (hash is not null and published_at is not null)`,
    )
    .addCheckConstraint('public_reports_days', sql`period_from <= period_to`)
    .execute();
  await sql`create index public_reports_published_idx on public_reports (period_to desc, period_from, period) where status = 'published'`.execute(
    db,
  );
  // Frozen means frozen: what a published report says (and its hash) cannot change, whoever writes.
  // The accounts named on it may still be erased (their foreign keys are set to null).
  await sql`
    create function public_reports_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'published' and (
        tg_op = 'DELETE'
        or (new.period, new.kind, new.period_from, new.period_to, new.status, new.snapshot, new.narratives,
            new.hash, new.built_at, new.published_at)
           is distinct from
           (old.period, old.kind, old.period_from, old.period_to, old.status, old.snapshot, old.narratives,
            old.hash, old.built_at, old.published_at)
      ) then
        raise exception 'public report % is published and cannot change', old.period using errcode = '55000';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`create trigger public_reports_frozen before update or delete on public_reports
    for each row execute function public_reports_frozen()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_reports').ifExists().execute();
  await sql`drop function if exists public_reports_frozen()`.execute(db);
}
