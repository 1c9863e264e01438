// Presentation helpers: every instant is shown in Kyiv time, every bilingual value in the UI
// language, every district by its name rather than its slug.
import { DISTRICTS, type Locale } from '@vcentri/shared';

export const KYIV_TIME_ZONE = 'Europe/Kyiv';

const INTL_LOCALE: Record<Locale, string> = { uk: 'uk-UA', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: KYIV_TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** Date and time of an instant in Kyiv, e.g. "29 бер. 2026 р., 18:00". */
export function formatDateTime(instant: string | Date, locale: Locale): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Date only, in Kyiv. */
export function formatDate(instant: string | Date, locale: Locale): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return formatter(locale, { dateStyle: 'long' }).format(date);
}

const WEEKDAY_NUMBER: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const kyivWeekdayFormatter = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: KYIV_TIME_ZONE });

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in Kyiv. */
export function kyivWeekday(date: Date = new Date()): number {
  return WEEKDAY_NUMBER[kyivWeekdayFormatter.format(date)] ?? 1;
}

export function localized(text: { uk: string; en: string }, locale: Locale): string {
  return text[locale] || text.uk || text.en;
}

export function districtName(slug: string | null | undefined, locale: Locale): string {
  if (!slug) return '';
  const district = DISTRICTS.find((d) => d.slug === slug);
  return district ? district[locale] : slug;
}
