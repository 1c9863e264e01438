// Per-event counts for the statistics, kept by triggers in the transaction that registers,
// cancels, checks in or gives feedback, so /stats/events reads one row per event in the window
// instead of every registration and feedback of them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table event_stats (
    event_id uuid primary key references events (id) on delete cascade,
    confirmed integer not null default 0,
    attended integer not null default 0,
    feedback integer not null default 0,
    rating_sum integer not null default 0)`.execute(db);

  await sql`
    create function event_stats_registrations() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into event_stats as s (event_id, confirmed, attended)
        values (old.event_id, -(old.status = 'confirmed')::int, -(old.checked_in_at is not null)::int)
        on conflict (event_id) do update
          set confirmed = s.confirmed + excluded.confirmed, attended = s.attended + excluded.attended;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        insert into event_stats as s (event_id, confirmed, attended)
        values (new.event_id, (new.status = 'confirmed')::int, (new.checked_in_at is not null)::int)
        on conflict (event_id) do update
          set confirmed = s.confirmed + excluded.confirmed, attended = s.attended + excluded.attended;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger event_registrations_stats after insert or delete or update of event_id, status, checked_in_at
    on event_registrations for each row execute function event_stats_registrations()`.execute(db);

  await sql`
    create function event_stats_feedback() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into event_stats as s (event_id, feedback, rating_sum) values (old.event_id, -1, -old.rating)
        on conflict (event_id) do update
          set feedback = s.feedback + excluded.feedback, rating_sum = s.rating_sum + excluded.rating_sum;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        insert into event_stats as s (event_id, feedback, rating_sum) values (new.event_id, 1, new.rating)
        on conflict (event_id) do update
          set feedback = s.feedback + excluded.feedback, rating_sum = s.rating_sum + excluded.rating_sum;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger event_feedback_stats after insert or delete or update of event_id, rating
    on event_feedback for each row execute function event_stats_feedback()`.execute(db);

  // Recomputes every event's counts (this migration, and bulk loads that turn the triggers off).
  await sql`
    create function event_stats_rebuild() returns void language plpgsql as $$
    begin
      delete from event_stats;
      insert into event_stats (event_id, confirmed, attended, feedback, rating_sum)
      select e.id,
             (select count(*) from event_registrations x where x.event_id = e.id and x.status = 'confirmed'),
             (select count(*) from event_registrations x where x.event_id = e.id and x.checked_in_at is not null),
             (select count(*) from event_feedback f where f.event_id = e.id),
             (select coalesce(sum(rating), 0) from event_feedback f where f.event_id = e.id)
      from events e;
    end $$`.execute(db);
  await sql`select event_stats_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists event_feedback_stats on event_feedback`.execute(db);
  await sql`drop trigger if exists event_registrations_stats on event_registrations`.execute(db);
  await sql`drop function if exists event_stats_rebuild()`.execute(db);
  await sql`drop function if exists event_stats_feedback()`.execute(db);
  await sql`drop function if exists event_stats_registrations()`.execute(db);
  await sql`drop table if exists event_stats`.execute(db);
}
