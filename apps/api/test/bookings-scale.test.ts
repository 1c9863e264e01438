// Bookings at city scale (issue 12): the list's overlap filter and bounded count, and the
// statistics rollups, which must equal a direct computation after every kind of change.
import { addDays } from '@vcentri/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_BITS } from '../migrations/20261215100100_booking_org_bits';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, createUser, inject, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ listCountCap: 3 });
});
afterAll(async () => {
  await t.app.close();
});

const day = () => kyivDate(20 + Math.floor(Math.random() * 200));
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function listIds(as: World['admin'], params: Record<string, string>) {
  const res = await inject(t, { method: 'GET', url: `/api/v1/bookings?${q(params)}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string }[]; total: number; totalExact?: boolean };
}

async function made(res: { statusCode: number; body: string; json(): { items: { id: string }[] } }) {
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items[0]!.id;
}

describe('the list’s window', () => {
  it('keeps exactly the bookings that overlap [from, to): touching ones stay out, long ones in', async () => {
    const w = await world(t);
    const d = day();
    const slot = (from: string, to: string, roomId = w.roomId) =>
      book(t, w.member, { roomId, organizationId: w.orgId, start: at(d, from), end: at(d, to) }).then(made);
    const a = await slot('10:00', '11:00');
    const b = await slot('11:00', '12:00');
    const c = await slot('12:00', '13:00');
    const long = await slot('08:00', '14:00', w.bigRoomId);
    const window = async (from: string, to: string | null) =>
      (
        await listIds(w.admin, {
          hubId: w.hubId,
          from: at(d, from),
          ...(to ? { to: at(d, to) } : {}),
        })
      ).items
        .map((x) => x.id)
        .sort();
    const sorted = (...ids: string[]) => ids.sort();
    expect(await window('11:00', '12:00')).toEqual(sorted(b, long));
    expect(await window('10:30', '11:00')).toEqual(sorted(a, long));
    expect(await window('10:30', '12:30')).toEqual(sorted(a, b, c, long));
    expect(await window('13:00', '13:30')).toEqual(sorted(long));
    expect(await window('14:00', '15:00')).toEqual([]);
    expect(await window('12:59', null)).toEqual(sorted(c, long));
    // Only `to`: everything starting before it.
    const before = await listIds(w.admin, { hubId: w.hubId, to: at(d, '10:00') });
    expect(before.items.map((x) => x.id)).toEqual([long]);
    // An empty or reversed window holds nothing.
    expect(await window('11:00', '11:00')).toEqual([]);
    expect(await window('12:00', '11:00')).toEqual([]);
    // The same filters for the organisation's member (rooms and organisations resolved apart).
    const mine = await listIds(w.member, { from: at(d, '10:30'), to: at(d, '11:30') });
    expect(mine.items.map((x) => x.id).sort()).toEqual(sorted(a, b, long));
  });

  it('a day on which the clocks go forward is a 23-hour window, and its bookings are all in it', async () => {
    const w = await world(t);
    const dst = '2027-03-28'; // Kyiv: 03:00 EET becomes 04:00 EEST
    const slot = (date: string, from: string, to: string) =>
      book(t, w.member, {
        roomId: w.roomId,
        organizationId: w.orgId,
        start: at(date, from),
        end: at(date, to),
      }).then(made);
    const eve = await slot(addDays(dst, -1), '21:00', '22:00');
    const morning = await slot(dst, '08:00', '09:30');
    const night = await slot(dst, '20:30', '22:00');
    const next = await slot(addDays(dst, 1), '08:00', '09:00');
    const from = at(dst, '00:00');
    const to = at(addDays(dst, 1), '00:00');
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(23 * 3_600_000);
    const res = await listIds(w.admin, { roomId: w.roomId, from, to });
    expect(res.items.map((x) => x.id)).toEqual([morning, night]);
    expect(res).toMatchObject({ total: 2, totalExact: true });
    expect([eve, next]).not.toContain(res.items[0]!.id);
    const stats = await hubStats(w.admin, from, to, w.hubId);
    expect(stats).toMatchObject({ bookings: 2, bookedHours: 3, organizations: 1 });
  });
});

describe('the list’s count', () => {
  it('is exact up to the cap and says "more than" above it, however the page is cut', async () => {
    const w = await world(t);
    const d = day();
    for (const h of ['09', '10', '11', '12', '13'])
      await made(
        await book(t, w.member, {
          roomId: w.roomId,
          organizationId: w.orgId,
          start: at(d, `${h}:00`),
          end: at(d, `${h}:30`),
        }),
      );
    // This app counts to 3, or to the end of the page asked for when that is further.
    const firstTwo = await listIds(w.admin, { roomId: w.roomId, limit: '2' });
    expect(firstTwo.items).toHaveLength(2);
    expect(firstTwo).toMatchObject({ total: 3, totalExact: false });
    expect(await listIds(w.admin, { roomId: w.roomId })).toMatchObject({ total: 5, totalExact: true });
    // A page past the cap counts on to just past itself.
    expect(await listIds(w.admin, { roomId: w.roomId, limit: '2', offset: '2' })).toMatchObject({
      total: 4,
      totalExact: false,
    });
    const last = await listIds(w.admin, { roomId: w.roomId, limit: '2', offset: '4' });
    expect(last).toMatchObject({ total: 5, totalExact: true });
    expect(last.items).toHaveLength(1);
    expect(
      await listIds(w.admin, { roomId: w.roomId, from: at(d, '10:00'), to: at(d, '11:00') }),
    ).toMatchObject({ total: 1, totalExact: true });

    // The default cap (1,000) counts these exactly.
    const roomy = await buildTestApp();
    try {
      const res = await inject(roomy, {
        method: 'GET',
        url: `/api/v1/bookings?roomId=${w.roomId}`,
        as: w.admin,
      });
      expect(res.json()).toMatchObject({ total: 5, totalExact: true });
    } finally {
      await roomy.app.close();
    }
  });
});

/** The statistics answer for one hub. */
async function hubStats(as: World['admin'], from: string, to: string, hubId: string) {
  const res = await inject(t, { method: 'GET', url: `/api/v1/stats/bookings?${q({ from, to })}`, as });
  expect(res.statusCode, res.body).toBe(200);
  const {
    hubId: _,
    hubName: __,
    district: ___,
    ...figures
  } = res.json().items.find((h: { hubId: string }) => h.hubId === hubId);
  return figures as { bookings: number; pending: number; bookedHours: number; organizations: number };
}

/** The same figures straight from the bookings, as the endpoint computed them before the rollups. */
async function direct(from: string, to: string, hubId: string) {
  const { rows } = await sql<{ bookings: number; pending: number; hours: number; organizations: number }>`
    select count(b.id) filter (where b.status = 'confirmed')::int as bookings,
           count(b.id) filter (where b.status = 'pending')::int as pending,
           coalesce(sum(extract(epoch from least(upper(b.period), ${to}::timestamptz)
             - greatest(lower(b.period), ${from}::timestamptz))) filter (where b.status = 'confirmed'), 0)::float8 / 3600 as hours,
           count(distinct b.organization_id) filter (where b.status = 'confirmed')::int as organizations
    from rooms r
    join bookings b on b.room_id = r.id and b.kind = 'booking' and b.status in ('pending', 'confirmed')
      and b.period && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
    where r.hub_id = ${hubId}`.execute(t.db);
  const r = rows[0]!;
  return {
    bookings: r.bookings,
    pending: r.pending,
    bookedHours: Math.round(Number(r.hours) * 100) / 100,
    organizations: r.organizations,
  };
}

/** The organisation rollup rows of a hub equal a fresh count (and none is left at zero). */
async function orgRollupMatches(hubId: string) {
  const kept = await sql<{ day: string; organizationId: string; confirmed: number }>`
    select to_char(day, 'YYYY-MM-DD') as day, organization_id as "organizationId", confirmed
    from booking_org_days where hub_id = ${hubId} order by 1, 2`.execute(t.db);
  const fresh = await sql<{ day: string; organizationId: string; confirmed: number }>`
    select to_char((lower(b.period) at time zone 'Europe/Kyiv')::date, 'YYYY-MM-DD') as day,
           b.organization_id as "organizationId", count(*)::int as confirmed
    from bookings b join rooms r on r.id = b.room_id
    where r.hub_id = ${hubId} and b.kind = 'booking' and b.status = 'confirmed'
    group by 1, 2 order by 1, 2`.execute(t.db);
  expect(kept.rows).toEqual(fresh.rows);
  await orgBitsMatch(hubId);
}

/**
 * The organisation bitmaps of a hub hold exactly the organisations of its rollup rows, day by day
 * and month by month: every row's bit is set, and each period has as many bits as rows.
 */
async function orgBitsMatch(hubId: string) {
  for (const [rows, bits, period] of [
    ['booking_org_days', 'booking_org_day_bits', 'day'],
    ['booking_org_months', 'booking_org_month_bits', 'month'],
  ] as const) {
    const unset = await sql<{ period: string; organizationId: string }>`
      select to_char(r.${sql.ref(period)}, 'YYYY-MM-DD') as period, r.organization_id as "organizationId"
      from ${sql.table(rows)} r
      left join organization_numbers o on o.organization_id = r.organization_id
      left join ${sql.table(bits)} x
        on x.hub_id = r.hub_id and x.${sql.ref(period)} = r.${sql.ref(period)} and x.chunk = o.n / ${sql.lit(CHUNK_BITS)}
      where r.hub_id = ${hubId} and coalesce(get_bit(x.bits, o.n % ${sql.lit(CHUNK_BITS)}), 0) = 0`.execute(
      t.db,
    );
    expect(unset.rows, `${bits}: organisations without their bit`).toEqual([]);
    const counts = await sql<{ period: string; rows: number; bits: number }>`
      select to_char(coalesce(a.p, b.p), 'YYYY-MM-DD') as period, coalesce(a.n, 0) as rows, coalesce(b.n, 0) as bits
      from (select ${sql.ref(period)} as p, count(*)::int as n from ${sql.table(rows)}
            where hub_id = ${hubId} group by 1) a
      full join (select ${sql.ref(period)} as p, sum(bit_count(bits))::int as n from ${sql.table(bits)}
                 where hub_id = ${hubId} group by 1) b on b.p = a.p
      where coalesce(a.n, 0) <> coalesce(b.n, 0)`.execute(t.db);
    expect(counts.rows, `${bits}: bits beside the rows`).toEqual([]);
  }
}

describe('the list’s page', () => {
  it('is 20 bookings unless the caller asks for more (the contract’s default), and up to 500 for calendars', async () => {
    const w = await world(t);
    const first = 30 + Math.floor(Math.random() * 150);
    for (let i = 0; i < 22; i++)
      await made(
        await book(t, w.member, {
          roomId: w.roomId,
          organizationId: w.orgId,
          start: at(kyivDate(first + i), '10:00'),
          end: at(kyivDate(first + i), '11:00'),
        }),
      );
    const byDefault = await listIds(w.admin, { roomId: w.roomId });
    expect(byDefault.items).toHaveLength(20);
    const all = await listIds(w.admin, { roomId: w.roomId, limit: '100' });
    expect(all.items).toHaveLength(22);
    expect(all.items.slice(0, 20)).toEqual(byDefault.items);
    // A hub's two rooms are read room by room and merged: every page is its slice of the whole,
    // in start order, for the city admin filtering by hub and for the hub's manager alike.
    for (let i = 0; i < 3; i++)
      await made(
        await book(t, w.member, {
          roomId: w.bigRoomId,
          organizationId: w.orgId,
          start: at(kyivDate(first + i * 7), '10:30'),
          end: at(kyivDate(first + i * 7), '11:30'),
        }),
      );
    for (const [as, params] of [
      [w.admin, { hubId: w.hubId }],
      [w.manager, {}],
    ] as const) {
      const whole = (await listIds(as, { ...params, limit: '100' })).items.map((x) => x.id);
      expect(whole).toHaveLength(25);
      const pages: string[] = [];
      for (let offset = 0; offset < 25; offset += 7)
        pages.push(
          ...(await listIds(as, { ...params, limit: '7', offset: String(offset) })).items.map((x) => x.id),
        );
      expect(pages).toEqual(whole);
      const starts = (await listIds(as, { ...params, limit: '100' })).items as unknown as { start: string }[];
      expect(starts.map((x) => x.start)).toEqual(starts.map((x) => x.start).sort());
    }
    const doc = (await inject(t, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/bookings', '/api/v1/events']) {
      const limit = doc.paths[path].get.parameters.find((x: { name: string }) => x.name === 'limit');
      expect(limit.schema).toMatchObject({ default: 20, maximum: 500 });
    }
    const tooMany = await inject(t, { method: 'GET', url: '/api/v1/events?limit=501' });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('keyset pages (`after`)', () => {
  type Page = {
    items: { id: string; start: string }[];
    total: number;
    totalExact?: boolean;
    next?: string | null;
  };
  const list = async (as: World['admin'], params: Record<string, string>) =>
    (await listIds(as, params)) as unknown as Page;
  /** Every page of `size` from the first, each asked with the `next` of the one before. */
  async function walk(as: World['admin'], params: Record<string, string>, size: number) {
    const pages: Page[] = [];
    let after: string | null | undefined;
    do {
      const page = await list(as, { ...params, limit: String(size), ...(after ? { after } : {}) });
      pages.push(page);
      after = page.next;
      expect(pages.length).toBeLessThan(50);
    } while (after);
    return pages;
  }

  it('walk the whole list in start order for every role and filter, ties broken by id, and do not shift when earlier rows change', async () => {
    const w = await world(t);
    const first = 30 + Math.floor(Math.random() * 150);
    const make = (roomId: string, date: string, from: string, to: string) =>
      book(t, w.member, { roomId, organizationId: w.orgId, start: at(date, from), end: at(date, to) }).then(
        made,
      );
    for (let i = 0; i < 12; i++) {
      // The two rooms start at the same instants: the order then goes by id.
      await make(w.roomId, kyivDate(first + i), '10:00', '11:00');
      await make(w.bigRoomId, kyivDate(first + i), '10:00', '11:00');
    }
    const window = { from: at(kyivDate(first + 3), '10:30'), to: at(kyivDate(first + 9), '10:00') };
    for (const [as, params, count] of [
      [w.admin, { hubId: w.hubId }, 24],
      [w.manager, {}, 24],
      [w.admin, { roomId: w.roomId }, 12],
      [w.member, {}, 24],
      [w.admin, { hubId: w.hubId, ...window }, 12],
    ] as const) {
      const whole = await list(as, { ...params, limit: '100' });
      expect(whole.items).toHaveLength(count);
      expect(whole.next).toBeNull();
      const keys = whole.items.map((x) => `${new Date(x.start).toISOString()} ${x.id}`);
      expect(keys).toEqual([...keys].sort());
      const pages = await walk(as, params, 5);
      expect(pages.flatMap((x) => x.items.map((i) => i.id))).toEqual(whole.items.map((x) => x.id));
      expect(pages).toHaveLength(Math.ceil(count / 5));
      // Every page counts the whole list as the first page does (this app counts to 3 or to
      // the page's end), not what is left of it.
      for (const page of pages)
        expect({ total: page.total, exact: page.totalExact }).toEqual({ total: 5, exact: false });
    }

    // A page asked by its place starts after the same booking when rows are added before it;
    // an offset would shift by one.
    const firstPage = await list(w.admin, { hubId: w.hubId, limit: '5' });
    const second = await list(w.admin, { hubId: w.hubId, limit: '5', after: firstPage.next! });
    await make(w.roomId, kyivDate(first - 1), '09:00', '09:30');
    const again = await list(w.admin, { hubId: w.hubId, limit: '5', after: firstPage.next! });
    expect(again.items.map((x) => x.id)).toEqual(second.items.map((x) => x.id));
    const byOffset = await list(w.admin, { hubId: w.hubId, limit: '5', offset: '5' });
    expect(byOffset.items[0]!.id).toBe(firstPage.items[4]!.id);

    // Past the end: an empty page that still counts the list.
    const lastOne = (await list(w.admin, { hubId: w.hubId, limit: '100' })).items.at(-1)!;
    const beyond = await list(w.admin, {
      hubId: w.hubId,
      after: `${new Date(lastOne.start).getTime() * 1000}_${lastOne.id}`,
    });
    expect(beyond).toMatchObject({ items: [], total: 20, totalExact: false, next: null });
    expect(await list(w.admin, { hubId: w.hubId, limit: '100', after: firstPage.next! })).toMatchObject({
      total: 25,
      totalExact: true,
    });
  });

  it('refuse a malformed place with a 400 and change nothing', async () => {
    const w = await world(t);
    for (const after of [
      'abc',
      `123_${w.roomId.slice(0, 30)}`,
      `123456789012345678_${w.roomId}`,
      `12.5_${w.roomId}`,
      `_${w.roomId}`,
      `123_${w.roomId}x`,
    ]) {
      const res = await inject(t, {
        method: 'GET',
        url: `/api/v1/bookings?${q({ after })}`,
        as: w.admin,
      });
      expect(res.statusCode, after).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
    }
    // The earliest and latest places PostgreSQL can hold are answered, empty or not.
    for (const us of ['-99999999999999999', '99999999999999999', '0'])
      expect((await list(w.admin, { roomId: w.roomId, after: `${us}_${w.roomId}` })).items).toEqual([]);
    for (const answer of [
      await list(w.admin, { from: '2027-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
      await list(await createUser(t, []), {}),
    ])
      expect(answer).toEqual({ items: [], total: 0, totalExact: true, next: null });
  });

  it('neither repeat nor skip a booking whose start has microseconds (the place keeps them)', async () => {
    const w = await world(t);
    const date = kyivDate(30 + Math.floor(Math.random() * 150));
    const make = (roomId: string, from: string, to: string) =>
      book(t, w.member, { roomId, organizationId: w.orgId, start: at(date, from), end: at(date, to) }).then(
        made,
      );
    const a = await make(w.roomId, '10:00', '11:00');
    const b = await make(w.bigRoomId, '10:00', '11:00');
    const c = await make(w.roomId, '12:00', '13:00');
    // Loaded straight into the table (an import, a script): starts 0.5 ms and 0.25 ms in.
    await sql`update bookings set period = tstzrange(lower(period) + interval '500 microseconds', upper(period), '[)')
      where id = ${a}`.execute(t.db);
    await sql`update bookings set period = tstzrange(lower(period) + interval '250 microseconds', upper(period), '[)')
      where id = ${b}`.execute(t.db);
    const pages = await walk(w.admin, { hubId: w.hubId }, 1);
    expect(pages.flatMap((x) => x.items.map((i) => i.id))).toEqual([b, a, c]);
  });
});

describe('statistics rollups', () => {
  it('equal a direct computation after creating, approving, declining, cancelling, moving and closing', async () => {
    const w = await world(t, { requiresApproval: true });
    const d = day();
    const next = addDays(d, 1);
    const monthStart = `${d.slice(0, 7)}-01`;
    const windows: [string, string][] = [
      [at(d, '00:00'), at(next, '00:00')], // one whole Kyiv day
      [at(d, '10:30'), at(next, '12:15')], // edges inside days
      [at(d, '11:15'), at(d, '11:45')], // inside one booking
      [at(monthStart, '00:00'), at(addDays(monthStart, 70), '00:00')], // a whole month and more days
      [at(addDays(d, -40), '13:00'), at(addDays(d, 40), '09:00')], // months, days and edges
    ];
    const hubs = [w.hubId, w.otherHubId];
    const check = async (step: string) => {
      for (const hubId of hubs) {
        for (const [from, to] of windows)
          expect(await hubStats(w.admin, from, to, hubId), `${step}: ${from}–${to}`).toEqual(
            await direct(from, to, hubId),
          );
        await orgRollupMatches(hubId);
      }
    };
    const request = (who: World['member'], org: string, date: string, from: string, to: string, extra = {}) =>
      book(t, who, {
        roomId: w.roomId,
        organizationId: org,
        start: at(date, from),
        end: at(date, to),
        ...extra,
      });
    const act = (id: string, action: string, payload?: object) =>
      inject(t, {
        method: 'POST',
        url: `/api/v1/bookings/${id}/${action}`,
        as: w.manager,
        ...(payload ? { payload } : {}),
      });

    const a = await made(await request(w.member, w.orgId, d, '10:00', '11:30'));
    const b = await made(await request(w.outsider, w.otherOrgId, d, '12:00', '13:00'));
    const c = await made(await request(w.member, w.orgId, next, '09:00', '12:00'));
    const e = await made(await request(w.member, w.orgId, d, '18:00', '19:00'));
    await check('created (pending)');
    expect((await act(a, 'approve')).statusCode).toBe(200);
    expect((await act(c, 'approve')).statusCode).toBe(200);
    expect((await act(e, 'approve')).statusCode).toBe(200);
    await check('approved');
    expect((await act(b, 'decline', { reason: 'Зайнято' })).statusCode).toBe(200);
    await check('declined');
    expect((await act(c, 'cancel')).statusCode).toBe(200);
    await check('cancelled');

    // A weekly series: each date is a booking of its own.
    const series = await request(w.member, w.orgId, d, '14:00', '15:00', {
      recurrence: { frequency: 'weekly', count: 3 },
    });
    expect(series.statusCode, series.body).toBe(201);
    for (const item of series.json().items as { id: string }[])
      expect((await act(item.id, 'approve')).statusCode).toBe(200);
    await check('series approved');

    // A closure over `e` disrupts it (out of the figures); moving it to a room of another hub
    // confirms it there.
    const closure = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${w.hubId}/closures`,
      as: w.manager,
      payload: { roomId: w.roomId, start: at(d, '17:30'), end: at(d, '20:00'), reason: 'Відключення світла' },
    });
    expect(closure.statusCode, closure.body).toBe(201);
    await check('closed');
    const nearby = (
      await inject(t, {
        method: 'POST',
        url: `/api/v1/hubs/${w.otherHubId}/rooms`,
        as: w.admin,
        payload: {
          name: { uk: 'Зала', en: 'Hall' },
          capacity: 30,
          rules: { requiresApproval: false, horizonDays: 400 },
        },
      })
    ).json().id;
    const moved = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${e}/move`,
      as: w.member,
      payload: { roomId: nearby },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'confirmed', roomId: nearby });
    await check('moved to another hub');

    // A booking past midnight (written straight to the table, as a bulk load would) counts on the
    // day it starts and adds its hours to both days; deleting it takes it all back.
    const late = await sql<{ id: string }>`
      insert into bookings (room_id, kind, organization_id, status, title, period, blocked)
      values (${w.bigRoomId}, 'booking', ${w.otherOrgId}, 'confirmed', 'Ніч',
              tstzrange(${at(d, '23:00')}::timestamptz, ${at(next, '01:30')}::timestamptz, '[)'),
              tstzrange(${at(d, '23:00')}::timestamptz, ${at(next, '01:30')}::timestamptz, '[)'))
      returning id`.execute(t.db);
    await check('past midnight');
    expect(await hubStats(w.admin, at(next, '00:00'), at(addDays(next, 1), '00:00'), w.hubId)).toMatchObject({
      bookedHours: 1.5,
    });
    await sql`update bookings set period = tstzrange(lower(period) + interval '15 minutes', upper(period), '[)')
              where id = ${late.rows[0]!.id}`.execute(t.db);
    await check('shortened');
    await sql`delete from bookings where id = ${late.rows[0]!.id}`.execute(t.db);
    await check('deleted');
  });
});

describe('statistics of a window whose edges fall inside days', () => {
  it('count every booking meeting the window once, its hours inside it and each organisation once, across the autumn clock change', async () => {
    const w = await world(t);
    // Kyiv: on 2027-10-31 04:00 EEST becomes 03:00 EET, a 25-hour day.
    const [eve, dst, after] = ['2027-10-30', '2027-10-31', '2027-11-01'];
    const put = async (roomId: string, org: string, status: string, start: string, end: string) => {
      await sql`
        insert into bookings (room_id, kind, organization_id, status, title, period, blocked)
        values (${roomId}, 'booking', ${org}, ${status}, 'Межа',
                tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)'),
                tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)'))`.execute(t.db);
    };
    const [a, b] = [w.orgId, w.otherOrgId];
    // Window [eve 10:30, after 12:15): whole day `dst`, edges inside `eve` and `after`.
    await put(w.roomId, a, 'confirmed', at(eve, '09:00'), at(eve, '11:00')); // holds `from`: 0.5 h
    await put(w.bigRoomId, a, 'confirmed', at(eve, '08:00'), at(eve, '10:30')); // ends at `from`: out
    await put(w.roomId, a, 'pending', at(eve, '20:00'), at(eve, '21:00')); // in the first edge
    // Organisation b books only at the edges: counted once although in two edge bookings.
    await put(w.bigRoomId, b, 'confirmed', at(eve, '23:00'), at(dst, '01:30')); // into the whole day: 2.5 h
    await put(w.roomId, a, 'confirmed', at(dst, '02:00'), at(dst, '05:00')); // across the change: 4 h
    await put(w.bigRoomId, a, 'confirmed', at(dst, '23:00'), at(after, '01:00')); // holds the last midnight: 2 h
    await put(w.roomId, b, 'confirmed', at(after, '12:00'), at(after, '13:00')); // holds `to`: 0.25 h
    await put(w.bigRoomId, b, 'confirmed', at(after, '12:15'), at(after, '13:00')); // starts at `to`: out
    const from = at(eve, '10:30');
    const to = at(after, '12:15');
    const figures = { bookings: 5, pending: 1, bookedHours: 9.25, organizations: 2 };
    expect(await hubStats(w.admin, from, to, w.hubId)).toEqual(figures);
    expect(await direct(from, to, w.hubId)).toEqual(figures);
    // The district admin's answer is the same; windows inside one day, or touching the change.
    expect(await hubStats(w.districtAdmin, from, to, w.hubId)).toEqual(figures);
    for (const [f, u] of [
      [at(dst, '01:00'), at(dst, '23:30')],
      [at(eve, '23:30'), at(dst, '00:00')],
      [at(dst, '00:00'), at(after, '00:30')],
      [at(eve, '10:30'), at(eve, '10:45')],
      [at(dst, '03:30'), at(after, '12:00')],
    ] as const)
      expect(await hubStats(w.admin, f, u, w.hubId), `${f}–${u}`).toEqual(await direct(f, u, w.hubId));
    expect(await hubStats(w.admin, at(dst, '00:00'), at(after, '00:00'), w.hubId)).toEqual({
      bookings: 3,
      pending: 0,
      bookedHours: 1.5 + 4 + 1,
      organizations: 2,
    });
  });
});

