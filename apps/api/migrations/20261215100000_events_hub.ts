// Each event's hub, kept on the event by the database: the staff list of one hub's events (and the
// statistics of a district's events) found them by joining every event to its booking and room,
// 5,000 primary-key probes of the bookings at city scale for a page of 50. The hub follows the
// booking's room: set on insert (and when the event's booking changes), and moved when a booking
// changes room or a room changes hub.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table events add column hub_id uuid references hubs (id) on delete cascade`.execute(db);
  await sql`update events e set hub_id = r.hub_id
    from bookings b join rooms r on r.id = b.room_id where b.id = e.booking_id`.execute(db);
  await sql`alter table events alter column hub_id set not null`.execute(db);
  // One hub's events in start order (the staff list), and a window's per hub.
  await sql`create index events_hub_starts_idx on events (hub_id, starts_at, id)`.execute(db);
  // The planner's statistics of the new column (otherwise one hub looks like 1/200 of the events,
  // and its page is joined in full before sorting instead of read in order from the index).
  await sql`analyze events`.execute(db);

  await sql`
    create function events_set_hub() returns trigger language plpgsql as $$
    begin
      new.hub_id := (select r.hub_id from bookings b join rooms r on r.id = b.room_id where b.id = new.booking_id);
      return new;
    end $$`.execute(db);
  await sql`
    create trigger events_hub before insert or update of booking_id on events
    for each row execute function events_set_hub()`.execute(db);

  await sql`
    create function bookings_move_events_hub() returns trigger language plpgsql as $$
    begin
      update events set hub_id = (select hub_id from rooms where id = new.room_id)
      where booking_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger bookings_events_hub after update of room_id on bookings
    for each row when (old.room_id is distinct from new.room_id)
    execute function bookings_move_events_hub()`.execute(db);

  await sql`
    create function rooms_move_events_hub() returns trigger language plpgsql as $$
    begin
      update events e set hub_id = new.hub_id
      from bookings b where b.id = e.booking_id and b.room_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger rooms_events_hub after update of hub_id on rooms
    for each row when (old.hub_id is distinct from new.hub_id)
    execute function rooms_move_events_hub()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists rooms_events_hub on rooms`.execute(db);
  await sql`drop trigger if exists bookings_events_hub on bookings`.execute(db);
  await sql`drop trigger if exists events_hub on events`.execute(db);
  await sql`drop function if exists rooms_move_events_hub()`.execute(db);
  await sql`drop function if exists bookings_move_events_hub()`.execute(db);
  await sql`drop function if exists events_set_hub()`.execute(db);
  await sql`drop index if exists events_hub_starts_idx`.execute(db);
  await sql`alter table events drop column if exists hub_id`.execute(db);
}
