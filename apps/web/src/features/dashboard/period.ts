// The dashboard's period as the URL carries it: a month (`month=2026-09`), a quarter
// (`quarter=2026-Q3`), a year (`year=2026`) or any range of days (`from`, `to`). The default is the
// last whole quarter.

import { reportPeriodDays } from '@vcentri/shared';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';
export interface Period {
  kind: PeriodKind;
  /** `2026-09`, `2026-Q3`, `2026`, or `2026-01-05..2026-02-14`. */
  value: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function monthPeriod(value: string): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return { kind: 'month', value, from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
}

/** A quarter (`2026-Q3`) or a year (`2026`): the days the reports give the same name. */
function namedPeriod(kind: 'quarter' | 'year', value: string): Period | null {
  const days = reportPeriodDays(value);
  return days && days.kind === kind ? { kind, value, from: days.from, to: days.to } : null;
}

export const quarterPeriod = (value: string) => namedPeriod('quarter', value);
export const yearPeriod = (value: string) => namedPeriod('year', value);

const validDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

export function rangePeriod(from: string, to: string): Period | null {
  if (!validDate(from) || !validDate(to) || to < from) return null;
  return { kind: 'range', value: `${from}..${to}`, from, to };
}

/** The quarter before the one holding `today` (a Kyiv date). */
export function lastQuarter(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The twelve quarters up to the one holding `today`, newest first. */
export function recentQuarters(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  let index = y * 4 + Math.floor((m - 1) / 3);
  const out: string[] = [];
  for (let i = 0; i < 12; i++, index--) out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  return out;
}

/** The period the URL asks for, or the last whole quarter. */
export function periodFromParams(params: URLSearchParams, today: string): Period {
  const month = params.get('month');
  const quarter = params.get('quarter');
  const year = params.get('year');
  const from = params.get('from');
  const to = params.get('to');
  return (
    (month ? monthPeriod(month) : null) ??
    (quarter ? quarterPeriod(quarter) : null) ??
    (year ? yearPeriod(year) : null) ??
    (from && to ? rangePeriod(from, to) : null) ??
    (quarterPeriod(lastQuarter(today)) as Period)
  );
}