describe('event statistics counts', () => {
  it('equal a direct count after registering, cancelling, checking in and feedback of every kind', async () => {
    const w = await world(t);
    const d = day();
    const bookingId = await made(
      await book(t, w.member, {
        roomId: w.bigRoomId,
        organizationId: w.orgId,
        start: at(d, '10:00'),
        end: at(d, '13:00'),
      }),
    );
    const event = await sql<{ id: string }>`
      insert into events (booking_id, title_uk, title_en, category, capacity, starts_at, ends_at)
      values (${bookingId}, 'Подія', 'Event', 'workshop', 30, ${at(d, '10:00')}::timestamptz, ${at(d, '12:00')}::timestamptz)
      returning id`.execute(t.db);
    const eventId = event.rows[0]!.id;
    const people = await sql<{ id: string }>`
      insert into users (email, password_hash, name)
      select 'stats-' || gen_random_uuid() || '@test.vcentri.kyiv.ua', 'x', 'Учасниця ' || i from generate_series(1, 5) i
      returning id`.execute(t.db);
    const [p1, p2, p3, p4, p5] = people.rows.map((r) => r.id);
    const consistent = async (step: string) => {
      const { rows } = await sql<{ bad: number }>`
        select count(*)::int as bad from events e left join event_stats s on s.event_id = e.id
        where coalesce(s.confirmed, 0) <> (select count(*) from event_registrations x where x.event_id = e.id and x.status = 'confirmed')
           or coalesce(s.attended, 0) <> (select count(*) from event_registrations x where x.event_id = e.id and x.checked_in_at is not null)
           or coalesce(s.feedback, 0) <> (select count(*) from event_feedback f where f.event_id = e.id)
           or coalesce(s.rating_sum, 0) <> (select coalesce(sum(rating), 0) from event_feedback f where f.event_id = e.id)`.execute(
        t.db,
      );
      expect(rows[0]!.bad, step).toBe(0);
      const res = await inject(t, {
        method: 'GET',
        url: `/api/v1/stats/events?${q({ from: at(d, '00:00'), to: at(addDays(d, 1), '00:00') })}`,
        as: w.admin,
      });
      return res.json().items.find((h: { hubId: string }) => h.hubId === w.hubId);
    };
    await sql`insert into event_registrations (event_id, user_id, status, code, position) values
      (${eventId}, ${p1}, 'confirmed', 'A1', null), (${eventId}, ${p2}, 'confirmed', 'A2', null),
      (${eventId}, ${p3}, 'confirmed', 'A3', null), (${eventId}, ${p4}, 'waitlisted', 'A4', 1)`.execute(t.db);
    expect(await consistent('registered')).toMatchObject({
      events: 1,
      registrations: 3,
      attended: 0,
      feedbackCount: 0,
    });
    await sql`update event_registrations set status = 'cancelled', cancelled_at = now() where event_id = ${eventId} and user_id = ${p3}`.execute(
      t.db,
    );
    await sql`update event_registrations set status = 'confirmed', position = null where event_id = ${eventId} and user_id = ${p4}`.execute(
      t.db,
    );
    await sql`update event_registrations set checked_in_at = now() where event_id = ${eventId} and user_id in (${p1}, ${p2})`.execute(
      t.db,
    );
    expect(await consistent('cancelled, promoted, checked in')).toMatchObject({
      registrations: 3,
      attended: 2,
    });
    await sql`insert into event_feedback (event_id, user_id, rating) values (${eventId}, ${p1}, 5), (${eventId}, ${p2}, 2)`.execute(
      t.db,
    );
    expect(await consistent('feedback')).toMatchObject({ feedbackCount: 2, averageRating: 3.5 });
    await sql`update event_feedback set rating = 4 where event_id = ${eventId} and user_id = ${p2}`.execute(
      t.db,
    );
    expect(await consistent('feedback changed')).toMatchObject({ feedbackCount: 2, averageRating: 4.5 });
    await sql`delete from event_feedback where event_id = ${eventId} and user_id = ${p1}`.execute(t.db);
    await sql`delete from event_registrations where event_id = ${eventId} and user_id = ${p5}`.execute(t.db);
    await sql`update event_registrations set checked_in_at = null where event_id = ${eventId} and user_id = ${p2}`.execute(
      t.db,
    );
    expect(await consistent('undone')).toMatchObject({
      registrations: 3,
      attended: 1,
      feedbackCount: 1,
      averageRating: 4,
    });
    await sql`update events set status = 'cancelled' where id = ${eventId}`.execute(t.db);
    expect(await consistent('event cancelled')).toMatchObject({ events: 0, registrations: 0 });
  });
});

