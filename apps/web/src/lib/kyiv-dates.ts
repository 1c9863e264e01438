// Calendar arithmetic in Kyiv local dates ('YYYY-MM-DD'): today, weeks starting on Monday, and
// the instants where a local day or week begins. Never the browser's own time zone.
import { addDays, fromKyiv, toKyiv, weekdayOf } from '@vcentri/shared';

/** Today's date on Kyiv clocks. */
export function kyivToday(now: Date = new Date()): string {
  return toKyiv(now).date;
}

/** The Monday of the week a local date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export interface InstantRange {
  from: Date;
  to: Date;
}

/** The instants bounding local days [first, first + days). */
export function kyivDaysRange(first: string, days: number): InstantRange {
  return { from: fromKyiv(first, '00:00'), to: fromKyiv(addDays(first, days), '00:00') };
}

/** Monday 00:00 to the next Monday 00:00, Kyiv time, of the week holding `date`. */
export function kyivWeekRange(date: string = kyivToday()): InstantRange {
  return kyivDaysRange(mondayOf(date), 7);
}

/** Local dates from `first` up to (not including) `last`. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d < last && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isLocalDate = (value: string | null | undefined): value is string =>
  !!value && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
export const isLocalTime = (value: string | null | undefined): value is string => !!value && TIME.test(value);

export interface LocalDateRange {
  /** Kyiv date 'YYYY-MM-DD', inclusive. */
  from?: string;
  /** Kyiv date 'YYYY-MM-DD', inclusive. */
  to?: string;
}

/** A "to" date before the "from" date (or before today, when there is no "from"). */
export function isBackwardsRange(range: LocalDateRange): boolean {
  return !!range.to && range.to < (range.from ?? kyivToday());
}

/**
 * A list query's instants for a range of Kyiv dates: from the start of the "from" day (today when
 * none is chosen, so a list shows what is still to come) to the end of the "to" day.
 */
export function instantsOfDateRange(range: LocalDateRange): { from: string; to?: string } {
  return {
    from: fromKyiv(range.from ?? kyivToday(), '00:00').toISOString(),
    ...(range.to ? { to: fromKyiv(addDays(range.to, 1), '00:00').toISOString() } : {}),
  };
}
