// Rosters, attendance and hours: attendance becomes approved hours, a no-show none; volunteers
// log other work as pending; only the program's coordinators decide, decisions are final and
// audited; a volunteer sees only their own sign-ups and hours.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, expectProblem, inject, type TestApp } from './helper';
import {
  createShift,
  kyivDate,
  ngoWithProgram,
  ok,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});

const url = (p: string) => `/api/v1${p}`;

/** Moves a shift so it started an hour ago (it lasted `minutes`). */
async function started(shiftId: string, minutes = 180) {
  const start = new Date(Date.now() - 3_600_000);
  await t.db
    .updateTable('volunteerShifts')
    .set({ startsAt: start, endsAt: new Date(start.getTime() + minutes * 60_000) })
    .where('id', '=', shiftId)
    .execute();
}

describe('roster and attendance', () => {
  it('coordinators see the roster and record attendance; a present volunteer gets approved hours, a no-show none', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(
      t,
      owner,
      programId,
      shiftInput(kyivDate(30), '10:00', '13:00', { places: 2 }),
    );
    const [a, b, c] = [await volunteer(t), await volunteer(t), await volunteer(t)];
    for (const v of [a, b, c]) await ok(signUp(t, v, shift.id), 201);

    const other = await ngoWithProgram(t);
    expectProblem(
      await inject(t, {
        method: 'GET',
        url: url(`/volunteering/shifts/${shift.id}/roster`),
        as: other.owner,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: url(`/volunteering/shifts/${shift.id}/roster`), as: a }),
      403,
      'forbidden',
    );
    const list = (
      await ok(inject(t, { method: 'GET', url: url(`/volunteering/shifts/${shift.id}/roster`), as: owner }))
    ).items;
    type Row = { userId: string; status: string; position: number | null; present: boolean | null };
    const byUser = (rows: Row[]) =>
      Object.fromEntries(rows.map((r) => [r.userId, [r.status, r.position, r.present]]));
    expect(byUser(list)).toEqual({
      [a.id]: ['confirmed', null, null],
      [b.id]: ['confirmed', null, null],
      [c.id]: ['waitlisted', 1, null],
    });
    expect(list[2].userId).toBe(c.id);
    const signupOf = (id: string) => list.find((r: { userId: string }) => r.userId === id).signupId as string;

    const mark = (entries: { signupId: string; present: boolean }[], as = owner) =>
      inject(t, {
        method: 'POST',
        url: url(`/volunteering/shifts/${shift.id}/attendance`),
        as,
        payload: { entries },
      });
    expectProblem(await mark([{ signupId: signupOf(a.id), present: true }]), 409, 'attendance_too_early');
    await started(shift.id);
    expectProblem(await mark([{ signupId: signupOf(a.id), present: true }], other.owner), 403, 'forbidden');
    // Only confirmed sign-ups of this shift.
    expectProblem(await mark([{ signupId: signupOf(c.id), present: true }]), 404, 'not_found');
    const after = await ok(
      mark([
        { signupId: signupOf(a.id), present: true },
        { signupId: signupOf(b.id), present: false },
      ]),
    );
    expect(byUser(after.items)).toEqual({
      [a.id]: ['confirmed', null, true],
      [b.id]: ['confirmed', null, false],
      [c.id]: ['waitlisted', 1, null],
    });
    // Marking again is harmless; taking back an attendance whose hours are approved is not.
    await ok(mark([{ signupId: signupOf(a.id), present: true }]));
    expectProblem(await mark([{ signupId: signupOf(a.id), present: false }]), 409, 'hours_final');

    const mineA = await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: a }));
    expect(mineA.hours).toMatchObject({ approvedMinutes: 180, pendingMinutes: 0 });
    expect(mineA.hours.entries).toEqual([
      expect.objectContaining({ source: 'attendance', status: 'approved', minutes: 180, shiftId: shift.id }),
    ]);
    // Each entry names its program, so the volunteer's list reads without another request.
    const program = await ok(inject(t, { method: 'GET', url: url(`/volunteering/programs/${programId}`) }));
    expect(mineA.hours.entries[0].programTitle).toEqual(program.title);
    const mineB = await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: b }));
    expect(mineB.hours).toMatchObject({ approvedMinutes: 0, entries: [] });
  });
});

