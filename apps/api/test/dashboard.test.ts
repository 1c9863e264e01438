// The dashboard's figures on a fixed calendar: March 2026 in Kyiv (clocks go forward on Sunday the
// 29th), one hub of two rooms open 08:00–22:00 (a 24-hour day on the 29th by exception), bookings,
// closures that overlap, an event with registrations, check-ins and feedback, a volunteer shift and
// approved hours — built straight in the tables (the calendar is in the past, where the API refuses
// to book) so the rollups' triggers are what the figures read. Then the previous period, the months,
// the district and city totals, the staff detail per role, and a booking made through the API.
import { type Dashboard, fromKyiv } from '@vcentri/shared';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp, type TestUser } from './helper';

let t: TestApp;
let x: World;
let resident: TestUser;

const range = (date: string, from: string, toDate: string, to: string) =>
  `[${fromKyiv(date, from).toISOString()},${fromKyiv(toDate, to).toISOString()})`;

async function booking(
  roomId: string,
  date: string,
  from: string,
  toDate: string,
  to: string,
  status = 'confirmed',
) {
  const period = range(date, from, toDate, to);
  return (
    await sql<{ id: string }>`
      insert into bookings (room_id, organization_id, status, period, blocked, title, created_by)
      values (${roomId}, ${x.orgId}, ${status}, ${period}::tstzrange, ${period}::tstzrange, 'fixture', ${x.member.id})
      returning id`.execute(t.db)
  ).rows[0]!.id;
}

async function closure(roomId: string | null, date: string, from: string, toDate: string, to: string) {
  await sql`insert into closures (hub_id, room_id, period, reason)
            values (${x.hubId}, ${roomId}, ${range(date, from, toDate, to)}::tstzrange, 'повітряна тривога')`.execute(
    t.db,
  );
}

