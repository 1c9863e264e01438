// Bookings in words: statuses, problem codes (booking wording first, the general one otherwise),
// closure kinds and notification kinds, all from the `bookings` and `errors` namespaces.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../lib/errors';

export function bookingProblemText(t: TFunction, code: string): string {
  return t([`bookings:errors.${code}`, `errors:codes.${code}`, 'errors:codes.unknown_error']);
}

/** A translator for what a booking call threw. */
export function useBookingErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => bookingProblemText(t, errorCodeOf(error)), [t]);
}

/** Room colours for calendars: each contrasts with white text (WCAG AA). */
export const ROOM_COLOURS = ['#0057b7', '#6929c4', '#146c2e', '#9f1853', '#8a5a00', '#005d5d', '#1b1f24'];

export function roomColour(index: number): string {
  return ROOM_COLOURS[index % ROOM_COLOURS.length] as string;
}

/** Colours of what is not a booking one may open: taken time, closures, breaks. */
export const BUSY_COLOUR = '#4f5963';
export const CLOSURE_COLOUR = '#1b1f24';
export const BUFFER_COLOUR = '#c9d1d9';
/** Outline of pending requests (with stripes, so it does not rely on colour). */
export const PENDING_BORDER = '#1b1f24';
