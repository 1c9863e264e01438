// The events of one booking never overlap and their places together fit the room: on publish,
// on every edit, on the hub manager's book-and-publish step, and under racing publishes. And
// check-in opens only a configurable time before the start.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { at, bookedSlot, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp, testConfig } from './helper';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});

let nextDay = 9;
/** A confirmed 18:00–20:00 booking in the 20-seat room on a day of its own. */
const booking = () => bookedSlot(t, w, kyivDate(nextDay++), '18:00', '20:00');

const publish = (app: TestApp, bookingId: string, d: string, from: string, to: string, capacity: number) =>
  inject(app, {
    method: 'POST',
    url: '/api/v1/events',
    as: w.member,
    payload: {
      bookingId,
      title: { uk: 'Подія в бронюванні', en: 'Event in a booking' },
      category: 'workshop',
      capacity,
      start: at(d, from),
      end: at(d, to),
    },
  });

async function eventsOf(bookingId: string) {
  return t.db
    .selectFrom('events')
    .select(['id', 'capacity', 'startsAt', 'endsAt', 'status'])
    .where('bookingId', '=', bookingId)
    .orderBy('startsAt')
    .execute();
}

describe('events in one booking', () => {
  it('cannot overlap, and their places together cannot exceed the room (the reported 4 × 75 in 60)', async () => {
    const b = await booking();
    const first = await publish(t, b.id, b.date, '18:00', '19:00', 10);
    expect(first.statusCode, first.body).toBe(201);
    expectProblem(await publish(t, b.id, b.date, '18:30', '19:30', 5), 409, 'event_overlap');
    expectProblem(await publish(t, b.id, b.date, '18:00', '20:00', 5), 409, 'event_overlap');
    const places = expectProblem(
      await publish(t, b.id, b.date, '19:00', '20:00', 11),
      409,
      'event_places_exceeded',
    );
    expect(places.errors?.[0]?.path).toBe('/capacity');
    // Back to back is not an overlap; 10 + 10 fits the 20 seats.
    const second = await publish(t, b.id, b.date, '19:00', '20:00', 10);
    expect(second.statusCode, second.body).toBe(201);
    const held = await eventsOf(b.id);
    expect(held.map((e) => e.capacity)).toEqual([10, 10]);
  });

  it('an edit is checked the same way and changes nothing when refused; cancelled events free their places', async () => {
    const b = await booking();
    const a = (await publish(t, b.id, b.date, '18:00', '19:00', 10)).json();
    const c = (await publish(t, b.id, b.date, '19:00', '20:00', 10)).json();
    const patch = (id: string, payload: Record<string, unknown>) =>
      inject(t, { method: 'PATCH', url: `/api/v1/events/${id}`, as: w.member, payload });
    expectProblem(await patch(a.id, { capacity: 11 }), 409, 'event_places_exceeded');
    expectProblem(await patch(a.id, { end: at(b.date, '19:30') }), 409, 'event_overlap');
    expectProblem(await patch(c.id, { start: at(b.date, '18:59') }), 409, 'event_overlap');
    // Editing an event against itself is no overlap.
    expect((await patch(a.id, { start: at(b.date, '18:15'), capacity: 9 })).statusCode).toBe(200);
    const held = await eventsOf(b.id);
    expect(held.map((e) => [e.startsAt.toISOString(), e.endsAt.toISOString(), e.capacity])).toEqual([
      [at(b.date, '18:15'), at(b.date, '19:00'), 9],
      [at(b.date, '19:00'), at(b.date, '20:00'), 10],
    ]);
    const cancel = await inject(t, {
      method: 'POST',
      url: `/api/v1/events/${c.id}/cancel`,
      as: w.member,
      payload: { reason: 'Перенесено' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await patch(a.id, { capacity: 20, end: at(b.date, '20:00') })).statusCode).toBe(200);
  });

  it('the hub manager’s book-and-publish step: checked too, and a refused event leaves no booking behind', async () => {
    const d = kyivDate(70);
    const step = (payload: Record<string, unknown>) =>
      inject(t, {
        method: 'POST',
        url: '/api/v1/events',
        as: w.manager,
        payload: {
          booking: { roomId: w.roomId, organizationId: w.orgId, start: at(d, '10:00'), end: at(d, '12:00') },
          title: { uk: 'День відкритих дверей', en: 'Open day' },
          category: 'meeting',
          capacity: 15,
          ...payload,
        },
      });
    expectProblem(await step({ start: at(d, '09:00') }), 400, 'outside_booking');
    const none = await t.db
      .selectFrom('bookings')
      .select('id')
      .where('roomId', '=', w.roomId)
      .where(
        sql<boolean>`period && tstzrange(${at(d, '00:00')}::timestamptz, ${at(d, '23:59')}::timestamptz)`,
      )
      .execute();
    expect(none).toEqual([]);
    const res = await step({ end: at(d, '11:00') });
    expect(res.statusCode, res.body).toBe(201);
    const bookingId = res.json().bookingId as string;
    const more = await inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.manager,
      payload: {
        bookingId,
        title: { uk: 'Друга частина', en: 'Part two' },
        category: 'meeting',
        capacity: 6,
        start: at(d, '11:00'),
        end: at(d, '12:00'),
      },
    });
    expectProblem(more, 409, 'event_places_exceeded');
  });

  it('racing publishes into one booking: exactly one of overlapping events, and places never above the room', async () => {
    const racers = Array.from({ length: 8 }, () => null);
    const same = await booking();
    const overlapping = await Promise.all(
      racers.map(() => publish(t, same.id, same.date, '18:00', '20:00', 5)),
    );
    expect(overlapping.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(overlapping.filter((r) => r.statusCode === 409 && r.json().code === 'event_overlap')).toHaveLength(
      7,
    );
    expect(await eventsOf(same.id)).toHaveLength(1);

    // Four quarter-hours apart, 8 places each, 20 seats: two fit, two are refused.
    const split = await booking();
    const quarters = ['18:00', '18:30', '19:00', '19:30'];
    const results = await Promise.all(
      quarters.map((from, i) => publish(t, split.id, split.date, from, quarters[i + 1] ?? '20:00', 8)),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(
      results.filter((r) => r.statusCode === 409 && r.json().code === 'event_places_exceeded'),
    ).toHaveLength(2);
    const held = await eventsOf(split.id);
    expect(held.reduce((n, e) => n + e.capacity, 0)).toBe(16);
  });
});

describe('check-in window', () => {
  it('opens CHECK_IN_OPENS_MINUTES before the start', async () => {
    expect(testConfig().checkInOpensMinutes).toBe(120);
    const env = { JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/vcentri-config-test' };
    expect(loadConfig({ ...env, CHECK_IN_OPENS_MINUTES: '30' }).checkInOpensMinutes).toBe(30);
    expect(() => loadConfig({ ...env, CHECK_IN_OPENS_MINUTES: '-1' })).toThrow(/CHECK_IN_OPENS_MINUTES/);

    const strict = await buildTestApp({ checkInOpensMinutes: 30 });
    const b = await booking();
    const e = (await publish(t, b.id, b.date, '18:00', '20:00', 5)).json();
    const guest = await createUser(t);
    const reg = (
      await inject(t, { method: 'POST', url: `/api/v1/events/${e.id}/registrations`, as: guest })
    ).json();
    // An hour ahead: inside the default two hours, outside a 30-minute window.
    await sql`update events set starts_at = now() + interval '1 hour', ends_at = now() + interval '2 hours' where id = ${e.id}`.execute(
      t.db,
    );
    const checkIn = (app: TestApp) =>
      inject(app, {
        method: 'POST',
        url: `/api/v1/events/${e.id}/check-in`,
        as: w.manager,
        payload: { code: reg.code },
      });
    expectProblem(await checkIn(strict), 409, 'check_in_not_open');
    const row = await t.db
      .selectFrom('eventRegistrations')
      .select('checkedInAt')
      .where('id', '=', reg.id)
      .executeTakeFirstOrThrow();
    expect(row.checkedInAt).toBeNull();
    const ok = await checkIn(t);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checkedInAt).toEqual(expect.any(String));
    await strict.app.close();
  });
});
