// Presentation helpers: every instant is shown in Kyiv time, every bilingual value in the UI
// language, every district by its name rather than its slug.
import { DISTRICTS, type Locale, toKyiv } from '@vcentri/shared';

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

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant in Kyiv. */
export function kyivWeekday(date: Date = new Date()): number {
  return toKyiv(date).weekday;
}

const decimals: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** A number as the reader writes it: «4,2» in Ukrainian, "4.2" in English (one decimal at most). */
export function formatDecimal(value: number, locale: Locale): string {
  decimals[locale] ??= new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
  return decimals[locale].format(value);
}

const counts: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** A whole number with the reader's digit grouping: «10 000» in Ukrainian, "10,000" in English. */
export function formatCount(value: number, locale: Locale): string {
  counts[locale] ??= new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 });
  return counts[locale].format(value);
}

export function localized(text: { uk: string; en: string }, locale: Locale): string {
  return text[locale] || text.uk || text.en;
}

export function districtName(slug: string | null | undefined, locale: Locale): string {
  if (!slug) return '';
  const district = DISTRICTS.find((d) => d.slug === slug);
  return district ? district[locale] : slug;
}

/** Kyiv wall-clock time of an instant, "18:00". */
export function formatTime(instant: string | Date, locale: Locale): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** Short date of an instant in Kyiv, "30 бер. 2027 р." / "30 Mar 2027". */
export function formatShortDate(instant: string | Date, locale: Locale): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return formatter(locale, { dateStyle: 'medium' }).format(date);
}

/**
 * An interval in Kyiv time: "30 бер. 2027 р., 18:00–20:00" when it starts and ends on one local
 * day, both full readings otherwise.
 */
export function formatInterval(start: string | Date, end: string | Date, locale: Locale): string {
  const a = typeof start === 'string' ? new Date(start) : start;
  const b = typeof end === 'string' ? new Date(end) : end;
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${String(start)}–${String(end)}`;
  if (formatShortDate(a, locale) === formatShortDate(b, locale)) {
    return `${formatShortDate(a, locale)}, ${formatTime(a, locale)}–${formatTime(b, locale)}`;
  }
  return `${formatDateTime(a, locale)} – ${formatDateTime(b, locale)}`;
}

/** Noon UTC of a calendar date ('YYYY-MM-DD'): the same calendar day in Kyiv, whatever the season. */
function calendarNoon(date: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const instant = new Date(Date.UTC(y, m - 1, d, 12));
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** A Kyiv calendar date ('YYYY-MM-DD') without its weekday, "2 грудня 2026 р.". */
export function formatCalendarDate(date: string, locale: Locale): string {
  const instant = calendarNoon(date);
  return instant ? formatDate(instant, locale) : date;
}

/** A Kyiv calendar date ('YYYY-MM-DD') with its weekday, "вівторок, 30 березня 2027 р.". */
export function formatLocalDate(date: string, locale: Locale): string {
  const instant = calendarNoon(date);
  if (!instant) return date;
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    instant,
  );
}

/**
 * Bilingual text in the UI language, or in the other language when that one is empty; `lang` says
 * which, so a screen reader reads a fallback with the right voice.
 */
export function textIn(
  text: { uk: string; en: string },
  locale: Locale,
): { text: string; lang: Locale | undefined } {
  if (text[locale]) return { text: text[locale], lang: undefined };
  const other: Locale = locale === 'uk' ? 'en' : 'uk';
  return text[other] ? { text: text[other], lang: other } : { text: '', lang: undefined };
}
