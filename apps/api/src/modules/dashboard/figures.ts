// Every figure of the dashboard, the reports and the district staff view, for a period and its
// previous period of the same length, per district, hub and room, and for the twelve months up to
// the period's end. One statement per family of figures, each grouping its rows by labelled ranges
// of days (buckets), so the period, the previous period and every month are the same definition.
// Definitions (published on the dashboard page; docs/api.md):
// - bookings / pending / booked, open and closed hours: activity.ts (room_days);
// - utilisation: booked hours ÷ open hours (after closures), null when nothing was open;
// - organisations: distinct organisations with a confirmed booking starting in the period;
// - events: published events starting in the period; registrations: their confirmed
//   registrations; attended: those checked in; no-show rate: 1 − attended ÷ registrations over the
//   events that have ended; average rating: of the feedback given to those events;
// - volunteer shifts: published shifts starting in the period; volunteer hours: approved hours
//   worked in the period; volunteers: distinct people with such hours;
// - applications / verifications: organisations whose latest submission / verification falls in the
//   period; verified organisations: those verified now whose verification came before the period's
//   end (classified by today's district, legal form and activities).
// A district is the hub's district (for shifts: the shift's district; for hours without a shift: the
// program's hub's district, else its owner district). Registry figures follow the district only.
import type { Dashboard, DashboardFigures, SpaceFigures } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { notFound } from '../../errors';
import { roomDaysCte } from './activity';
import { type Bucket, type DayRange, daysIn, previousOf, twelveMonthsTo } from './periods';

export interface FiguresQuery extends DayRange {
  district?: string | undefined;
  hubId?: string | undefined;
}

