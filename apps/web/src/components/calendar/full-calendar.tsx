// The one FullCalendar in the portal (loaded lazily, see index.tsx): Kyiv wall-clock time through
// a UTC calendar, Ukrainian or English, weeks from Monday, 24-hour clock, opening hours as the
// visible window, and events that can be reached and opened from the keyboard.
import type { DatesSetArg, EventClickArg, EventContentArg, EventInput } from '@fullcalendar/core';
import enGb from '@fullcalendar/core/locales/en-gb';
import uk from '@fullcalendar/core/locales/uk';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n';
import { useNarrowScreen } from '../../lib/narrow-screen';
import { businessHoursOf, fromCalendarTime, slotWindow, toCalendarTime } from './calendar-time';
import type { CalendarProps, CalendarView } from './types';
import './calendar.css';

const VIEW_NAMES: Record<CalendarView, string> = {
  week: 'timeGridWeek',
  day: 'timeGridDay',
  month: 'dayGridMonth',
  list: 'listWeek',
};

const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
// Views that fit a phone: a week or a month of seven columns does not.
const PHONE_VIEWS: readonly CalendarView[] = ['day', 'list'];

/**
 * The views a screen offers and the one it opens on. On a phone only a single day or a list: the
 * day where the screen has one (it keeps free time and selection), the list otherwise.
 */
export function viewsFor(
  views: readonly CalendarView[],
  initialView: CalendarView | undefined,
  narrow: boolean,
): { views: readonly CalendarView[]; initial: CalendarView } {
  const initial = initialView ?? views[0] ?? 'week';
  if (!narrow) return { views, initial };
  const fitting = views.filter((v) => PHONE_VIEWS.includes(v));
  const offered: readonly CalendarView[] = fitting.length ? fitting : ['list'];
  return { views: offered, initial: offered.includes(initial) ? initial : offered[0]! };
}

// In the month grid, timed events as coloured blocks (not dots), so status patterns show.
const MONTH_AS_BLOCKS = { dayGridMonth: { eventDisplay: 'block' } };

export default function KyivCalendar({
  label,
  events,
  views,
  initialView,
  initialDate,
  openingHours,
  selectable = false,
  onSelect,
  onEventClick,
  onRangeChange,
}: CalendarProps) {
  const { t } = useTranslation('common');
  const locale = useLocale();
  const window = slotWindow(openingHours);
  const narrow = useNarrowScreen();
  const shown = viewsFor(views, initialView, narrow);

  const input = useMemo<EventInput[]>(
    () =>
      events.map((e) => ({
        id: e.id,
        title: e.title,
        start: toCalendarTime(e.start),
        end: toCalendarTime(e.end),
        classNames: e.classNames,
        backgroundColor: e.color,
        borderColor: e.borderColor ?? e.color,
        textColor: e.textColor ?? (e.color ? '#ffffff' : undefined),
        display: e.display ?? 'auto',
        interactive: e.display !== 'background' && (e.interactive ?? !!onEventClick),
      })),
    [events, onEventClick],
  );

  // FullCalendar draws the previous/next arrows as `<span role="img">` with no text, and names the
  // buttons only by `title`. Name the buttons and hide the pictures from screen readers; the
  // toolbar keeps its buttons across navigation, so once per render is enough. The connector
  // draws the calendar in its componentDidMount/componentDidUpdate, which preact/compat runs after
  // every layout effect of the commit (React runs a child's first): the pass waits for the end of
  // the commit, a microtask later and still before the browser paints.
  const frame = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    queueMicrotask(() => {
      for (const button of frame.current?.querySelectorAll<HTMLButtonElement>('.fc-toolbar button') ?? []) {
        if (button.title && !button.textContent?.trim()) button.setAttribute('aria-label', button.title);
        for (const icon of button.querySelectorAll('.fc-icon')) icon.setAttribute('aria-hidden', 'true');
      }
    });
  });

  return (
    <section className="kyiv-calendar" aria-label={label} ref={frame}>
      <FullCalendar
        // Turning a phone or resizing across the breakpoint starts the calendar again in a fitting view.
        key={narrow ? 'narrow' : 'wide'}
        plugins={[timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
        timeZone="UTC"
        now={() => toCalendarTime(new Date())}
        initialDate={initialDate}
        locales={[uk, enGb]}
        locale={locale === 'uk' ? 'uk' : 'en-gb'}
        firstDay={1}
        initialView={VIEW_NAMES[shown.initial]}
        views={MONTH_AS_BLOCKS}
        headerToolbar={{
          left: 'prev,next today',
          center: 'title',
          right: shown.views.length > 1 ? shown.views.map((v) => VIEW_NAMES[v]).join(',') : '',
        }}
        buttonText={{
          today: t('calendar.today'),
          month: t('calendar.month'),
          week: t('calendar.week'),
          day: t('calendar.day'),
          list: t('calendar.list'),
        }}
        buttonHints={{
          prev: t('calendar.previous'),
          next: t('calendar.next'),
          today: t('calendar.todayHint'),
        }}
        noEventsText={t('calendar.noEvents')}
        allDaySlot={false}
        slotMinTime={window.slotMinTime}
        slotMaxTime={window.slotMaxTime}
        slotDuration="00:30:00"
        slotLabelFormat={TIME_FORMAT}
        eventTimeFormat={TIME_FORMAT}
        businessHours={openingHours ? businessHoursOf(openingHours) : false}
        nowIndicator
        height="auto"
        expandRows
        events={input}
        eventInteractive={!!onEventClick}
        eventContent={renderEvent}
        selectable={selectable}
        selectMirror={selectable}
        unselectAuto
        select={
          onSelect
            ? (arg) => onSelect({ start: fromCalendarTime(arg.start), end: fromCalendarTime(arg.end) })
            : undefined
        }
        eventClick={
          onEventClick
            ? (arg: EventClickArg) => {
                arg.jsEvent.preventDefault();
                if (arg.event.display !== 'background') onEventClick(arg.event.id);
              }
            : undefined
        }
        // A month cell is labelled by its day number although it also holds events: the name would
        // leave out text the cell shows (WCAG 2.5.3). The cell needs no name of its own.
        dayCellDidMount={(arg) => arg.el.removeAttribute('aria-labelledby')}
        datesSet={
          onRangeChange
            ? (arg: DatesSetArg) =>
                onRangeChange({ from: fromCalendarTime(arg.start), to: fromCalendarTime(arg.end) })
            : undefined
        }
      />
    </section>
  );
}

function renderEvent(arg: EventContentArg) {
  if (arg.event.display === 'background') return null;
  return (
    <span className="kyiv-calendar__event">
      {arg.timeText ? <span className="kyiv-calendar__time">{arg.timeText}</span> : null}
      <span className="kyiv-calendar__title">{arg.event.title}</span>
    </span>
  );
}
