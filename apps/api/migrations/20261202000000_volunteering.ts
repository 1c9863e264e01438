// Volunteer programs and their shifts, volunteer profiles, briefing acknowledgements, sign-ups
// with a gapless waiting list, and volunteer hours (from attendance or self-reported).
import { type Kysely, sql } from 'kysely';

const CAUSES = [
  'veterans',
  'children_youth',
  'elderly',
  'environment',
  'culture_heritage',
  'civic_education',
  'humanitarian_aid',
  'animals',
  'health',
  'digital_skills',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('volunteer_programs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('hub_id', 'uuid', (c) => c.references('hubs.id').onDelete('cascade'))
    .addColumn('owner_district', 'text')
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cause', 'text', (c) =>
      c.notNull().check(sql`cause in (${sql.join(CAUSES.map((x) => sql.lit(x)))})`),
    )
    .addColumn('districts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{uk}'`))
    .addColumn('min_age', 'integer', (c) => c.notNull().defaultTo(0).check(sql`min_age between 0 and 99`))
    .addColumn('briefing', 'text')
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'closed')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // At most one of organisation, hub, district runs it; none means the city.
    .addCheckConstraint(
      'volunteer_programs_one_owner',
      sql`num_nonnulls(organization_id, hub_id, owner_district) <= 1`,
    )
    .execute();
  await sql`create index volunteer_programs_status_idx on volunteer_programs (status, cause)`.execute(db);

  await db.schema
    .createTable('volunteer_shifts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (c) =>
      c.notNull().references('volunteer_programs.id').onDelete('cascade'),
    )
    .addColumn('series_id', 'uuid')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('booking_id', 'uuid', (c) => c.references('bookings.id').onDelete('set null'))
    .addColumn('places', 'integer', (c) => c.notNull().check(sql`places > 0`))
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('accessibility_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('step_free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('published').check(sql`status in ('published', 'cancelled')`),
    )
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('volunteer_shifts_time_order', sql`starts_at < ends_at`)
    .execute();
  await sql`create index volunteer_shifts_starts_idx on volunteer_shifts (status, starts_at)`.execute(db);
  await sql`create index volunteer_shifts_program_idx on volunteer_shifts (program_id)`.execute(db);

  await db.schema
    .createTable('volunteer_profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('districts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('consent_to_contact', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('consent_given_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('volunteer_briefing_acks')
    .addColumn('program_id', 'uuid', (c) =>
      c.notNull().references('volunteer_programs.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('acknowledged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('volunteer_briefing_acks_pk', ['program_id', 'user_id'])
    .execute();

  // One live sign-up per volunteer and shift; the waiting list is numbered 1, 2, 3… with no gap
  // or repeat (kept so under a row lock on the shift).
  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('shift_id', 'uuid', (c) => c.notNull().references('volunteer_shifts.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`),
    )
    .addColumn('position', 'integer', (c) => c.check(sql`position > 0`))
    .addColumn('present', 'boolean')
    .addColumn('attendance_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addCheckConstraint('volunteer_signups_position', sql`(status = 'waitlisted') = (position is not null)`)
    .execute();
  await sql`create unique index volunteer_signups_one_live on volunteer_signups (shift_id, user_id) where status <> 'cancelled'`.execute(
    db,
  );
  await sql`create unique index volunteer_signups_position_unique on volunteer_signups (shift_id, position) where status = 'waitlisted'`.execute(
    db,
  );
  await sql`create index volunteer_signups_user_idx on volunteer_signups (user_id, status)`.execute(db);

  await db.schema
    .createTable('volunteer_hours')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('program_id', 'uuid', (c) =>
      c.notNull().references('volunteer_programs.id').onDelete('cascade'),
    )
    .addColumn('shift_id', 'uuid', (c) => c.references('volunteer_shifts.id').onDelete('set null'))
    .addColumn('signup_id', 'uuid', (c) => c.references('volunteer_signups.id').onDelete('set null'))
    .addColumn('work_date', 'date', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 1 and 1440`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('attendance', 'self_reported')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index volunteer_hours_one_per_signup on volunteer_hours (signup_id) where signup_id is not null`.execute(
    db,
  );
  await sql`create index volunteer_hours_user_idx on volunteer_hours (user_id, status)`.execute(db);
  await sql`create index volunteer_hours_program_idx on volunteer_hours (program_id, status)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'volunteer_hours',
    'volunteer_signups',
    'volunteer_briefing_acks',
    'volunteer_profiles',
    'volunteer_shifts',
    'volunteer_programs',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
