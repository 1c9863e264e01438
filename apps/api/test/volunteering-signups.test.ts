// Signing up for shifts: the guard rails (profile, age, briefing, overlap, 12 hours a day, closing
// at the start) and the gapless waiting list with move-up on withdrawal.
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

describe('guard rails', () => {
  it('a volunteer profile is needed, and it keeps the time consent was given', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(t, owner, programId, shiftInput(kyivDate(20), '10:00', '12:00'));
    const u = await createUser(t);
    expectProblem(await signUp(t, u, shift.id), 403, 'volunteer_profile_required');
    expectProblem(
      await inject(t, { method: 'GET', url: url('/me/volunteer-profile'), as: u }),
      404,
      'not_found',
    );
    const profile = {
      skills: ['first aid'],
      languages: ['uk', 'en'],
      districts: ['podilskyi'],
      birthYear: 1999,
    };
    const saved = await ok(
      inject(t, {
        method: 'PUT',
        url: url('/me/volunteer-profile'),
        as: u,
        payload: { ...profile, consentToContact: true },
      }),
    );
    expect(saved.consentGivenAt).not.toBeNull();
    const again = await ok(
      inject(t, {
        method: 'PUT',
        url: url('/me/volunteer-profile'),
        as: u,
        payload: { ...profile, consentToContact: true },
      }),
    );
    expect(again.consentGivenAt).toBe(saved.consentGivenAt);
    const withdrawn = await ok(
      inject(t, {
        method: 'PUT',
        url: url('/me/volunteer-profile'),
        as: u,
        payload: { ...profile, consentToContact: false },
      }),
    );
    expect(withdrawn.consentGivenAt).toBeNull();
    expect(await ok(signUp(t, u, shift.id), 201)).toMatchObject({ status: 'confirmed' });
    expectProblem(await signUp(t, u, shift.id), 409, 'already_registered');
  });

  it('under the program’s minimum age is 403 age_requirement', async () => {
    const { owner, programId } = await ngoWithProgram(t, { minAge: 18 });
    const shift = await createShift(t, owner, programId, shiftInput(kyivDate(20), '10:00', '12:00'));
    const shiftYear = Number(kyivDate(20).slice(0, 4));
    const young = await volunteer(t, shiftYear - 16);
    const body = expectProblem(await signUp(t, young, shift.id), 403, 'age_requirement');
    expect(body.detail).toContain('18');
    const adult = await volunteer(t, shiftYear - 18);
    await ok(signUp(t, adult, shift.id), 201);
  });

  it('a briefing must be acknowledged before the first shift', async () => {
    const { owner, programId } = await ngoWithProgram(t, { briefing: 'Працюємо лише в рукавичках.' });
    const shift = await createShift(t, owner, programId, shiftInput(kyivDate(21), '10:00', '12:00'));
    const v = await volunteer(t);
    expectProblem(await signUp(t, v, shift.id), 409, 'briefing_required');
    const ack = await ok(
      inject(t, {
        method: 'POST',
        url: url(`/volunteering/programs/${programId}/briefing/acknowledge`),
        as: v,
      }),
    );
    expect(ack.briefingAcknowledged).toBe(true);
    await ok(signUp(t, v, shift.id), 201);
  });

  it('an overlapping shift, held or waited for, is 409 shift_overlap', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const d = kyivDate(22);
    const full = await createShift(t, owner, programId, shiftInput(d, '10:00', '12:00', { places: 1 }));
    const other = await ngoWithProgram(t);
    const overlapping = await createShift(t, other.owner, other.programId, shiftInput(d, '11:00', '13:00'));
    const after = await createShift(t, other.owner, other.programId, shiftInput(d, '12:00', '13:00'));
    await ok(signUp(t, await volunteer(t), full.id), 201);
    const v = await volunteer(t);
    expect(await ok(signUp(t, v, full.id), 201)).toMatchObject({ status: 'waitlisted', position: 1 });
    expectProblem(await signUp(t, v, overlapping.id), 409, 'shift_overlap');
    // Back to back is fine.
    await ok(signUp(t, v, after.id), 201);
    // Withdrawn from the waiting list, the overlapping one is free to take.
    await ok(
      inject(t, { method: 'DELETE', url: url(`/volunteering/shifts/${full.id}/signups/me`), as: v }),
      204,
    );
    expectProblem(await signUp(t, v, overlapping.id), 409, 'shift_overlap'); // still overlaps 12:00–13:00
  });

  it('more than 12 hours of shifts on one Kyiv day is 409 daily_hours_exceeded', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const d = kyivDate(23);
    const morning = await createShift(t, owner, programId, shiftInput(d, '06:00', '13:00'));
    const evening = await createShift(t, owner, programId, shiftInput(d, '14:00', '20:00'));
    const short = await createShift(t, owner, programId, shiftInput(d, '20:00', '21:00'));
    const v = await volunteer(t);
    await ok(signUp(t, v, morning.id), 201);
    expectProblem(await signUp(t, v, evening.id), 409, 'daily_hours_exceeded');
    // 7 h + 1 h is within the limit.
    await ok(signUp(t, v, short.id), 201);
  });

  it('sign-up closes when the shift starts', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(t, owner, programId, shiftInput(kyivDate(24), '10:00', '12:00'));
    await t.db
      .updateTable('volunteerShifts')
      .set({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where('id', '=', shift.id)
      .execute();
    expectProblem(await signUp(t, await volunteer(t), shift.id), 409, 'signup_closed');
  });
});

