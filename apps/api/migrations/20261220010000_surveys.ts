// Resident surveys, answered anonymously. Who may answer (survey_invitees) is kept apart from the
// one-time tokens (survey_invitations: only a SHA-256 hash, no account) and from the answers
// (survey_responses: no account, no token, no invitation, only the Kyiv date). Nothing but
// survey_invitees names an account; the survey's author is in the audit log.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('network', 'hub', 'event', 'shift')`))
    // hub_id is the hub the survey is about: the hub itself, the event's hub, the shift's hub.
    .addColumn('hub_id', 'uuid', (c) => c.references('hubs.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.references('events.id').onDelete('cascade'))
    .addColumn('shift_id', 'uuid', (c) => c.references('volunteer_shifts.id').onDelete('cascade'))
    .addColumn('district', 'text')
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('intro_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_en', 'text', (c) => c.notNull().defaultTo(''))
    // [{ id, kind, textUk, textEn, required, options: [{ id, uk, en }] }]
    .addColumn('questions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`),
    )
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_early', 'boolean', (c) => c.notNull().defaultTo(false))
    // Set once the residents who qualified at the opening were invited.
    .addColumn('invites_sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('surveys_closes_after_opens', sql`closes_at > opens_at`)
    .addCheckConstraint(
      'surveys_scope_target',
      sql`(scope = 'network' and hub_id is null and event_id is null and shift_id is null)
       or (scope = 'hub' and hub_id is not null and event_id is null and shift_id is null)
       or (scope = 'event' and event_id is not null and shift_id is null)
       or (scope = 'shift' and shift_id is not null and event_id is null)`,
    )
    .execute();
  await sql`create index surveys_hub_idx on surveys (hub_id)`.execute(db);
  await sql`create index surveys_event_idx on surveys (event_id) where event_id is not null`.execute(db);
  await sql`create index surveys_shift_idx on surveys (shift_id) where shift_id is not null`.execute(db);
  await sql`create index surveys_open_idx on surveys (opens_at, closes_at) where status = 'published'`.execute(
    db,
  );

  // Who may get a token, and whether they got one. The only survey table naming an account.
  await db.schema
    .createTable('survey_invitees')
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('issued_at', 'timestamptz')
    .addPrimaryKeyConstraint('survey_invitees_pk', ['survey_id', 'user_id'])
    .execute();
  await sql`create index survey_invitees_user_idx on survey_invitees (user_id)`.execute(db);

  // One-time tokens, as hashes, with no account. hub_id/district: where the holder took part,
  // copied onto the answer for breakdowns.
  await db.schema
    .createTable('survey_invitations')
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hub_id', 'uuid', (c) => c.references('hubs.id').onDelete('set null'))
    .addColumn('district', 'text')
    .addPrimaryKeyConstraint('survey_invitations_pk', ['survey_id', 'token_hash'])
    .execute();

  // The answers: no account, no token, no invitation, no time finer than the Kyiv day.
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('hub_id', 'uuid', (c) => c.references('hubs.id').onDelete('set null'))
    .addColumn('district', 'text')
    .addColumn('answered_on', 'date', (c) => c.notNull())
    // { [questionId]: number | string | string[] }
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index survey_responses_survey_idx on survey_responses (survey_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_responses').ifExists().execute();
  await db.schema.dropTable('survey_invitations').ifExists().execute();
  await db.schema.dropTable('survey_invitees').ifExists().execute();
  await db.schema.dropTable('surveys').ifExists().execute();
}
