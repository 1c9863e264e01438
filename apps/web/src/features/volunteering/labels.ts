// Volunteering in words: causes carry their Ukrainian and English names in the shared contract;
// durations and the rest come from the `volunteering` namespace.
import { EVENT_LANGUAGES, type Locale, VOLUNTEER_CAUSES, type VolunteerCause } from '@vcentri/shared';
import type { TFunction } from 'i18next';

/** The languages a program can be run in (the same list as events'). */
export const VOLUNTEER_LANGUAGES = EVENT_LANGUAGES;

export function causeLabel(cause: string, locale: Locale): string {
  return Object.hasOwn(VOLUNTEER_CAUSES, cause) ? VOLUNTEER_CAUSES[cause as VolunteerCause][locale] : cause;
}

/** Minutes as hours and minutes: "3 год 30 хв" / "3 h 30 min". */
export function formatMinutes(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('volunteering:duration.minutes', { count: rest });
  if (rest === 0) return t('volunteering:duration.hours', { count: hours });
  return t('volunteering:duration.hoursMinutes', { hours, minutes: rest });
}

/** Whether a shift has started (sign-up closes then; withdrawing is no longer offered). */
export function hasStarted(shift: { start: string }, now = Date.now()): boolean {
  return Date.parse(shift.start) <= now;
}
