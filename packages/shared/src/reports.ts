// Quarterly and annual public reports (issue 13): a city admin builds a draft for a past quarter
// (`2026-Q3`) or year (`2026`) — a snapshot of the dashboard's figures, the notable events and the
// action-plan indicators — writes a short narrative per section in both languages, and publishes
// it. A published report is frozen: its snapshot and narratives never change, and their SHA-256
// hash over the canonical form below lets anyone check that.
import { type Static, Type } from 'typebox';
import { Instant } from './common';
import { type DashboardFigureKey, DashboardFiguresSchema } from './dashboard';
import { addDays, toKyiv } from './kyiv-time';

/** A report's period: a calendar quarter `2026-Q3` or a calendar year `2026`. */
export const REPORT_PERIOD_PATTERN = '^20[0-9]{2}(-Q[1-4])?$';
export const ReportPeriod = Type.String({
  pattern: REPORT_PERIOD_PATTERN,
  maxLength: 7,
  description: 'a calendar quarter (`2026-Q3`) or year (`2026`)',
});
export const ReportPeriodParams = Type.Object({ period: ReportPeriod });
export type ReportPeriodParams = Static<typeof ReportPeriodParams>;

export const REPORT_KINDS = ['quarter', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The Kyiv days a period covers (both included), or null when the text is not a period. */
export function reportPeriodDays(period: string): { kind: ReportKind; from: string; to: string } | null {
  if (!new RegExp(REPORT_PERIOD_PATTERN).test(period)) return null;
  return daysOf(Number(period.slice(0, 4)), period.length === 4 ? null : Number(period.slice(6)));
}

function daysOf(year: number, quarter: number | null): { kind: ReportKind; from: string; to: string } {
  const y = String(year).padStart(4, '0');
  if (quarter === null) return { kind: 'year', from: `${y}-01-01`, to: `${y}-12-31` };
  const first = String((quarter - 1) * 3 + 1).padStart(2, '0');
  const next =
    quarter === 4
      ? `${String(year + 1).padStart(4, '0')}-01-01`
      : `${y}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  return { kind: 'quarter', from: `${y}-${first}-01`, to: addDays(next, -1) };
}

/**
 * The period before, as its name and days: the quarter before a quarter (`2026-Q1` → `2025-Q4`),
 * the year before a year. (`2000`'s is `1999`, which is no report's period but still has days.)
 */
export function previousReportPeriod(period: string): { period: string; from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const [y, q] =
    period.length === 4
      ? [year - 1, null]
      : Number(period.slice(6)) === 1
        ? [year - 1, 4]
        : [year, Number(period.slice(6)) - 1];
  const { from, to } = daysOf(y, q);
  return { period: q === null ? String(y) : `${y}-Q${q}`, from, to };
}

/** Whether the period's last Kyiv day is over at `now`. */
export function isReportPeriodComplete(period: string, now: Date | number = Date.now()): boolean {
  const days = reportPeriodDays(period);
  return days !== null && days.to < toKyiv(now).date;
}

/** The sections a report has, each with a narrative in both languages. */
export const REPORT_SECTIONS = [
  'summary',
  'districts',
  'hubs',
  'events',
  'volunteering',
  'actionPlan',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const NarrativeText = Type.Object(
  { uk: Type.String({ maxLength: 4000 }), en: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);
const LocalizedOut = Type.Object({ uk: Type.String(), en: Type.String() });

/** Every section's narrative; a section never written is two empty strings. */
export const ReportNarrativesSchema = Type.Object(
  Object.fromEntries(REPORT_SECTIONS.map((s) => [s, LocalizedOut])) as Record<
    ReportSection,
    typeof LocalizedOut
  >,
);
export type ReportNarratives = Static<typeof ReportNarrativesSchema>;

/** PATCH body: the sections to change; the others stay. */
export const ReportNarrativesPatch = Type.Object(
  {
    narratives: Type.Partial(
      Type.Object(
        Object.fromEntries(REPORT_SECTIONS.map((s) => [s, NarrativeText])) as Record<
          ReportSection,
          typeof NarrativeText
        >,
        { additionalProperties: false },
      ),
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ReportNarrativesPatch = Static<typeof ReportNarrativesPatch>;

export const NotableEventSchema = Type.Object({
  eventId: Type.String(),
  title: LocalizedOut,
  category: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  hubId: Type.String(),
  hubName: LocalizedOut,
  district: Type.String(),
  attended: Type.Integer(),
});
export type NotableEvent = Static<typeof NotableEventSchema>;

/** One action-plan indicator as it stood at the end of the report's quarter. */
export const ReportIndicatorSchema = Type.Object({
  commitmentId: Type.String(),
  commitmentTitle: LocalizedOut,
  indicatorId: Type.String(),
  title: LocalizedOut,
  unit: LocalizedOut,
  baseline: Type.Number(),
  target: Type.Number(),
  targetQuarter: Type.String(),
  higherIsBetter: Type.Boolean(),
  /** The value recorded for this very quarter (null: none recorded for it). */
  value: Type.Union([Type.Number(), Type.Null()]),
  note: Type.Union([LocalizedOut, Type.Null()]),
  latestValue: Type.Union([Type.Number(), Type.Null()]),
  latestQuarter: Type.Union([Type.String(), Type.Null()]),
  /** Progress of the newest value up to the quarter, 0–100; null without any value yet. */
  progress: Type.Union([Type.Number(), Type.Null()]),
});
export type ReportIndicator = Static<typeof ReportIndicatorSchema>;

/** What a report is built from, frozen at build time. */
export const ReportSnapshotSchema = Type.Object({
  period: Type.String(),
  kind: Type.Enum(REPORT_KINDS),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  previous: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
  builtAt: Instant,
  figures: DashboardFiguresSchema,
  previousFigures: DashboardFiguresSchema,
  districts: Type.Array(Type.Object({ district: Type.String(), ...DashboardFiguresSchema.properties })),
  hubs: Type.Array(
    Type.Object({
      hubId: Type.String(),
      name: LocalizedOut,
      district: Type.String(),
      ...DashboardFiguresSchema.properties,
    }),
  ),
  notableEvents: Type.Array(NotableEventSchema),
  /** The action plan's indicators as of the quarter (quarters only; null for a year). */
  actionPlan: Type.Union([Type.Array(ReportIndicatorSchema), Type.Null()]),
});
export type ReportSnapshot = Static<typeof ReportSnapshotSchema>;

export const REPORT_STATUSES = ['draft', 'published'] as const;

export const ReportSummarySchema = Type.Object({
  period: Type.String(),
  kind: Type.Enum(REPORT_KINDS),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  status: Type.Enum(REPORT_STATUSES),
  builtAt: Instant,
  publishedAt: Type.Union([Instant, Type.Null()]),
  hash: Type.Union([Type.String(), Type.Null()]),
});
export type ReportSummary = Static<typeof ReportSummarySchema>;

export const ReportSchema = Type.Object({
  ...ReportSummarySchema.properties,
  snapshot: ReportSnapshotSchema,
  narratives: ReportNarrativesSchema,
  /** How `hash` is computed, for anyone checking it by hand. */
  hashAlgorithm: Type.String(),
});
export type Report = Static<typeof ReportSchema>;

export const ReportVerificationSchema = Type.Object({
  period: Type.String(),
  hash: Type.String({ description: 'the hash stored at publication' }),
  computed: Type.String({ description: 'the hash recomputed now from the stored snapshot and narratives' }),
  valid: Type.Boolean(),
});
export type ReportVerification = Static<typeof ReportVerificationSchema>;

export const ReportPdfQuery = Type.Object(
  { lang: Type.Optional(Type.Enum(['uk', 'en'] as const)) },
  { additionalProperties: false },
);
export type ReportPdfQuery = Static<typeof ReportPdfQuery>;

/** Text of the hashing rule, returned with every report as `hashAlgorithm`. */
export const REPORT_HASH_ALGORITHM =
  'sha256 (hex) of the canonical JSON of {"narratives","period","snapshot"}: object keys sorted by UTF-16 code units, no whitespace, strings and numbers as JSON.stringify writes them, arrays in order';

/** The canonical serialisation the hash is taken over (see REPORT_HASH_ALGORITHM). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The figures a report's headline table shows, in order (HTML and PDF alike). */
export const REPORT_HEADLINE_FIGURES: DashboardFigureKey[] = [
  'bookings',
  'bookedHours',
  'utilisation',
  'organizations',
  'events',
  'registrations',
  'attended',
  'noShowRate',
  'feedbackCount',
  'averageRating',
  'applications',
  'verifications',
  'verifiedOrganizations',
];
/** The volunteering section's figures. */
export const REPORT_VOLUNTEERING_FIGURES: DashboardFigureKey[] = [
  'volunteerShifts',
  'volunteers',
  'volunteerHours',
];
/** The columns of the per-district and per-hub tables. */
export const REPORT_AREA_FIGURES: DashboardFigureKey[] = [
  'bookings',
  'bookedHours',
  'utilisation',
  'events',
  'attended',
  'volunteerHours',
];
