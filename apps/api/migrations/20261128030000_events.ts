// Events held in booked rooms, registrations with a waiting list, check-in and feedback.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('booking_id', 'uuid', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`category in ('debate', 'workshop', 'training', 'civic_course', 'consultation', 'meeting')`,
        ),
    )
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{uk}'`))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('registration_required', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('published').check(sql`status in ('published', 'cancelled')`),
    )
    .addColumn('cancel_reason', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_time_order', sql`starts_at < ends_at`)
    .execute();
  await sql`create index events_starts_idx on events (status, starts_at)`.execute(db);
  await sql`create index events_booking_idx on events (booking_id)`.execute(db);

  // One live registration per account and event; the waiting list is numbered 1, 2, 3… with
  // no gap or repeat (kept so under a row lock on the event).
  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`),
    )
    .addColumn('position', 'integer', (c) => c.check(sql`position > 0`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('checked_in_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('event_registrations_position', sql`(status = 'waitlisted') = (position is not null)`)
    .execute();
  await sql`create unique index event_registrations_one_live on event_registrations (event_id, user_id) where status <> 'cancelled'`.execute(
    db,
  );
  await sql`create unique index event_registrations_position_unique on event_registrations (event_id, position) where status = 'waitlisted'`.execute(
    db,
  );
  await sql`create unique index event_registrations_code_unique on event_registrations (event_id, code)`.execute(
    db,
  );

  await db.schema
    .createTable('event_feedback')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('event_feedback_once', ['event_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['event_feedback', 'event_registrations', 'events'])
    await db.schema.dropTable(t).ifExists().execute();
}
