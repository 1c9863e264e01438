// The durable job queue: due jobs run once, also with two workers on separate pools; jobs not yet
// due wait; failures are retried and then failed; a dead worker's job is reclaimed after its
// lease; a rolled-back enqueue never runs; jobs survive a restart.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/database';
import { claimDueJobs, completeJob, enqueueJob } from '../src/jobs/queue';
import { type JobHandler, JobWorker } from '../src/jobs/worker';
import { buildTestApp, TEST_DATABASE_URL, testDatabase, unique } from './helper';

let main: DatabaseHandle;
/** A second pool on PostgreSQL (another process, as far as the database can tell); on embedded the one connection. */
let second: DatabaseHandle | null = null;
const secondDb = () => second?.db ?? main.db;

beforeAll(async () => {
  main = await testDatabase();
  if (TEST_DATABASE_URL) second = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 4 });
});
afterAll(async () => {
  await second?.close();
});

const jobRow = (id: number) =>
  main.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A handler that counts its runs per job id. */
function counting(delayMs = 0): { handler: JobHandler; runs: Map<number, number> } {
  const runs = new Map<number, number>();
  return {
    runs,
    handler: async (_payload, job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      if (delayMs) await sleep(delayMs);
    },
  };
}

const worker = (db: DatabaseHandle['db'], handlers: Record<string, JobHandler>, extra = {}) =>
  new JobWorker({ db, handlers, pollIntervalMs: 20, retryDelayMs: () => 0, ...extra });

/** Polls until `check` holds; the limit is for a hung test only (the machine may be busy). */
async function until(check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(25);
  }
}

