// Paths that change a program's shifts behind its volunteers' backs apply sign-up's rules:
// moving a shift re-checks every confirmed and waiting volunteer's overlap and 12-hour day (and
// a room-placed shift must stay held); closing a program cancels its future shifts as a shift
// cancellation does; a hub's program may hold a room of its own hub, other non-organisation
// programs cannot hold a room.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIFT_REMINDER_JOB, shiftReminderHandler } from '../src/modules/volunteering/reminders';
import { bookedSlot, world } from './booking-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp } from './helper';
import {
  at,
  createProgram,
  createShift,
  kyivDate,
  ngoWithProgram,
  ok,
  publish,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobsPollIntervalMs: 3_600_000 });
});

const url = (p: string) => `/api/v1/volunteering${p}`;
const patchShift = (as: Parameters<typeof inject>[1]['as'], id: string, payload: Record<string, unknown>) =>
  inject(t, { method: 'PATCH', url: url(`/shifts/${id}`), as, payload });
const shiftOf = async (id: string) => ok(inject(t, { method: 'GET', url: url(`/shifts/${id}`) }));
const kindsOf = async (userId: string) =>
  (await t.db.selectFrom('notifications').select('kind').where('userId', '=', userId).execute()).map(
    (n) => n.kind,
  );

describe('moving a shift re-checks its volunteers', () => {
  it('refuses a move into another shift of a confirmed volunteer (409 shift_overlap, how many), changing nothing', async () => {
    const d = kyivDate(30);
    const { owner, programId } = await ngoWithProgram(t);
    const a = await createShift(t, owner, programId, shiftInput(d, '10:00', '12:00'));
    const b = await createShift(t, owner, programId, shiftInput(d, '13:00', '15:00'));
    const u = await volunteer(t);
    const free = await volunteer(t);
    await ok(signUp(t, u, a.id), 201);
    await ok(signUp(t, u, b.id), 201);
    await ok(signUp(t, free, a.id), 201);
    const res = await patchShift(owner, a.id, { start: at(d, '12:30'), end: at(d, '14:00') });
    const body = expectProblem(res, 409, 'shift_overlap');
    expect((body as { volunteers?: number }).volunteers).toBe(1);
    expect(await shiftOf(a.id)).toMatchObject({ start: a.start, end: a.end });
    expect(await kindsOf(u.id)).not.toContain('volunteering.shift_changed');
    // A move that breaks nobody's rules goes through.
    const moved = await ok(patchShift(owner, a.id, { start: at(d, '09:00'), end: at(d, '11:00') }));
    expect(moved.start).toBe(at(d, '09:00'));
  });

  it('counts waiting volunteers too', async () => {
    const d = kyivDate(31);
    const { owner, programId } = await ngoWithProgram(t);
    const full = await createShift(t, owner, programId, shiftInput(d, '10:00', '12:00', { places: 1 }));
    const other = await createShift(t, owner, programId, shiftInput(d, '14:00', '16:00'));
    const first = await volunteer(t);
    const waiting = await volunteer(t);
    await ok(signUp(t, first, full.id), 201);
    expect(await ok(signUp(t, waiting, full.id), 201)).toMatchObject({ status: 'waitlisted' });
    await ok(signUp(t, waiting, other.id), 201);
    const body = expectProblem(
      await patchShift(owner, full.id, { start: at(d, '15:00'), end: at(d, '17:00') }),
      409,
      'shift_overlap',
    );
    expect((body as { volunteers?: number }).volunteers).toBe(1);
  });

  it('refuses a longer shift that takes a volunteer past 12 hours a day (409 daily_hours_exceeded)', async () => {
    const d = kyivDate(32);
    const { owner, programId } = await ngoWithProgram(t);
    const long = await createShift(t, owner, programId, shiftInput(d, '07:00', '17:00'));
    const evening = await createShift(t, owner, programId, shiftInput(d, '18:00', '19:00'));
    const [u1, u2] = [await volunteer(t), await volunteer(t)];
    for (const u of [u1, u2]) {
      await ok(signUp(t, u, long.id), 201);
      await ok(signUp(t, u, evening.id), 201);
    }
    const body = expectProblem(
      await patchShift(owner, evening.id, { end: at(d, '21:30') }),
      409,
      'daily_hours_exceeded',
    );
    expect((body as { volunteers?: number }).volunteers).toBe(2);
    expect((await shiftOf(evening.id)).end).toBe(evening.end);
    await ok(patchShift(owner, evening.id, { end: at(d, '19:00'), start: at(d, '17:30') }));
  });

  it('an edit racing a sign-up: never both, so no volunteer ends up holding overlapping shifts', async () => {
    const rounds = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const d = kyivDate(50 + i);
        const { owner, programId } = await ngoWithProgram(t);
        const a = await createShift(t, owner, programId, shiftInput(d, '09:00', '10:00'));
        const b = await createShift(t, owner, programId, shiftInput(d, '14:00', '16:00'));
        const v = await volunteer(t);
        await ok(signUp(t, v, a.id), 201);
        return { d, owner, a, b, v };
      }),
    );
    const results = await Promise.all(
      rounds.map(async ({ d, owner, a, b, v }) => {
        const [edit, signup] = await Promise.all([
          patchShift(owner, a.id, { start: at(d, '15:00'), end: at(d, '17:00') }),
          signUp(t, v, b.id),
        ]);
        return { edit, signup, v };
      }),
    );
    for (const { edit, signup, v } of results) {
      const passed = [edit.statusCode === 200, signup.statusCode === 201].filter(Boolean);
      expect(passed, `${edit.body} / ${signup.body}`).toHaveLength(1);
      const refused = edit.statusCode === 200 ? signup : edit;
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('shift_overlap');
      const live = await t.db
        .selectFrom('volunteerSignups as x')
        .innerJoin('volunteerShifts as s', 's.id', 'x.shiftId')
        .select(['s.startsAt', 's.endsAt'])
        .where('x.userId', '=', v.id)
        .where('x.status', '!=', 'cancelled')
        .orderBy('s.startsAt')
        .execute();
      for (let k = 1; k < live.length; k++) expect(live[k]!.startsAt >= live[k - 1]!.endsAt).toBe(true);
    }
  });

  it('a room-placed shift must stay inside its booking', async () => {
    const w = await world(t);
    const d = kyivDate(33);
    await bookedSlot(t, w, d, '10:00', '14:00');
    const program = await createProgram(t, w.member, { organizationId: w.orgId });
    const shift = await createShift(
      t,
      w.member,
      program.id,
      shiftInput(d, '10:00', '12:00', { address: undefined, district: undefined, roomId: w.roomId }),
    );
    expectProblem(await patchShift(w.member, shift.id, { end: at(d, '15:00') }), 409, 'outside_booking');
    await ok(patchShift(w.member, shift.id, { end: at(d, '14:00') }));
  });
});

