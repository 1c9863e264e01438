// Recurring requests expand in Kyiv local time: "every Tuesday 18:00–20:00" stays 18:00–20:00 on
// the wall clock across the March and October clock changes, so the instants shift by an hour.
import { type Static, Type } from 'typebox';
import { addDays, fromKyiv, minutesOf, toKyiv } from './kyiv-time';

export const MAX_OCCURRENCES = 52;

export const RecurrenceSchema = Type.Object(
  {
    frequency: Type.Enum(['daily', 'weekly']),
    interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, default: 1 })),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_OCCURRENCES })),
    until: Type.Optional(
      Type.String({ format: 'date', description: 'last local date (inclusive), YYYY-MM-DD' }),
    ),
  },
  { additionalProperties: false },
);
export type Recurrence = Static<typeof RecurrenceSchema>;

export interface Occurrence {
  start: Date;
  end: Date;
  /** Kyiv local date of the start */
  date: string;
}

/**
 * The occurrences of a series whose first one is [start, end): the same local start time and the
 * same local length on every repeat, until `count` or `until` (at most MAX_OCCURRENCES).
 */
export function expandRecurrence(start: Date, end: Date, rule: Recurrence | undefined): Occurrence[] {
  const first = toKyiv(start);
  if (!rule) return [{ start, end, date: first.date }];
  const last = toKyiv(end);
  // The local length (wall-clock minutes, possibly past midnight) is what repeats.
  const dayDiff = Math.round(
    (Date.parse(`${last.date}T00:00:00Z`) - Date.parse(`${first.date}T00:00:00Z`)) / 86_400_000,
  );
  const step = (rule.frequency === 'weekly' ? 7 : 1) * (rule.interval ?? 1);
  const out: Occurrence[] = [];
  for (let i = 0; out.length < MAX_OCCURRENCES; i++) {
    const date = addDays(first.date, i * step);
    if (rule.until && date > rule.until) break;
    if (rule.count !== undefined && out.length >= rule.count) break;
    if (rule.until === undefined && rule.count === undefined) break;
    const s = fromKyiv(date, first.time);
    const e = fromKyiv(addDays(date, dayDiff), last.time);
    out.push({ start: s, end: e, date });
  }
  return out;
}

/** Length in minutes of an interval as the wall clock in Kyiv shows it. */
export function localMinutes(start: Date, end: Date): number {
  const a = toKyiv(start);
  const b = toKyiv(end);
  const days = Math.round(
    (Date.parse(`${b.date}T00:00:00Z`) - Date.parse(`${a.date}T00:00:00Z`)) / 86_400_000,
  );
  return days * 1440 + minutesOf(b.time) - minutesOf(a.time);
}
