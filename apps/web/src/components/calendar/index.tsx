// The calendar as screens use it: FullCalendar is fetched only when a calendar is first shown,
// so the public home page never downloads it.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Loading } from '../status';
import type { CalendarProps } from './types';

const KyivCalendar = lazy(() => import('./full-calendar'));

export function Calendar(props: CalendarProps) {
  // Its code (65 KB, the largest file a page loads) is asked for once the page around it has been
  // painted (an effect runs after the paint): a room's facts and rules show first, not after the
  // calendar has been fetched and run, and the calendar's work is a task of its own.
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  const pending = (
    <div className="kyiv-calendar-pending">
      <Loading />
    </div>
  );
  if (!painted) return pending;
  return (
    <Suspense fallback={pending}>
      <KyivCalendar {...props} />
    </Suspense>
  );
}

export type { CalendarEvent, CalendarProps, CalendarSelection, CalendarView } from './types';
