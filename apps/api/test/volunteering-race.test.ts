// "Places and waiting positions stay exact however many volunteers sign up at once, through
// however many API processes; one volunteer racing for two overlapping shifts gets one." Against
// PostgreSQL: two real API processes, 100 simultaneous sign-ups for 10 places. On the embedded
// database: the same claims through one process.
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './api-process';
import {
  buildTestApp,
  createUser,
  TEST_DATABASE_URL,
  type TestApp,
  type TestUser,
  testConfig,
} from './helper';
import { createShift, kyivDate, ngoWithProgram, shiftInput, volunteer } from './volunteering-fixture';
import { newShortCode } from '../src/db/short-code';

const processes: ApiProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
});

let started: Promise<string[]> | null = null;
const twoProcesses = () =>
  (started ??= Promise.all(
    [0, 1].map(async () => {
      const p = await startApiProcess({
        DATABASE_URL: TEST_DATABASE_URL!,
        JWT_SECRET: testConfig().jwtSecret,
        DEMO_DATA: '0',
        RATE_LIMIT_MAX: '1000000',
        RATE_LIMIT_ANONYMOUS_MAX: '1000000',
      });
      processes.push(p);
      return p.url;
    }),
  ));

/** Many accounts with volunteer profiles, made straight in the database. */
async function volunteers(t: TestApp, n: number): Promise<TestUser[]> {
  const out: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser(t);
    await t.db
      .insertInto('volunteerProfiles')
      .values({
        userId: u.id,
        code: newShortCode(),
        skills: [],
        languages: ['uk'],
        districts: [],
        birthYear: 1990,
        consentToContact: false,
        consentGivenAt: null,
      })
      .execute();
    out.push(u);
  }
  return out;
}

type Send = (
  i: number,
  as: TestUser,
  path: string,
  method?: string,
) => Promise<{ status: number; body: any }>;

const viaInject =
  (t: TestApp): Send =>
  async (_i, as, path, method = 'POST') => {
    const res = await t.app.inject({
      method: method as 'POST',
      url: `/api/v1${path}`,
      headers: { authorization: `Bearer ${as.token}` },
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
const viaProcesses =
  (urls: string[]): Send =>
  async (i, as, path, method = 'POST') => {
    const res = await fetch(`${urls[i % urls.length]}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${as.token}` },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

async function manyForFewPlaces(t: TestApp, send: Send, people: number, places: number, day: number) {
  const { owner, programId } = await ngoWithProgram(t);
  const shift = await createShift(
    t,
    owner,
    programId,
    shiftInput(kyivDate(day), '10:00', '12:00', { places }),
  );
  const vs = await volunteers(t, people);
  const results = await Promise.all(vs.map((v, i) => send(i, v, `/volunteering/shifts/${shift.id}/signups`)));
  expect(results.filter((r) => r.status >= 500)).toEqual([]);
  expect(results.map((r) => r.status)).toEqual(Array(people).fill(201));
  expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(places);
  const positions = results
    .filter((r) => r.body.status === 'waitlisted')
    .map((r) => r.body.position as number)
    .sort((a, b) => a - b);
  expect(positions).toEqual(Array.from({ length: people - places }, (_, i) => i + 1));

  // One confirmed volunteer withdraws: #1 moves up, everyone else moves one place forward.
  const firstWaiting = vs[results.findIndex((r) => r.body.position === 1)]!;
  const leaver = vs[results.findIndex((r) => r.body.status === 'confirmed')]!;
  expect((await send(0, leaver, `/volunteering/shifts/${shift.id}/signups/me`, 'DELETE')).status).toBe(204);
  const rows = await t.db
    .selectFrom('volunteerSignups')
    .select(['userId', 'status', 'position'])
    .where('shiftId', '=', shift.id)
    .where('status', '!=', 'cancelled')
    .execute();
  expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(places);
  expect(rows.find((r) => r.userId === firstWaiting.id)).toMatchObject({
    status: 'confirmed',
    position: null,
  });
  expect(
    rows
      .filter((r) => r.status === 'waitlisted')
      .map((r) => r.position)
      .sort((a, b) => a! - b!),
  ).toEqual(Array.from({ length: people - places - 1 }, (_, i) => i + 1));
  const told = await t.db
    .selectFrom('notifications')
    .select('kind')
    .where('userId', '=', firstWaiting.id)
    .where('kind', '=', 'volunteering.promoted')
    .execute();
  expect(told).toHaveLength(1);
}

async function oneVolunteerTwoShifts(t: TestApp, send: Send, day: number) {
  const { owner, programId } = await ngoWithProgram(t);
  const a = await createShift(t, owner, programId, shiftInput(kyivDate(day), '10:00', '12:00'));
  const b = await createShift(t, owner, programId, shiftInput(kyivDate(day), '11:00', '13:00'));
  const v = await volunteer(t);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => send(i, v, `/volunteering/shifts/${i % 2 ? a.id : b.id}/signups`)),
  );
  expect(results.filter((r) => r.status >= 500)).toEqual([]);
  expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  expect(
    results
      .filter((r) => r.status !== 201)
      .map((r) => r.body.code)
      .every((c) => c === 'shift_overlap' || c === 'already_registered'),
  ).toBe(true);
  const held = await t.db
    .selectFrom('volunteerSignups')
    .select('id')
    .where('userId', '=', v.id)
    .where('status', '!=', 'cancelled')
    .execute();
  expect(held).toHaveLength(1);
}

describe('racing sign-ups', () => {
  it.runIf(TEST_DATABASE_URL)(
    '100 simultaneous sign-ups from 100 accounts for 10 places, through two API processes',
    async () => {
      const t = await buildTestApp();
      await manyForFewPlaces(t, viaProcesses(await twoProcesses()), 100, 10, 40);
    },
    300_000,
  );
  it.runIf(TEST_DATABASE_URL)(
    'one volunteer racing for two overlapping shifts through two API processes gets exactly one',
    async () => {
      const t = await buildTestApp();
      await oneVolunteerTwoShifts(t, viaProcesses(await twoProcesses()), 41);
    },
    300_000,
  );
  it('20 simultaneous sign-ups for 4 places to one process', async () => {
    const t = await buildTestApp();
    await manyForFewPlaces(t, viaInject(t), 20, 4, 42);
  }, 300_000);
  it('one volunteer racing for two overlapping shifts in one process gets exactly one', async () => {
    const t = await buildTestApp();
    await oneVolunteerTwoShifts(t, viaInject(t), 43);
  }, 300_000);
});
