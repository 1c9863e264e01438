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

export async function recordAudit(db: Kysely<DB>, entry: AuditInput): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** How many entries of `action` match the target or the address within the last `seconds`. */
export async function countRecent(
  db: Kysely<DB>,
  action: string,
  by: { targetId: string } | { ip: string },
  seconds: number,
): Promise<number> {
  let q = db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .where('at', '>', sql<Date>`now() - make_interval(secs => ${seconds})`);
  q = 'targetId' in by ? q.where('targetId', '=', by.targetId) : q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
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
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      ip: r.ip,
      details: r.details ?? {},
    })),
  };
}
