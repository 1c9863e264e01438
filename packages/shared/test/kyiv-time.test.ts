import { describe, expect, it } from 'vitest';
import { expandRecurrence, fromKyiv, kyivOffsetMinutes, toKyiv, toKyivByIntl } from '../src';

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

describe('the Kyiv reading kept by hour', () => {
  it('reads every instant as Intl does: each clock change to the millisecond, 200,000 random instants, years outside 1997–2099', () => {
    const same = (ms: number) => expect(toKyiv(ms), new Date(ms).toISOString()).toEqual(toKyivByIntl(ms));
    // Every clock change of 1997–2099 (the last Sundays of March and October, 01:00 UTC), the
    // millisecond before and after, and the next hours.
    for (let year = 1997; year < 2100; year++)
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
        const change = Date.UTC(year, month, sunday, 1);
        expect(toKyivByIntl(change - 1).minutes).not.toBe(toKyivByIntl(change).minutes - 1);
        for (const d of [-3_600_001, -60_000, -1, 0, 1, 59_999, 3_599_999, 3_600_000]) same(change + d);
      }
    let seed = 12345;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const from = Date.UTC(1997, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 200_000; i++) same(Math.floor(from + random() * (to - from)));
    // Outside the kept years, and at their edges: Intl every time (Kyiv's 1924 offset was +02:02).
    for (const iso of [
      '1000-01-01T00:00:00Z',
      '1924-05-01T21:57:55Z',
      '1996-03-31T00:30:00Z',
      '1996-12-31T23:59:59.999Z',
      '1997-01-01T00:00:00Z',
      '2099-12-31T23:59:59.999Z',
      '2100-01-01T00:00:00Z',
      '2999-07-01T12:34:56Z',
    ])
      same(Date.parse(iso));
    expect(() => toKyiv('not a time')).toThrow(RangeError);
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
