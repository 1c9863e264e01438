// Periods of the dashboard: whole Kyiv days, both ends included; the previous period of the same
// length; the twelve months up to a period's end. (Quarters and years by name: reportPeriodDays in
// packages/shared/src/reports.ts.)
import { addDays } from '@vcentri/shared';
import { AppError } from '../../errors';

export interface DayRange {
  from: string;
  to: string;
}

/** A labelled range of days: the rows of every figure's statement are grouped by these. */
export interface Bucket extends DayRange {
  label: string;
}

const DAY = 86_400_000;

/** Days from `from` to `to`, both included. */
export function daysIn(r: DayRange): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / DAY) + 1;
}

/** The period of the same length that ends the day before `r` starts. */
export function previousOf(r: DayRange): DayRange {
  return { from: addDays(r.from, -daysIn(r)), to: addDays(r.from, -1) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of month `m` (1–12) of `year`. */
export function monthRange(year: number, m: number): DayRange {
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${pad(last)}` };
}

/** The twelve whole months up to the month of `day`, oldest first, labelled `YYYY-MM`. */
export function twelveMonthsTo(day: string): Bucket[] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const out: Bucket[] = [];
  for (let i = 11; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    out.push({ label: `${year}-${pad(month)}`, ...monthRange(year, month) });
  }
  return out;
}

/** Checks a period of calendar dates (the schema checks them): in order, at most `maxDays` long. */
export function checkPeriod(r: DayRange, maxDays: number): DayRange {
  if (r.to < r.from) throw new AppError('invalid_interval', 400, 'The end must not come before the start.');
  if (daysIn(r) > maxDays)
    throw new AppError('period_too_long', 400, `A period may span at most ${maxDays} days.`);
  return r;
}
