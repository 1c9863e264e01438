// The calendar as screens use it: FullCalendar is fetched only when a calendar is first shown,
// so the public home page never downloads it.
import { lazy, Suspense } from 'react';
import { Loading } from '../status';
import type { CalendarProps } from './types';

const KyivCalendar = lazy(() => import('./full-calendar'));

export function Calendar(props: CalendarProps) {
  return (
    <Suspense
      fallback={
        <div className="kyiv-calendar-pending">
          <Loading />
        </div>
      }
    >
      <KyivCalendar {...props} />
    </Suspense>
  );
}

export type { CalendarEvent, CalendarProps, CalendarSelection, CalendarView } from './types';