describe('an event’s hub', () => {
  it('is its booking’s room’s hub, and follows a move; one hub’s staff list and count are exactly its events', async () => {
    const w = await world(t);
    const d = day();
    const booking = await made(
      await book(t, w.member, {
        roomId: w.roomId,
        organizationId: w.orgId,
        start: at(d, '10:00'),
        end: at(d, '11:00'),
      }),
    );
    // Written straight to the table, as a bulk load would: the database fills the hub in.
    const event = await sql<{ id: string; hubId: string }>`
      insert into events (booking_id, title_uk, title_en, category, capacity, starts_at, ends_at)
      select id, 'Зустріч', 'Meeting', 'meeting', 10, lower(period), upper(period) from bookings where id = ${booking}
      returning id, hub_id as "hubId"`.execute(t.db);
    const { id, hubId } = event.rows[0]!;
    expect(hubId).toBe(w.hubId);
    const staffList = async (hub: string) => {
      const res = await inject(t, {
        method: 'GET',
        url: `/api/v1/events?${q({ hubId: hub, includeCancelled: 'true' })}`,
        as: w.admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string; hubId: string }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return body.items;
    };
    expect((await staffList(w.hubId)).map((e) => e.id)).toContain(id);
    // A room of the other hub: the booking moves there (as the move endpoint writes it).
    const otherRoom = (
      await inject(t, {
        method: 'POST',
        url: `/api/v1/hubs/${w.otherHubId}/rooms`,
        as: w.admin,
        payload: { name: { uk: 'Зала', en: 'Hall' }, capacity: 30, rules: { horizonDays: 400 } },
      })
    ).json().id as string;
    await sql`update bookings set room_id = ${otherRoom} where id = ${booking}`.execute(t.db);
    const moved = await sql<{ hubId: string }>`select hub_id as "hubId" from events where id = ${id}`.execute(
      t.db,
    );
    expect(moved.rows[0]!.hubId).toBe(w.otherHubId);
    expect((await staffList(w.hubId)).map((e) => e.id)).not.toContain(id);
    const there = await staffList(w.otherHubId);
    expect(there.find((e) => e.id === id)?.hubId).toBe(w.otherHubId);
  });
});
