// The Open Government action plan (issue 13): commitments, their indicators (baseline, target,
// target quarter, direction) and one value per indicator and quarter. Re-recording a quarter
// replaces its row; who recorded it last and when stay on the row, the earlier values in the
// audit log.
import { type Kysely, sql } from 'kysely';

const QUARTER = sql.lit('^20[0-9]{2}-Q[1-4]$');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('action_plan_commitments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('department_uk', 'text', (c) => c.notNull())
    .addColumn('department_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('action_plan_indicators')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('commitment_id', 'uuid', (c) =>
      c.notNull().references('action_plan_commitments.id').onDelete('cascade'),
    )
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('unit_uk', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('baseline', 'numeric', (c) => c.notNull())
    .addColumn('target', 'numeric', (c) => c.notNull())
    .addColumn('target_quarter', 'text', (c) => c.notNull().check(sql`target_quarter ~ ${QUARTER}`))
    .addColumn('higher_is_better', 'boolean', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A target equal to its baseline has no way to go; the direction must match the target.
    .addCheckConstraint(
      'action_plan_indicators_direction',
      sql`case when higher_is_better then target > baseline else target < baseline end`,
    )
    .execute();
  await sql`create index action_plan_indicators_commitment_idx on action_plan_indicators (commitment_id, position)`.execute(
    db,
  );

  await db.schema
    .createTable('action_plan_values')
    .addColumn('indicator_id', 'uuid', (c) =>
      c.notNull().references('action_plan_indicators.id').onDelete('cascade'),
    )
    .addColumn('quarter', 'text', (c) => c.notNull().check(sql`quarter ~ ${QUARTER}`))
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('note_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('action_plan_values_pkey', ['indicator_id', 'quarter'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_plan_values').ifExists().execute();
  await db.schema.dropTable('action_plan_indicators').ifExists().execute();
  await db.schema.dropTable('action_plan_commitments').ifExists().execute();
}
