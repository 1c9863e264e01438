// A room's week: free time as green bands, bookings as "Booked" (with their titles for the
// booking's organisation, the hub's managers and staff), closures and breaks between bookings. The
// same facts are listed day by day under the calendar, so nothing needs a mouse or sight.
import { type OpeningInterval, toKyiv } from '@vcentri/shared';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Calendar, type CalendarEvent } from '../../../components/calendar';
import { ErrorState, Loading } from '../../../components/status';
import { formatLocalDate, formatTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import {
  datesBetween,
  type InstantRange,
  kyivDaysRange,
  kyivToday,
  kyivWeekRange,
} from '../../../lib/kyiv-dates';
import { useNarrowScreen } from '../../../lib/narrow-screen';
import { type BusyInterval, useAvailability } from '../api/get-availability';
import { BUFFER_COLOUR, BUSY_COLOUR, CLOSURE_COLOUR, PENDING_BORDER } from '../labels';

interface RoomAvailabilityProps {
  roomId: string;
  openingHours?: readonly OpeningInterval[];
  /** Whether the viewer may pick a free range to book (drag across the calendar). */
  canBook: boolean;
  onPick?(pick: { date: string; start: string; end: string }): void;
  /** Opens one of the viewer's own bookings. */
  onOpenBooking?(bookingId: string): void;
  /** Kyiv date (YYYY-MM-DD) whose week to show first; today's week by default. */
  initialDate?: string;
}

interface Entry {
  start: string;
  end: string;
  kind: 'free' | BusyInterval['kind'];
  status: BusyInterval['status'];
  title: string | null;
}

function sameRange(a: InstantRange, b: InstantRange) {
  return a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();
}

export function RoomAvailability({
  roomId,
  openingHours,
  canBook,
  onPick,
  onOpenBooking,
  initialDate,
}: RoomAvailabilityProps) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  // The range the calendar opens on: a phone shows a single day (components/calendar), so it asks
  // for that day only instead of a week it would then replace.
  const narrow = useNarrowScreen();
  const [range, setRange] = useState<InstantRange>(() =>
    narrow ? kyivDaysRange(initialDate ?? kyivToday(), 1) : kyivWeekRange(initialDate),
  );
  const availability = useAvailability(roomId, range);

  const onRangeChange = useCallback(
    (next: InstantRange) => setRange((current) => (sameRange(current, next) ? current : next)),
    [],
  );

  const busyLabel = useCallback(
    (b: BusyInterval) => {
      if (b.kind === 'closure')
        return b.title ? t('availability.closedWith', { reason: b.title }) : t('availability.closed');
      if (b.kind === 'buffer') return t('availability.buffer');
      const base = b.title ?? t('availability.booked');
      return b.status === 'pending' ? t('availability.pendingTitle', { title: base }) : base;
    },
    [t],
  );

  const events = useMemo<CalendarEvent[]>(() => {
    const data = availability.data;
    if (!data) return [];
    return [
      ...data.free.map((f, i) => ({
        id: `free-${i}`,
        start: f.start,
        end: f.end,
        title: t('availability.free'),
        display: 'background' as const,
      })),
      ...data.busy.map((b, i) => ({
        id: b.bookingId ?? `busy-${i}`,
        start: b.start,
        end: b.end,
        title: busyLabel(b),
        interactive: !!b.bookingId && !!onOpenBooking,
        color: b.kind === 'closure' ? CLOSURE_COLOUR : b.kind === 'buffer' ? BUFFER_COLOUR : BUSY_COLOUR,
        textColor: b.kind === 'buffer' ? CLOSURE_COLOUR : undefined,
        borderColor: b.status === 'pending' ? PENDING_BORDER : undefined,
        classNames: [
          ...(b.kind === 'closure' ? ['cal-event--closure'] : []),
          ...(b.status === 'pending' ? ['cal-event--pending'] : []),
        ],
      })),
    ];
  }, [availability.data, busyLabel, onOpenBooking, t]);

  const days = useMemo(() => {
    const data = availability.data;
    if (!data) return [];
    const entries: Entry[] = [
      ...data.free.map((f) => ({ ...f, kind: 'free' as const, status: null, title: null })),
      ...data.busy.map((b) => ({
        start: b.start,
        end: b.end,
        kind: b.kind,
        status: b.status,
        title: b.title,
      })),
    ].sort((a, b) => a.start.localeCompare(b.start));
    const first = toKyiv(range.from).date;
    const last = toKyiv(range.to).date;
    return datesBetween(first, last).map((date) => ({
      date,
      entries: entries.filter((e) => toKyiv(e.start).date === date),
    }));
  }, [availability.data, range]);

  function entryText(e: Entry): ReactNode {
    if (e.kind === 'free') return t('availability.free');
    return busyLabel({ ...e, kind: e.kind, bookingId: null });
  }

  return (
    <div className="room-availability">
      <Calendar
        label={t('availability.calendarLabel')}
        events={events}
        views={['week', 'day', 'list']}
        openingHours={openingHours}
        initialDate={initialDate}
        selectable={canBook}
        onSelect={
          canBook && onPick
            ? ({ start, end }) => {
                const a = toKyiv(start);
                const b = toKyiv(end);
                onPick({ date: a.date, start: a.time, end: b.date === a.date ? b.time : '23:59' });
              }
            : undefined
        }
        onEventClick={onOpenBooking}
        onRangeChange={onRangeChange}
      />
      <section aria-labelledby="availability-list-title">
        <h3 id="availability-list-title">{t('availability.listTitle')}</h3>
        <p className="muted">{t('availability.timeNote')}</p>
        {availability.isPending ? (
          <Loading />
        ) : availability.isError ? (
          <ErrorState error={availability.error} onRetry={() => void availability.refetch()} />
        ) : (
          <ul className="day-list" aria-busy={availability.isPlaceholderData || undefined}>
            {days.map(({ date, entries }) => (
              <li key={date} className="day-list__day">
                <h4 className="day-list__date">{formatLocalDate(date, locale)}</h4>
                {entries.length === 0 ? (
                  <p className="muted">{t('availability.closedDay')}</p>
                ) : (
                  <ul className="day-list__entries">
                    {entries.map((e) => (
                      <li
                        key={`${e.kind}-${e.start}`}
                        className={`day-list__entry day-list__entry--${e.kind}`}
                      >
                        <span className="nowrap">
                          {formatTime(e.start, locale)}–{formatTime(e.end, locale)}
                        </span>{' '}
                        {entryText(e)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
