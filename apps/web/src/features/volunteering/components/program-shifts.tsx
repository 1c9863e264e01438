// A program's upcoming shifts as a list (each with sign-up) or in the Kyiv-time calendar. A shift
// picked in the calendar is shown in the list, with focus on it.
import type { ShiftView } from '@vcentri/shared';
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Calendar, type CalendarEvent } from '../../../components/calendar';
import { EmptyState } from '../../../components/status';
import { ViewToggle } from '../../../components/view-toggle';
import { kyivToday } from '../../../lib/kyiv-dates';
import { shiftAnchor } from '../paths';
import { ShiftCard } from './shift-card';
import { type MySignup, type SignupGate, ShiftSignup } from './shift-signup';

interface ProgramShiftsProps {
  shifts: readonly ShiftView[];
  gate: SignupGate;
  mine: ReadonlyMap<string, MySignup>;
  view: 'list' | 'calendar';
  onView(view: 'list' | 'calendar'): void;
}

export function ProgramShifts({ shifts, gate, mine, view, onView }: ProgramShiftsProps) {
  const { t } = useTranslation('volunteering');
  // A link to one shift (a reminder's, say) lands here with #shift-<id>: focus that shift.
  const { hash } = useLocation();
  const [focusShift, setFocusShift] = useState<string | null>(
    hash.startsWith(`#${shiftAnchor('')}`) ? hash.slice(1 + shiftAnchor('').length) : null,
  );

  useLayoutEffect(() => {
    if (view !== 'list' || !focusShift) return;
    const card = document.getElementById(shiftAnchor(focusShift));
    if (!card) return;
    card.focus();
    card.scrollIntoView?.({ block: 'center' });
    setFocusShift(null);
  }, [view, focusShift, shifts]);

  const onEventClick = useCallback(
    (id: string) => {
      setFocusShift(id);
      onView('list');
    },
    [onView],
  );
  const events = useMemo<CalendarEvent[]>(
    () =>
      shifts.map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        title: `${s.task} · ${s.placesLeft > 0 ? t('places.leftShort', { count: s.placesLeft }) : t('places.full')}`,
      })),
    [shifts, t],
  );

  return (
    <section aria-labelledby="shifts-title">
      <div className="toolbar">
        <h2 id="shifts-title">{t('program.shifts')}</h2>
        <ViewToggle
          label={t('program.viewLabel')}
          value={view}
          options={[
            { value: 'list', label: t('program.viewList') },
            { value: 'calendar', label: t('program.viewCalendar') },
          ]}
          onChange={onView}
        />
      </div>
      {shifts.length === 0 ? (
        <EmptyState>{t('program.noShifts')}</EmptyState>
      ) : view === 'calendar' ? (
        <Calendar
          label={t('program.calendarLabel')}
          events={events}
          views={['month', 'week', 'list']}
          initialView="month"
          initialDate={shifts[0] ? kyivToday(new Date(shifts[0].start)) : undefined}
          onEventClick={onEventClick}
        />
      ) : (
        <ul className="card-list" aria-label={t('program.shifts')}>
          {shifts.map((shift) => (
            <li key={shift.id}>
              <ShiftCard shift={shift}>
                <ShiftSignup shift={shift} gate={gate} mine={mine.get(shift.id) ?? null} />
              </ShiftCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
