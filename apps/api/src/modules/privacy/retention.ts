// Personal data kept only as long as it serves: a daily `privacy.retention` job drops client
// addresses from audit entries after AUDIT_IP_RETENTION_DAYS, purges data exports past their
// DATA_EXPORT_DAYS, and erases accounts never used (nothing in them, no sign-in) after
// UNUSED_ACCOUNT_DAYS. Each run enqueues the next day's; a start enqueues today's (deduplicated).
import { sql } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { enqueueJob } from '../../jobs/queue';
import type { JobHandler } from '../../jobs/worker';
import { eraseAccount } from './erase';

export const RETENTION_JOB = 'privacy.retention';
const DAY = 86_400_000;

type Periods = Pick<Config, 'auditIpRetentionDays' | 'dataExportDays' | 'unusedAccountDays'>;

export interface RetentionResult {
  addressesDropped: number;
  exportsPurged: number;
  accountsErased: number;
}

/** Accounts created over `days` ago that hold nothing and have not signed in for `days`. */
export async function unusedAccounts(db: Database, days: number, now: Date): Promise<string[]> {
  const before = new Date(now.getTime() - days * DAY);
  const nothing = (table: string, column = 'user_id') =>
    sql<boolean>`not exists (select 1 from ${sql.table(table)} t where t.${sql.ref(column)} = u.id)`;
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.erasedAt', 'is', null)
    .where('u.isDemo', '=', false)
    .where('u.createdAt', '<', before)
    .where(nothing('role_grants'))
    .where(nothing('volunteer_profiles'))
    .where(nothing('event_registrations'))
    .where(nothing('volunteer_signups'))
    .where(nothing('volunteer_hours'))
    .where(nothing('certificates'))
    .where(nothing('event_feedback'))
    .where(nothing('bookings', 'created_by'))
    .where(
      sql<boolean>`not exists (select 1 from refresh_tokens r where r.user_id = u.id and r.created_at >= ${before.toISOString()}::timestamptz)`,
    )
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

export async function runRetention(
  db: Database,
  periods: Periods,
  now = new Date(),
): Promise<RetentionResult> {
  const ipBefore = new Date(now.getTime() - periods.auditIpRetentionDays * DAY);
  const dropped = await db
    .updateTable('auditLog')
    .set({ ip: null })
    .where('at', '<', ipBefore)
    .where('ip', 'is not', null)
    .executeTakeFirst();
  // Ready exports past their expiry, and requests that never became one within the period.
  const purged = await db
    .deleteFrom('dataExports')
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<=', now),
        eb.and([
          eb('status', '!=', 'ready'),
          eb('requestedAt', '<', new Date(now.getTime() - periods.dataExportDays * DAY)),
        ]),
      ]),
    )
    .executeTakeFirst();
  let erased = 0;
  for (const userId of await unusedAccounts(db, periods.unusedAccountDays, now)) {
    await eraseAccount(db, userId, { actorId: null, actorEmail: null, ip: null, reason: 'unused account' });
    erased++;
  }
  return {
    addressesDropped: Number(dropped.numUpdatedRows),
    exportsPurged: Number(purged.numDeletedRows),
    accountsErased: erased,
  };
}

const dayKey = (at: Date) => `${RETENTION_JOB}:${at.toISOString().slice(0, 10)}`;

/** Today's run (a no-op if it was enqueued already). */
export async function scheduleRetention(db: Database, now = new Date()): Promise<void> {
  await enqueueJob(db, { kind: RETENTION_JOB, runAt: now, dedupeKey: dayKey(now) });
}

export function retentionHandler(db: Database, periods: Periods): JobHandler {
  return async () => {
    await runRetention(db, periods);
    const next = new Date(Date.now() + DAY);
    await enqueueJob(db, { kind: RETENTION_JOB, runAt: next, dedupeKey: dayKey(next) });
  };
}
