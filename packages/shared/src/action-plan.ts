// The city's Open Government action plan (issue 13): its commitments, each commitment's indicators
// with a baseline and a target, and one recorded value per indicator and quarter. The progress
// rules (how far from baseline to target, which quarter is "now") are here so the API and the
// portal compute the same figures.
import { Type, type Static } from 'typebox';
import { Uuid } from './common';
import { toKyiv } from './kyiv-time';

/** A calendar quarter, `2026-Q3`. */
export const QUARTER_PATTERN = '^20[0-9]{2}-Q[1-4]$';
export const Quarter = Type.String({
  pattern: QUARTER_PATTERN,
  description: 'a calendar quarter, e.g. 2026-Q3',
});

/** Text with something in it besides spaces, in both languages. */
const Localized = (max: number, required = true) =>
  Type.Object(
    {
      uk: Type.String(required ? { minLength: 1, maxLength: max, pattern: '\\S' } : { maxLength: max }),
      en: Type.String(required ? { minLength: 1, maxLength: max, pattern: '\\S' } : { maxLength: max }),
    },
    { additionalProperties: false },
  );
const LocalizedOut = Type.Object({ uk: Type.String(), en: Type.String() });

/** Values and targets: any finite number a city statistic can take. */
const Figure = Type.Number({ minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 });
const Position = Type.Integer({ minimum: 0, maximum: 10_000 });

export const CommitmentInput = Type.Object(
  {
    title: Localized(300),
    description: Type.Optional(Localized(5000, false)),
    department: Localized(300),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type CommitmentInput = Static<typeof CommitmentInput>;

export const CommitmentPatch = Type.Partial(CommitmentInput, {
  additionalProperties: false,
  minProperties: 1,
});
export type CommitmentPatch = Static<typeof CommitmentPatch>;

export const IndicatorInput = Type.Object(
  {
    commitmentId: Uuid,
    title: Localized(300),
    unit: Localized(60),
    baseline: Figure,
    target: Figure,
    targetQuarter: Quarter,
    higherIsBetter: Type.Boolean(),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type IndicatorInput = Static<typeof IndicatorInput>;

export const IndicatorPatch = Type.Partial(Type.Omit(IndicatorInput, ['commitmentId']), {
  additionalProperties: false,
  minProperties: 1,
});
export type IndicatorPatch = Static<typeof IndicatorPatch>;

export const IndicatorValueInput = Type.Object(
  { value: Figure, note: Type.Optional(Localized(2000, false)) },
  { additionalProperties: false },
);
export type IndicatorValueInput = Static<typeof IndicatorValueInput>;

export const IndicatorValueParams = Type.Object({ id: Uuid, quarter: Quarter });
export type IndicatorValueParams = Static<typeof IndicatorValueParams>;

export const ActionPlanQuery = Type.Object({
  quarter: Type.Optional(Quarter),
});
export type ActionPlanQuery = Static<typeof ActionPlanQuery>;

export const IndicatorValueSchema = Type.Object({
  quarter: Type.String(),
  value: Type.Number(),
  note: LocalizedOut,
  /** % of the way from baseline to target at this quarter, 0–100. */
  progress: Type.Number(),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type IndicatorValue = Static<typeof IndicatorValueSchema>;

export const IndicatorSchema = Type.Object({
  id: Uuid,
  commitmentId: Uuid,
  title: LocalizedOut,
  unit: LocalizedOut,
  baseline: Type.Number(),
  target: Type.Number(),
  targetQuarter: Type.String(),
  higherIsBetter: Type.Boolean(),
  position: Type.Integer(),
  /** Oldest quarter first, up to the quarter asked for. */
  values: Type.Array(IndicatorValueSchema),
  /** The newest value up to that quarter, or null when none was recorded. */
  latest: Type.Union([IndicatorValueSchema, Type.Null()]),
  /** The latest value's progress, or null without one. */
  progress: Type.Union([Type.Number(), Type.Null()]),
});
export type IndicatorView = Static<typeof IndicatorSchema>;

export const CommitmentSchema = Type.Object({
  id: Uuid,
  title: LocalizedOut,
  description: LocalizedOut,
  department: LocalizedOut,
  position: Type.Integer(),
  isDemo: Type.Boolean(),
  indicators: Type.Array(IndicatorSchema),
});
export type CommitmentView = Static<typeof CommitmentSchema>;

export const ActionPlanSchema = Type.Object({
  /** The quarter the figures are as of: the one asked for, or the current one in Kyiv. */
  asOf: Type.String(),
  currentQuarter: Type.String(),
  commitments: Type.Array(CommitmentSchema),
});
export type ActionPlanView = Static<typeof ActionPlanSchema>;

/** The quarter an instant falls in, on the Kyiv calendar. */
export function quarterOf(instant: Date | string | number): string {
  const date = toKyiv(instant).date;
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function isQuarter(value: string): boolean {
  return new RegExp(QUARTER_PATTERN).test(value);
}

/** Quarters compare as text: `2026-Q1` < `2026-Q4` < `2027-Q1`. */
export const compareQuarters = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How far a value has come from the baseline towards the target, in percent, clamped to 0–100
 * and rounded to one decimal. Works the same when lower is better (target below the baseline):
 * the way is measured in the direction of the target. A value past the target is 100; one that
 * went the wrong way is 0.
 */
export function indicatorProgress(baseline: number, target: number, value: number): number {
  if (target === baseline) return value === target ? 100 : 0;
  const share = ((value - baseline) / (target - baseline)) * 100;
  const clamped = Math.min(100, Math.max(0, share));
  return Math.round(clamped * 10) / 10;
}
