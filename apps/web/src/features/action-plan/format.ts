// How the action plan's quarters and figures read: «III кв. 2026» / "Q3 2026", numbers with the
// reader's separators, and the quarters a reader may pick (from the plan's start to now, in Kyiv).
import { type Locale, quarterOf } from '@vcentri/shared';

/** The plan began in 2025; nothing is recorded before its first quarter. */
export const FIRST_QUARTER = '2025-Q1';

const ROMAN = ['I', 'II', 'III', 'IV'];

export function formatQuarter(quarter: string, locale: Locale): string {
  const year = quarter.slice(0, 4);
  const n = Number(quarter.slice(6));
  return locale === 'uk' ? `${ROMAN[n - 1] ?? n} кв. ${year}` : `Q${n} ${year}`;
}

const figures: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** A value as the reader writes it, with at most two decimals: «1 250,5» / "1,250.5". */
export function formatFigure(value: number, locale: Locale): string {
  figures[locale] ??= new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', {
    maximumFractionDigits: 2,
  });
  return figures[locale].format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return `${formatFigure(Math.round(value * 10) / 10, locale)} %`;
}

function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const n = Number(quarter.slice(6));
  return n === 4 ? `${year + 1}-Q1` : `${year}-Q${n + 1}`;
}

/** Every quarter from `from` to `to`, newest first. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = from; q <= to && out.length < 200; q = nextQuarter(q)) out.push(q);
  return out.reverse();
}

/** The quarters a value may be recorded for or the plan read as of: none in the future. */
export function pastQuarters(now = new Date()): string[] {
  return quartersBetween(FIRST_QUARTER, quarterOf(now));
}

/** Quarters a target may be set for: the plan's span and a few years beyond today. */
export function targetQuarters(now = new Date()): string[] {
  const year = Number(quarterOf(now).slice(0, 4));
  return quartersBetween(FIRST_QUARTER, `${year + 4}-Q4`).reverse();
}