describe('closing a program', () => {
  it('cancels its future shifts, ends their sign-ups, tells the volunteers, and no reminder goes out', async () => {
    const d = kyivDate(12);
    const { owner, programId } = await ngoWithProgram(t);
    const s1 = await createShift(t, owner, programId, shiftInput(d, '10:00', '12:00', { places: 1 }));
    const s2 = await createShift(t, owner, programId, shiftInput(kyivDate(13), '10:00', '12:00'));
    const [held, waiting] = [await volunteer(t), await volunteer(t)];
    const signup = await ok(signUp(t, held, s1.id), 201);
    await ok(signUp(t, waiting, s1.id), 201);
    await ok(signUp(t, waiting, s2.id), 201);
    // A shift already under way is history, not cancelled.
    const started = await createShift(t, owner, programId, shiftInput(kyivDate(14), '10:00', '12:00'));
    await t.db
      .updateTable('volunteerShifts')
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where('id', '=', started.id)
      .execute();

    const closed = await ok(
      inject(t, {
        method: 'PATCH',
        url: url(`/programs/${programId}`),
        as: owner,
        payload: { status: 'closed' },
      }),
    );
    expect(closed.status).toBe('closed');
    for (const s of [s1, s2])
      expect(await shiftOf(s.id)).toMatchObject({ status: 'cancelled', confirmed: 0, waitlisted: 0 });
    expect((await shiftOf(started.id)).status).toBe('published');
    const live = await t.db
      .selectFrom('volunteerSignups')
      .select('id')
      .where('shiftId', 'in', [s1.id, s2.id])
      .where('status', '!=', 'cancelled')
      .execute();
    expect(live).toHaveLength(0);
    expect((await kindsOf(held.id)).filter((k) => k === 'volunteering.shift_cancelled')).toHaveLength(1);
    expect((await kindsOf(waiting.id)).filter((k) => k === 'volunteering.shift_cancelled')).toHaveLength(2);

    // The reminder job made at sign-up finds the sign-up cancelled and sends nothing.
    await shiftReminderHandler(t.db)({ signupId: signup.id, startsAt: s1.start }, {} as never);
    expect(await kindsOf(held.id)).not.toContain(SHIFT_REMINDER_JOB);
    // Nothing signs up any more, and the program stays closed.
    expectProblem(await signUp(t, await volunteer(t), s2.id), 409, 'shift_cancelled');
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/programs/${programId}`),
        as: owner,
        payload: { status: 'published' },
      }),
      409,
      'invalid_transition',
    );
  });

  it('only the program’s people close it; a refused close cancels nothing', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const s = await createShift(t, owner, programId, shiftInput(kyivDate(12), '14:00', '16:00'));
    const stranger = await createUser(t);
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/programs/${programId}`),
        as: stranger,
        payload: { status: 'closed' },
      }),
      403,
      'forbidden',
    );
    expect((await shiftOf(s.id)).status).toBe('published');
  });
});

