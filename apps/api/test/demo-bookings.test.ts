// The demo bookings and events keep every booking rule, whatever day the demo is loaded on: each
// is checked with the rules code itself (checkOccurrence: opening hours of that Kyiv weekday,
// closures, capacity, length, lead time, overlap with buffers, the monthly quota; bookingContext:
// a verified organisation; checkPlacement: an event within its confirmed booking and its room).
// The loader runs at moments across a week, a weekend and both DST changes, each in a transaction
// rolled back afterwards, on one empty database; then once for real, as `pnpm start` does.
import { addDays, fromKyiv, toKyiv, weekdayOf } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrincipal, demoRequestedAt, loadDemoData, seedDemoData } from '../src/db/demo-seed';
import { migrateToLatest } from '../src/db/migrator';
import type { DB } from '../src/db/schema';
import { hashPassword } from '../src/modules/auth/passwords';
import { bookingViews, range } from '../src/modules/bookings/bookings.repository';
import { bookingContext, checkOccurrence, fmtLocal } from '../src/modules/bookings/rules';
import { listEvents } from '../src/modules/events/events.service';
import { checkPlacement, lockBooking } from '../src/modules/events/publishing';
import { freshDatabase } from './helper';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let passwordHash: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  await migrateToLatest(fresh.handle.db);
  passwordHash = await hashPassword('demo-bookings-test');
}, 120_000);

afterAll(async () => {
  await fresh?.drop();
});

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** The demo's past: six bookings of each of its 14 rooms over nine months (seedDemoHistory). */
const HISTORY = 14 * 6;

/**
 * Every rule a demo booking or event breaks, one readable line each (empty when all hold).
 * Past bookings are checked as requested two weeks before they started, as the loader books them.
 */
