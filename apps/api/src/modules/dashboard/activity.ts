// The rooms' activity per Kyiv day — the one definition of opening, closed and booked hours and of
// bookings that the dashboard, the reports, the district view and the open "hub activity" dataset
// all add up.
//
// For each room and day:
// - scheduled: the hub's opening intervals that day as real instants (a dated exception replaces
//   the weekday's hours; a DST day gets its true length), from the day the room was created;
// - closed: the part of those intervals covered by closures of the room or of its whole hub
//   (overlapping closures counted once);
// - open = scheduled − closed;
// - booked: the confirmed bookings' seconds within the day (room_day_stats, kept on write);
// - bookings / pending: confirmed bookings / pending requests starting that day.
//
// `hub_days` is the same per hub and day, added up without going room by room: a hub's scheduled
// seconds times its rooms that existed that day, the closed seconds of its rooms' closed days, and
// booking_day_stats (kept by the same rule as room_day_stats). The city's year is then 24 hubs ×
// 730 days instead of 192 rooms × 730 days; the open data's rows per room add up to it (tested).
import { type RawBuilder, sql } from 'kysely';

export interface ActivityScope {
  from: string;
  to: string;
  district?: string | null | undefined;
  hubId?: string | null | undefined;
}

/**
 * A statement fragment: `room_days(room_id, hub_id, district, day, scheduled_s, closed_s, booked_s,
 * bookings, pending)` and `hub_days(hub_id, district, day, …the same)` for the rooms and hubs in
 * scope and the days from `from` to `to` (both included), as common table expressions to put after
 * `with`. A statement reads the one it needs; the other is never computed.
 */
export function roomDaysCte(s: ActivityScope): RawBuilder<unknown> {
  return sql`
    days as (
      select d::date as day from generate_series(${s.from}::date, ${s.to}::date, interval '1 day') d
    ), r as (
      select r.id as room_id, r.hub_id, h.district, (r.created_at at time zone 'Europe/Kyiv')::date as since
      from rooms r join hubs h on h.id = r.hub_id
      where (${s.district ?? null}::text is null or h.district = ${s.district ?? null}::text)
        and (${s.hubId ?? null}::uuid is null or h.id = ${s.hubId ?? null}::uuid)
    ), hs as (
      select distinct hub_id from r
    ), intervals as (
      -- The weekday's hours on days without an exception, then the exceptions' hours (hash joins:
      -- a hub's two years are 730 days).
      select h.hub_id, d.day,
             tstzrange((d.day + w.opens) at time zone 'Europe/Kyiv', (d.day + w.closes) at time zone 'Europe/Kyiv', '[)')
               as span
      from hs h
      cross join days d
      join hub_opening_hours w on w.hub_id = h.hub_id and w.weekday = extract(isodow from d.day)::int
      where not exists (select 1 from hub_exceptions x where x.hub_id = h.hub_id and x.date = d.day)
      union all
      select x.hub_id, x.date,
             tstzrange((x.date + x.opens) at time zone 'Europe/Kyiv', (x.date + x.closes) at time zone 'Europe/Kyiv', '[)')
      from hub_exceptions x
      where x.hub_id in (select hub_id from hs) and x.opens is not null
        and x.date between ${s.from}::date and ${s.to}::date
    ), opening as (
      -- Intervals of a day that overlap count once.
      select hub_id, day, (select sum(extract(epoch from upper(x) - lower(x))) from unnest(range_agg(span)) x) as seconds
      from intervals group by hub_id, day
    ), cl as (
      select r.room_id, r.hub_id, c.period
      from closures c join r on r.hub_id = c.hub_id and (c.room_id is null or c.room_id = r.room_id)
      where c.period && tstzrange(${s.from}::date::timestamp at time zone 'Europe/Kyiv',
                                  (${s.to}::date + 1)::timestamp at time zone 'Europe/Kyiv', '[)')
    ), closed as (
      -- Per room and day, the union of the opening intervals a closure meets intersected with the
      -- union of the closures that meet one (each closure meets only intervals it overlaps, so
      -- this is the closed part of the day, overlapping closures counted once).
      select room_id, day, sum(extract(epoch from upper(x) - lower(x))) as seconds
      from (
        select cl.room_id, i.day, unnest(range_agg(i.span) * range_agg(cl.period)) as x
        from cl join intervals i on i.hub_id = cl.hub_id and i.span && cl.period
        group by cl.room_id, i.day
      ) y
      group by room_id, day
    ), room_days as (
      select r.room_id, r.hub_id, r.district, d.day,
             case when d.day >= r.since then coalesce(o.seconds, 0) else 0 end as scheduled_s,
             case when d.day >= r.since then coalesce(c.seconds, 0) else 0 end as closed_s,
             coalesce(s.confirmed_seconds, 0) as booked_s,
             coalesce(s.confirmed, 0) as bookings,
             coalesce(s.pending, 0) as pending
      from r
      cross join days d
      left join opening o on o.hub_id = r.hub_id and o.day = d.day
      left join closed c on c.room_id = r.room_id and c.day = d.day
      left join room_day_stats s on s.room_id = r.room_id and s.day = d.day
    ), alive as (
      -- How many of a hub's rooms exist on the days from \`since\` until the next room's day.
      select hub_id, since, coalesce(lead(since) over w, 'infinity'::date) as until, sum(n) over w as n
      from (select hub_id, since, count(*) as n from r group by hub_id, since) x
      window w as (partition by hub_id order by since)
    ), closed_hub as (
      select r.hub_id, c.day, sum(c.seconds) as seconds
      from closed c join r on r.room_id = c.room_id
      where c.day >= r.since
      group by r.hub_id, c.day
    ), hub_facts as (
      -- One pass over each source, keyed by hub and day, then added up (no join of the hubs'
      -- days with each source, whose estimates led the planner astray).
      select o.hub_id, o.day, o.seconds * a.n as scheduled_s, 0 as closed_s, 0 as booked_s, 0 as bookings, 0 as pending
      from opening o join alive a on a.hub_id = o.hub_id and o.day >= a.since and o.day < a.until
      union all
      select hub_id, day, 0, seconds, 0, 0, 0 from closed_hub
      union all
      select s.hub_id, s.day, 0, 0, s.confirmed_seconds, s.confirmed, s.pending
      from booking_day_stats s
      where s.hub_id in (select hub_id from hs) and s.day between ${s.from}::date and ${s.to}::date
    ), hub_days as (
      select f.hub_id, h.district, f.day, sum(f.scheduled_s) as scheduled_s, sum(f.closed_s) as closed_s,
             sum(f.booked_s) as booked_s, sum(f.bookings) as bookings, sum(f.pending) as pending
      from hub_facts f join (select distinct hub_id, district from r) h on h.hub_id = f.hub_id
      group by f.hub_id, h.district, f.day
    )`;
}
