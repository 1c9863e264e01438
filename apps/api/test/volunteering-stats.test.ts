// GET /stats/volunteering: district figures per hub, per organisation and in total, checked
// against a fixture built here (shifts moved into a past window of their own, attendance
// recorded through the API), and the access rules of the other district statistics.
import { beforeAll, describe, expect, it } from 'vitest';
import { bookedSlot, world, type World } from './booking-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp, type TestUser } from './helper';
import {
  at,
  createProgram,
  createShift,
  kyivDate,
  ok,
  publish,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';

let t: TestApp;
let w: World;
// A past Kyiv day of this file's own, so no other test's shifts fall into the window.
const day = kyivDate(-(400 + Math.floor(Math.random() * 300)));
const from = at(day, '03:00');
const to = at(day, '06:00');
const statsUrl = (district?: string, f = from, t2 = to) =>
  `/api/v1/stats/volunteering?from=${encodeURIComponent(f)}&to=${encodeURIComponent(t2)}${district ? `&district=${district}` : ''}`;
const stats = (as: TestUser | null, district?: string) =>
  inject(t, { method: 'GET', url: statsUrl(district), as });

/** Moves a shift to Kyiv times on the fixture's past day (as if it had been held then). */
const moveToPast = (id: string, start: string, end: string) =>
  t.db
    .updateTable('volunteerShifts')
    .set({ startsAt: new Date(at(day, start)), endsAt: new Date(at(day, end)) })
    .where('id', '=', id)
    .execute();

const attendance = (as: TestUser, shiftId: string, entries: { signupId: string; present: boolean }[]) =>
  ok(
    inject(t, {
      method: 'POST',
      url: `/api/v1/volunteering/shifts/${shiftId}/attendance`,
      as,
      payload: { entries },
    }),
  );

beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
  const d = kyivDate(40);
  await bookedSlot(t, w, d, '14:00', '16:00');
  const orgProgram = await createProgram(t, w.member, { organizationId: w.orgId });
  await publish(t, w.member, orgProgram.id);
  const hubProgram = await createProgram(t, w.manager, { hubId: w.hubId });
  await publish(t, w.manager, hubProgram.id);
  const districtProgram = await createProgram(t, w.districtAdmin, { ownerDistrict: 'obolonskyi' });
  await publish(t, w.districtAdmin, districtProgram.id);
  const draft = await createProgram(t, w.member, { organizationId: w.orgId });

  const a = await createShift(t, w.member, orgProgram.id, shiftInput(d, '10:00', '11:00', { places: 2 }));
  const b = await createShift(t, w.manager, hubProgram.id, shiftInput(d, '12:00', '13:00', { places: 4 }));
  const c = await createShift(
    t,
    w.member,
    orgProgram.id,
    shiftInput(d, '14:00', '15:00', { places: 5, address: undefined, district: undefined, roomId: w.roomId }),
  );
  const dd = await createShift(
    t,
    w.districtAdmin,
    districtProgram.id,
    shiftInput(d, '16:00', '17:00', { places: 2 }),
  );
  // Not counted: a draft program's shift, a cancelled shift, a shift in another district.
  const e = await createShift(t, w.member, draft.id, shiftInput(d, '18:00', '19:00', { places: 7 }));
  const f = await createShift(t, w.member, orgProgram.id, shiftInput(d, '18:00', '19:00', { places: 7 }));
  const g = await createShift(
    t,
    w.member,
    orgProgram.id,
    shiftInput(d, '20:00', '21:00', { places: 3, district: 'darnytskyi', address: 'вул. Вербицького, 1' }),
  );

  const [v1, v2, v3] = [await volunteer(t), await volunteer(t), await volunteer(t)];
  const a1 = await ok(signUp(t, v1, a.id), 201);
  const a2 = await ok(signUp(t, v2, a.id), 201);
  expect(await ok(signUp(t, v3, a.id), 201)).toMatchObject({ status: 'waitlisted' });
  const b1 = await ok(signUp(t, v1, b.id), 201);
  const c3 = await ok(signUp(t, v3, c.id), 201);
  await ok(signUp(t, v2, dd.id), 201);
  await ok(signUp(t, v1, f.id), 201);
  await ok(signUp(t, v2, g.id), 201);
  await ok(
    inject(t, {
      method: 'POST',
      url: `/api/v1/volunteering/shifts/${f.id}/cancel`,
      as: w.member,
      payload: { reason: 'Злива' },
    }),
  );

  await moveToPast(a.id, '03:00', '04:00');
  await moveToPast(b.id, '03:30', '04:30');
  await moveToPast(c.id, '04:00', '05:00');
  await moveToPast(dd.id, '05:00', '05:30');
  for (const x of [e, f, g]) await moveToPast(x.id, '05:00', '05:45');
  await attendance(w.member, a.id, [
    { signupId: a1.id, present: true },
    { signupId: a2.id, present: false },
  ]);
  await attendance(w.manager, b.id, [{ signupId: b1.id, present: true }]);
  await attendance(w.member, c.id, [{ signupId: c3.id, present: true }]);
});

