import { describe, expect, it } from 'vitest';
import { canonicalJson, isReportPeriodComplete, previousReportPeriod, reportPeriodDays } from '../src';

describe('report periods', () => {
  it('names the Kyiv days of quarters and years, both ends included', () => {
    expect(reportPeriodDays('2026-Q1')).toEqual({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    expect(reportPeriodDays('2024-Q1')?.to).toBe('2024-03-31');
    expect(reportPeriodDays('2026-Q3')).toEqual({ kind: 'quarter', from: '2026-07-01', to: '2026-09-30' });
    expect(reportPeriodDays('2026-Q4')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(reportPeriodDays('2026')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    for (const bad of ['2026-Q5', '1999', '2026Q1', '26-Q1', '']) expect(reportPeriodDays(bad)).toBeNull();
  });

  it('knows the period before, across years', () => {
    expect(previousReportPeriod('2026-Q1')).toEqual({
      period: '2025-Q4',
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousReportPeriod('2026-Q3')).toEqual({
      period: '2026-Q2',
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(previousReportPeriod('2000')).toEqual({ period: '1999', from: '1999-01-01', to: '1999-12-31' });
  });

  it('is complete only once its last day is over in Kyiv', () => {
    // 2026-09-30 21:30 UTC is already 1 October 00:30 in Kyiv (EEST, UTC+3).
    expect(isReportPeriodComplete('2026-Q3', Date.parse('2026-09-30T20:59:00Z'))).toBe(false);
    expect(isReportPeriodComplete('2026-Q3', Date.parse('2026-09-30T21:30:00Z'))).toBe(true);
    expect(isReportPeriodComplete('2026', Date.parse('2026-12-31T21:59:00Z'))).toBe(false);
    expect(isReportPeriodComplete('2026', Date.parse('2026-12-31T22:00:00Z'))).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'ї', c: null }, 2.5], e: true })).toBe(
      '{"a":[{"c":null,"d":"ї"},2.5],"b":1,"e":true}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
