import { describe, expect, it } from 'vitest';
import { expandRecurrence, fromKyiv, kyivOffsetMinutes, toKyiv } from '../src';

describe('Kyiv time', () => {
  it('reads instants as Kyiv wall-clock time in winter and in summer', () => {
    expect(toKyiv('2026-01-15T16:00:00Z')).toMatchObject({ date: '2026-01-15', time: '18:00', weekday: 4 });
    expect(toKyiv('2026-07-15T15:00:00Z')).toMatchObject({ date: '2026-07-15', time: '18:00', weekday: 3 });
    expect(kyivOffsetMinutes(Date.parse('2026-01-15T16:00:00Z'))).toBe(120);
    expect(kyivOffsetMinutes(Date.parse('2026-07-15T15:00:00Z'))).toBe(180);
  });

  it('turns local times into instants around the clock changes of 2026 (29 March, 25 October)', () => {
    expect(fromKyiv('2026-03-28', '18:00').toISOString()).toBe('2026-03-28T16:00:00.000Z');
    expect(fromKyiv('2026-03-29', '18:00').toISOString()).toBe('2026-03-29T15:00:00.000Z');
    expect(fromKyiv('2026-10-24', '18:00').toISOString()).toBe('2026-10-24T15:00:00.000Z');
    expect(fromKyiv('2026-10-25', '18:00').toISOString()).toBe('2026-10-25T16:00:00.000Z');
    // 03:30 on 29 March does not exist (03:00 → 04:00): it lands after the gap.
    expect(toKyiv(fromKyiv('2026-03-29', '03:30')).time).toBe('04:30');
    // 03:30 on 25 October happens twice: the first one (summer time) is taken.
    expect(fromKyiv('2026-10-25', '03:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromKyiv('2026-05-01', '24:00').toISOString()).toBe('2026-05-01T21:00:00.000Z');
  });
});

describe('expandRecurrence', () => {
  it('keeps a weekly Tuesday 18:00–20:00 at 18:00–20:00 local across the March change', () => {
    const start = fromKyiv('2026-03-17', '18:00');
    const end = fromKyiv('2026-03-17', '20:00');
    const series = expandRecurrence(start, end, { frequency: 'weekly', count: 3 });
    expect(series.map((o) => [o.date, toKyiv(o.start).time, toKyiv(o.end).time])).toEqual([
      ['2026-03-17', '18:00', '20:00'],
      ['2026-03-24', '18:00', '20:00'],
      ['2026-03-31', '18:00', '20:00'],
    ]);
    // The instants move by the hour the clocks moved; every occurrence lasts two real hours.
    expect(series.map((o) => o.start.toISOString())).toEqual([
      '2026-03-17T16:00:00.000Z',
      '2026-03-24T16:00:00.000Z',
      '2026-03-31T15:00:00.000Z',
    ]);
    for (const o of series) expect(o.end.getTime() - o.start.getTime()).toBe(2 * 3600_000);
  });

  it('does the same across the October change, until a date', () => {
    const series = expandRecurrence(fromKyiv('2026-10-13', '18:00'), fromKyiv('2026-10-13', '20:00'), {
      frequency: 'weekly',
      until: '2026-11-03',
    });
    expect(series.map((o) => o.date)).toEqual(['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03']);
    expect(series.map((o) => o.start.toISOString().slice(11, 16))).toEqual([
      '15:00',
      '15:00',
      '16:00',
      '16:00',
    ]);
    for (const o of series) expect(toKyiv(o.start).time).toBe('18:00');
  });

  it('expands daily with an interval, and a single booking is one occurrence', () => {
    const s = fromKyiv('2026-06-01', '10:00');
    const e = fromKyiv('2026-06-01', '11:30');
    expect(expandRecurrence(s, e, { frequency: 'daily', interval: 2, count: 3 }).map((o) => o.date)).toEqual([
      '2026-06-01',
      '2026-06-03',
      '2026-06-05',
    ]);
    expect(expandRecurrence(s, e, undefined)).toHaveLength(1);
  });

  it('keeps the local length when a booking spans the clock change night', () => {
    // Saturday 22:00 to Sunday 06:00 across 25 October: 8 local hours, 9 real hours.
    const [o] = expandRecurrence(fromKyiv('2026-10-24', '22:00'), fromKyiv('2026-10-25', '06:00'), {
      frequency: 'weekly',
      count: 1,
    });
    expect(o!.end.getTime() - o!.start.getTime()).toBe(9 * 3600_000);
    expect(toKyiv(o!.end).time).toBe('06:00');
  });
});
