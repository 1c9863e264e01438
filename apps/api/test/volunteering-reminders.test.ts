// Shift reminders (issue 9): a confirmed sign-up gets one `volunteering.shift_reminder` job due
// 24 hours before the shift; it sends once (also with two workers or run twice), not after a
// withdrawal or a cancelled shift, to a volunteer promoted from the waiting list, only for the
// shift's current start after it moved, and after a restart. Time is moved by setting `run_at`.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/database';
import { JobWorker } from '../src/jobs/worker';
import { SHIFT_REMINDER_JOB, shiftReminderHandler } from '../src/modules/volunteering/reminders';
import { buildTestApp, inject, TEST_DATABASE_URL, type TestApp, type TestUser } from './helper';
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
let second: DatabaseHandle | null = null;
const secondDb = () => second?.db ?? t.db;

beforeAll(async () => {
  // The app's own worker polls once at start, then not for an hour: the tests run the jobs.
  t = await buildTestApp({ jobsPollIntervalMs: 3_600_000 });
  if (TEST_DATABASE_URL) second = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 4 });
});
afterAll(async () => {
  await t.app.close();
  await second?.close();
});

const url = (p: string) => `/api/v1/volunteering${p}`;
const worker = (db = t.db) =>
  new JobWorker({ db, handlers: { [SHIFT_REMINDER_JOB]: shiftReminderHandler(db) }, pollIntervalMs: 20 });

const jobsOf = (signupId: string) =>
  t.db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', SHIFT_REMINDER_JOB)
    .where('dedupeKey', 'like', `${SHIFT_REMINDER_JOB}:${signupId}:%`)
    .orderBy('id')
    .execute();

const remindersOf = (u: TestUser) =>
  t.db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', u.id)
    .where('kind', '=', SHIFT_REMINDER_JOB)
    .execute();

/** Moves the clock for these jobs: they are due now. */
async function makeDue(signupId: string) {
  await t.db
    .updateTable('jobs')
    .set({ runAt: new Date(Date.now() - 1_000) })
    .where('dedupeKey', 'like', `${SHIFT_REMINDER_JOB}:${signupId}:%`)
    .execute();
}

/** Runs workers until every reminder job of the sign-up is done (on PostgreSQL other test processes' workers may take some). */
async function deliver(signupId: string, workers = [worker()]) {
  // A limit for a hung test only: on a busy machine other processes' workers may be slow too.
  const end = Date.now() + 60_000;
  for (;;) {
    await Promise.all(workers.map((w) => w.runOnce()));
    const jobs = await jobsOf(signupId);
    if (jobs.every((j) => j.doneAt !== null)) return jobs;
    if (Date.now() > end) throw new Error('reminder jobs not done in time');
    await sleep(25);
  }
}

async function confirmedVolunteer(places = 5, date = kyivDate(10)) {
  const { owner, programId } = await ngoWithProgram(t);
  const shift = await createShift(t, owner, programId, shiftInput(date, '10:00', '13:00', { places }));
  const u = await volunteer(t);
  const s = await ok(signUp(t, u, shift.id), 201);
  return { owner, programId, shift, u, signupId: s.id as string, status: s.status as string };
}

