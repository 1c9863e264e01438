// The room's rules hold on every path into a room, not only on a new request: a move is checked
// like a request for the target room, and a series that expands to no dates is a 400.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookedSlot, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, expectProblem, inject, type TestApp, type TestUser } from './helper';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});

/** A room in a hub with the given rules (everything else lenient). */
async function roomWith(hubId: string, capacity: number, rules: Record<string, unknown>) {
  const res = await inject(t, {
    method: 'POST',
    url: `/api/v1/hubs/${hubId}/rooms`,
    as: w.admin,
    payload: {
      name: { uk: 'Зала', en: 'Hall' },
      capacity,
      rules: { requiresApproval: false, horizonDays: 400, leadMinutes: 60, ...rules },
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

const move = (as: TestUser, id: string, roomId: string) =>
  inject(t, { method: 'POST', url: `/api/v1/bookings/${id}/move`, as, payload: { roomId } });

async function stored(id: string) {
  return t.db
    .selectFrom('bookings')
    .select(['roomId', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

let nextDay = 8;
/** A confirmed two-hour booking for ten people on a day of its own, eight or more days ahead. */
const twoHours = (x: World = w) => bookedSlot(t, x, kyivDate(nextDay++), '18:00', '20:00');

describe('moving a booking applies the target room’s rules', () => {
  it('the reported case: a 2-hour booking 8 days ahead into a 30-minute, 2-day, 1-hour-quota room is refused', async () => {
    const b = await twoHours();
    const strict = await roomWith(w.hubId, 40, {
      maxMinutes: 30,
      minMinutes: 15,
      horizonDays: 2,
      monthlyQuotaHours: 1,
    });
    expectProblem(await move(w.member, b.id, strict), 400, 'too_long');
    expect(await stored(b.id)).toEqual({ roomId: w.roomId, status: 'confirmed' });
  });

  it('answers each broken rule with the code a new request gets, and leaves the booking where it was', async () => {
    const cases: [Record<string, unknown>, number, number, string][] = [
      [{}, 5, 400, 'over_capacity'],
      [{ maxMinutes: 60 }, 40, 400, 'too_long'],
      [{ minMinutes: 180 }, 40, 400, 'too_short'],
      [{ horizonDays: 2 }, 40, 400, 'too_far_ahead'],
      [{ leadMinutes: 30 * 24 * 60 }, 40, 400, 'lead_time'],
      [{ monthlyQuotaHours: 1 }, 40, 409, 'quota_exceeded'],
    ];
    for (const [rules, capacity, status, code] of cases) {
      const b = await twoHours();
      const target = await roomWith(w.otherHubId, capacity, rules);
      expectProblem(await move(w.member, b.id, target), status, code);
      expect(await stored(b.id), code).toEqual({ roomId: w.roomId, status: 'confirmed' });
    }
  });

  it('checks the target hub’s hours and closures, and the organisation’s standing', async () => {
    const hours = await twoHours();
    const target = await roomWith(w.otherHubId, 40, {});
    // The target hub closes early that day.
    const ex = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${w.otherHubId}/exceptions`,
      as: w.admin,
      payload: { date: hours.date, opens: '09:00', closes: '17:00', note: 'Скорочений день' },
    });
    expect(ex.statusCode, ex.body).toBe(201);
    expectProblem(await move(w.member, hours.id, target), 400, 'outside_opening_hours');
    expect(await stored(hours.id)).toEqual({ roomId: w.roomId, status: 'confirmed' });

    const closed = await twoHours();
    const closure = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${w.otherHubId}/closures`,
      as: w.admin,
      payload: {
        roomId: target,
        start: at(closed.date, '17:00'),
        end: at(closed.date, '21:00'),
        reason: 'Ремонт',
      },
    });
    expect(closure.statusCode, closure.body).toBe(201);
    expectProblem(await move(w.member, closed.id, target), 409, 'room_closed');

    const x = await world(t);
    const suspended = await twoHours(x);
    await t.db.updateTable('organizations').set({ status: 'suspended' }).where('id', '=', x.orgId).execute();
    expectProblem(
      await move(x.member, suspended.id, await roomWith(x.hubId, 40, {})),
      409,
      'organization_not_verified',
    );
    expect(await stored(suspended.id)).toEqual({ roomId: x.roomId, status: 'confirmed' });
  });

  it('a move counts against the target room’s monthly quota like a new request', async () => {
    const target = await roomWith(w.otherHubId, 40, { monthlyQuotaHours: 3 });
    const d = kyivDate(nextDay++);
    const first = (await bookedSlot(t, w, d, '10:00', '12:00')).id;
    const second = (await bookedSlot(t, w, d, '14:00', '16:00')).id;
    const moved = await move(w.member, first, target);
    expect(moved.statusCode, moved.body).toBe(200);
    // Two hours held in the target this month: two more do not fit into three.
    expectProblem(await move(w.member, second, target), 409, 'quota_exceeded');
    expect(await stored(second)).toEqual({ roomId: w.roomId, status: 'confirmed' });
  });

  it('the events published in the booking must fit the target room too', async () => {
    const b = await twoHours();
    const ev = await inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.member,
      payload: {
        bookingId: b.id,
        title: { uk: 'Лекція', en: 'Lecture' },
        category: 'training',
        capacity: 15,
      },
    });
    expect(ev.statusCode, ev.body).toBe(201);
    // Twelve seats hold the ten people booked, not the fifteen places offered.
    const small = await roomWith(w.otherHubId, 12, {});
    expectProblem(await move(w.member, b.id, small), 409, 'event_places_exceeded');
    expect(await stored(b.id)).toEqual({ roomId: w.roomId, status: 'confirmed' });
    const fits = await roomWith(w.otherHubId, 15, {});
    expect((await move(w.member, b.id, fits)).statusCode).toBe(200);
    const event = await inject(t, { method: 'GET', url: `/api/v1/events/${ev.json().id}` });
    expect(event.json()).toMatchObject({ roomId: fits, capacity: 15 });
  });

  it('becomes pending where the target room needs approval, unless its hub’s manager moves it', async () => {
    const x = await world(t);
    const approval = await roomWith(x.hubId, 40, { requiresApproval: true });
    const byMember = await twoHours(x);
    const res = await move(x.member, byMember.id, approval);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roomId: approval, status: 'pending' });
    expect(await stored(byMember.id)).toEqual({ roomId: approval, status: 'pending' });
    const notes = await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: x.manager });
    expect(notes.json().items[0]).toMatchObject({ kind: 'booking.requested' });

    const byManager = await twoHours(x);
    const res2 = await move(x.manager, byManager.id, approval);
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json()).toMatchObject({ roomId: approval, status: 'confirmed' });
  });
});

