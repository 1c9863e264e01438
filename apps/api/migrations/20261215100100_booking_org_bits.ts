// The organisations a hub served, as bitmaps: the city's statistics for a quarter counted them from
// one booking_org_months row per hub, organisation and month (28,000 rows at city scale), and a
// window with edges inside days from one booking_org_days row per hub, organisation and day.
//
// Every organisation that has booked gets a small number (organization_numbers, kept for good: no
// foreign key, so an organisation's removal still finds the number to clear); for each hub and
// month (and day) one bit per organisation with a row in booking_org_months (booking_org_days) —
// a confirmed booking starting there then — in chunks of CHUNK_BITS. A window's organisations are
// the OR of its months' and days' chunks, counted with bit_count: a quarter of the whole city is a
// few hundred rows whatever the number of organisations.
//
// The bits follow the rows of those two tables (a row exists exactly while its count is above
// zero): statement triggers set the bits of inserted rows and clear those of deleted ones, with
// `|` and `& ~` on the current row, so concurrent writers never undo each other's bits.
import { type Kysely, sql } from 'kysely';

/**
 * Bits per chunk row: organisations numbered n go to chunk n / CHUNK_BITS, bit n % CHUNK_BITS. A
 * row is 1 KiB; a hub's day holds a few dozen organisations, so fewer, wider chunks mean fewer rows
 * to OR for a window's days (at city scale, one chunk per hub and day).
 */
export const CHUNK_BITS = 8192;

/** The chunk of organisation number `o.n`, and the OR of the bits of the rows' organisations. */
const CHUNK = sql`o.n / ${sql.lit(CHUNK_BITS)}`;
const BITS = sql`bit_or(set_bit(0::bit(${sql.lit(CHUNK_BITS)}), o.n % ${sql.lit(CHUNK_BITS)}, 1))`;

const PERIODS = [
  { source: 'booking_org_months', bits: 'booking_org_month_bits', period: 'month' },
  { source: 'booking_org_days', bits: 'booking_org_day_bits', period: 'day' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table organization_numbers (
    organization_id uuid primary key,
    n integer generated always as identity unique)`.execute(db);

  for (const { source, bits, period } of PERIODS) {
    await sql`create table ${sql.table(bits)} (
      hub_id uuid not null references hubs (id) on delete cascade,
      ${sql.ref(period)} date not null,
      chunk integer not null,
      bits bit(${sql.lit(CHUNK_BITS)}) not null,
      primary key (hub_id, ${sql.ref(period)}, chunk))`.execute(db);

    // Rows added to the source: number their organisations, then set their bits.
    await sql`
      create function ${sql.raw(`${bits}_add`)}() returns trigger language plpgsql as $$
      begin
        -- Only the unnumbered: a conflict would still draw (and waste) a number from the
        -- sequence, and the numbers must stay dense for the chunks to stay few.
        insert into organization_numbers (organization_id)
        select distinct a.organization_id from added a
        where not exists (select 1 from organization_numbers o where o.organization_id = a.organization_id)
        order by 1
        on conflict (organization_id) do nothing;
        insert into ${sql.table(bits)} as t (hub_id, ${sql.ref(period)}, chunk, bits)
        select a.hub_id, a.${sql.ref(period)}, ${CHUNK},
               ${BITS}
        from added a join organization_numbers o on o.organization_id = a.organization_id
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (hub_id, ${sql.ref(period)}, chunk) do update set bits = t.bits | excluded.bits;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${bits}_add`)} after insert on ${sql.table(source)}
      referencing new table as added for each statement execute function ${sql.raw(`${bits}_add`)}()`.execute(
      db,
    );
    // Rows removed from the source: clear their bits.
    await sql`
      create function ${sql.raw(`${bits}_remove`)}() returns trigger language plpgsql as $$
      begin
        update ${sql.table(bits)} t set bits = t.bits & ~c.bits
        from (
          select r.hub_id, r.${sql.ref(period)}, ${CHUNK} as chunk,
                 ${BITS} as bits
          from removed r join organization_numbers o on o.organization_id = r.organization_id
          group by 1, 2, 3
        ) c
        where t.hub_id = c.hub_id and t.${sql.ref(period)} = c.${sql.ref(period)} and t.chunk = c.chunk;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${bits}_remove`)} after delete on ${sql.table(source)}
      referencing old table as removed for each statement execute function ${sql.raw(`${bits}_remove`)}()`.execute(
      db,
    );
    // The rollups are emptied with the bookings (bookings_stats_truncate): so are the bits.
    await sql`
      create function ${sql.raw(`${bits}_truncate`)}() returns trigger language plpgsql as $$
      begin
        truncate ${sql.table(bits)};
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${bits}_truncate`)} after truncate on ${sql.table(source)}
      for each statement execute function ${sql.raw(`${bits}_truncate`)}()`.execute(db);

    // The rows already there.
    await sql`
      insert into organization_numbers (organization_id)
      select distinct s.organization_id from ${sql.table(source)} s
      where not exists (select 1 from organization_numbers o where o.organization_id = s.organization_id)
      order by 1`.execute(db);
    await sql`
      insert into ${sql.table(bits)} (hub_id, ${sql.ref(period)}, chunk, bits)
      select s.hub_id, s.${sql.ref(period)}, ${CHUNK},
             ${BITS}
      from ${sql.table(source)} s join organization_numbers o on o.organization_id = s.organization_id
      group by 1, 2, 3`.execute(db);
    await sql`analyze ${sql.table(bits)}`.execute(db);
  }
  await sql`analyze organization_numbers`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { source, bits } of PERIODS) {
    for (const what of ['add', 'remove', 'truncate']) {
      await sql`drop trigger if exists ${sql.raw(`${bits}_${what}`)} on ${sql.table(source)}`.execute(db);
      await sql`drop function if exists ${sql.raw(`${bits}_${what}`)}()`.execute(db);
    }
    await sql`drop table if exists ${sql.table(bits)}`.execute(db);
  }
  await sql`drop table if exists organization_numbers`.execute(db);
}
