// Per hub: confirmed bookings, pending requests, booked hours and organisations served in a
// window, exact, from the rollups the bookings' trigger keeps (migration
// 20261204010000_bookings_at_scale) plus the bookings at the window's edges.
//
// The window [from, to) splits into whole Kyiv days [A, B) and the edges [from, A) and [B, to).
// A booking is counted on the day it starts: those starting in [A, B) come from booking_day_stats;
// those starting before A that reach past `from`, and those starting in [B, to), are read from
// bookings (an edge is less than a day). Hours are the confirmed seconds the rollup holds for the
// days in [A, B) plus each booking's overlap with the edges. Organisations: the union of
// booking_org_months for the whole months inside [A, B), booking_org_days for the other days in
// it, and the edge bookings' organisations — as bitmaps of numbered organisations per hub and
// month (day), OR-ed and counted (migration 20261215100100_booking_org_bits), so a quarter of the
// whole city reads a few hundred rows; the edges' organisations are then counted one by one where
// that union lacks their bit (a bitmap each cost as much as the rollups' days together).
import { sql } from 'kysely';
import { CHUNK_BITS } from '../../../migrations/20261215100100_booking_org_bits';
import { type Database, type PreparedFamily, prepared } from '../../db/database';

/** The statistics statements (one text each) as prepared statements of their own family. */
export const STATS_PREPARED_TEXTS: PreparedFamily = { name: 'statistics', max: 4 };

export interface HubBookingStatsRow {
  hubId: string;
  nameUk: string;
  nameEn: string;
  district: string;
  bookings: number;
  pending: number;
  bookedHours: number;
  organizations: number;
}

export async function hubBookingStats(
  db: Database,
  w: { from: string; to: string; district?: string | undefined },
): Promise<HubBookingStatsRow[]> {
  // One text whatever the window and district (values travel as parameters): prepared once per
  // connection (db/database.ts), and planned once when the generic plan is as good.
  return (await db.executeQuery(prepared(hubBookingStatsQuery(db, w), STATS_PREPARED_TEXTS))).rows;
}