describe('rooms for programs without an organisation', () => {
  it('a hub’s program holds a room of its hub where no booking or closure is; others get room_requires_organization', async () => {
    const w = await world(t);
    const d = kyivDate(16);
    await bookedSlot(t, w, d, '10:00', '12:00');
    const program = await createProgram(t, w.manager, { hubId: w.hubId });
    await publish(t, w.manager, program.id);
    const inRoom = (from: string, to: string, roomId = w.roomId) =>
      shiftInput(d, from, to, { address: undefined, district: undefined, roomId });
    const shift = await createShift(t, w.manager, program.id, inRoom('13:00', '15:00'));
    expect(shift).toMatchObject({ roomId: w.roomId, bookingId: null, district: 'obolonskyi' });
    const clash = expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${program.id}/shifts`),
        as: w.manager,
        payload: inRoom('11:00', '13:00'),
      }),
      409,
      'booking_conflict',
    );
    expect((clash as { conflicts?: unknown }).conflicts).toEqual([
      { start: at(d, '10:00'), end: at(d, '12:00') },
    ]);
    // Moving the hub's shift onto the booking is refused too.
    expectProblem(await patchShift(w.manager, shift.id, { start: at(d, '11:30') }), 409, 'booking_conflict');

    // A closure of the room (an air-raid shelter drill, a power cut) holds it too.
    const closure = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${w.hubId}/closures`,
      as: w.manager,
      payload: {
        roomId: w.bigRoomId,
        start: at(d, '17:00'),
        end: at(d, '18:00'),
        reason: 'Відключення світла',
      },
    });
    expect(closure.statusCode, closure.body).toBeLessThan(300);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${program.id}/shifts`),
        as: w.manager,
        payload: inRoom('17:30', '18:30', w.bigRoomId),
      }),
      409,
      'booking_conflict',
    );

    // A room of another hub: the hub does not run it.
    const otherRoom = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${w.otherHubId}/rooms`,
      as: w.admin,
      payload: { name: { uk: 'Кімната', en: 'Room' }, capacity: 10 },
    });
    expect(otherRoom.statusCode).toBe(201);
    const before = await t.db
      .selectFrom('volunteerShifts')
      .select('id')
      .where('programId', '=', program.id)
      .execute();
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${program.id}/shifts`),
        as: w.manager,
        payload: inRoom('13:00', '15:00', otherRoom.json().id),
      }),
      400,
      'room_requires_organization',
    );
    // A district's program has no way to hold a room.
    const districtProgram = await createProgram(t, w.districtAdmin, { ownerDistrict: 'obolonskyi' });
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${districtProgram.id}/shifts`),
        as: w.districtAdmin,
        payload: inRoom('16:00', '17:00'),
      }),
      400,
      'room_requires_organization',
    );
    const after = await t.db
      .selectFrom('volunteerShifts')
      .select('id')
      .where('programId', '=', program.id)
      .execute();
    expect(after).toHaveLength(before.length);
  });
});
