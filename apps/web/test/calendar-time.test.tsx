// The calendar shows Kyiv wall-clock time through a UTC calendar: instants in, fake-UTC readings
// out, and back again, right across the spring (2027-03-28) and autumn (2027-10-31) clock changes.
import { describe, expect, it } from 'vitest';
import {
  calendarClock,
  calendarDate,
  fromCalendarTime,
  slotWindow,
  toCalendarTime,
} from '../src/components/calendar/calendar-time';

describe('Kyiv time in the calendar', () => {
  it('shows an instant as the Kyiv wall clock reads it, in winter and in summer', () => {
    // 16:00 UTC in January is 18:00 in Kyiv (EET, UTC+2); in July it is 19:00 (EEST, UTC+3).
    expect(toCalendarTime('2027-01-12T16:00:00Z')).toBe('2027-01-12T18:00:00Z');
    expect(toCalendarTime('2027-07-12T16:00:00Z')).toBe('2027-07-12T19:00:00Z');
  });

  it('handles the spring change on 28 March 2027 (03:00 EET becomes 04:00 EEST)', () => {
    // 00:59 UTC is 02:59 EET; a minute later, 01:00 UTC, the clocks read 04:00 EEST.
    expect(toCalendarTime('2027-03-28T00:59:00Z')).toBe('2027-03-28T02:59:00Z');
    expect(toCalendarTime('2027-03-28T01:00:00Z')).toBe('2027-03-28T04:00:00Z');
    // The day before and after keep their own offsets.
    expect(toCalendarTime('2027-03-27T16:00:00Z')).toBe('2027-03-27T18:00:00Z');
    expect(toCalendarTime('2027-03-29T15:00:00Z')).toBe('2027-03-29T18:00:00Z');
  });

  it('turns a selection back into the right instants on both sides of the change', () => {
    // Saturday 18:00 (EET) and Monday 18:00 (EEST) are 16:00Z and 15:00Z.
    expect(fromCalendarTime(new Date('2027-03-27T18:00:00Z')).toISOString()).toBe('2027-03-27T16:00:00.000Z');
    expect(fromCalendarTime(new Date('2027-03-29T18:00:00Z')).toISOString()).toBe('2027-03-29T15:00:00.000Z');
    // On the day itself: 02:00 is still winter time, 05:00 already summer time, so the
    // three hours on the wall clock are two real hours.
    const start = fromCalendarTime(new Date('2027-03-28T02:00:00Z'));
    const end = fromCalendarTime(new Date('2027-03-28T05:00:00Z'));
    expect(start.toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(end.toISOString()).toBe('2027-03-28T02:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(2);
  });

  it('round-trips every half hour of the week around both clock changes', () => {
    for (const first of ['2027-03-25T22:00:00Z', '2027-10-28T21:00:00Z']) {
      for (let i = 0; i < 7 * 48; i++) {
        const instant = new Date(Date.parse(first) + i * 30 * 60_000);
        const shown = new Date(toCalendarTime(instant));
        // Autumn's repeated hour shows twice; it maps back to its first occurrence.
        const back = fromCalendarTime(shown);
        expect(toCalendarTime(back)).toBe(toCalendarTime(instant));
      }
    }
  });

  it('reads the local date and clock off a calendar date', () => {
    const shown = new Date(toCalendarTime('2027-03-28T21:30:00Z'));
    // 21:30 UTC on the 28th is 00:30 on the 29th in Kyiv (EEST).
    expect(calendarDate(shown)).toBe('2027-03-29');
    expect(calendarClock(shown)).toBe('00:30');
  });

  it('opens the time grid from the earliest opening to the latest closing', () => {
    expect(
      slotWindow([
        { weekday: 1, opens: '09:30', closes: '18:00' },
        { weekday: 6, opens: '10:00', closes: '20:15' },
      ]),
    ).toEqual({ slotMinTime: '09:00:00', slotMaxTime: '21:00:00' });
    expect(slotWindow([])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '21:00:00' });
  });
});
