// The portal on a phone: calendars offer only views that fit.
import { describe, expect, it } from 'vitest';
import { viewsFor } from '../src/components/calendar/full-calendar';

describe('calendar views on a phone', () => {
  it('keeps a single day where a screen has one, a list otherwise', () => {
    expect(viewsFor(['week', 'day', 'list'], undefined, true)).toEqual({
      views: ['day', 'list'],
      initial: 'day',
    });
    expect(viewsFor(['month', 'week', 'list'], 'month', true)).toEqual({ views: ['list'], initial: 'list' });
    expect(viewsFor(['month', 'week'], 'month', true)).toEqual({ views: ['list'], initial: 'list' });
  });

  it('leaves a wide screen’s views as they are', () => {
    expect(viewsFor(['month', 'week', 'list'], 'month', false)).toEqual({
      views: ['month', 'week', 'list'],
      initial: 'month',
    });
  });
});