describe('the waiting list', () => {
  it('is numbered 1..N; a withdrawal moves #1 up, tells them, and closes the gap', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(
      t,
      owner,
      programId,
      shiftInput(kyivDate(25), '10:00', '12:00', { places: 2 }),
    );
    const vs = [];
    for (let i = 0; i < 5; i++) vs.push(await volunteer(t));
    const results = [];
    for (const v of vs) results.push(await ok(signUp(t, v, shift.id), 201));
    expect(results.map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    expect(results.slice(2).map((r) => r.position)).toEqual([1, 2, 3]);

    const mine = await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: vs[3]! }));
    expect(mine.shifts).toEqual([expect.objectContaining({ status: 'waitlisted', position: 2 })]);

    await ok(
      inject(t, { method: 'DELETE', url: url(`/volunteering/shifts/${shift.id}/signups/me`), as: vs[0]! }),
      204,
    );
    const notes = await t.db
      .selectFrom('notifications')
      .select(['kind', 'data'])
      .where('userId', '=', vs[2]!.id)
      .execute();
    expect(notes).toEqual([expect.objectContaining({ kind: 'volunteering.promoted' })]);
    const positions = await Promise.all(
      vs
        .slice(2)
        .map(
          async (v) =>
            (await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: v }))).shifts[0],
        ),
    );
    expect(positions.map((s) => [s.status, s.position])).toEqual([
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // A waiting volunteer's withdrawal renumbers the rest.
    await ok(
      inject(t, { method: 'DELETE', url: url(`/volunteering/shifts/${shift.id}/signups/me`), as: vs[3]! }),
      204,
    );
    const last = await ok(inject(t, { method: 'GET', url: url('/me/volunteering'), as: vs[4]! }));
    expect(last.shifts[0]).toMatchObject({ status: 'waitlisted', position: 1 });
    expectProblem(
      await inject(t, {
        method: 'DELETE',
        url: url(`/volunteering/shifts/${shift.id}/signups/me`),
        as: vs[3]!,
      }),
      404,
      'not_registered',
    );
    const view = await ok(inject(t, { method: 'GET', url: url(`/volunteering/shifts/${shift.id}`) }));
    expect(view).toMatchObject({ confirmed: 2, waitlisted: 1, placesLeft: 0 });
  });
});
