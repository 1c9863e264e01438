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
import { type RawBuilder, sql } from 'kysely';

export interface ActivityScope {
  from: string;
  to: string;
  district?: string | null | undefined;
  hubId?: string | null | undefined;
}

/**
 * A statement fragment: `room_days(room_id, hub_id, district, day, scheduled_s, closed_s, booked_s,
 * bookings, pending)` for the rooms in scope and the days from `from` to `to` (both included), as
 * common table expressions to put after `with`.
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
    ), intervals as (
      select h.hub_id, d.day,
             tstzrange((d.day + i.opens) at time zone 'Europe/Kyiv', (d.day + i.closes) at time zone 'Europe/Kyiv', '[)')
               as span
      from (select distinct hub_id from r) h
      cross join days d
      left join hub_exceptions x on x.hub_id = h.hub_id and x.date = d.day
      join lateral (
        select x.opens, x.closes where x.id is not null and x.opens is not null
        union all
        select w.opens, w.closes from hub_opening_hours w
        where x.id is null and w.hub_id = h.hub_id and w.weekday = extract(isodow from d.day)
      ) i on true
    ), opening as (
      select hub_id, day, range_agg(span) as open,
             sum(extract(epoch from upper(span) - lower(span))) as seconds
      from intervals group by hub_id, day
    ), cl as (
      select r.room_id, r.hub_id, c.period
      from closures c join r on r.hub_id = c.hub_id and (c.room_id is null or c.room_id = r.room_id)
      where c.period && tstzrange(${s.from}::date::timestamp at time zone 'Europe/Kyiv',
                                  (${s.to}::date + 1)::timestamp at time zone 'Europe/Kyiv', '[)')
    ), closed as (
      select room_id, day, sum(extract(epoch from upper(x) - lower(x))) as seconds
      from (
        select cl.room_id, o.day, unnest(o.open * range_agg(cl.period)) as x
        from cl join opening o on o.hub_id = cl.hub_id and o.open && cl.period
        group by cl.room_id, o.day, o.open
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
    )`;
}
