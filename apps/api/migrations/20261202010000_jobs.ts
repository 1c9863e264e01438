// Durable jobs: work that happens later (e-mails now, reminders next), claimed by any API process
// with FOR UPDATE SKIP LOCKED under a lease, so it runs once across processes and survives
// restarts. Also each account's per-kind e-mail opt-out.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`char_length(kind) between 1 and 100`))
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Counted when a worker claims the job, so a job that kills its worker still runs out of tries.
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5).check(sql`max_attempts >= 1`))
    // The lease: while in the future, the claiming worker owns the job; after it, anyone may reclaim it.
    .addColumn('locked_until', 'timestamptz')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'timestamptz')
    .addColumn('failed_at', 'timestamptz')
    // The same dedupe key is never enqueued twice (an e-mail per notification, a reminder per event).
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('jobs_done_or_failed', sql`done_at is null or failed_at is null`)
    .execute();
  await sql`create index jobs_due_idx on jobs (run_at) where done_at is null and failed_at is null`.execute(
    db,
  );
  await db.schema
    .alterTable('users')
    .addColumn('email_opt_out', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email_opt_out').execute();
  await db.schema.dropTable('jobs').ifExists().execute();
}
