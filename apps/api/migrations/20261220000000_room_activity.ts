// Per room and Kyiv day: confirmed and pending bookings counted on the day they start, and the
// confirmed seconds that fall within the day — the rollup behind utilisation (booked hours ÷
// opening hours per room, hub and district) and the open "hub activity" dataset. Kept by its own
// trigger in the transaction that changes a booking, with the same rule as booking_day_stats
// (migration 20261204010000_bookings_at_scale): only bookings (not a closure's rows) that are
// pending or confirmed count.
import { type Kysely, sql } from 'kysely';

/** The seconds of booking `b` (alias) that fall within Kyiv day `g.day`. */
const SECONDS_IN_DAY = sql`extract(epoch from
  least(upper(b.period), (g.day + 1)::timestamp at time zone 'Europe/Kyiv')
  - greatest(lower(b.period), g.day::timestamp at time zone 'Europe/Kyiv'))`;

/** The Kyiv days booking `b` (alias) meets, with the day it starts (d0). */
const DAYS_OF_BOOKING = sql`(
  select x::date as day, (lower(b.period) at time zone 'Europe/Kyiv')::date as d0
  from generate_series((lower(b.period) at time zone 'Europe/Kyiv')::date::timestamp,
         ((upper(b.period) - interval '1 microsecond') at time zone 'Europe/Kyiv')::date::timestamp,
         interval '1 day') x)`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table room_day_stats (
    room_id uuid not null references rooms (id) on delete cascade,
    day date not null,
    confirmed integer not null default 0,
    pending integer not null default 0,
    confirmed_seconds numeric not null default 0,
    primary key (room_id, day))`.execute(db);

  await sql`
    create function room_day_stats_apply(b bookings, sign integer) returns void language plpgsql as $$
    begin
      if b.kind <> 'booking' or b.status not in ('pending', 'confirmed') then
        return;
      end if;
      insert into room_day_stats as s (room_id, day, confirmed, pending, confirmed_seconds)
      select b.room_id, g.day,
             case when g.day = g.d0 and b.status = 'confirmed' then sign else 0 end,
             case when g.day = g.d0 and b.status = 'pending' then sign else 0 end,
             case when b.status = 'confirmed' then sign * ${SECONDS_IN_DAY} else 0 end
      from ${DAYS_OF_BOOKING} g
      on conflict (room_id, day) do update
        set confirmed = s.confirmed + excluded.confirmed,
            pending = s.pending + excluded.pending,
            confirmed_seconds = s.confirmed_seconds + excluded.confirmed_seconds;
    end $$`.execute(db);
  await sql`
    create function room_day_stats_trigger() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.kind = old.kind and new.status = old.status and new.period = old.period
         and new.room_id = old.room_id then
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        perform room_day_stats_apply(old, -1);
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        perform room_day_stats_apply(new, 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger bookings_room_stats after insert or update or delete on bookings
    for each row execute function room_day_stats_trigger()`.execute(db);
  await sql`
    create function room_day_stats_truncate() returns trigger language plpgsql as $$
    begin
      truncate room_day_stats;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger bookings_room_stats_truncate after truncate on bookings
    for each statement execute function room_day_stats_truncate()`.execute(db);

  // Rebuilds the rollup in one pass (here, and after bulk loads that turn the row trigger off,
  // such as the scale benchmark's generator).
  await sql`
    create function room_day_stats_rebuild() returns void language plpgsql as $$
    begin
      delete from room_day_stats;
      insert into room_day_stats (room_id, day, confirmed, pending, confirmed_seconds)
      select b.room_id, g.day,
             count(*) filter (where g.day = g.d0 and b.status = 'confirmed'),
             count(*) filter (where g.day = g.d0 and b.status = 'pending'),
             coalesce(sum(${SECONDS_IN_DAY}) filter (where b.status = 'confirmed'), 0)
      from bookings b
      cross join lateral ${DAYS_OF_BOOKING} g
      where b.kind = 'booking' and b.status in ('pending', 'confirmed')
      group by b.room_id, g.day;
    end $$`.execute(db);
  await sql`select room_day_stats_rebuild()`.execute(db);
  await sql`analyze room_day_stats`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists bookings_room_stats_truncate on bookings`.execute(db);
  await sql`drop trigger if exists bookings_room_stats on bookings`.execute(db);
  for (const f of [
    'room_day_stats_rebuild()',
    'room_day_stats_truncate()',
    'room_day_stats_trigger()',
    'room_day_stats_apply(bookings, integer)',
  ])
    await sql`drop function if exists ${sql.raw(f)}`.execute(db);
  await sql`drop table if exists room_day_stats`.execute(db);
}
