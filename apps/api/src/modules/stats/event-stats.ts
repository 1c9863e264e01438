// Per hub: published events meeting a window, their confirmed registrations, attendance and
// feedback. Starts from the events in the window (a GiST index on their period) rather than from
// every booking of every hub, takes each event's hub from the event (migration
// 20261215100000_events_hub) and its counts from event_stats (kept by triggers, migration
// 20261204020000_event_stats).
import { sql } from 'kysely';
import { type Database, prepared } from '../../db/database';
import { STATS_PREPARED_TEXTS } from './booking-stats';

export interface HubEventStatsRow {
  hubId: string;
  nameUk: string;
  nameEn: string;
  district: string;
  events: number;
  registrations: number;
  attended: number;
  feedbackCount: number;
  averageRating: number | null;
}

export async function hubEventStats(
  db: Database,
  w: { from: string; to: string; district?: string | undefined },
): Promise<HubEventStatsRow[]> {
  // One text whatever the window and district (values travel as parameters): prepared once per
  // connection (db/database.ts), and planned once when the generic plan is as good.
  return (await db.executeQuery(prepared(hubEventStatsQuery(db, w), STATS_PREPARED_TEXTS))).rows;
}

/** The statement `hubEventStats` runs, compiled. */
export function hubEventStatsQuery(
  db: Database,
  w: { from: string; to: string; district?: string | undefined },
) {
  return sql<HubEventStatsRow>`
    with h as (
      select id, name_uk, name_en, district from hubs
      where ${w.district ?? null}::text is null or district = ${w.district ?? null}::text
    ), ev as materialized (
      -- Every hub's events in the window, one scan of the GiST index; the district applies in the
      -- join with h below (a hub filter here made the generic plan probe the index once per hub).
      select e.id, e.hub_id
      from events e
      where e.status = 'published'
        and tstzrange(e.starts_at, e.ends_at, '[)') && tstzrange(${w.from}::timestamptz, ${w.to}::timestamptz, '[)')
    ), per as (
      select ev.hub_id, count(*) as events, sum(s.confirmed) as registrations, sum(s.attended) as attended,
             sum(s.feedback) as feedback, sum(s.rating_sum) as ratings
      from ev join h on h.id = ev.hub_id left join event_stats s on s.event_id = ev.id
      group by ev.hub_id
    )
    select h.id as "hubId", h.name_uk as "nameUk", h.name_en as "nameEn", h.district,
           coalesce(per.events, 0)::int as events,
           coalesce(per.registrations, 0)::int as registrations,
           coalesce(per.attended, 0)::int as attended,
           coalesce(per.feedback, 0)::int as "feedbackCount",
           case when per.feedback > 0 then round(per.ratings::numeric / per.feedback, 2)::float8 end as "averageRating"
    from h
    left join per on per.hub_id = h.id
    order by h.name_uk`.compile(db);
}
