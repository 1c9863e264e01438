// The Kysely queries of the action plan: the plan as of a quarter (three reads, put together in
// the service), and the rows the city admin's changes touch.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function readPlan(db: Kysely<DB>, upTo: string) {
  const [commitments, indicators, values] = await Promise.all([
    db
      .selectFrom('actionPlanCommitments')
      .selectAll()
      .orderBy('position')
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('actionPlanIndicators')
      .selectAll()
      .orderBy('position')
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('actionPlanValues')
      .select(['indicatorId', 'quarter', 'value', 'noteUk', 'noteEn', 'recordedAt'])
      .where('quarter', '<=', upTo)
      .orderBy('quarter')
      .execute(),
  ]);
  return { commitments, indicators, values };
}

export type PlanRows = Awaited<ReturnType<typeof readPlan>>;

export function findCommitment(db: Kysely<DB>, id: string) {
  return db.selectFrom('actionPlanCommitments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findIndicator(db: Kysely<DB>, id: string) {
  return db.selectFrom('actionPlanIndicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findValue(db: Kysely<DB>, indicatorId: string, quarter: string) {
  return db
    .selectFrom('actionPlanValues')
    .selectAll()
    .where('indicatorId', '=', indicatorId)
    .where('quarter', '=', quarter)
    .executeTakeFirst();
}

/** The position after the last one, for a commitment or an indicator added without one. */
export async function nextPosition(
  db: Kysely<DB>,
  table: 'actionPlanCommitments' | 'actionPlanIndicators',
  commitmentId?: string,
): Promise<number> {
  let q = db.selectFrom(table).select((eb) => eb.fn.max('position').as('max'));
  if (commitmentId && table === 'actionPlanIndicators')
    q = q.where('commitmentId' as never, '=', commitmentId as never);
  const row = await q.executeTakeFirst();
  const max = row?.max;
  return max === null || max === undefined ? 0 : Math.min(10_000, Number(max) + 1);
}