describe('job queue', () => {
  it('runs a due job once, with its payload, and marks it done', async () => {
    const kind = unique('job');
    const seen: unknown[] = [];
    const id = await enqueueJob(main.db, { kind, payload: { hello: 'світ' } });
    const w = worker(main.db, { [kind]: async (payload) => void seen.push(payload) });
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(seen).toEqual([{ hello: 'світ' }]);
    const row = await jobRow(id!);
    expect(row.doneAt).not.toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lockedUntil).toBeNull();
  });

  it('enqueues a dedupe key once', async () => {
    const kind = unique('job');
    const key = unique('key');
    const first = await enqueueJob(main.db, { kind, dedupeKey: key });
    const again = await enqueueJob(main.db, { kind, dedupeKey: key });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    const rows = await main.db.selectFrom('jobs').select('id').where('dedupeKey', '=', key).execute();
    expect(rows).toHaveLength(1);
  });

  it('two workers on separate pools run every job exactly once', async () => {
    const kind = unique('job');
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueueJob(main.db, { kind, payload: { i } }))!);
    const { handler, runs } = counting(5);
    const a = worker(main.db, { [kind]: handler }, { batchSize: 3 });
    const b = worker(secondDb(), { [kind]: handler }, { batchSize: 3 });
    const drain = async (w: JobWorker) => {
      let claimed = 0;
      for (let n = await w.runOnce(); n > 0; n = await w.runOnce()) claimed += n;
      return claimed;
    };
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    expect(byA + byB).toBe(30);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(ids);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('two started workers polling at once run every job exactly once', async () => {
    const kind = unique('job');
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await enqueueJob(main.db, { kind }))!);
    const { handler, runs } = counting(2);
    const a = worker(main.db, { [kind]: handler }, { batchSize: 2 });
    const b = worker(secondDb(), { [kind]: handler }, { batchSize: 2 });
    a.start();
    b.start();
    try {
      await until(async () => (await Promise.all(ids.map(jobRow))).every((r) => r.doneAt !== null));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(runs.size).toBe(10);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('does not run a job before its time', async () => {
    const kind = unique('job');
    const id = await enqueueJob(main.db, { kind, runAt: new Date(Date.now() + 3_600_000) });
    const { handler, runs } = counting();
    expect(await worker(main.db, { [kind]: handler }).runOnce()).toBe(0);
    expect(runs.size).toBe(0);
    const row = await jobRow(id!);
    expect(row.doneAt).toBeNull();
    expect(row.attempts).toBe(0);
  });

  it('retries a failing job, then marks it failed with the error', async () => {
    const kind = unique('job');
    const id = await enqueueJob(main.db, { kind, maxAttempts: 3 });
    let calls = 0;
    const w = worker(main.db, {
      [kind]: async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    });
    expect(await w.runOnce()).toBe(1);
    let row = await jobRow(id!);
    expect(row.attempts).toBe(1);
    expect(row.failedAt).toBeNull();
    expect(row.lastError).toBe('boom 1');
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(calls).toBe(3);
    row = await jobRow(id!);
    expect(row.failedAt).not.toBeNull();
    expect(row.doneAt).toBeNull();
    expect(row.lastError).toBe('boom 3');
  });

  it('waits the backoff before a retry', async () => {
    const kind = unique('job');
    const id = await enqueueJob(main.db, { kind });
    const w = new JobWorker({
      db: main.db,
      handlers: {
        [kind]: async () => {
          throw new Error('later');
        },
      },
      pollIntervalMs: 20,
    });
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    const row = await jobRow(id!);
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
  });

  it('gives a job whose worker died to another worker once the lease runs out', async () => {
    const kind = unique('job');
    const id = await enqueueJob(main.db, { kind });
    // The dead worker claimed it and never finished. The lease is long enough that it cannot run
    // out by itself during the test, however slow the machine; the test then moves its end.
    const [lost] = await claimDueJobs(main.db, {
      workerId: 'dead-worker',
      kinds: [kind],
      leaseMs: 600_000,
      limit: 5,
    });
    expect(lost?.id).toBe(id);
    const { handler, runs } = counting();
    const w = worker(secondDb(), { [kind]: handler });
    expect(await w.runOnce()).toBe(0);
    // The lease runs out.
    await main.db
      .updateTable('jobs')
      .set({ lockedUntil: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', id!)
      .execute();
    expect(await w.runOnce()).toBe(1);
    expect(runs.get(id!)).toBe(1);
    const row = await jobRow(id!);
    expect(row.doneAt).not.toBeNull();
    expect(row.attempts).toBe(2);
    // The dead worker coming back late cannot mark it as its own.
    expect(await completeJob(main.db, lost!)).toBe(false);
  });

  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const kind = unique('job');
    const key = unique('key');
    await expect(
      main.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind, dedupeKey: key });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    const { handler, runs } = counting();
    expect(await worker(main.db, { [kind]: handler }).runOnce()).toBe(0);
    expect(runs.size).toBe(0);
    expect(
      await main.db.selectFrom('jobs').select('id').where('dedupeKey', '=', key).executeTakeFirst(),
    ).toBe(undefined);
  });

  it('survives a restart: a job left by a closed app runs in the next one', async () => {
    const kind = unique('job');
    const before = counting();
    const first = await buildTestApp({ jobsPollIntervalMs: 20 }, { jobHandlers: { [kind]: before.handler } });
    // Not due while the first app runs (an hour ahead, however slow the machine), due once it closed.
    const id = await first.db
      .transaction()
      .execute((trx) => enqueueJob(trx, { kind, runAt: new Date(Date.now() + 3_600_000) }));
    await first.app.close();
    await main.db.updateTable('jobs').set({ runAt: sql<Date>`now()` }).where('id', '=', id!).execute();

    // The next process: on PostgreSQL a pool of its own.
    const next = await buildTestApp(
      { jobsPollIntervalMs: 20 },
      { jobHandlers: { [kind]: async () => void after.set(id!, 1) }, db: secondDb() },
    );
    const after = new Map<number, number>();
    try {
      await until(async () => (await jobRow(id!)).doneAt !== null);
    } finally {
      await next.app.close();
    }
    expect(before.runs.size).toBe(0);
    expect(after.get(id!)).toBe(1);
  });
});
