// The rules of the public reports: a city admin builds a draft for a past quarter or year (a
// snapshot of the dashboard's figures, the notable events and the action plan), writes the
// narratives, rebuilds it as often as needed and publishes it; a published report is frozen and
// carries the SHA-256 of the canonical JSON of its period, snapshot and narratives, which anyone
// can have recomputed from what is stored.
import { createHash } from 'node:crypto';
import {
  addDays,
  canonicalJson,
  fromKyiv,
  isReportPeriodComplete,
  type Paged,
  REPORT_HASH_ALGORITHM,
  REPORT_SECTIONS,
  type Report,
  type ReportNarratives,
  type ReportNarrativesPatch,
  type ReportSnapshot,
  type ReportSummary,
  type ReportVerification,
  previousReportPeriod,
  reportPeriodDays,
} from '@vcentri/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { actionPlanAsOf } from '../action-plan/action-plan.service';
import { recordAudit } from '../audit/audit.repository';
import { dashboardFigures } from '../dashboard/figures';
import type { Principal } from '../users/principal';
import { findReport, listReports, notableEvents, type ReportRow } from './reports.repository';

type Db = Kysely<DB>;

function assertCityAdmin(p: Principal) {
  if (!p.isCityAdmin()) throw forbidden('Only city admins build and publish reports.');
}

/** The period's days; 400 when it is not over yet in Kyiv (a report of a running period would move). */
function completePeriod(period: string, now: Date) {
  const days = reportPeriodDays(period);
  if (!days) throw notFound('No such period.');
  if (!isReportPeriodComplete(period, now))
    throw new AppError(
      'period_incomplete',
      400,
      `${period} ends on ${days.to}; a report can be built from ${addDays(days.to, 1)} (Kyiv time).`,
    );
  return days;
}

/** The hash a report carries: sha256 (hex) of the canonical JSON of period, snapshot and narratives. */
export function reportHash(period: string, snapshot: unknown, narratives: unknown): string {
  return createHash('sha256').update(canonicalJson({ period, snapshot, narratives }), 'utf8').digest('hex');
}

const emptyNarratives = (): ReportNarratives =>
  Object.fromEntries(REPORT_SECTIONS.map((s) => [s, { uk: '', en: '' }])) as ReportNarratives;

/** Every section present, whatever an older row holds. */
function narrativesOf(stored: unknown): ReportNarratives {
  const out = emptyNarratives();
  const s = (stored ?? {}) as Partial<ReportNarratives>;
  for (const k of REPORT_SECTIONS) if (s[k]) out[k] = { uk: s[k].uk ?? '', en: s[k].en ?? '' };
  return out;
}

function summaryOf(
  row: Pick<ReportRow, 'period' | 'status' | 'hash' | 'builtAt' | 'publishedAt'>,
): ReportSummary {
  const days = reportPeriodDays(row.period)!;
  return {
    period: row.period,
    kind: days.kind,
    from: days.from,
    to: days.to,
    status: row.status,
    builtAt: row.builtAt.toISOString(),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    hash: row.hash,
  };
}

function reportOf(row: ReportRow): Report {
  return {
    ...summaryOf(row),
    snapshot: row.snapshot as ReportSnapshot,
    narratives: narrativesOf(row.narratives),
    hashAlgorithm: REPORT_HASH_ALGORITHM,
  };
}

/** Computes what a report of the period says, now. */
export async function buildSnapshot(db: Db, period: string, now = new Date()): Promise<ReportSnapshot> {
  const days = reportPeriodDays(period)!;
  const d = await dashboardFigures(db, { from: days.from, to: days.to });
  // The change is against the previous calendar quarter or year (the dashboard's own previous
  // period is the same number of days, which for a quarter starts a day or two off).
  const before = previousReportPeriod(period);
  const previous = await dashboardFigures(db, { from: before.from, to: before.to });
  const events = await notableEvents(
    db,
    fromKyiv(days.from, '00:00'),
    fromKyiv(addDays(days.to, 1), '00:00'),
  );
  const actionPlan = days.kind === 'quarter' ? await actionPlanAsOf(db, period) : null;
  return {
    period,
    kind: days.kind,
    from: days.from,
    to: days.to,
    previous: { from: before.from, to: before.to },
    builtAt: now.toISOString(),
    figures: d.figures,
    previousFigures: previous.figures,
    districts: d.districts,
    hubs: d.hubs,
    notableEvents: events,
    actionPlan,
  };
}

const audit = (
  p: Principal,
  ip: string,
  action: string,
  period: string,
  details: Record<string, unknown> = {},
) => ({
  actorId: p.userId,
  actorEmail: p.email,
  ip,
  action,
  targetType: 'public_report',
  targetId: null,
  details: { period, ...details },
});

