// Bookings at city scale: indexes for windows and pages in start order, and statistics rollups
// kept by triggers in the transaction that changes a booking, so the district statistics read a
// few hundred rows instead of every booking of a quarter.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // `period && window` (and "which bookings hold this instant": the lower bound of a window's
  // pages) for every room at once; the (room_id, period) index only serves one room.
  await sql`create index bookings_period_idx on bookings using gist (period)`.execute(db);
  // Pages in start order: all bookings, one room's, one organisation's, one status's. The included
  // columns answer every filter of the list, so a page is an index-only scan.
  await sql`create index bookings_start_idx on bookings (lower(period), id)
    include (room_id, organization_id, status, period) where kind = 'booking'`.execute(db);
  await sql`create index bookings_room_start_idx on bookings (room_id, lower(period), id)
    include (organization_id, status, period) where kind = 'booking'`.execute(db);
  await sql`create index bookings_org_start_idx on bookings (organization_id, lower(period), id)
    include (room_id, status, period) where kind = 'booking'`.execute(db);
  await sql`create index bookings_status_start_idx on bookings (status, lower(period), id)
    include (room_id, organization_id, period) where kind = 'booking'`.execute(db);
  // Events meeting a window.
  await sql`create index events_period_idx on events using gist (tstzrange(starts_at, ends_at, '[)'))`.execute(
    db,
  );

  // Per hub and Kyiv day: pending and confirmed bookings counted on the day they start, and the
  // confirmed seconds that fall within the day (a booking past midnight adds to both days).
  await sql`create table booking_day_stats (
    hub_id uuid not null references hubs (id) on delete cascade,
    day date not null,
    confirmed integer not null default 0,
    pending integer not null default 0,
    confirmed_seconds numeric not null default 0,
    primary key (hub_id, day))`.execute(db);
  // Confirmed bookings per hub, organisation and Kyiv day (and month) of their start, a row only
  // while there is one: the organisations a hub served in a window are counted from these,
  // months first.
  await sql`create table booking_org_days (
    hub_id uuid not null references hubs (id) on delete cascade,
    day date not null,
    organization_id uuid not null references organizations (id) on delete cascade,
    confirmed integer not null default 0,
    primary key (hub_id, day, organization_id))`.execute(db);
  await sql`create table booking_org_months (
    hub_id uuid not null references hubs (id) on delete cascade,
    month date not null,
    organization_id uuid not null references organizations (id) on delete cascade,
    confirmed integer not null default 0,
    primary key (hub_id, month, organization_id))`.execute(db);

  // Adds (sign 1) or removes (sign -1) one booking's share of the rollups. Only bookings (not a
  // closure's rows) that are pending or confirmed count.
  await sql`
    create function booking_stats_apply(b bookings, sign integer) returns void language plpgsql as $$
    declare
      hub uuid;
      d0 date;
    begin
      if b.kind <> 'booking' or b.status not in ('pending', 'confirmed') then
        return;
      end if;
      select hub_id into hub from rooms where id = b.room_id;
      if hub is null then
        return;
      end if;
      d0 := (lower(b.period) at time zone 'Europe/Kyiv')::date;
      insert into booking_day_stats as s (hub_id, day, confirmed, pending, confirmed_seconds)
      select hub, g.day,
             case when g.day = d0 and b.status = 'confirmed' then sign else 0 end,
             case when g.day = d0 and b.status = 'pending' then sign else 0 end,
             case when b.status = 'confirmed' then sign * extract(epoch from
               least(upper(b.period), (g.day + 1)::timestamp at time zone 'Europe/Kyiv')
               - greatest(lower(b.period), g.day::timestamp at time zone 'Europe/Kyiv')) else 0 end
      from (select x::date as day from generate_series(d0::timestamp,
              ((upper(b.period) - interval '1 microsecond') at time zone 'Europe/Kyiv')::date::timestamp,
              interval '1 day') x) g
      on conflict (hub_id, day) do update
        set confirmed = s.confirmed + excluded.confirmed,
            pending = s.pending + excluded.pending,
            confirmed_seconds = s.confirmed_seconds + excluded.confirmed_seconds;
      if b.status = 'confirmed' then
        insert into booking_org_days as s (hub_id, day, organization_id, confirmed)
        values (hub, d0, b.organization_id, sign)
        on conflict (hub_id, day, organization_id) do update set confirmed = s.confirmed + excluded.confirmed;
        insert into booking_org_months as s (hub_id, month, organization_id, confirmed)
        values (hub, date_trunc('month', d0)::date, b.organization_id, sign)
        on conflict (hub_id, month, organization_id) do update set confirmed = s.confirmed + excluded.confirmed;
        if sign < 0 then
          -- An organisation without a booking there that day (month) has no row: the statistics
          -- read these tables' primary keys alone.
          delete from booking_org_days
          where hub_id = hub and day = d0 and organization_id = b.organization_id and confirmed = 0;
          delete from booking_org_months
          where hub_id = hub and month = date_trunc('month', d0)::date and organization_id = b.organization_id
            and confirmed = 0;
        end if;
      end if;
    end $$`.execute(db);

  await sql`
    create function bookings_stats_trigger() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.kind = old.kind and new.status = old.status and new.period = old.period
         and new.room_id = old.room_id and new.organization_id is not distinct from old.organization_id then
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        perform booking_stats_apply(old, -1);
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        perform booking_stats_apply(new, 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger bookings_stats after insert or update or delete on bookings
    for each row execute function bookings_stats_trigger()`.execute(db);
  await sql`
    create function bookings_stats_truncate() returns trigger language plpgsql as $$
    begin
      truncate booking_day_stats, booking_org_days, booking_org_months;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger bookings_stats_truncate after truncate on bookings
    for each statement execute function bookings_stats_truncate()`.execute(db);

  // Rebuilds the rollups from the bookings in one pass (this migration, and bulk loads that turn
  // the row trigger off, such as the scale benchmark's generator).
  await sql`
    create function booking_stats_rebuild() returns void language plpgsql as $$
    begin
      delete from booking_day_stats;
      delete from booking_org_days;
      delete from booking_org_months;
      insert into booking_day_stats (hub_id, day, confirmed, pending, confirmed_seconds)
      select r.hub_id, g.day,
             count(*) filter (where g.day = g.d0 and b.status = 'confirmed'),
             count(*) filter (where g.day = g.d0 and b.status = 'pending'),
             coalesce(sum(extract(epoch from
               least(upper(b.period), (g.day + 1)::timestamp at time zone 'Europe/Kyiv')
               - greatest(lower(b.period), g.day::timestamp at time zone 'Europe/Kyiv')))
               filter (where b.status = 'confirmed'), 0)
      from bookings b
      join rooms r on r.id = b.room_id
      cross join lateral (
        select x::date as day, (lower(b.period) at time zone 'Europe/Kyiv')::date as d0
        from generate_series((lower(b.period) at time zone 'Europe/Kyiv')::date::timestamp,
               ((upper(b.period) - interval '1 microsecond') at time zone 'Europe/Kyiv')::date::timestamp,
               interval '1 day') x) g
      where b.kind = 'booking' and b.status in ('pending', 'confirmed')
      group by r.hub_id, g.day;
      insert into booking_org_days (hub_id, day, organization_id, confirmed)
      select r.hub_id, (lower(b.period) at time zone 'Europe/Kyiv')::date, b.organization_id, count(*)
      from bookings b join rooms r on r.id = b.room_id
      where b.kind = 'booking' and b.status = 'confirmed'
      group by 1, 2, 3;
      insert into booking_org_months (hub_id, month, organization_id, confirmed)
      select hub_id, date_trunc('month', day)::date, organization_id, sum(confirmed)
      from booking_org_days group by 1, 2, 3;
    end $$`.execute(db);
  await sql`select booking_stats_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists bookings_stats_truncate on bookings`.execute(db);
  await sql`drop trigger if exists bookings_stats on bookings`.execute(db);
  await sql`drop function if exists booking_stats_rebuild()`.execute(db);
  await sql`drop function if exists bookings_stats_truncate()`.execute(db);
  await sql`drop function if exists bookings_stats_trigger()`.execute(db);
  await sql`drop function if exists booking_stats_apply(bookings, integer)`.execute(db);
  for (const t of ['booking_org_months', 'booking_org_days', 'booking_day_stats'])
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  for (const i of [
    'events_period_idx',
    'bookings_status_start_idx',
    'bookings_org_start_idx',
    'bookings_room_start_idx',
    'bookings_start_idx',
    'bookings_period_idx',
  ])
    await sql`drop index if exists ${sql.table(i)}`.execute(db);
}