async function dashboard(query: string, as: TestUser | null = null): Promise<Dashboard> {
  const res = await inject(t, { method: 'GET', url: `/api/v1/stats/dashboard?${query}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  x = await world(t);
  resident = await createUser(t);
  // The rooms existed before the calendar; the hub is open all of the 29th (23 real hours).
  await sql`update rooms set created_at = '2025-12-01T00:00:00Z' where hub_id = ${x.hubId}`.execute(t.db);
  await sql`insert into hub_exceptions (hub_id, date, opens, closes) values (${x.hubId}, '2026-03-29', '00:00', '24:00')`.execute(
    t.db,
  );
  // March: room A 2 h + 4 h across the DST change (01:00–06:00 is four real hours), room B 4 h;
  // a pending request; a cancelled booking that must not count.
  const eventBooking = await booking(x.roomId, '2026-03-10', '10:00', '2026-03-10', '12:00');
  await booking(x.roomId, '2026-03-29', '01:00', '2026-03-29', '06:00');
  await booking(x.bigRoomId, '2026-03-15', '14:00', '2026-03-15', '18:00');
  await booking(x.bigRoomId, '2026-03-16', '09:00', '2026-03-16', '10:00', 'pending');
  await booking(x.bigRoomId, '2026-03-17', '09:00', '2026-03-17', '10:00', 'cancelled');
  // The previous period (29 January – 28 February): one booking of 3 h.
  await booking(x.roomId, '2026-02-20', '10:00', '2026-02-20', '13:00');
  // Closures on the 20th: the whole hub 10–14, room A 12–16 (overlapping: A is closed 6 h, B 4 h);
  // one at night, outside the opening hours, closes nothing.
  await closure(null, '2026-03-20', '10:00', '2026-03-20', '14:00');
  await closure(x.roomId, '2026-03-20', '12:00', '2026-03-20', '16:00');
  await closure(null, '2026-03-21', '23:00', '2026-03-22', '07:00');

  // An event on the first booking: four registrations, three checked in, two ratings (5 and 4).
  const event = (
    await sql<{ id: string }>`
      insert into events (booking_id, title_uk, title_en, category, capacity, starts_at, ends_at)
      values (${eventBooking}, 'Дебати', 'Debate', 'debate', 20, ${fromKyiv('2026-03-10', '10:00')}, ${fromKyiv('2026-03-10', '12:00')})
      returning id`.execute(t.db)
  ).rows[0]!.id;
  const people = [resident, ...(await Promise.all([createUser(t), createUser(t), createUser(t)]))];
  for (const [i, p] of people.entries()) {
    await sql`insert into event_registrations (event_id, user_id, status, code, checked_in_at)
              values (${event}, ${p.id}, 'confirmed', ${`C${i}${Math.random().toString(36).slice(2, 8)}`},
                      ${i < 3 ? fromKyiv('2026-03-10', '10:05') : null})`.execute(t.db);
  }
  for (const [i, rating] of [5, 4].entries())
    await sql`insert into event_feedback (event_id, user_id, rating) values (${event}, ${people[i]!.id}, ${rating})`.execute(
      t.db,
    );

  // Volunteering: a shift at the hub on 12 March; 90 + 150 approved minutes by two people, 60 minutes
  // still pending (not counted).
  const program = (
    await sql<{ id: string }>`
      insert into volunteer_programs (organization_id, title_uk, title_en, cause, status)
      values (${x.orgId}, 'Програма', 'Program', 'civic_education', 'published') returning id`.execute(t.db)
  ).rows[0]!.id;
  const shift = (
    await sql<{ id: string }>`
      insert into volunteer_shifts (program_id, starts_at, ends_at, address, district, room_id, places, task, status)
      values (${program}, ${fromKyiv('2026-03-12', '10:00')}, ${fromKyiv('2026-03-12', '14:00')}, 'вул. Тестова, 1',
              'obolonskyi', ${x.roomId}, 5, 'Допомога', 'published') returning id`.execute(t.db)
  ).rows[0]!.id;
  for (const [p, minutes, status] of [
    [people[0]!, 90, 'approved'],
    [people[1]!, 150, 'approved'],
    [people[2]!, 60, 'pending'],
  ] as const)
    await sql`insert into volunteer_hours (user_id, program_id, shift_id, work_date, minutes, description, source, status)
              values (${p.id}, ${program}, ${shift}, '2026-03-12', ${minutes}, 'Зміна', 'attendance', ${status})`.execute(
      t.db,
    );
});

describe('the dashboard on a fixed calendar', () => {
  it('counts bookings, hours, utilisation after closures across a DST change, per room and hub', async () => {
    const d = await dashboard(`from=2026-03-01&to=2026-03-31&hubId=${x.hubId}`);
    expect(d.period).toEqual({ from: '2026-03-01', to: '2026-03-31', days: 31 });
    expect(d.previous).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(d.scope).toMatchObject({ district: 'obolonskyi', hubId: x.hubId });
    // Open per room: 30 days × 14 h + the 29th's 23 real hours = 443 h, less the closures.
    const a = d.rooms.find((r) => r.roomId === x.roomId)!;
    const b = d.rooms.find((r) => r.roomId === x.bigRoomId)!;
    expect(a).toMatchObject({ bookings: 2, pending: 0, bookedHours: 6, closedHours: 6, openHours: 437 });
    expect(b).toMatchObject({ bookings: 1, pending: 1, bookedHours: 4, closedHours: 4, openHours: 439 });
    expect(a.utilisation).toBe(Math.round((6 / 437) * 10_000) / 10_000);
    expect(b.utilisation).toBe(Math.round((4 / 439) * 10_000) / 10_000);
    expect(d.figures).toMatchObject({
      bookings: 3,
      pending: 1,
      bookedHours: 10,
      openHours: 876,
      closedHours: 10,
      utilisation: Math.round((10 / 876) * 10_000) / 10_000,
      organizations: 1,
      events: 1,
      registrations: 4,
      attended: 3,
      noShowRate: 0.25,
      feedbackCount: 2,
      averageRating: 4.5,
      volunteerShifts: 1,
      volunteers: 2,
      volunteerHours: 4,
    });
    // The previous period: 31 days × 14 h × 2 rooms open, one booking of 3 h.
    expect(d.previousFigures).toMatchObject({
      bookings: 1,
      bookedHours: 3,
      openHours: 868,
      closedHours: 0,
      utilisation: Math.round((3 / 868) * 10_000) / 10_000,
      organizations: 1,
      events: 0,
      noShowRate: null,
      averageRating: null,
    });
    expect(d.hubs).toHaveLength(1);
    expect(d.hubs[0]).toMatchObject({ hubId: x.hubId, bookings: 3, bookedHours: 10, openHours: 876 });
  });

  it('gives the twelve months up to the period, each the same definition as a period of that month', async () => {
    const d = await dashboard(`from=2026-03-01&to=2026-03-31&hubId=${x.hubId}`);
    expect(d.months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const { month: _m, ...march } = d.months[11]!;
    expect(march).toEqual(d.figures);
    // February alone: 28 days × 14 h × 2 rooms; before the rooms existed, nothing was open.
    const feb = await dashboard(`from=2026-02-01&to=2026-02-28&hubId=${x.hubId}`);
    const { month: _f, ...february } = d.months[10]!;
    expect(february).toEqual(feb.figures);
    expect(feb.figures).toMatchObject({ bookings: 1, bookedHours: 3, openHours: 784 });
    expect(d.months[0]).toMatchObject({ openHours: 0, utilisation: null });
  });

  it('adds up to the district and the city: hubs sum to their district, districts to the city', async () => {
    const district = await dashboard('from=2026-03-01&to=2026-03-31&district=obolonskyi');
    const sum = (xs: { bookings: number; openHours: number; bookedHours: number }[]) => ({
      bookings: xs.reduce((s, h) => s + h.bookings, 0),
      bookedHours: Math.round(xs.reduce((s, h) => s + h.bookedHours, 0) * 100) / 100,
      openHours: Math.round(xs.reduce((s, h) => s + h.openHours, 0) * 100) / 100,
    });
    expect(sum(district.hubs)).toEqual({
      bookings: district.figures.bookings,
      bookedHours: district.figures.bookedHours,
      openHours: district.figures.openHours,
    });
    expect(district.hubs.find((h) => h.hubId === x.hubId)).toMatchObject({ bookings: 3, bookedHours: 10 });
    const city = await dashboard('from=2026-03-01&to=2026-03-31');
    expect(sum(city.districts)).toEqual({
      bookings: city.figures.bookings,
      bookedHours: city.figures.bookedHours,
      openHours: city.figures.openHours,
    });
    expect(city.districts.find((r) => r.district === 'obolonskyi')).toMatchObject({
      bookings: district.figures.bookings,
      openHours: district.figures.openHours,
    });
  });

  it('shows who was served only to the staff of the scope', async () => {
    const q = `from=2026-03-01&to=2026-03-31&hubId=${x.hubId}`;
    expect((await dashboard(q)).organizations).toBeUndefined();
    expect((await dashboard(q, resident)).organizations).toBeUndefined();
    expect((await dashboard(q, x.manager)).organizations).toBeUndefined();
    const other = await createUser(t, [{ role: 'district_admin', district: 'darnytskyi' }]);
    expect((await dashboard(q, other)).organizations).toBeUndefined();
    for (const staff of [x.districtAdmin, x.admin]) {
      const d = await dashboard(q, staff);
      expect(d.organizations).toEqual([
        expect.objectContaining({ organizationId: x.orgId, bookings: 3, bookedHours: 10 }),
      ]);
    }
  });

  it('follows a booking made through the API on the day it starts', async () => {
    const day = kyivDate(20);
    const q = `from=${day}&to=${day}&hubId=${x.hubId}`;
    const before = await dashboard(q, x.admin);
    const res = await book(t, x.member, {
      roomId: x.roomId,
      organizationId: x.orgId,
      start: at(day, '18:00'),
      end: at(day, '19:30'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await dashboard(q, x.admin);
    expect(after.figures.bookings).toBe(before.figures.bookings + 1);
    expect(after.figures.bookedHours).toBe(before.figures.bookedHours + 1.5);
  });

  it('recomputes from the open data: the hub-activity rows of the hub add up to its figures', async () => {
    const d = await dashboard(`from=2026-03-01&to=2026-03-31&hubId=${x.hubId}`);
    const res = await inject(t, { method: 'GET', url: '/api/v1/open-data/hub-activity.csv' });
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    const march = rows.filter(
      (r) => r.hub_id === x.hubId && r.date! >= '2026-03-01' && r.date! <= '2026-03-31',
    );
    const total = (k: string) => Math.round(march.reduce((s, r) => s + Number(r[k]), 0) * 100) / 100;
    expect({
      bookings: total('bookings'),
      pending: total('pending'),
      bookedHours: total('booked_hours'),
      openHours: total('open_hours'),
      closedHours: total('closed_hours'),
    }).toEqual({
      bookings: d.figures.bookings,
      pending: d.figures.pending,
      bookedHours: d.figures.bookedHours,
      openHours: d.figures.openHours,
      closedHours: d.figures.closedHours,
    });
    // The day the clocks change is 23 real hours long; the room closed twice on the 20th.
    const day = (date: string, room: string) => march.find((r) => r.date === date && r.room_id === room)!;
    expect(Number(day('2026-03-29', x.roomId).open_hours)).toBe(23);
    expect(Number(day('2026-03-29', x.roomId).booked_hours)).toBe(4);
    expect(Number(day('2026-03-20', x.roomId).closed_hours)).toBe(6);
    // Per room too, for the JSON download.
    const json = (await inject(t, { method: 'GET', url: '/api/v1/open-data/hub-activity.json' })).json() as {
      records: { room_id: string; date: string; booked_hours: number; open_hours: number }[];
    };
    const roomA = json.records.filter((r) => r.room_id === x.roomId && r.date.startsWith('2026-03'));
    const a = d.rooms.find((r) => r.roomId === x.roomId)!;
    expect(Math.round(roomA.reduce((s, r) => s + r.open_hours, 0) * 100) / 100).toBe(a.openHours);
    expect(roomA.reduce((s, r) => s + r.booked_hours, 0)).toBe(a.bookedHours);
  });

  it('refuses bad periods and unknown hubs with problems', async () => {
    const bad = (query: string) => inject(t, { method: 'GET', url: `/api/v1/stats/dashboard?${query}` });
    expectProblem(await bad('from=2026-03-31&to=2026-03-01'), 400, 'invalid_interval');
    expectProblem(await bad('from=2026-02-30&to=2026-03-01'), 400, 'validation_failed');
    expectProblem(await bad('from=2010-01-01&to=2026-03-01'), 400, 'period_too_long');
    expectProblem(await bad('from=2026-03-01'), 400, 'validation_failed');
    expectProblem(await bad('from=2026-03-01&to=2026-03-31&district=atlantis'), 400, 'validation_failed');
    expectProblem(
      await bad('from=2026-03-01&to=2026-03-31&hubId=00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
    expectProblem(
      await bad(`from=2026-03-01&to=2026-03-31&district=darnytskyi&hubId=${x.hubId}`),
      404,
      'not_found',
    );
  });
});
