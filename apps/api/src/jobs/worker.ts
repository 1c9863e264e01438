// The job worker an API process runs: polls for due jobs of the kinds it has handlers for, claims
// a few under a lease, runs each handler, then marks the job done or schedules its retry.
// Several workers (in one process or many) share the queue safely; see queue.ts.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { type ClaimedJob, backoffMs, claimDueJobs, completeJob, failJob } from './queue';

export type JobHandler = (payload: Record<string, unknown>, job: ClaimedJob) => Promise<void>;

export interface JobWorkerOptions {
  db: Kysely<DB>;
  /** Handlers by job kind; the worker claims only these kinds. */
  handlers: Record<string, JobHandler>;
  pollIntervalMs: number;
  /** How long a claimed job stays this worker's; after it, another worker may run it again. */
  leaseMs?: number;
  /** Jobs claimed per poll. */
  batchSize?: number;
  /** Wait before a failed attempt is retried; backoffMs by default. */
  retryDelayMs?: (attempts: number) => number;
  log?: { error(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void };
}

export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly opts: JobWorkerOptions) {}

  private get batchSize() {
    return this.opts.batchSize ?? 10;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      let next = this.opts.pollIntervalMs;
      this.running = this.runOnce()
        .then((claimed) => {
          // A full batch means more may be due: take the next one at once.
          if (claimed >= this.batchSize) next = 0;
        })
        .catch((err) => this.opts.log?.warn({ err }, 'job poll failed'))
        .finally(() => {
          this.running = null;
          this.schedule(next);
        });
    }, ms);
  }

  /** One poll: claims the due jobs and runs them. Returns how many jobs were claimed. */
  async runOnce(): Promise<number> {
    const jobs = await claimDueJobs(this.opts.db, {
      workerId: this.id,
      kinds: Object.keys(this.opts.handlers),
      leaseMs: this.opts.leaseMs ?? 60_000,
      limit: this.batchSize,
    });
    for (const job of jobs) await this.run(job);
    return jobs.length;
  }

  private async run(job: ClaimedJob) {
    const { db } = this.opts;
    if (job.attempts > job.maxAttempts) {
      // Its last attempt's worker died holding it: do not start it once more.
      await failJob(db, job, 'the lease of the last attempt ran out');
      return;
    }
    const handler = this.opts.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, job);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const outcome = await failJob(db, job, message, (this.opts.retryDelayMs ?? backoffMs)(job.attempts));
      this.opts.log?.error(
        { err, jobId: job.id, kind: job.kind, attempts: job.attempts, outcome },
        'job failed',
      );
      return;
    }
    await completeJob(db, job);
  }
}
