// "Two confirmed or pending bookings of one room never overlap — however many requests race,
// from however many API processes." Against PostgreSQL: two real API processes, 60 simultaneous
// overlapping requests. On the embedded database: 60 simultaneous requests to one process.
// The monthly quota holds the same way: it is checked under the room's lock, in the transaction
// that writes the booking.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { at, kyivDate, world } from './booking-fixture';
import { buildTestApp, TEST_DATABASE_URL, TEST_SIGNING_KEY, testConfig } from './helper';

const apiDir = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

/** Starts src/server.ts in its own process (through tsx) on a free port; resolves its base URL. */
function startProcess(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        JWT_SECRET: testConfig().jwtSecret,
        CREDENTIAL_SIGNING_KEY: JSON.stringify(TEST_SIGNING_KEY),
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO_DATA: '0',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '1000000',
        // The race is the point, not the load: refusals for load (503 overloaded) are off, as for
        // every API process the tests start (api-process.ts); overload.test.ts tests them.
        MAX_EVENT_LOOP_DELAY_MS: '0',
        DATABASE_MAX_WAITING: '0',
        DATABASE_MAX_WAIT_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`API process did not start: ${out}`)), 180_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(/Vcentri is running at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`API process exited with ${code}: ${out}`)));
  });
}

const REQUESTS = 60;

let processes: Promise<string[]> | null = null;
/** Two API processes on TEST_DATABASE_URL, started once for the tests of this file. */
const twoProcesses = () =>
  (processes ??= Promise.all([startProcess(TEST_DATABASE_URL!), startProcess(TEST_DATABASE_URL!)]));

describe('racing requests for one slot', () => {
  it.runIf(TEST_DATABASE_URL)(
    `${REQUESTS} simultaneous overlapping requests through two API processes: exactly one wins`,
    async () => {
      const t = await buildTestApp();
      const w = await world(t);
      // Many organisations, each with its own member, all wanting overlapping times.
      const contenders = [w.member, w.outsider];
      const [a, b] = (await twoProcesses()) as [string, string];
      const d = kyivDate(20);
      const results = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const who = contenders[i % 2]!;
          const res = await fetch(`${i % 2 === 0 ? a : b}/api/v1/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
            body: JSON.stringify({
              roomId: w.roomId,
              organizationId: who === w.member ? w.orgId : w.otherOrgId,
              title: `Запит ${i}`,
              attendees: 5,
              // Every request overlaps 10:00–11:00; starts and ends differ a little.
              start: at(d, `${i % 3 === 0 ? '09' : '10'}:${String((i * 7) % 30).padStart(2, '0')}`),
              end: at(d, `11:${String((i * 11) % 30).padStart(2, '0')}`),
            }),
          });
          return { status: res.status, body: (await res.json()) as { code?: string } };
        }),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
        Array(REQUESTS - 1).fill('booking_conflict'),
      );
      const held = await t.db
        .selectFrom('bookings')
        .select('id')
        .where('roomId', '=', w.roomId)
        .where('status', 'in', ['pending', 'confirmed'])
        .execute();
      expect(held).toHaveLength(1);
    },
    300_000,
  );

  it(`${REQUESTS} simultaneous overlapping requests to one process: exactly one wins`, async () => {
    const t = await buildTestApp();
    const w = await world(t);
    const d = kyivDate(21);
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/bookings',
          headers: { authorization: `Bearer ${(i % 2 ? w.outsider : w.member).token}` },
          payload: {
            roomId: w.roomId,
            organizationId: i % 2 ? w.otherOrgId : w.orgId,
            title: `Запит ${i}`,
            attendees: 5,
            start: at(d, '10:00'),
            end: at(d, `11:${String(i % 30).padStart(2, '0')}`),
          },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().code === 'booking_conflict')).toHaveLength(
      REQUESTS - 1,
    );
  });
});

const QUOTA_HOURS = 3;
const QUOTA_REQUESTS = 10;

describe('racing requests against the monthly quota', () => {
  /** Ten one-hour requests of one organisation at ten different free hours of one day. */
  const slots = (d: string) =>
    Array.from({ length: QUOTA_REQUESTS }, (_, i) => ({
      start: at(d, `${String(8 + i).padStart(2, '0')}:00`),
      end: at(d, `${String(9 + i).padStart(2, '0')}:00`),
    }));
  async function held(t: Awaited<ReturnType<typeof buildTestApp>>, roomId: string) {
    return t.db
      .selectFrom('bookings')
      .select('id')
      .where('roomId', '=', roomId)
      .where('status', 'in', ['pending', 'confirmed'])
      .execute();
  }
  const expectQuotaHeld = (results: { status: number; code?: string }[]) => {
    expect(results.filter((r) => r.status === 201)).toHaveLength(QUOTA_HOURS);
    expect(results.filter((r) => r.status !== 201)).toEqual(
      Array(QUOTA_REQUESTS - QUOTA_HOURS).fill({ status: 409, code: 'quota_exceeded' }),
    );
  };

  it.runIf(TEST_DATABASE_URL)(
    `${QUOTA_REQUESTS} simultaneous requests through two API processes for a ${QUOTA_HOURS}-hour quota: exactly ${QUOTA_HOURS} win`,
    async () => {
      const t = await buildTestApp();
      const w = await world(t, { monthlyQuotaHours: QUOTA_HOURS });
      const [a, b] = (await twoProcesses()) as [string, string];
      const results = await Promise.all(
        slots(kyivDate(22)).map(async (slot, i) => {
          const res = await fetch(`${i % 2 === 0 ? a : b}/api/v1/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${w.member.token}` },
            body: JSON.stringify({
              roomId: w.roomId,
              organizationId: w.orgId,
              title: `Квота ${i}`,
              attendees: 5,
              ...slot,
            }),
          });
          const body = (await res.json()) as { code?: string };
          return res.status === 201 ? { status: 201 } : { status: res.status, code: body.code };
        }),
      );
      expectQuotaHeld(results);
      expect(await held(t, w.roomId)).toHaveLength(QUOTA_HOURS);
    },
    300_000,
  );

  it(`${QUOTA_REQUESTS} simultaneous requests to one process for a ${QUOTA_HOURS}-hour quota: exactly ${QUOTA_HOURS} win`, async () => {
    const t = await buildTestApp();
    const w = await world(t, { monthlyQuotaHours: QUOTA_HOURS });
    const results = await Promise.all(
      slots(kyivDate(23)).map(async (slot, i) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/bookings',
          headers: { authorization: `Bearer ${w.member.token}` },
          payload: { roomId: w.roomId, organizationId: w.orgId, title: `Квота ${i}`, attendees: 5, ...slot },
        });
        return res.statusCode === 201 ? { status: 201 } : { status: res.statusCode, code: res.json().code };
      }),
    );
    expectQuotaHeld(results);
    expect(await held(t, w.roomId)).toHaveLength(QUOTA_HOURS);
  });
});