/** The statement `hubBookingStats` runs, compiled. */
export function hubBookingStatsQuery(
  db: Database,
  w: { from: string; to: string; district?: string | undefined },
) {
  return sql<HubBookingStatsRow>`
    with k as (
      select f, t,
             case when (f at time zone 'Europe/Kyiv') = date_trunc('day', f at time zone 'Europe/Kyiv')
                  then (f at time zone 'Europe/Kyiv')::date else (f at time zone 'Europe/Kyiv')::date + 1 end as ad,
             (t at time zone 'Europe/Kyiv')::date as bd
      from (select ${w.from}::timestamptz as f, ${w.to}::timestamptz as t) x
    ), d as (
      select f, t, ad, bd, ad < bd as whole,
             case when extract(day from ad) = 1 then ad else (date_trunc('month', ad) + interval '1 month')::date end as m1,
             date_trunc('month', bd)::date as m2
      from k
    ), bounds as (
      select f, t,
             case when whole then ad else bd end as ad,
             bd,
             case when whole and m1 < m2 then m1 else bd end as m1,
             case when whole and m1 < m2 then m2 else bd end as m2,
             case when whole then ad::timestamp at time zone 'Europe/Kyiv' else t end as a,
             case when whole then bd::timestamp at time zone 'Europe/Kyiv' else t end as b
      from d
    ), h as (
      select id, name_uk, name_en, district from hubs
      where ${w.district ?? null}::text is null or district = ${w.district ?? null}::text
    ), days as (
      select s.hub_id, sum(s.confirmed) as confirmed, sum(s.pending) as pending, sum(s.confirmed_seconds) as seconds
      from booking_day_stats s
      where s.day >= (select ad from bounds) and s.day < (select bd from bounds) and s.hub_id in (select id from h)
      group by s.hub_id
    ), near as materialized (
      -- Every booking meeting an edge, in four disjoint parts: those holding the instant f that
      -- start before it, and those holding b that start in [a, b) (point probes of the GiST index
      -- on period), and those starting in [f, a) or in [b, t) (index-only ranges of
      -- bookings_start_idx, no heap visit each).
      select b.room_id, b.status, b.organization_id, b.period
      from bookings b
      where b.kind = 'booking' and b.status in ('pending', 'confirmed')
        and b.period @> (select f from bounds) and lower(b.period) <> (select f from bounds)
      union all
      select b.room_id, b.status, b.organization_id, b.period
      from bookings b
      where b.kind = 'booking' and b.status in ('pending', 'confirmed')
        and b.period @> (select b from bounds) and lower(b.period) <> (select b from bounds)
        and b.period &> (select tstzrange(a, a, '[]') from bounds)
      union all
      select b.room_id, b.status, b.organization_id, b.period
      from bookings b
      where b.kind = 'booking' and b.status in ('pending', 'confirmed')
        and lower(b.period) >= (select f from bounds) and lower(b.period) < (select a from bounds)
      union all
      select b.room_id, b.status, b.organization_id, b.period
      from bookings b
      where b.kind = 'booking' and b.status in ('pending', 'confirmed')
        and lower(b.period) >= (select b from bounds) and lower(b.period) < (select t from bounds)
    ), edge as (
      select r.hub_id, n.status, n.organization_id,
             (lower(n.period) < e.a and upper(n.period) > e.f) or (lower(n.period) >= e.b and lower(n.period) < e.t)
               as counted,
             -- As intervals (exact integer arithmetic), turned into seconds once per hub below.
             greatest(interval '0', least(upper(n.period), e.a) - greatest(lower(n.period), e.f))
               + greatest(interval '0', least(upper(n.period), e.t) - greatest(lower(n.period), e.b))
               as span
      from near n
      join rooms r on r.id = n.room_id
      cross join bounds e
      where r.hub_id in (select id from h)
    ), edges as (
      select hub_id,
             count(*) filter (where counted and status = 'confirmed') as confirmed,
             count(*) filter (where counted and status = 'pending') as pending,
             coalesce(extract(epoch from sum(span) filter (where status = 'confirmed')), 0) as seconds
      from edge group by hub_id
    ), edge_orgs as (
      select distinct hub_id, organization_id from edge where counted and status = 'confirmed'
    ), bits as (
      select o.hub_id, o.chunk, o.bits from booking_org_month_bits o
      where o.month >= (select m1 from bounds) and o.month < (select m2 from bounds) and o.hub_id in (select id from h)
      union all
      select o.hub_id, o.chunk, o.bits from booking_org_day_bits o
      where o.day >= (select ad from bounds) and o.day < (select m1 from bounds)
        and o.hub_id in (select id from h)
      union all
      select o.hub_id, o.chunk, o.bits from booking_org_day_bits o
      where o.day >= (select m2 from bounds) and o.day < (select bd from bounds)
        and o.hub_id in (select id from h)
    ), ored as (
      select hub_id, chunk, bit_or(bits) as bits from bits group by hub_id, chunk
    ), extra as (
      -- The edges' organisations whose bit the rollups' union lacks: counted one by one rather
      -- than OR-ed in as a bitmap each.
      select e.hub_id, count(*) as n
      from edge_orgs e
      join organization_numbers n on n.organization_id = e.organization_id
      left join ored o on o.hub_id = e.hub_id and o.chunk = n.n / ${sql.lit(CHUNK_BITS)}
      where o.bits is null or get_bit(o.bits, n.n % ${sql.lit(CHUNK_BITS)}) = 0
      group by e.hub_id
    ), served as (
      select hub_id, sum(n) as n
      from (select hub_id, bit_count(bits) as n from ored union all select hub_id, n from extra) x
      group by hub_id
    )
    select h.id as "hubId", h.name_uk as "nameUk", h.name_en as "nameEn", h.district,
           (coalesce(days.confirmed, 0) + coalesce(edges.confirmed, 0))::int as bookings,
           (coalesce(days.pending, 0) + coalesce(edges.pending, 0))::int as pending,
           ((coalesce(days.seconds, 0) + coalesce(edges.seconds, 0)) / 3600)::float8 as "bookedHours",
           coalesce(served.n, 0)::int as organizations
    from h
    left join days on days.hub_id = h.id
    left join edges on edges.hub_id = h.id
    left join served on served.hub_id = h.id
    order by h.name_uk`.compile(db);
}