describe('finding a volunteer in the roster', () => {
  it('by part of the name or by the short code their profile shows them', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(t, owner, programId, shiftInput(kyivDate(31), '10:00', '12:00'));
    const [a, b] = [await volunteer(t), await volunteer(t)];
    for (const v of [a, b]) await ok(signUp(t, v, shift.id), 201);
    const code = (await ok(inject(t, { method: 'GET', url: url('/me/volunteer-profile'), as: b }))).code;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const roster = async (q: string) =>
      (
        (await ok(
          inject(t, {
            method: 'GET',
            url: url(`/volunteering/shifts/${shift.id}/roster?q=${encodeURIComponent(q)}`),
            as: owner,
          }),
        )) as { items: { userId: string; code: string }[] }
      ).items;
    expect((await roster(code)).map((r) => r.userId)).toEqual([b.id]);
    expect((await roster(code.toLowerCase())).map((r) => r.userId)).toEqual([b.id]);
    expect((await roster(a.email.split('@')[0]!.toUpperCase())).map((r) => r.userId)).toEqual([a.id]);
    expect((await roster('')).map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    expect(await roster('%')).toEqual([]);
    expect((await roster(''))[0]!.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });
});

describe('hours', () => {
  it('self-reported hours are pending; only the program’s coordinators decide; decisions are final and audited', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const other = await ngoWithProgram(t);
    const v = await volunteer(t);
    const w = await volunteer(t);
    const log = (as: typeof v, minutes: number) =>
      ok(
        inject(t, {
          method: 'POST',
          url: url('/me/volunteering/hours'),
          as,
          payload: { programId, date: kyivDate(-2), minutes, description: 'Сортування речей на складі' },
        }),
        201,
      );
    const e1 = await log(v, 120);
    expect(e1).toMatchObject({
      status: 'pending',
      source: 'self_reported',
      minutes: 120,
      date: kyivDate(-2),
    });
    const e2 = await log(v, 60);
    const e3 = await log(w, 30);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/me/volunteering/hours'),
        as: v,
        payload: { programId, date: kyivDate(3), minutes: 60, description: 'Завтрашня робота' },
      }),
      400,
      'hours_in_future',
    );

    // The volunteer sees only their own.
    const mine = await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: v }));
    expect(mine.hours.entries.map((e: { id: string }) => e.id).sort()).toEqual([e1.id, e2.id].sort());
    expect(mine.hours).toMatchObject({ approvedMinutes: 0, pendingMinutes: 180 });

    const approve = (id: string, as: typeof v) =>
      inject(t, { method: 'POST', url: url(`/volunteering/hours/${id}/approve`), as });
    expectProblem(await approve(e1.id, v), 403, 'forbidden');
    expectProblem(await approve(e1.id, other.owner), 403, 'forbidden');
    expectProblem(
      await inject(t, {
        method: 'GET',
        url: url(`/volunteering/programs/${programId}/hours`),
        as: other.owner,
      }),
      403,
      'forbidden',
    );
    const pending = await ok(
      inject(t, {
        method: 'GET',
        url: url(`/volunteering/programs/${programId}/hours?status=pending`),
        as: owner,
      }),
    );
    expect(pending.total).toBe(3);
    expect(pending.totals).toEqual({ approvedMinutes: 0, pendingMinutes: 210, volunteers: 0 });

    expect(await ok(approve(e1.id, owner))).toMatchObject({ status: 'approved' });
    const afterOne = await ok(
      inject(t, { method: 'GET', url: url(`/volunteering/programs/${programId}/hours`), as: owner }),
    );
    expect(afterOne.totals).toEqual({ approvedMinutes: 120, pendingMinutes: 90, volunteers: 1 });
    expectProblem(await approve(e1.id, owner), 409, 'hours_final');
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/volunteering/hours/${e1.id}/reject`),
        as: owner,
        payload: { reason: 'Передумали' },
      }),
      409,
      'hours_final',
    );
    const rejected = await ok(
      inject(t, {
        method: 'POST',
        url: url(`/volunteering/hours/${e2.id}/reject`),
        as: owner,
        payload: { reason: 'Не наша програма' },
      }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Не наша програма' });

    // Bulk: all or none.
    const e4 = await log(w, 45);
    const decisions = (payload: object, as = owner) =>
      inject(t, { method: 'POST', url: url('/volunteering/hours/decisions'), as, payload });
    expectProblem(await decisions({ ids: [e3.id, e4.id], decision: 'reject' }), 400, 'validation_failed');
    expectProblem(await decisions({ ids: [e3.id, e1.id], decision: 'approve' }), 409, 'hours_final');
    expectProblem(
      await decisions({ ids: [e3.id, e4.id], decision: 'approve' }, other.owner),
      403,
      'forbidden',
    );
    const bulk = await ok(decisions({ ids: [e3.id, e4.id], decision: 'approve' }));
    expect(bulk.items.map((e: { status: string }) => e.status)).toEqual(['approved', 'approved']);

    expect((await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: w }))).hours).toMatchObject(
      {
        approvedMinutes: 75,
        pendingMinutes: 0,
      },
    );
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'targetId', 'actorId'])
      .where('targetId', 'in', [e1.id, e2.id, e3.id, e4.id])
      .where('action', 'like', 'volunteering.hours_%ed')
      .execute();
    expect(
      audit
        .filter((x) => x.action !== 'volunteering.hours_logged')
        .map((x) => [x.targetId, x.action])
        .sort(),
    ).toEqual(
      [
        [e1.id, 'volunteering.hours_approved'],
        [e2.id, 'volunteering.hours_rejected'],
        [e3.id, 'volunteering.hours_approved'],
        [e4.id, 'volunteering.hours_approved'],
      ].sort(),
    );
    expect(audit.every((x) => x.action === 'volunteering.hours_logged' || x.actorId === owner.id)).toBe(true);
  });

  it('a stranger cannot decide hours, nor a coordinator their own; unknown entries are 404', async () => {
    const stranger = await createUser(t);
    const { owner, programId } = await ngoWithProgram(t);
    const v = await volunteer(t);
    const e = await ok(
      inject(t, {
        method: 'POST',
        url: url('/me/volunteering/hours'),
        as: v,
        payload: { programId, date: kyivDate(0), minutes: 30, description: 'Чергування' },
      }),
      201,
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/volunteering/hours/decisions'),
        as: stranger,
        payload: { ids: [e.id], decision: 'approve' },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/volunteering/hours/decisions'),
        as: stranger,
        payload: { ids: ['00000000-0000-4000-a000-000000000000'], decision: 'approve' },
      }),
      404,
      'not_found',
    );
    // A coordinator does not approve their own hours.
    const own = await ok(
      inject(t, {
        method: 'POST',
        url: url('/me/volunteering/hours'),
        as: owner,
        payload: { programId, date: kyivDate(0), minutes: 30, description: 'Координація' },
      }),
      201,
    );
    expectProblem(
      await inject(t, { method: 'POST', url: url(`/volunteering/hours/${own.id}/approve`), as: owner }),
      403,
      'forbidden',
    );
  });
});