async function ruleViolations(db: Kysely<DB>, now: Date): Promise<string[]> {
  const admin = await demoPrincipal(db, 'admin@demo.vcentri.kyiv.ua');
  const out: string[] = [];
  const bookings = await bookingViews(db)
    .select(['r.bufferMinutes', sql<Date>`upper(b.blocked)`.as('blockedEnd')])
    .where('b.status', 'in', ['pending', 'confirmed'])
    .where('h.isDemo', '=', true)
    .orderBy(sql`lower(b.period)`)
    .execute();
  for (const b of bookings) {
    const where = `${b.hubNameEn} / ${b.roomNameEn}, ${DAY_NAMES[weekdayOf(toKyiv(b.start).date)]} ${fmtLocal(b.start)}–${toKyiv(b.end).time} «${b.title}» (${b.status})`;
    try {
      const room = await bookingContext(db, admin, { roomId: b.roomId, organizationId: b.organizationId! });
      const issues = await checkOccurrence(db, {
        room,
        organizationId: b.organizationId!,
        attendees: b.attendees,
        start: b.start,
        end: b.end,
        now: demoRequestedAt(b.start, now),
        quota: new Map(),
        excludeId: b.id,
      });
      for (const x of issues) out.push(`${where}: ${x.code} — ${x.detail}`);
    } catch (err) {
      out.push(`${where}: ${(err as Error).message}`);
    }
    if (b.blockedEnd.getTime() !== b.end.getTime() + b.bufferMinutes * 60_000)
      out.push(`${where}: blocks the room for other than its ${b.bufferMinutes}-minute buffer`);
  }
  const { items: events } = await listEvents(db, null, { limit: 1000 });
  const bookingStatus = new Map(bookings.map((b) => [b.id, b.status]));
  for (const e of events) {
    const start = new Date(e.start);
    const where = `event «${e.title.en}» in ${e.roomName.en}, ${DAY_NAMES[weekdayOf(toKyiv(start).date)]} ${fmtLocal(start)}`;
    if (bookingStatus.get(e.bookingId) !== 'confirmed')
      out.push(`${where}: its booking is ${bookingStatus.get(e.bookingId) ?? 'not active'}, not confirmed`);
    try {
      await checkPlacement(db, (await lockBooking(db, e.bookingId))!, {
        start,
        end: new Date(e.end),
        capacity: e.capacity,
        eventId: e.id,
      });
    } catch (err) {
      out.push(`${where}: ${(err as Error).message}`);
    }
    if (e.confirmed > e.capacity) out.push(`${where}: ${e.confirmed} confirmed for ${e.capacity} places`);
  }
  return out;
}

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs fn in a transaction that is rolled back, and returns what it returned. */
async function rolledBack<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  try {
    await db.transaction().execute(async (trx) => {
      throw new Rollback(await fn(trx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable');
}

/** A week (Monday to Sunday), late evenings before a weekend, and both DST weekends of Kyiv. */
const MOMENTS: [date: string, time: string][] = [
  ...[0, 1, 2, 3, 4, 5, 6].map((d): [string, string] => [addDays('2026-12-07', d), '10:00']),
  ['2026-12-11', '23:30'],
  ['2026-12-12', '23:59'],
  // Summer time ends on Sunday 25 October 2026 and begins on Sunday 28 March 2027.
  ['2026-10-23', '12:00'],
  ['2026-10-24', '22:00'],
  ['2026-10-25', '03:30'],
  ['2027-03-26', '12:00'],
  ['2027-03-27', '22:00'],
  ['2027-03-28', '12:00'],
];

describe('demo bookings and events', () => {
  it('keep every booking rule whichever day the demo is loaded on', async () => {
    const problems: string[] = [];
    for (const [date, time] of MOMENTS) {
      const now = fromKyiv(date, time);
      const label = `loaded ${DAY_NAMES[weekdayOf(date)]} ${date} ${time}`;
      const found = await rolledBack(fresh.handle.db, async (trx) => {
        try {
          await loadDemoData(trx, passwordHash, now);
        } catch (err) {
          return [`the load failed: ${(err as Error).message}`];
        }
        const counts = await sql<{ kind: string; n: number }>`
          select 'upcoming' as kind, count(*)::int as n from bookings where lower(period) > ${now.toISOString()}::timestamptz
          union all select 'past', count(*)::int from bookings where upper(period) < ${now.toISOString()}::timestamptz
          union all select 'pending', count(*)::int from bookings where status = 'pending'
          union all select 'events', count(*)::int from events where status = 'published'`.execute(trx);
        const n = Object.fromEntries(counts.rows.map((r) => [r.kind, r.n]));
        const shape =
          n.upcoming === 9 && n.past === 2 + HISTORY && n.pending === 1 && n.events === 6
            ? []
            : [
                `expected 9 upcoming, ${2 + HISTORY} past, 1 pending bookings and 6 events, got ${JSON.stringify(n)}`,
              ];
        return [...shape, ...(await ruleViolations(trx, now))];
      });
      problems.push(...found.map((p) => `${label}: ${p}`));
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('names a booking on a day the hub is closed, over the room, with its event', async () => {
    const now = fromKyiv('2026-12-09', '10:00');
    const found = await rolledBack(fresh.handle.db, async (trx) => {
      await loadDemoData(trx, passwordHash, now);
      // What the old loader wrote when loaded on a Friday: straight into a closed Sunday.
      const hall = await trx
        .selectFrom('rooms')
        .select('id')
        .where('nameEn', '=', 'Main hall')
        .where('isDemo', '=', true)
        .executeTakeFirstOrThrow();
      const org = await trx
        .selectFrom('organizations')
        .select('id')
        .where('status', '=', 'verified')
        .where('isDemo', '=', true)
        .executeTakeFirstOrThrow();
      const sunday = '2026-12-13';
      const start = fromKyiv(sunday, '12:00');
      const end = fromKyiv(sunday, '14:00');
      const b = await trx
        .insertInto('bookings')
        .values({
          roomId: hall.id,
          kind: 'booking',
          organizationId: org.id,
          title: 'Sunday in a closed hub',
          attendees: 70,
          status: 'confirmed',
          period: range(start, end) as unknown as string,
          blocked: range(start, end) as unknown as string,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('events')
        .values({
          bookingId: b.id,
          titleUk: 'Неділя',
          titleEn: 'Sunday event',
          category: 'meeting',
          capacity: 70,
          startsAt: start,
          endsAt: end,
        })
        .execute();
      return ruleViolations(trx, now);
    });
    expect(found).toEqual([
      expect.stringMatching(/Obolon \/ Main hall, Sun 2026-12-13 12:00–14:00 .*: over_capacity/),
      expect.stringMatching(/Sun 2026-12-13 12:00–14:00 .*: outside_opening_hours/),
      expect.stringMatching(/Sun 2026-12-13 12:00–14:00 .*: blocks the room/),
      expect.stringMatching(/event «Sunday event» in Main hall, Sun 2026-12-13 12:00: The room holds 60/),
    ]);
  }, 60_000);

  it('loads for real on an empty database, as the first start does, within the rules', async () => {
    const db = fresh.handle.db;
    expect(await seedDemoData(db)).toBe(true);
    expect(await seedDemoData(db)).toBe(false);
    expect(await db.transaction().execute((trx) => ruleViolations(trx, new Date()))).toEqual([]);
    // The NGO owner's request waits for the Obolon manager, who is told about it.
    const told = await db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select('n.kind')
      .where('u.email', '=', 'manager@demo.vcentri.kyiv.ua')
      .execute();
    expect(told.map((x) => x.kind)).toEqual(['booking.requested']);
  }, 60_000);
});
