// Personal data (issue 14): an erased account keeps its row as an empty tombstone (bookings,
// attendance and hours keep pointing at it; nothing in it names the person); consents are kept as
// a history of decisions with the wording version agreed to; data exports are prepared by a job
// and kept for a few days.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('erased_at', 'timestamptz')
    // Consent to notification e-mails (withdrawn: notifications stay in the portal only).
    .addColumn('email_notifications', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('consent_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('volunteer_contact', 'email_notifications')`),
    )
    .addColumn('given', 'boolean', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('consent_records_user_idx')
    .on('consent_records')
    .columns(['user_id', 'kind', 'at'])
    .execute();

  await db.schema
    .createTable('data_exports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // A city administrator acting on a written request (null: the person asked).
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'ready', 'failed')`),
    )
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ready_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('archive', 'bytea')
    .addColumn('bytes', 'integer')
    .execute();
  await db.schema
    .createIndex('data_exports_user_idx')
    .on('data_exports')
    .columns(['user_id', 'requested_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_exports').execute();
  await db.schema.dropTable('consent_records').execute();
  await db.schema.alterTable('users').dropColumn('email_notifications').dropColumn('erased_at').execute();
}