describe('a series that expands to no dates', () => {
  it('is 400 validation_failed pointing at the field, for preview and request alike, and books nothing', async () => {
    const d = kyivDate(30);
    const base = {
      roomId: w.bigRoomId,
      organizationId: w.orgId,
      title: 'Порожня серія',
      attendees: 5,
      start: at(d, '10:00'),
      end: at(d, '11:00'),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ frequency: 'daily', until: kyivDate(29) }, '/recurrence/until'],
      [{ frequency: 'weekly' }, '/recurrence'],
    ];
    for (const [recurrence, path] of cases) {
      for (const url of ['/api/v1/bookings/preview', '/api/v1/bookings']) {
        const res = await inject(t, { method: 'POST', url, as: w.member, payload: { ...base, recurrence } });
        const body = expectProblem(res, 400, 'validation_failed');
        expect(body.errors?.map((e) => e.path)).toEqual([path]);
      }
    }
    const rows = await t.db
      .selectFrom('bookings')
      .select('id')
      .where('roomId', '=', w.bigRoomId)
      .where('title', '=', 'Порожня серія')
      .execute();
    expect(rows).toEqual([]);
    // The same series with a reachable last date books its one date.
    const ok = await inject(t, {
      method: 'POST',
      url: '/api/v1/bookings',
      as: w.member,
      payload: { ...base, recurrence: { frequency: 'daily', until: d } },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().items).toHaveLength(1);
    const held = await t.db
      .selectFrom('bookings')
      .select(sql<Date>`lower(period)`.as('s'))
      .where('id', '=', ok.json().items[0].id)
      .executeTakeFirstOrThrow();
    expect(held.s.toISOString()).toBe(base.start);
  });
});

describe('a request that breaks several rules', () => {
  it('hears of every one at once, in the check and in the refusal, and nothing is booked', async () => {
    const day = kyivDate(nextDay++);
    const taken = await bookedSlot(t, w, day, '20:00', '21:00');
    const input = {
      roomId: w.roomId,
      organizationId: w.orgId,
      title: 'Великі збори',
      attendees: 500,
      start: at(day, '20:00'),
      end: at(day, '23:30'),
    };
    const codes = (list: { code: string }[]) => list.map((p) => p.code);
    const expected = ['over_capacity', 'outside_opening_hours', 'booking_conflict'];

    const preview = await inject(t, {
      method: 'POST',
      url: '/api/v1/bookings/preview',
      as: w.member,
      payload: input,
    });
    expect(preview.statusCode).toBe(200);
    const [date] = preview.json().occurrences;
    expect(date.ok).toBe(false);
    expect(codes(date.problems)).toEqual(expected);
    expect(date.code).toBe('over_capacity');
    expect(date.problems[2].conflicts[0].start).toBe(taken.start);

    const refused = await inject(t, {
      method: 'POST',
      url: '/api/v1/bookings',
      as: w.member,
      payload: input,
    });
    expectProblem(refused, 400, 'over_capacity');
    expect(codes(refused.json().problems)).toEqual(expected);
    const held = await t.db
      .selectFrom('bookings')
      .select('id')
      .where('roomId', '=', w.roomId)
      .where(sql<boolean>`lower(period) >= ${new Date(at(day, '00:00'))}`)
      .where(sql<boolean>`lower(period) < ${new Date(at(day, '23:59'))}`)
      .execute();
    expect(held.map((b) => b.id)).toEqual([taken.id]);
  });
});