describe('GET /stats/volunteering', () => {
  it('adds up the district’s shifts per hub, per organisation and in total', async () => {
    const body = await ok(stats(w.districtAdmin));
    expect(body.district).toBe('obolonskyi');
    expect(body.totals).toEqual({
      programs: 3,
      shifts: 4,
      places: 13,
      signups: 5,
      volunteers: 3,
      present: 3,
      noShows: 1,
      attendanceRate: 0.75,
      approvedMinutes: 180,
    });
    const hub = body.hubs.find((h: { hubId: string }) => h.hubId === w.hubId);
    expect(hub).toMatchObject({
      district: 'obolonskyi',
      programs: 2,
      shifts: 2,
      places: 9,
      signups: 2,
      volunteers: 2,
      present: 2,
      noShows: 0,
      attendanceRate: 1,
      approvedMinutes: 120,
    });
    // Every hub of the district has a row, also one with nothing.
    expect(body.hubs.find((h: { hubId: string }) => h.hubId === w.otherHubId)).toMatchObject({
      shifts: 0,
      volunteers: 0,
      attendanceRate: null,
    });
    expect(body.hubs.every((h: { district: string }) => h.district === 'obolonskyi')).toBe(true);
    expect(body.organizations).toHaveLength(1);
    expect(body.organizations[0]).toMatchObject({
      organizationId: w.orgId,
      programs: 1,
      shifts: 2,
      places: 7,
      signups: 3,
      volunteers: 3,
      present: 2,
      noShows: 1,
      attendanceRate: 0.667,
      approvedMinutes: 120,
    });
    // No personal data in the answer.
    expect(JSON.stringify(body)).not.toMatch(/@|userId|email/);
  });

  it('the city admin sees any district; a shift held elsewhere counts there', async () => {
    const body = await ok(stats(w.admin, 'darnytskyi'));
    expect(body.district).toBe('darnytskyi');
    expect(body.totals).toMatchObject({ shifts: 1, signups: 1, places: 3, present: 0, attendanceRate: null });
    expect(body.organizations.map((o: { organizationId: string }) => o.organizationId)).toEqual([w.orgId]);
    const all = await ok(stats(w.admin));
    expect(all.district).toBeNull();
    expect(all.totals.shifts).toBe(5);
  });

  it('a district admin sees only their district; other roles are refused', async () => {
    expectProblem(await stats(w.districtAdmin, 'darnytskyi'), 403, 'forbidden');
    expect((await ok(stats(w.districtAdmin, 'obolonskyi'))).totals.shifts).toBe(4);
    for (const as of [w.member, w.outsider, w.manager, await createUser(t)])
      expectProblem(await stats(as), 403, 'forbidden');
    expectProblem(await stats(null), 401, 'unauthorized');
  });

  it('bad windows are 400 problems', async () => {
    expectProblem(
      await inject(t, { method: 'GET', url: statsUrl(undefined, to, from), as: w.admin }),
      400,
      'invalid_interval',
    );
    expectProblem(
      await inject(t, {
        method: 'GET',
        url: '/api/v1/stats/volunteering?from=yesterday&to=today',
        as: w.admin,
      }),
      400,
      'validation_failed',
    );
  });
});
