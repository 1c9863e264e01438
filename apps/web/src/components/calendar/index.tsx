// The calendar as screens use it: FullCalendar is fetched only when a calendar is first shown,
// so the public home page never downloads it.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Loading } from '../status';
import type { CalendarProps } from './types';

const KyivCalendar = lazy(() => import('./full-calendar'));

/** How far ahead of the screen's edge the calendar starts loading as the page is scrolled. */
const LOAD_AHEAD = '150px 0px';

export function Calendar(props: CalendarProps) {
  // Its code (65 KB, the largest file a page loads) and its first drawing (a long task on a slow
  // phone) wait until the calendar's place is on the screen or about to be: a room's facts and
  // rules show first, and on a phone, where the calendar sits below them, a visitor who reads
  // only those never pays for it. The observer reports after the page around it has painted;
  // where there is none (tests in jsdom), the calendar loads at once.
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = place.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        setNear(true);
      },
      { rootMargin: LOAD_AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const pending = (
    <div className="kyiv-calendar-pending" ref={place}>
      <Loading />
    </div>
  );
  if (!near) return pending;
  return (
    <Suspense fallback={pending}>
      <KyivCalendar {...props} />
    </Suspense>
  );
}

export type { CalendarEvent, CalendarProps, CalendarSelection, CalendarView } from './types';