/** Builds the draft of a period, or rebuilds it (its narratives stay). 409 once published. */
export async function buildDraft(
  db: Db,
  p: Principal,
  period: string,
  ip: string,
  now = new Date(),
): Promise<{ report: Report; created: boolean }> {
  assertCityAdmin(p);
  const days = completePeriod(period, now);
  const snapshot = await buildSnapshot(db, period, now);
  const created = await db.transaction().execute(async (trx) => {
    const existing = await findReport(trx, period, { lock: true });
    if (existing?.status === 'published')
      throw conflict('report_published', `The report for ${period} is published and cannot be rebuilt.`);
    const values = { snapshot: JSON.stringify(snapshot), builtAt: now, builtBy: p.userId, updatedAt: now };
    if (existing) await trx.updateTable('publicReports').set(values).where('period', '=', period).execute();
    else
      await trx
        .insertInto('publicReports')
        .values({
          period,
          kind: days.kind,
          periodFrom: days.from,
          periodTo: days.to,
          narratives: JSON.stringify(emptyNarratives()),
          ...values,
        })
        // Two admins building the same period at once: the second one's insert becomes a rebuild.
        .onConflict((oc) =>
          oc.column('period').doUpdateSet(values).where('publicReports.status', '=', 'draft'),
        )
        .execute();
    await recordAudit(trx, audit(p, ip, existing ? 'report.rebuilt' : 'report.drafted', period));
    return !existing;
  });
  return { report: await draftOrReport(db, period), created };
}

async function draftOrReport(db: Db, period: string): Promise<Report> {
  const row = await findReport(db, period);
  // The insert above may have met a report published in between (its conflict update did nothing).
  if (!row) throw notFound('No report for this period.');
  return reportOf(row);
}

/** A report as staff see it: a draft or the published one (city admins only). */
export async function staffReport(db: Db, p: Principal, period: string): Promise<Report> {
  assertCityAdmin(p);
  return draftOrReport(db, period);
}

/** Changes the narratives of the sections given; the others stay. 409 once published. */
export async function editNarratives(
  db: Db,
  p: Principal,
  period: string,
  patch: ReportNarrativesPatch,
  ip: string,
): Promise<Report> {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    const row = await findReport(trx, period, { lock: true });
    if (!row) throw notFound('No draft for this period: build it first.');
    if (row.status === 'published')
      throw conflict('report_published', `The report for ${period} is published and cannot be edited.`);
    const narratives = narrativesOf(row.narratives);
    for (const k of REPORT_SECTIONS) {
      const text = patch.narratives[k];
      if (text) narratives[k] = { uk: text.uk.trim(), en: text.en.trim() };
    }
    await trx
      .updateTable('publicReports')
      .set({ narratives: JSON.stringify(narratives), updatedAt: new Date() })
      .where('period', '=', period)
      .execute();
    await recordAudit(
      trx,
      audit(p, ip, 'report.narratives_edited', period, { sections: Object.keys(patch.narratives) }),
    );
  });
  return draftOrReport(db, period);
}

/** Freezes the draft: stores its hash and the publication time. 409 when already published. */
export async function publishReport(db: Db, p: Principal, period: string, ip: string): Promise<Report> {
  assertCityAdmin(p);
  await db.transaction().execute(async (trx) => {
    const row = await findReport(trx, period, { lock: true });
    if (!row) throw notFound('No draft for this period: build it first.');
    if (row.status === 'published')
      throw conflict('report_published', `The report for ${period} is already published.`);
    // The hash is taken over the snapshot and narratives as stored (read back from the row), so
    // verification later recomputes it from exactly the same values.
    const hash = reportHash(period, row.snapshot, narrativesOf(row.narratives));
    const now = new Date();
    await trx
      .updateTable('publicReports')
      .set({
        status: 'published',
        narratives: JSON.stringify(narrativesOf(row.narratives)),
        hash,
        publishedAt: now,
        publishedBy: p.userId,
        updatedAt: now,
      })
      .where('period', '=', period)
      .execute();
    await recordAudit(trx, audit(p, ip, 'report.published', period, { hash }));
  });
  return draftOrReport(db, period);
}

/** A published report; 404 for a draft or nothing. */
export async function publishedReport(db: Db, period: string): Promise<Report> {
  const row = await findReport(db, period);
  if (row?.status !== 'published') throw notFound('This report is not published.');
  return reportOf(row);
}

export async function publishedReports(
  db: Db,
  q: { limit?: number; offset?: number },
): Promise<Paged<ReportSummary>> {
  const { rows, total } = await listReports(db, {
    publishedOnly: true,
    limit: q.limit ?? 20,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(summaryOf), total };
}

export async function allReports(
  db: Db,
  p: Principal,
  q: { limit?: number; offset?: number },
): Promise<Paged<ReportSummary>> {
  assertCityAdmin(p);
  const { rows, total } = await listReports(db, {
    publishedOnly: false,
    limit: q.limit ?? 20,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(summaryOf), total };
}

/** Recomputes a published report's hash from what is stored now and compares it with the one kept. */
export async function verifyReport(db: Db, period: string): Promise<ReportVerification> {
  const row = await findReport(db, period);
  if (row?.status !== 'published' || !row.hash) throw notFound('This report is not published.');
  const computed = reportHash(period, row.snapshot, row.narratives);
  return { period, hash: row.hash, computed, valid: computed === row.hash };
}
