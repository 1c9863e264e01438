// The rules of the action plan: the public view as of a quarter with each indicator's progress,
// and the city admin's changes — commitments, indicators, one value per indicator and quarter —
// each in a transaction with its audit entry.
import {
  type ActionPlanView,
  type CommitmentInput,
  type CommitmentPatch,
  type CommitmentView,
  type IndicatorInput,
  type IndicatorPatch,
  type IndicatorValue,
  type IndicatorValueInput,
  type IndicatorView,
  indicatorProgress,
  quarterOf,
} from '@vcentri/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { badRequest, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import {
  findCommitment,
  findIndicator,
  findValue,
  nextPosition,
  type PlanRows,
  readPlan,
} from './action-plan.repository';

type Db = Kysely<DB>;

/** The quarter the city is in now, on the Kyiv calendar. */
export const currentQuarter = (now = new Date()) => quarterOf(now);

function assertNotFuture(quarter: string, path: string, now = new Date()) {
  const current = currentQuarter(now);
  if (quarter > current)
    throw badRequest('quarter_in_future', `${quarter} has not begun; the current quarter is ${current}.`, [
      { path, code: 'quarter_in_future', message: `at most ${current}` },
    ]);
}

function assertCityAdmin(p: Principal) {
  if (!p.isCityAdmin()) throw forbidden('Only city admins keep the action plan.');
}

/** A target must differ from the baseline, in the direction the indicator counts as better. */
function assertDirection(baseline: number, target: number, higherIsBetter: boolean) {
  if (target === baseline)
    throw badRequest('target_equals_baseline', 'The target must differ from the baseline.', [
      { path: '/target', code: 'target_equals_baseline', message: 'differs from the baseline' },
    ]);
  if (higherIsBetter !== target > baseline)
    throw badRequest(
      'target_direction_mismatch',
      higherIsBetter
        ? 'Higher is better, so the target must be above the baseline.'
        : 'Lower is better, so the target must be below the baseline.',
      [{ path: '/target', code: 'target_direction_mismatch', message: 'on the better side of the baseline' }],
    );
}

const trimmed = (text: { uk: string; en: string }) => ({ uk: text.uk.trim(), en: text.en.trim() });

function valueView(
  indicator: { baseline: number; target: number },
  v: PlanRows['values'][number],
): IndicatorValue {
  return {
    quarter: v.quarter,
    value: v.value,
    note: { uk: v.noteUk, en: v.noteEn },
    progress: indicatorProgress(indicator.baseline, indicator.target, v.value),
    recordedAt: v.recordedAt.toISOString(),
  };
}

function indicatorView(i: PlanRows['indicators'][number], values: PlanRows['values']): IndicatorView {
  const own = values.filter((v) => v.indicatorId === i.id).map((v) => valueView(i, v));
  const latest = own.at(-1) ?? null;
  return {
    id: i.id,
    commitmentId: i.commitmentId,
    title: { uk: i.titleUk, en: i.titleEn },
    unit: { uk: i.unitUk, en: i.unitEn },
    baseline: i.baseline,
    target: i.target,
    targetQuarter: i.targetQuarter,
    higherIsBetter: i.higherIsBetter,
    position: i.position,
    values: own,
    latest,
    progress: latest ? latest.progress : null,
  };
}

function assemble(rows: PlanRows): CommitmentView[] {
  return rows.commitments.map((c) => ({
    id: c.id,
    title: { uk: c.titleUk, en: c.titleEn },
    description: { uk: c.descriptionUk, en: c.descriptionEn },
    department: { uk: c.departmentUk, en: c.departmentEn },
    position: c.position,
    isDemo: c.isDemo,
    indicators: rows.indicators
      .filter((i) => i.commitmentId === c.id)
      .map((i) => indicatorView(i, rows.values)),
  }));
}

/**
 * The whole plan as it stood at the end of `quarter` (default: the current quarter): values of
 * later quarters are left out, and each indicator's progress is that of its newest value up to it.
 */
export async function getActionPlan(db: Db, quarter?: string, now = new Date()): Promise<ActionPlanView> {
  const current = currentQuarter(now);
  const asOf = quarter ?? current;
  if (quarter) assertNotFuture(quarter, '/quarter', now);
  return { asOf, currentQuarter: current, commitments: assemble(await readPlan(db, asOf)) };
}

/** One indicator as of a quarter, for the quarterly report. */
export interface IndicatorAsOf {
  commitmentId: string;
  commitmentTitle: { uk: string; en: string };
  indicatorId: string;
  title: { uk: string; en: string };
  unit: { uk: string; en: string };
  baseline: number;
  target: number;
  targetQuarter: string;
  higherIsBetter: boolean;
  /** The value recorded for this very quarter (null: none recorded for it). */
  value: number | null;
  note: { uk: string; en: string } | null;
  /** The newest value up to and including the quarter, and its quarter. */
  latestValue: number | null;
  latestQuarter: string | null;
  /** Progress of the newest value up to the quarter, 0–100; null without any value yet. */
  progress: number | null;
}

