// Hubs and rooms as managed places; bookings whose overlap the database forbids; closures;
// the notification outbox.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rooms
    add column min_minutes integer not null default 30 check (min_minutes > 0),
    add column max_minutes integer not null default 480 check (max_minutes > 0),
    add column lead_minutes integer not null default 60 check (lead_minutes >= 0),
    add column horizon_days integer not null default 90 check (horizon_days > 0),
    add column buffer_minutes integer not null default 0 check (buffer_minutes between 0 and 240),
    add column requires_approval boolean not null default true,
    add column monthly_quota_hours integer check (monthly_quota_hours > 0),
    add column updated_at timestamptz not null default now(),
    add constraint rooms_length_order check (min_minutes <= max_minutes)`.execute(db);
  await sql`alter table hubs add column updated_at timestamptz not null default now()`.execute(db);

  // Dated exceptions to the weekly hours: a holiday (closed) or special hours for one day.
  await db.schema
    .createTable('hub_exceptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('hub_id', 'uuid', (c) => c.notNull().references('hubs.id').onDelete('cascade'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('opens', 'time')
    .addColumn('closes', 'time')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('hub_exceptions_one_per_day', ['hub_id', 'date'])
    .addCheckConstraint('hub_exceptions_hours', sql`(opens is null and closes is null) or (opens < closes)`)
    .execute();

  await db.schema
    .createTable('closures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('hub_id', 'uuid', (c) => c.notNull().references('hubs.id').onDelete('cascade'))
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('cascade'))
    .addColumn('period', sql`tstzrange`, (c) => c.notNull().check(sql`not isempty(period)`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('other')
        .check(sql`kind in ('air_raid', 'power_cut', 'maintenance', 'city_event', 'other')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index closures_hub_period_idx on closures using gist (hub_id, period)`.execute(db);

  // Bookings and the per-room rows of closures share one table, so one exclusion constraint keeps
  // every pending or confirmed booking and every closure of a room apart. `blocked` is the period
  // plus the room's buffer after it.
  await db.schema
    .createTable('bookings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('booking').check(sql`kind in ('booking', 'closure')`),
    )
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('closure_id', 'uuid', (c) => c.references('closures.id').onDelete('cascade'))
    .addColumn('series_id', 'uuid')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attendees', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attendees >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'confirmed', 'declined', 'cancelled', 'disrupted')`),
    )
    .addColumn('period', sql`tstzrange`, (c) => c.notNull().check(sql`not isempty(period)`))
    .addColumn('blocked', sql`tstzrange`, (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('disrupted_by', 'uuid', (c) => c.references('closures.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('bookings_blocked_covers_period', sql`blocked @> period`)
    .addCheckConstraint(
      'bookings_kind_fields',
      sql`(kind = 'booking' and organization_id is not null and closure_id is null)
          or (kind = 'closure' and closure_id is not null and organization_id is null)`,
    )
    .execute();
  await sql`alter table bookings add constraint bookings_no_overlap
    exclude using gist (room_id with =, blocked with &&) where (status in ('pending', 'confirmed'))`.execute(
    db,
  );
  await sql`create index bookings_room_period_idx on bookings using gist (room_id, period)`.execute(db);
  await sql`create index bookings_org_idx on bookings (organization_id, status)`.execute(db);
  await sql`create index bookings_series_idx on bookings (series_id) where series_id is not null`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_uk', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await sql`create index notifications_user_idx on notifications (user_id, created_at desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'bookings', 'closures', 'hub_exceptions'])
    await db.schema.dropTable(t).ifExists().execute();
  await sql`alter table hubs drop column updated_at`.execute(db);
  await sql`alter table rooms drop constraint rooms_length_order,
    drop column updated_at, drop column monthly_quota_hours, drop column requires_approval, drop column buffer_minutes,
    drop column horizon_days, drop column lead_minutes, drop column max_minutes, drop column min_minutes`.execute(
    db,
  );
}
