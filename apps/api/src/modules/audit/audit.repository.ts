// The audit log: who did what, when, from where. Callers pass their transaction so the entry
// commits or rolls back with the change it describes. Never pass passwords or tokens in details.
import type { AuditEntry } from '@vcentri/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface AuditInput {
  action: string;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** The row of an entry, for recordAudit or for a statement that writes it with its change. */
export function auditValues(entry: AuditInput) {
  return {
    action: entry.action,
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** Appends an entry; returns its id. */
export async function recordAudit(db: Kysely<DB>, entry: AuditInput): Promise<string> {
  const row = await db
    .insertInto('auditLog')
    .values(auditValues(entry))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Turns a log-in attempt, recorded as failed before its password was checked, into the successful
 * log-in it turned out to be. Besides erasure and retention emptying personal fields
 * (modules/privacy), the only change ever made to an audit entry.
 */
export async function markLoginSucceeded(
  db: Kysely<DB>,
  entryId: string,
  actor: { id: string; email: string },
): Promise<void> {
  await db
    .updateTable('auditLog')
    .set({ action: 'auth.login', actorId: actor.id, actorEmail: actor.email })
    .where('id', '=', entryId)
    .where('action', '=', 'auth.login_failed')
    .execute();
}

/**
 * Serialises log-in attempts on one account and from one address until the caller's transaction
 * ends, across every API process. Always the account first, then the address, so two attempts
 * can never wait for each other.
 */
export async function lockLoginCounters(trx: Kysely<DB>, account: string, ip: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login-account:${account}`}, 0))`.execute(trx);
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login-address:${ip}`}, 0))`.execute(trx);
}

/** What the log-in throttle needs to know, all measured by the database's clock. */
export interface LoginFailureStats {
  now: Date;
  /**
   * The failure from this address on this account whose leaving the window brings the pair back
   * under its limit (the pairMax-th newest since the pair's last success); null when under it.
   */
  pairLimitAt: Date | null;
  /** Likewise for this address's failures on any account (no reset: anyone can log in somewhere). */
  addressLimitAt: Date | null;
  /** Failures on the account in the window since its last successful log-in, from anywhere. */
  accountFailures: number;
  accountLastFailureAt: Date | null;
}

/**
 * Reads the log-in failures (audit rows `auth.login_failed`, target = the lower-cased e-mail) for
 * one account and one address in a single round trip. Served by the (action, target_id, at) and
 * (action, ip, at) indexes of the audit log.
 */
export async function loginFailureStats(
  db: Kysely<DB>,
  q: { account: string; ip: string; windowSeconds: number; pairMax: number; addressMax: number },
): Promise<LoginFailureStats> {
  const windowStart = sql<Date>`now() - make_interval(secs => ${q.windowSeconds})`;
  const row = await db
    .selectNoFrom((eb) => {
      const failures = () =>
        eb.selectFrom('auditLog').where('action', '=', 'auth.login_failed').where('at', '>', windowStart);
      const lastSuccess = (ip: string | null) => {
        let s = eb
          .selectFrom('auditLog')
          .select((e) => e.fn.max('at').as('at'))
          .where('action', '=', 'auth.login')
          .where('targetId', '=', q.account);
        if (ip !== null) s = s.where('ip', '=', ip);
        return sql<Date>`coalesce((${s}), '-infinity'::timestamptz)`;
      };
      return [
        sql<Date>`now()`.as('now'),
        failures()
          .select('at')
          .where('targetId', '=', q.account)
          .where('ip', '=', q.ip)
          .where('at', '>', lastSuccess(q.ip))
          .orderBy('at', 'desc')
          .offset(q.pairMax - 1)
          .limit(1)
          .as('pairLimitAt'),
        failures()
          .select('at')
          .where('ip', '=', q.ip)
          .orderBy('at', 'desc')
          .offset(q.addressMax - 1)
          .limit(1)
          .as('addressLimitAt'),
        failures()
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('targetId', '=', q.account)
          .where('at', '>', lastSuccess(null))
          .as('accountFailures'),
        failures()
          .select((e) => e.fn.max('at').as('at'))
          .where('targetId', '=', q.account)
          .where('at', '>', lastSuccess(null))
          .as('accountLastFailureAt'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    now: row.now,
    pairLimitAt: row.pairLimitAt ?? null,
    addressLimitAt: row.addressLimitAt ?? null,
    accountFailures: Number(row.accountFailures ?? 0),
    accountLastFailureAt: row.accountLastFailureAt ?? null,
  };
}

export async function listAudit(
  db: Kysely<DB>,
  filter: { action?: string; actorId?: string; limit: number; offset: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  let base = db.selectFrom('auditLog');
  if (filter.action) base = base.where('action', '=', filter.action);
  if (filter.actorId) base = base.where('actorId', '=', filter.actorId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const names = await auditNames(db, rows);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      actorName: (r.actorId && names.get(`user:${r.actorId}`)?.uk) || null,
      targetName: (r.targetType && r.targetId && names.get(`${r.targetType}:${r.targetId}`)) || null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      ip: r.ip,
      details: r.details ?? {},
    })),
  };
}

type Named = { uk: string; en: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the log's ids stand for, in words: the people who acted and the objects acted on (a user's
 * name, an organisation's, a hub's, a room's, an event's or program's title, a booking's title…),
 * each kind in one query. Keys are `type:id`; a deleted object has no entry.
 */
async function auditNames(
  db: Kysely<DB>,
  rows: { actorId: string | null; targetType: string | null; targetId: string | null }[],
): Promise<Map<string, Named>> {
  const ids = new Map<string, Set<string>>();
  const want = (type: string, id: string | null) => {
    if (!id || !UUID.test(id)) return;
    const set = ids.get(type) ?? new Set<string>();
    set.add(id);
    ids.set(type, set);
  };
  for (const r of rows) {
    want('user', r.actorId);
    want(r.targetType === 'account' ? 'user' : (r.targetType ?? ''), r.targetId);
  }
  const list = (type: string) => [...(ids.get(type) ?? [])];
  const out = new Map<string, Named>();
  const put = (type: string, found: { id: string; uk: string; en: string }[]) => {
    for (const f of found) out.set(`${type}:${f.id}`, { uk: f.uk, en: f.en || f.uk });
  };
  const lookups: Promise<void>[] = [];
  const lookup = (
    type: string,
    query: (idList: string[]) => Promise<{ id: string; uk: string; en: string }[]>,
  ) => {
    const idList = list(type);
    if (idList.length) lookups.push(query(idList).then((found) => put(type, found)));
  };
  lookup('user', (l) =>
    db.selectFrom('users').select(['id', 'name as uk', 'name as en']).where('id', 'in', l).execute(),
  );
  lookup('organization', (l) =>
    db
      .selectFrom('organizations')
      .select(['id', 'nameUk as uk', 'nameEn as en'])
      .where('id', 'in', l)
      .execute(),
  );
  lookup('hub', (l) =>
    db.selectFrom('hubs').select(['id', 'nameUk as uk', 'nameEn as en']).where('id', 'in', l).execute(),
  );
  lookup('room', (l) =>
    db.selectFrom('rooms').select(['id', 'nameUk as uk', 'nameEn as en']).where('id', 'in', l).execute(),
  );
  lookup('booking', (l) =>
    db.selectFrom('bookings').select(['id', 'title as uk', 'title as en']).where('id', 'in', l).execute(),
  );
  lookup('event', (l) =>
    db.selectFrom('events').select(['id', 'titleUk as uk', 'titleEn as en']).where('id', 'in', l).execute(),
  );
  lookup('volunteer_program', (l) =>
    db
      .selectFrom('volunteerPrograms')
      .select(['id', 'titleUk as uk', 'titleEn as en'])
      .where('id', 'in', l)
      .execute(),
  );
  lookup('volunteer_shift', (l) =>
    db
      .selectFrom('volunteerShifts as s')
      .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
      .select(['s.id', 'p.titleUk as uk', 'p.titleEn as en'])
      .where('s.id', 'in', l)
      .execute(),
  );
  lookup('volunteer_hours', (l) =>
    db
      .selectFrom('volunteerHours as h')
      .innerJoin('volunteerPrograms as p', 'p.id', 'h.programId')
      .select(['h.id', 'p.titleUk as uk', 'p.titleEn as en'])
      .where('h.id', 'in', l)
      .execute(),
  );
  lookup('action_plan_commitment', (l) =>
    db
      .selectFrom('actionPlanCommitments')
      .select(['id', 'titleUk as uk', 'titleEn as en'])
      .where('id', 'in', l)
      .execute(),
  );
  lookup('action_plan_indicator', (l) =>
    db
      .selectFrom('actionPlanIndicators')
      .select(['id', 'titleUk as uk', 'titleEn as en'])
      .where('id', 'in', l)
      .execute(),
  );
  lookup('certificate', (l) =>
    db.selectFrom('certificates').select(['id', 'code as uk', 'code as en']).where('id', 'in', l).execute(),
  );
  await Promise.all(lookups);
  return out;
}