/**
 * Every indicator of the plan as of a quarter — its value for that quarter, its newest value up
 * to it and the progress towards its target — in the plan's order. For the quarterly reports.
 */
export async function actionPlanAsOf(db: Db, quarter: string): Promise<IndicatorAsOf[]> {
  const rows = await readPlan(db, quarter);
  return assemble(rows).flatMap((c) =>
    c.indicators.map((i) => {
      const own = i.values.find((v) => v.quarter === quarter) ?? null;
      return {
        commitmentId: c.id,
        commitmentTitle: c.title,
        indicatorId: i.id,
        title: i.title,
        unit: i.unit,
        baseline: i.baseline,
        target: i.target,
        targetQuarter: i.targetQuarter,
        higherIsBetter: i.higherIsBetter,
        value: own ? own.value : null,
        note: own ? own.note : null,
        latestValue: i.latest ? i.latest.value : null,
        latestQuarter: i.latest ? i.latest.quarter : null,
        progress: i.progress,
      };
    }),
  );
}

async function commitmentView(db: Db, id: string): Promise<CommitmentView> {
  const plan = assemble(await readPlan(db, currentQuarter()));
  const found = plan.find((c) => c.id === id);
  if (!found) throw notFound('No such commitment.');
  return found;
}

async function indicatorViewById(db: Db, id: string): Promise<IndicatorView> {
  for (const c of assemble(await readPlan(db, currentQuarter()))) {
    const found = c.indicators.find((i) => i.id === id);
    if (found) return found;
  }
  throw notFound('No such indicator.');
}

const audit = (p: Principal, ip: string) => ({ actorId: p.userId, actorEmail: p.email, ip });

export async function createCommitment(db: Db, p: Principal, input: CommitmentInput, ip: string) {
  assertCityAdmin(p);
  const id = await db.transaction().execute(async (trx) => {
    const title = trimmed(input.title);
    const row = await trx
      .insertInto('actionPlanCommitments')
      .values({
        titleUk: title.uk,
        titleEn: title.en,
        descriptionUk: input.description?.uk.trim() ?? '',
        descriptionEn: input.description?.en.trim() ?? '',
        departmentUk: input.department.uk.trim(),
        departmentEn: input.department.en.trim(),
        position: input.position ?? (await nextPosition(trx, 'actionPlanCommitments')),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.commitment_created',
      targetType: 'action_plan_commitment',
      targetId: row.id,
      details: { title: title.uk },
    });
    return row.id;
  });
  return commitmentView(db, id);
}

export async function updateCommitment(db: Db, p: Principal, id: string, patch: CommitmentPatch, ip: string) {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    if (!(await findCommitment(trx, id))) throw notFound('No such commitment.');
    await trx
      .updateTable('actionPlanCommitments')
      .set({
        ...(patch.title ? { titleUk: patch.title.uk.trim(), titleEn: patch.title.en.trim() } : {}),
        ...(patch.description
          ? { descriptionUk: patch.description.uk.trim(), descriptionEn: patch.description.en.trim() }
          : {}),
        ...(patch.department
          ? { departmentUk: patch.department.uk.trim(), departmentEn: patch.department.en.trim() }
          : {}),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.commitment_updated',
      targetType: 'action_plan_commitment',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return commitmentView(db, id);
}

export async function deleteCommitment(db: Db, p: Principal, id: string, ip: string): Promise<void> {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('actionPlanCommitments')
      .where('id', '=', id)
      .returning(['titleUk'])
      .executeTakeFirst();
    if (!row) throw notFound('No such commitment.');
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.commitment_deleted',
      targetType: 'action_plan_commitment',
      targetId: id,
      details: { title: row.titleUk },
    });
  });
}

