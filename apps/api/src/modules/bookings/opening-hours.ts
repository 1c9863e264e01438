// Opening hours in Kyiv local time: the weekly pattern with dated exceptions, turned into real
// instants day by day (so a DST day gets its true length).
import { addDays, fromKyiv, minutesOf, toKyiv, weekdayOf } from '@vcentri/shared';

export interface WeeklyInterval {
  weekday: number;
  opens: string;
  closes: string;
}
export interface DatedException {
  date: string;
  opens: string | null;
  closes: string | null;
}

export interface HoursSource {
  weekly: WeeklyInterval[];
  exceptions: Map<string, DatedException>;
}

/** The local opening intervals of one date: an exception replaces the weekday's hours. */
export function localIntervalsOn(date: string, hours: HoursSource): { opens: string; closes: string }[] {
  const ex = hours.exceptions.get(date);
  if (ex) return ex.opens && ex.closes ? [{ opens: ex.opens, closes: ex.closes }] : [];
  const wd = weekdayOf(date);
  return hours.weekly.filter((w) => w.weekday === wd).map((w) => ({ opens: w.opens, closes: w.closes }));
}

/** True when [start, end) lies inside one opening interval of its local date. */
export function withinOpeningHours(start: Date, end: Date, hours: HoursSource): boolean {
  const s = toKyiv(start);
  const e = toKyiv(end);
  const endMinutes =
    e.date === s.date ? e.minutes : e.date === addDays(s.date, 1) && e.minutes === 0 ? 1440 : -1;
  if (endMinutes < 0) return false;
  return localIntervalsOn(s.date, hours).some(
    (i) => minutesOf(i.opens) <= s.minutes && endMinutes <= minutesOf(i.closes),
  );
}

/** The opening intervals, as instants, that meet [from, to). */
export function openWindows(from: Date, to: Date, hours: HoursSource): { start: Date; end: Date }[] {
  const out: { start: Date; end: Date }[] = [];
  let date = toKyiv(from).date;
  const last = toKyiv(new Date(to.getTime() - 1)).date;
  for (let guard = 0; date <= last && guard < 400; guard++, date = addDays(date, 1)) {
    for (const i of localIntervalsOn(date, hours)) {
      const start = new Date(Math.max(fromKyiv(date, i.opens).getTime(), from.getTime()));
      const end = new Date(Math.min(fromKyiv(date, i.closes).getTime(), to.getTime()));
      if (start < end) out.push({ start, end });
    }
  }
  return out;
}

/** Intervals minus busy ones (both sorted or not); returns the free pieces in order. */
export function subtract(
  open: { start: Date; end: Date }[],
  busy: { start: Date; end: Date }[],
): { start: Date; end: Date }[] {
  const sortedBusy = [...busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: { start: Date; end: Date }[] = [];
  for (const o of open) {
    let cursor = o.start.getTime();
    for (const b of sortedBusy) {
      if (b.end.getTime() <= cursor || b.start.getTime() >= o.end.getTime()) continue;
      if (b.start.getTime() > cursor) out.push({ start: new Date(cursor), end: b.start });
      cursor = Math.max(cursor, b.end.getTime());
    }
    if (cursor < o.end.getTime()) out.push({ start: new Date(cursor), end: o.end });
  }
  return out;
}

/** Great-circle distance in kilometres. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
