// Kyiv local time <-> instants, without a time-zone library: Intl knows Europe/Kyiv's rules
// (EET/EEST, clocks change on the last Sundays of March and October).
export const KYIV = 'Europe/Kyiv';

// Made on first use: building an Intl formatter loads locale and time-zone data, which a page
// that shows no time should not pay for while it starts.
let partsFormatter: Intl.DateTimeFormat | undefined;
const kyivParts = () =>
  (partsFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: KYIV,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  }));

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface KyivLocal {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** ISO weekday, 1 = Monday */
  weekday: number;
  /** minutes since local midnight */
  minutes: number;
}

/**
 * The Kyiv wall-clock reading of an instant. Since 1997 Kyiv changes its clocks at 01:00 UTC (the
 * EU rule), so its offset from UTC is the same through every whole UTC hour: the offset of an hour
 * is asked of Intl once and kept, and the reading is arithmetic on the instant — a booking's checks
 * and a page of answers read dozens of instants, and Intl's `formatToParts` costs microseconds
 * each. Instants outside 1997–2099 are read by Intl every time.
 */
export function toKyiv(instant: Date | string | number): KyivLocal {
  const ms = new Date(instant).getTime();
  if (!(ms >= FAST_FROM && ms < FAST_TO)) return toKyivByIntl(instant);
  const wall = new Date(ms + offsetOfHourAt(ms) * 60_000);
  const hh = wall.getUTCHours();
  const mm = wall.getUTCMinutes();
  const wd = wall.getUTCDay();
  return {
    date: wall.toISOString().slice(0, 10),
    time: `${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`,
    weekday: wd === 0 ? 7 : wd,
    minutes: hh * 60 + mm,
  };
}

const HOUR_MS = 3_600_000;
const FAST_FROM = Date.UTC(1997, 0, 1);
const FAST_TO = Date.UTC(2100, 0, 1);
/** Kyiv's offset from UTC in minutes, by UTC hour (hours since the epoch), as Intl gave it. */
const offsetOfHour = new Map<number, number>();

/** Kyiv's offset from UTC in the UTC hour of `ms` (1997–2099), asked of Intl once an hour. */
function offsetOfHourAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetOfHour.get(hour);
  if (offset === undefined) {
    offset = offsetByIntl(hour * HOUR_MS);
    if (offsetOfHour.size >= 100_000) offsetOfHour.clear();
    offsetOfHour.set(hour, offset);
  }
  return offset;
}

/** Kyiv's offset from UTC at an instant, in minutes, from Intl's reading of it (any instant). */
function offsetByIntl(ms: number): number {
  const d = new Date(ms);
  const local = toKyivByIntl(d);
  const [y, m, day] = local.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(
    y,
    m - 1,
    day,
    Math.floor(local.minutes / 60),
    local.minutes % 60,
    d.getUTCSeconds(),
  );
  return Math.round((asUtc - (ms - d.getUTCMilliseconds())) / 60_000);
}

/** The Kyiv wall-clock reading of an instant, by Intl's `formatToParts` (any instant). */
export function toKyivByIntl(instant: Date | string | number): KyivLocal {
  const d = new Date(instant);
  const p: Record<string, string> = {};
  for (const part of kyivParts().formatToParts(d)) p[part.type] = part.value;
  const hour = p.hour === '24' ? '00' : p.hour!;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${hour}:${p.minute}`,
    weekday: WEEKDAYS[p.weekday!]!,
    minutes: Number(hour) * 60 + Number(p.minute),
  };
}

const spokenFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: KYIV,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
const textFormatters: Partial<Record<'uk' | 'en', Intl.DateTimeFormat>> = {};

/**
 * An instant as a reader says it, in Kyiv time: «22 грудня 2026 р. о 10:00», "22 December 2026 at
 * 10:00". The one wording of times in notifications and e-mails.
 */
export function kyivText(instant: Date | string | number, locale: 'uk' | 'en'): string {
  textFormatters[locale] ??= spokenFormat(locale === 'uk' ? 'uk-UA' : 'en-GB');
  return textFormatters[locale].format(new Date(instant));
}

/** Offset of Kyiv from UTC at an instant, in minutes (120 in winter, 180 in summer). */
export function kyivOffsetMinutes(instant: Date | number): number {
  const ms = new Date(instant).getTime();
  return ms >= FAST_FROM && ms < FAST_TO ? offsetOfHourAt(ms) : offsetByIntl(ms);
}

/**
 * The instant at which Kyiv clocks show `date` `time`. A time that does not exist (skipped in
 * the spring change) moves forward by the gap; an ambiguous one (autumn) takes the first.
 */
export function fromKyiv(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time === '24:00' ? [24, 0] : (time.split(':').map(Number) as [number, number]);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Try the offsets Kyiv uses; the earliest one whose reading matches wins.
  const wantDate = hh === 24 ? addDays(date, 1) : date;
  const wantMinutes = (hh * 60 + mm) % 1440;
  const candidates = [180, 120]
    .map((off) => wall - off * 60_000)
    .filter((t) => {
      const back = toKyiv(t);
      return back.minutes === wantMinutes && back.date === wantDate;
    });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the spring gap: the wall time does not exist; use the winter offset, which lands after it.
  return new Date(wall - 120 * 60_000);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