type Level = 'total' | 'district' | 'hub' | 'room';
interface Row {
  label: string;
  level: Level;
  key: string | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const ratio = (a: number, b: number, digits = 3) =>
  b > 0 ? Math.round((a / b) * 10 ** digits) / 10 ** digits : null;

/** The buckets as three parallel arrays, unnested by every statement into b(label, f, t). */
function bucketsCte(buckets: Bucket[]) {
  return sql`b as (
    select * from unnest(${buckets.map((x) => x.label)}::text[], ${buckets.map((x) => x.from)}::date[],
                         ${buckets.map((x) => x.to)}::date[]) as b(label, f, t)
  )`;
}

/** The level of a grouping-sets row, and its key (district slug, hub or room id). */
const LEVEL = (district: string, hub: string) =>
  sql.raw(`case when grouping(${hub}) = 0 then 'hub' when grouping(${district}) = 0 then 'district' else 'total' end
     as level, coalesce(${hub}::text, ${district}) as key`);

function spaceRows(db: Database, q: FiguresQuery, span: DayRange, buckets: Bucket[]) {
  // Per hub and day for every bucket (totals; districts and hubs for the period only).
  return sql<Row & { scheduled: number; closed: number; booked: number; bookings: number; pending: number }>`
    with ${bucketsCte(buckets)}, ${roomDaysCte({ ...span, district: q.district, hubId: q.hubId })},
    daily as (
      select day, sum(scheduled_s) as scheduled_s, sum(closed_s) as closed_s, sum(booked_s) as booked_s,
             sum(bookings) as bookings, sum(pending) as pending
      from hub_days group by day
    )
    select b.label, 'total' as level, null as key,
           sum(d.scheduled_s)::float8 as scheduled, sum(d.closed_s)::float8 as closed,
           sum(d.booked_s)::float8 as booked, sum(d.bookings)::int as bookings, sum(d.pending)::int as pending
    from daily d join b on d.day between b.f and b.t
    group by b.label
    union all
    select 'period', ${LEVEL('hd.district', 'hd.hub_id')},
           sum(hd.scheduled_s)::float8, sum(hd.closed_s)::float8, sum(hd.booked_s)::float8,
           sum(hd.bookings)::int, sum(hd.pending)::int
    from hub_days hd
    where hd.day between ${q.from}::date and ${q.to}::date
    group by grouping sets ((hd.district), (hd.hub_id))`
    .execute(db)
    .then((r) => r.rows);
}

/** Per room over the period (a hub's dashboard shows its rooms). */
function roomRows(db: Database, q: FiguresQuery) {
  return sql<Row & { scheduled: number; closed: number; booked: number; bookings: number; pending: number }>`
    with ${roomDaysCte(q)}
    select 'period' as label, 'room' as level, rd.room_id::text as key,
           sum(rd.scheduled_s)::float8 as scheduled, sum(rd.closed_s)::float8 as closed,
           sum(rd.booked_s)::float8 as booked, sum(rd.bookings)::int as bookings, sum(rd.pending)::int as pending
    from room_days rd
    group by rd.room_id`
    .execute(db)
    .then((r) => r.rows);
}

/** The hubs in scope, as a fragment `h(hub_id, district)`. */
const hubsCte = (q: FiguresQuery) => sql`h as (
  select id as hub_id, district from hubs
  where (${q.district ?? null}::text is null or district = ${q.district ?? null}::text)
    and (${q.hubId ?? null}::uuid is null or id = ${q.hubId ?? null}::uuid)
)`;

function organizationRows(db: Database, q: FiguresQuery, buckets: Bucket[]) {
  // Whole months inside a bucket read one bitmap per hub and month, the other days one per day.
  return sql<Row & { n: number }>`
    with ${bucketsCte(buckets)}, ${hubsCte(q)}, bits as (
      select b.label, h.district, h.hub_id, o.chunk, o.bits
      from b join booking_org_month_bits o on o.month >= b.f and (o.month + interval '1 month')::date - 1 <= b.t
      join h on h.hub_id = o.hub_id
      union all
      select b.label, h.district, h.hub_id, o.chunk, o.bits
      from b join booking_org_day_bits o on o.day between b.f and b.t
        and not (date_trunc('month', o.day)::date >= b.f and (date_trunc('month', o.day) + interval '1 month')::date - 1 <= b.t)
      join h on h.hub_id = o.hub_id
    ), ored as (
      select label, ${LEVEL('district', 'hub_id')}, chunk, bit_or(bits) as bits
      from bits
      group by grouping sets ((label, chunk), (label, district, chunk), (label, hub_id, chunk))
    )
    select label, level, key, sum(bit_count(bits))::int as n from ored group by label, level, key`
    .execute(db)
    .then((r) => r.rows);
}

function eventRows(db: Database, q: FiguresQuery, span: DayRange, buckets: Bucket[]) {
  return sql<
    Row & {
      events: number;
      registrations: number;
      attended: number;
      endedRegistrations: number;
      endedAttended: number;
      feedback: number;
      ratings: number;
    }
  >`
    with ${bucketsCte(buckets)}, ${hubsCte(q)}, ev as (
      select e.hub_id, h.district, (e.starts_at at time zone 'Europe/Kyiv')::date as day, e.ends_at <= now() as ended,
             coalesce(s.confirmed, 0) as confirmed, coalesce(s.attended, 0) as attended,
             coalesce(s.feedback, 0) as feedback, coalesce(s.rating_sum, 0) as rating_sum
      from events e
      join h on h.hub_id = e.hub_id
      left join event_stats s on s.event_id = e.id
      where e.status = 'published'
        and e.starts_at >= ${span.from}::date::timestamp at time zone 'Europe/Kyiv'
        and e.starts_at < (${span.to}::date + 1)::timestamp at time zone 'Europe/Kyiv'
    )
    select b.label, ${LEVEL('ev.district', 'ev.hub_id')},
           count(*)::int as events, sum(confirmed)::int as registrations, sum(attended)::int as attended,
           coalesce(sum(confirmed) filter (where ended), 0)::int as "endedRegistrations",
           coalesce(sum(attended) filter (where ended), 0)::int as "endedAttended",
           sum(feedback)::int as feedback, sum(rating_sum)::int as ratings
    from ev join b on ev.day between b.f and b.t
    group by grouping sets ((b.label), (b.label, ev.district), (b.label, ev.hub_id))`
    .execute(db)
    .then((r) => r.rows);
}

function volunteeringRows(db: Database, q: FiguresQuery, span: DayRange, buckets: Bucket[]) {
  const inScope = (hub: string, district: string) => sql`
    (${q.district ?? null}::text is null or ${sql.raw(district)} = ${q.district ?? null}::text)
    and (${q.hubId ?? null}::uuid is null or ${sql.raw(hub)} = ${q.hubId ?? null}::uuid)`;
  return sql<Row & { shifts: number; volunteers: number; minutes: number }>`
    with ${bucketsCte(buckets)}, shifts as (
      select coalesce(r.hub_id, p.hub_id) as hub_id, s.district, (s.starts_at at time zone 'Europe/Kyiv')::date as day
      from volunteer_shifts s
      join volunteer_programs p on p.id = s.program_id
      left join rooms r on r.id = s.room_id
      where s.status = 'published' and p.status in ('published', 'closed')
        and s.starts_at >= ${span.from}::date::timestamp at time zone 'Europe/Kyiv'
        and s.starts_at < (${span.to}::date + 1)::timestamp at time zone 'Europe/Kyiv'
    ), hours as (
      select x.user_id, x.minutes, x.work_date as day, coalesce(r.hub_id, p.hub_id) as hub_id,
             coalesce(s.district, ph.district, p.owner_district) as district
      from volunteer_hours x
      join volunteer_programs p on p.id = x.program_id
      left join volunteer_shifts s on s.id = x.shift_id
      left join rooms r on r.id = s.room_id
      left join hubs ph on ph.id = p.hub_id
      where x.status = 'approved' and x.work_date between ${span.from}::date and ${span.to}::date
    ), facts as (
      select hub_id, district, day, 1 as shift, null::uuid as user_id, 0 as minutes from shifts
      where ${inScope('hub_id', 'district')}
      union all
      select hub_id, district, day, 0, user_id, minutes from hours
      where ${inScope('hub_id', 'district')}
    )
    select b.label, ${LEVEL('f.district', 'f.hub_id')},
           sum(f.shift)::int as shifts, count(distinct f.user_id)::int as volunteers, sum(f.minutes)::int as minutes
    from facts f join b on f.day between b.f and b.t
    group by grouping sets ((b.label), (b.label, f.district), (b.label, f.hub_id))`
    .execute(db)
    .then((r) => r.rows);
}

function registryRows(db: Database, district: string | null, buckets: Bucket[]) {
  // Counted per district and Kyiv day first (a few thousand rows), then per bucket.
  return sql<Row & { applications: number; verifications: number; verified: number }>`
    with ${bucketsCte(buckets)}, o as (
      select district, status, (submitted_at at time zone 'Europe/Kyiv')::date as submitted,
             (verified_at at time zone 'Europe/Kyiv')::date as verified
      from organizations
      where (${district}::text is null or district = ${district}::text)
        and (submitted_at is not null or verified_at is not null)
    ), facts as (
      select district, submitted as day, count(*) as applications, 0 as verifications, 0 as still
      from o where submitted is not null group by district, submitted
      union all
      select district, verified, 0, count(*), count(*) filter (where status = 'verified')
      from o where verified is not null group by district, verified
    )
    select b.label, case when grouping(f.district) = 0 then 'district' else 'total' end as level, f.district as key,
           coalesce(sum(f.applications) filter (where f.day >= b.f), 0)::int as applications,
           coalesce(sum(f.verifications) filter (where f.day >= b.f), 0)::int as verifications,
           coalesce(sum(f.still), 0)::int as verified
    from facts f join b on f.day <= b.t
    group by grouping sets ((b.label), (b.label, f.district))`
    .execute(db)
    .then((r) => r.rows);
}

function registryBreakdown(db: Database, district: string | null, to: string) {
  return sql<{ dimension: 'district' | 'legalForm' | 'activity'; key: string; count: number }>`
    with v as (
      select district, legal_form, activities from organizations
      where status = 'verified' and (verified_at at time zone 'Europe/Kyiv')::date <= ${to}::date
        and (${district}::text is null or district = ${district}::text)
    )
    select 'district' as dimension, district as key, count(*)::int as count from v where district is not null group by 2
    union all
    select 'legalForm', legal_form, count(*)::int from v group by 2
    union all
    select 'activity', a, count(*)::int from v cross join unnest(activities) a group by 2
    order by 1, 3 desc, 2`
    .execute(db)
    .then((r) => r.rows);
}

/** Staff detail: the organisations served in the period, with their confirmed bookings and hours. */
export function servedOrganizations(db: Database, q: FiguresQuery) {
  return sql<{ organizationId: string; nameUk: string; nameEn: string; bookings: number; seconds: number }>`
    select o.id as "organizationId", o.name_uk as "nameUk", o.name_en as "nameEn",
           count(*)::int as bookings, sum(extract(epoch from upper(b.period) - lower(b.period)))::float8 as seconds
    from bookings b
    join rooms r on r.id = b.room_id
    join hubs h on h.id = r.hub_id
    join organizations o on o.id = b.organization_id
    where b.kind = 'booking' and b.status = 'confirmed'
      and lower(b.period) >= ${q.from}::date::timestamp at time zone 'Europe/Kyiv'
      and lower(b.period) < (${q.to}::date + 1)::timestamp at time zone 'Europe/Kyiv'
      and (${q.district ?? null}::text is null or h.district = ${q.district ?? null}::text)
      and (${q.hubId ?? null}::uuid is null or h.id = ${q.hubId ?? null}::uuid)
    group by o.id
    order by bookings desc, o.name_uk
    limit 200`
    .execute(db)
    .then((r) => r.rows);
}

const EMPTY_SPACE = { scheduled: 0, closed: 0, booked: 0, bookings: 0, pending: 0 };

function spaceFigures(r: typeof EMPTY_SPACE): SpaceFigures {
  const open = r.scheduled - r.closed;
  return {
    bookings: r.bookings,
    pending: r.pending,
    bookedHours: round2(r.booked / 3600),
    openHours: round2(open / 3600),
    closedHours: round2(r.closed / 3600),
    utilisation: ratio(r.booked, open, 4),
  };
}

export interface FigureRows {
  space: Awaited<ReturnType<typeof spaceRows>>;
  orgs: Awaited<ReturnType<typeof organizationRows>>;
  events: Awaited<ReturnType<typeof eventRows>>;
  volunteering: Awaited<ReturnType<typeof volunteeringRows>>;
  registry: Awaited<ReturnType<typeof registryRows>>;
}

/** The figures of one bucket at one level and key, from every family's rows. */
function figuresOf(rows: FigureRows, label: string, level: Level, key: string | null): DashboardFigures {
  const pick = <T extends Row>(xs: T[]) =>
    xs.find((x) => x.label === label && x.level === level && (level === 'total' || x.key === key));
  const sp = pick(rows.space) ?? EMPTY_SPACE;
  const ev = pick(rows.events);
  const vo = pick(rows.volunteering);
  const re = level === 'total' || level === 'district' ? pick(rows.registry) : undefined;
  return {
    ...spaceFigures(sp),
    organizations: pick(rows.orgs)?.n ?? 0,
    events: ev?.events ?? 0,
    registrations: ev?.registrations ?? 0,
    attended: ev?.attended ?? 0,
    noShowRate: ev ? ratio(ev.endedRegistrations - ev.endedAttended, ev.endedRegistrations) : null,
    feedbackCount: ev?.feedback ?? 0,
    averageRating: ev ? ratio(ev.ratings, ev.feedback, 2) : null,
    volunteerShifts: vo?.shifts ?? 0,
    volunteers: vo?.volunteers ?? 0,
    volunteerHours: round2((vo?.minutes ?? 0) / 60),
    applications: re?.applications ?? 0,
    verifications: re?.verifications ?? 0,
    verifiedOrganizations: re?.verified ?? 0,
  };
}

/**
 * The dashboard for a period (checked by the caller); `staffDetail` says, for the scope's district
 * (a hub's own; null for the city), whether to add the organisations served.
 */
export async function dashboardFigures(
  db: Database,
  q: FiguresQuery,
  options: { staffDetail?: (district: string | null) => boolean } = {},
): Promise<Dashboard> {
  let hubName: { uk: string; en: string } | null = null;
  let registryDistrict = q.district ?? null;
  if (q.hubId) {
    const hub = await db
      .selectFrom('hubs')
      .select(['nameUk', 'nameEn', 'district'])
      .where('id', '=', q.hubId)
      .executeTakeFirst();
    if (!hub || (q.district && hub.district !== q.district)) throw notFound('No such hub in that district.');
    hubName = { uk: hub.nameUk, en: hub.nameEn };
    registryDistrict = hub.district;
  }
  const detail = options.staffDetail?.(registryDistrict) ?? false;
  const previous = previousOf(q);
  const months = twelveMonthsTo(q.to);
  const buckets: Bucket[] = [
    { label: 'period', from: q.from, to: q.to },
    { label: 'previous', ...previous },
    ...months,
  ];
  const span = {
    from: [previous.from, months[0]!.from].sort()[0]!,
    to: [q.to, months[months.length - 1]!.to].sort()[1]!,
  };
  const [space, orgs, events, volunteering, registry, breakdown, hubs, rooms, roomFigures, served] =
    await Promise.all([
      spaceRows(db, q, span, buckets),
      organizationRows(db, q, buckets),
      eventRows(db, q, span, buckets),
      volunteeringRows(db, q, span, buckets),
      registryRows(db, registryDistrict, buckets),
      registryBreakdown(db, registryDistrict, q.to),
      db
        .selectFrom('hubs')
        .select(['id', 'nameUk', 'nameEn', 'district'])
        .$if(!!q.district, (x) => x.where('district', '=', q.district!))
        .$if(!!q.hubId, (x) => x.where('id', '=', q.hubId!))
        .orderBy('nameUk')
        .orderBy('id')
        .execute(),
      q.hubId
        ? db
            .selectFrom('rooms')
            .select(['id', 'hubId', 'nameUk', 'nameEn'])
            .where('hubId', '=', q.hubId)
            .orderBy('nameUk')
            .orderBy('id')
            .execute()
        : Promise.resolve([]),
      q.hubId ? roomRows(db, q) : Promise.resolve([]),
      detail ? servedOrganizations(db, q) : Promise.resolve(null),
    ]);
  const rows: FigureRows = { space, orgs, events, volunteering, registry };
  const districts = [...new Set(hubs.map((h) => h.district))].sort();
  const counts = (dimension: string) =>
    breakdown.filter((x) => x.dimension === dimension).map((x) => ({ key: x.key, count: x.count }));
  return {
    period: { from: q.from, to: q.to, days: daysIn(q) },
    previous,
    scope: { district: registryDistrict, hubId: q.hubId ?? null, hubName },
    figures: figuresOf(rows, 'period', 'total', null),
    previousFigures: figuresOf(rows, 'previous', 'total', null),
    districts: districts.map((d) => ({ district: d, ...figuresOf(rows, 'period', 'district', d) })),
    hubs: hubs.map((h) => ({
      hubId: h.id,
      name: { uk: h.nameUk, en: h.nameEn },
      district: h.district,
      ...figuresOf(rows, 'period', 'hub', h.id),
    })),
    rooms: rooms.map((r) => ({
      roomId: r.id,
      hubId: r.hubId,
      name: { uk: r.nameUk, en: r.nameEn },
      ...spaceFigures(roomFigures.find((x) => x.key === r.id) ?? EMPTY_SPACE),
    })),
    months: months.map((m) => ({ month: m.label, ...figuresOf(rows, m.label, 'total', null) })),
    registry: {
      byDistrict: counts('district'),
      byLegalForm: counts('legalForm'),
      byActivity: counts('activity'),
    },
    ...(served
      ? {
          organizations: served.map((o) => ({
            organizationId: o.organizationId,
            name: { uk: o.nameUk, en: o.nameEn },
            bookings: o.bookings,
            bookedHours: round2(o.seconds / 3600),
          })),
        }
      : {}),
  };
}
