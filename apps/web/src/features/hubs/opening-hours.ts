// Opening hours are ISO weekday intervals in Kyiv local time ('HH:MM'); these helpers pick and
// print them.
import type { OpeningInterval } from '@vcentri/shared';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function intervalsOn(hours: readonly OpeningInterval[], weekday: number): OpeningInterval[] {
  return hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
}

export function formatIntervals(intervals: readonly OpeningInterval[]): string {
  return intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');
}
