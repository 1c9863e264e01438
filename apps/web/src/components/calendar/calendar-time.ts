// FullCalendar without a time-zone plugin cannot show Europe/Kyiv: it would coerce named zones to
// UTC. So the calendar runs in 'UTC' and is fed Kyiv wall-clock readings written as if they were
// UTC ("18:00 in Kyiv" becomes 18:00Z); what the user picks comes back the same way and is turned
// into a real instant with fromKyiv. Everything about that trick lives in this file.
import { fromKyiv, type OpeningInterval, toKyiv } from '@vcentri/shared';

/** An instant as the calendar's fake-UTC wall-clock string, "2027-03-28T04:00:00Z". */
export function toCalendarTime(instant: string | Date): string {
  const local = toKyiv(instant);
  return `${local.date}T${local.time}:00Z`;
}

/** A date the calendar handed us (fake UTC = Kyiv wall clock) as the real instant. */
export function fromCalendarTime(date: Date): Date {
  const iso = date.toISOString();
  return fromKyiv(iso.slice(0, 10), iso.slice(11, 16));
}

/** The Kyiv local date ('YYYY-MM-DD') of a calendar date. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Kyiv local time ('HH:MM') of a calendar date. */
export function calendarClock(date: Date): string {
  return date.toISOString().slice(11, 16);
}

export interface SlotWindow {
  slotMinTime: string;
  slotMaxTime: string;
}

const DEFAULT_WINDOW: SlotWindow = { slotMinTime: '08:00:00', slotMaxTime: '21:00:00' };

/** The hours a time grid needs to show: the earliest opening to the latest closing, whole hours. */
export function slotWindow(hours: readonly OpeningInterval[] | undefined): SlotWindow {
  if (!hours?.length) return DEFAULT_WINDOW;
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return h * 60 + m;
  };
  const open = Math.min(...hours.map((h) => minutes(h.opens)));
  const close = Math.max(...hours.map((h) => minutes(h.closes)));
  const startHour = Math.floor(open / 60);
  const endHour = Math.min(24, Math.ceil(close / 60));
  if (endHour <= startHour) return DEFAULT_WINDOW;
  const pad = (h: number) => `${String(h).padStart(2, '0')}:00:00`;
  return { slotMinTime: pad(startHour), slotMaxTime: endHour === 24 ? '24:00:00' : pad(endHour) };
}

/** Weekly opening hours as FullCalendar business hours (its weekdays count from Sunday = 0). */
export function businessHoursOf(hours: readonly OpeningInterval[] | undefined) {
  return (hours ?? []).map((h) => ({
    daysOfWeek: [h.weekday % 7],
    startTime: h.opens,
    endTime: h.closes,
  }));
}