export async function createIndicator(db: Db, p: Principal, input: IndicatorInput, ip: string) {
  assertCityAdmin(p);
  assertDirection(input.baseline, input.target, input.higherIsBetter);
  const id = await db.transaction().execute(async (trx) => {
    if (!(await findCommitment(trx, input.commitmentId))) throw notFound('No such commitment.');
    const title = trimmed(input.title);
    const row = await trx
      .insertInto('actionPlanIndicators')
      .values({
        commitmentId: input.commitmentId,
        titleUk: title.uk,
        titleEn: title.en,
        unitUk: input.unit.uk.trim(),
        unitEn: input.unit.en.trim(),
        baseline: input.baseline,
        target: input.target,
        targetQuarter: input.targetQuarter,
        higherIsBetter: input.higherIsBetter,
        position: input.position ?? (await nextPosition(trx, 'actionPlanIndicators', input.commitmentId)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.indicator_created',
      targetType: 'action_plan_indicator',
      targetId: row.id,
      details: { title: title.uk, baseline: input.baseline, target: input.target },
    });
    return row.id;
  });
  return indicatorViewById(db, id);
}

export async function updateIndicator(db: Db, p: Principal, id: string, patch: IndicatorPatch, ip: string) {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('actionPlanIndicators')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('No such indicator.');
    assertDirection(
      patch.baseline ?? row.baseline,
      patch.target ?? row.target,
      patch.higherIsBetter ?? row.higherIsBetter,
    );
    await trx
      .updateTable('actionPlanIndicators')
      .set({
        ...(patch.title ? { titleUk: patch.title.uk.trim(), titleEn: patch.title.en.trim() } : {}),
        ...(patch.unit ? { unitUk: patch.unit.uk.trim(), unitEn: patch.unit.en.trim() } : {}),
        ...(patch.baseline !== undefined ? { baseline: patch.baseline } : {}),
        ...(patch.target !== undefined ? { target: patch.target } : {}),
        ...(patch.targetQuarter ? { targetQuarter: patch.targetQuarter } : {}),
        ...(patch.higherIsBetter !== undefined ? { higherIsBetter: patch.higherIsBetter } : {}),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.indicator_updated',
      targetType: 'action_plan_indicator',
      targetId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return indicatorViewById(db, id);
}

export async function deleteIndicator(db: Db, p: Principal, id: string, ip: string): Promise<void> {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('actionPlanIndicators')
      .where('id', '=', id)
      .returning(['titleUk', 'commitmentId'])
      .executeTakeFirst();
    if (!row) throw notFound('No such indicator.');
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.indicator_deleted',
      targetType: 'action_plan_indicator',
      targetId: id,
      details: { title: row.titleUk, commitmentId: row.commitmentId },
    });
  });
}

/**
 * Records an indicator's value for a quarter that has begun. A second recording of the same
 * quarter replaces the first (value, note, who and when); the audit entry keeps what it replaced.
 */
export async function recordValue(
  db: Db,
  p: Principal,
  indicatorId: string,
  quarter: string,
  input: IndicatorValueInput,
  ip: string,
): Promise<IndicatorView> {
  assertCityAdmin(p);
  assertNotFuture(quarter, '/quarter');
  await db.transaction().execute(async (trx) => {
    // The indicator's row lock orders two recordings of one quarter: the second sees the first.
    const indicator = await trx
      .selectFrom('actionPlanIndicators')
      .select('id')
      .where('id', '=', indicatorId)
      .forUpdate()
      .executeTakeFirst();
    if (!indicator) throw notFound('No such indicator.');
    const before = await findValue(trx, indicatorId, quarter);
    const note = { uk: input.note?.uk.trim() ?? '', en: input.note?.en.trim() ?? '' };
    const recordedAt = new Date();
    await trx
      .insertInto('actionPlanValues')
      .values({
        indicatorId,
        quarter,
        value: input.value,
        noteUk: note.uk,
        noteEn: note.en,
        recordedBy: p.userId,
        recordedAt,
      })
      .onConflict((oc) =>
        oc.columns(['indicatorId', 'quarter']).doUpdateSet({
          value: input.value,
          noteUk: note.uk,
          noteEn: note.en,
          recordedBy: p.userId,
          recordedAt,
        }),
      )
      .execute();
    await recordAudit(trx, {
      ...audit(p, ip),
      action: before ? 'action_plan.value_replaced' : 'action_plan.value_recorded',
      targetType: 'action_plan_indicator',
      targetId: indicatorId,
      details: {
        quarter,
        value: input.value,
        ...(before
          ? {
              previous: {
                value: before.value,
                recordedBy: before.recordedBy,
                recordedAt: before.recordedAt.toISOString(),
              },
            }
          : {}),
      },
    });
  });
  return indicatorViewById(db, indicatorId);
}

export async function deleteValue(
  db: Db,
  p: Principal,
  indicatorId: string,
  quarter: string,
  ip: string,
): Promise<void> {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    if (!(await findIndicator(trx, indicatorId))) throw notFound('No such indicator.');
    const row = await trx
      .deleteFrom('actionPlanValues')
      .where('indicatorId', '=', indicatorId)
      .where('quarter', '=', quarter)
      .returning(['value'])
      .executeTakeFirst();
    if (!row) throw notFound(`No value recorded for ${quarter}.`);
    await recordAudit(trx, {
      ...audit(p, ip),
      action: 'action_plan.value_deleted',
      targetType: 'action_plan_indicator',
      targetId: indicatorId,
      details: { quarter, value: row.value },
    });
  });
}