describe('shift reminders', () => {
  it('is due 24 hours before the start, not before, and tells the place, Kyiv time and cancel link', async () => {
    const { shift, u, signupId, status } = await confirmedVolunteer();
    expect(status).toBe('confirmed');
    const [job, ...more] = await jobsOf(signupId);
    expect(more).toHaveLength(0);
    expect(job!.runAt.getTime()).toBe(Date.parse(shift.start) - 24 * 3_600_000);
    expect(job!.dedupeKey).toBe(`${SHIFT_REMINDER_JOB}:${signupId}:${shift.start}`);

    // Not yet due: nothing is claimed, also a minute before its time.
    expect(await worker().runOnce()).toBe(0);
    await t.db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() + 60_000) })
      .where('id', '=', job!.id)
      .execute();
    expect(await worker().runOnce()).toBe(0);
    expect(await remindersOf(u)).toHaveLength(0);
    expect((await jobsOf(signupId))[0]!.doneAt).toBeNull();

    await makeDue(signupId);
    await deliver(signupId);
    const notes = await remindersOf(u);
    expect(notes).toHaveLength(1);
    const n = notes[0]!;
    expect(n.link).toBe(`/volunteering/shifts/${shift.id}`);
    // The day as people say it, in Kyiv time: «12 грудня 2026 р. о 10:00», "12 December 2026 at 10:00".
    const [y, m, d] = kyivDate(10).split('-').map(Number) as [number, number, number];
    const uk = [
      'січня',
      'лютого',
      'березня',
      'квітня',
      'травня',
      'червня',
      'липня',
      'серпня',
      'вересня',
      'жовтня',
      'листопада',
      'грудня',
    ];
    const en = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    expect(n.bodyUk).toContain(`Початок ${d} ${uk[m - 1]} ${y} р. о 10:00 (за київським часом)`);
    expect(n.bodyEn).toContain(`Starts ${d} ${en[m - 1]} ${y} at 10:00 (Kyiv time)`);
    expect(n.bodyUk).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(n.bodyEn).toContain('Kyiv time');
    expect(n.bodyUk).toContain('вул. Героїв Дніпра, 10');
    expect(n.bodyEn).toContain(`/volunteering/shifts/${shift.id}`);
    expect(n.data).toMatchObject({ shiftId: shift.id, signupId, startsAt: shift.start });
  });

  it('a shift less than 24 hours away is reminded at once', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const start = new Date(Date.now() + 3 * 3_600_000);
    const shift = await createShift(t, owner, programId, {
      ...shiftInput(kyivDate(10), '10:00', '12:00'),
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
    });
    const u = await volunteer(t);
    const s = await ok(signUp(t, u, shift.id), 201);
    const [job] = await jobsOf(s.id);
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    await deliver(s.id);
    expect(await remindersOf(u)).toHaveLength(1);
  });

  it('is sent once with two workers, and once when a job runs twice', async () => {
    const { u, signupId } = await confirmedVolunteer();
    await makeDue(signupId);
    await deliver(signupId, [worker(), worker(secondDb())]);
    expect(await remindersOf(u)).toHaveLength(1);

    // A worker that lost its lease runs the job again: still one reminder.
    const [job] = await jobsOf(signupId);
    const run = shiftReminderHandler(t.db);
    const run2 = shiftReminderHandler(secondDb());
    const claimed = {
      id: job!.id,
      kind: job!.kind,
      payload: job!.payload,
      attempts: 2,
      maxAttempts: 5,
      lockedBy: 'x',
    };
    await Promise.all([run(job!.payload, claimed), run2(job!.payload, claimed)]);
    expect(await remindersOf(u)).toHaveLength(1);
  });

  it('none after the volunteer withdraws or the shift is cancelled', async () => {
    const a = await confirmedVolunteer();
    await ok(inject(t, { method: 'DELETE', url: url(`/shifts/${a.shift.id}/signups/me`), as: a.u }), 204);
    await makeDue(a.signupId);
    await deliver(a.signupId);
    expect(await remindersOf(a.u)).toHaveLength(0);

    const b = await confirmedVolunteer();
    await ok(
      inject(t, {
        method: 'POST',
        url: url(`/shifts/${b.shift.id}/cancel`),
        as: b.owner,
        payload: { reason: 'Негода' },
      }),
    );
    await makeDue(b.signupId);
    await deliver(b.signupId);
    expect(await remindersOf(b.u)).toHaveLength(0);
  });

  it('a volunteer promoted from the waiting list gets one', async () => {
    const a = await confirmedVolunteer(1);
    const b = await volunteer(t);
    const waiting = await ok(signUp(t, b, a.shift.id), 201);
    expect(waiting.status).toBe('waitlisted');
    expect(await jobsOf(waiting.id)).toHaveLength(0);
    await ok(inject(t, { method: 'DELETE', url: url(`/shifts/${a.shift.id}/signups/me`), as: a.u }), 204);
    expect(await jobsOf(waiting.id)).toHaveLength(1);
    await makeDue(waiting.id);
    await makeDue(a.signupId);
    await deliver(waiting.id);
    await deliver(a.signupId);
    expect(await remindersOf(b)).toHaveLength(1);
    expect(await remindersOf(a.u)).toHaveLength(0);
  });

  it('after the shift moves only the reminder for the new time is sent', async () => {
    const { owner, shift, u, signupId } = await confirmedVolunteer();
    const moved = shiftInput(kyivDate(12), '15:00', '18:00');
    await ok(
      inject(t, {
        method: 'PATCH',
        url: url(`/shifts/${shift.id}`),
        as: owner,
        payload: { start: moved.start, end: moved.end },
      }),
    );
    const jobs = await jobsOf(signupId);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.runAt.getTime()).toBe(Date.parse(moved.start) - 24 * 3_600_000);
    // An edit that does not move the shift enqueues nothing new.
    await ok(
      inject(t, { method: 'PATCH', url: url(`/shifts/${shift.id}`), as: owner, payload: { task: 'Інше' } }),
    );
    expect(await jobsOf(signupId)).toHaveLength(2);

    await makeDue(signupId);
    await deliver(signupId);
    const notes = await remindersOf(u);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ startsAt: new Date(moved.start).toISOString() });
  });

  it('survives a restart: a reminder enqueued by a closed app is sent by the next one', async () => {
    const first = await buildTestApp({ jobsPollIntervalMs: 3_600_000 });
    const { owner, programId } = await ngoWithProgram(first);
    const shift = await createShift(first, owner, programId, shiftInput(kyivDate(10), '10:00', '12:00'));
    const u = await volunteer(first);
    const s = await ok(signUp(first, u, shift.id), 201);
    await first.app.close();
    await makeDue(s.id);

    // The next process (on PostgreSQL a pool of its own) with its own worker polling.
    const next = await buildTestApp({ jobsPollIntervalMs: 20 }, { db: secondDb() });
    try {
      const end = Date.now() + 60_000;
      while ((await remindersOf(u)).length === 0) {
        if (Date.now() > end) throw new Error('no reminder after the restart');
        await sleep(25);
      }
      expect(await remindersOf(u)).toHaveLength(1);
    } finally {
      await next.app.close();
    }
  });
});
