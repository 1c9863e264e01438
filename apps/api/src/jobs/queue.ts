// The durable job queue: a table in PostgreSQL (migration 20261202010000_jobs). Jobs are enqueued
// inside the caller's transaction, so a job exists exactly when the business change committed,
// and claimed with FOR UPDATE SKIP LOCKED under a lease, so any number of API processes (and the
// single connection of the embedded database) share one queue and a job whose worker died is
// picked up again once its lease runs out.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this instant; now when omitted. */
  runAt?: Date;
  /** A job with this key is enqueued at most once, ever; a second enqueue is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
  lockedBy: string;
}

/**
 * Enqueues a job on `db`, which should be the transaction of the change that asks for it.
 * Returns the new job's id, or null when its dedupe key was already enqueued.
 */
export async function enqueueJob(db: Kysely<DB>, job: NewJob): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      runAt: job.runAt ?? sql<Date>`now()`,
      dedupeKey: job.dedupeKey ?? null,
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Claims up to `limit` due jobs of the given kinds for `workerId` until now + leaseMs, in one
 * statement (its own short transaction). Jobs locked by a claim in progress elsewhere are skipped,
 * not waited for; jobs whose lease ran out are due again.
 */
export async function claimDueJobs(
  db: Kysely<DB>,
  opts: { workerId: string; kinds: string[]; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  if (opts.kinds.length === 0) return [];
  const result = await sql<ClaimedJob>`
    update jobs set
      attempts = attempts + 1,
      locked_by = ${opts.workerId},
      locked_until = now() + ${opts.leaseMs} * interval '1 millisecond'
    where id in (
      select id from jobs
      where done_at is null and failed_at is null
        and run_at <= now()
        and (locked_until is null or locked_until <= now())
        and kind = any(${opts.kinds}::text[])
      order by run_at, id
      limit ${opts.limit}
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts as "maxAttempts", locked_by as "lockedBy"`.execute(
    db,
  );
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Marks the job done, if this worker still holds it (a worker past its lease may have lost it). */
export async function completeJob(db: Kysely<DB>, job: ClaimedJob): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ doneAt: sql<Date>`now()`, lockedUntil: null, lastError: null })
    .where('id', '=', job.id)
    .where('lockedBy', '=', job.lockedBy)
    .where('attempts', '=', job.attempts)
    .where('doneAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Wait before attempt n+1 after attempt n failed: 10 s, 40 s, 90 s, … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * attempts * attempts);
}

/**
 * Records a failed attempt: the job is due again after its backoff, or failed for good once it has
 * used its attempts.
 */
export async function failJob(
  db: Kysely<DB>,
  job: ClaimedJob,
  error: string,
  retryInMs = backoffMs(job.attempts),
): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      ...(final
        ? { failedAt: sql<Date>`now()` }
        : { runAt: sql<Date>`now() + ${retryInMs} * interval '1 millisecond'` }),
    })
    .where('id', '=', job.id)
    .where('lockedBy', '=', job.lockedBy)
    .where('attempts', '=', job.attempts)
    .execute();
  return final ? 'failed' : 'retry';
}
