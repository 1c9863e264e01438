// How a report's figures read: shares as percentages, hours and ratings with decimals, the change
// from the previous period with its sign (shares in percentage points), and a period's name.
import type { DashboardFigureKey, Locale } from '@vcentri/shared';
import type { TFunction } from 'i18next';

const SHARES: DashboardFigureKey[] = ['utilisation', 'noShowRate'];
const formats: Record<string, Intl.NumberFormat> = {};
const number = (locale: Locale, digits: number) =>
  (formats[`${locale}${digits}`] ??= new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', {
    maximumFractionDigits: digits,
  }));

export function figureText(key: DashboardFigureKey, value: number | null, locale: Locale): string {
  if (value === null) return '—';
  if (SHARES.includes(key)) return `${number(locale, 1).format(value * 100)} %`;
  return number(locale, key === 'averageRating' ? 2 : 1).format(value);
}

/** "+12 (+25 %)", "−3,4 в. п.", "±0"; the direction word is for screen readers. */
export function changeOf(
  key: DashboardFigureKey,
  value: number | null,
  previous: number | null,
  locale: Locale,
): { text: string; direction: 'up' | 'down' | 'same' } | null {
  if (value === null || previous === null) return null;
  const diff = value - previous;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  if (SHARES.includes(key))
    return {
      text: `${sign}${number(locale, 1).format(Math.abs(diff) * 100)} ${locale === 'uk' ? 'в. п.' : 'pp'}`,
      direction,
    };
  const abs = number(locale, key === 'averageRating' ? 2 : 1).format(Math.abs(diff));
  if (previous === 0 || diff === 0) return { text: `${sign}${abs}`, direction };
  return {
    text: `${sign}${abs} (${sign}${number(locale, 0).format(Math.abs((diff / previous) * 100))} %)`,
    direction,
  };
}

/** «III квартал 2026 року» / "Quarter 3 of 2026", «2026 рік» / "Year 2026". */
export function periodName(period: string, t: TFunction): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return t('reports:period.year', { year });
  const q = Number(period.slice(6));
  return t('reports:period.quarter', { year, n: q, quarter: ['I', 'II', 'III', 'IV'][q - 1] ?? q });
}
