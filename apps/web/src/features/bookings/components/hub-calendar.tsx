// The hub manager's week: every room's bookings in one calendar, a colour per room and a room
// filter (one column per room is a premium FullCalendar feature), pending requests striped and
// labelled, closures hatched. A booking opens a panel to approve, decline or cancel it; an empty
// range — dragged, or typed into the closure form — closes a room or the whole hub. Under the
// calendar, the same bookings as a table, so all of it works from the keyboard.
import type { Booking, ClosureResult, Hub, Room } from '@vcentri/shared';
import { toKyiv } from '@vcentri/shared';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Calendar, type CalendarEvent } from '../../../components/calendar';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { type InstantRange, kyivToday, kyivWeekRange } from '../../../lib/kyiv-dates';
import { useRoomsAvailability } from '../api/get-availability';
import { useBookings } from '../api/get-bookings';
import { CLOSURE_COLOUR, PENDING_BORDER, roomColour } from '../labels';
import { BookingPanel } from './booking-panel';
import { BookingStatusBadge } from './booking-status-badge';
import { type ClosureDraft, ClosureForm, ClosureOutcome } from './closure-form';
import { ScrollRegion } from '../../../components/scroll-region';

const SHOWN: readonly Booking['status'][] = ['pending', 'confirmed', 'disrupted'];

function sameRange(a: InstantRange, b: InstantRange) {
  return a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();
}

/** `initialDate` (Kyiv YYYY-MM-DD) opens the calendar on that date's week, e.g. from a notification link. */
export function HubCalendar({
  hub,
  rooms,
  initialDate,
}: {
  hub: Hub;
  rooms: readonly Room[];
  initialDate?: string;
}) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const [range, setRange] = useState<InstantRange>(() => kyivWeekRange(initialDate));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [closureDraft, setClosureDraft] = useState<ClosureDraft | null>(null);
  const [closureResult, setClosureResult] = useState<ClosureResult | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const hubName = localized(hub.name, locale);

  const bookings = useBookings({
    hubId: hub.id,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    limit: 500,
  });
  const availability = useRoomsAvailability(
    rooms.map((r) => r.id),
    range,
  );

  const onRangeChange = useCallback(
    (next: InstantRange) => setRange((current) => (sameRange(current, next) ? current : next)),
    [],
  );

  const colourOf = useMemo(() => {
    const map = new Map(rooms.map((r, i) => [r.id, roomColour(i)]));
    return (roomId: string) => map.get(roomId) ?? roomColour(0);
  }, [rooms]);
  const roomNameOf = useCallback(
    (roomId: string) => {
      const room = rooms.find((r) => r.id === roomId);
      return room ? localized(room.name, locale) : '';
    },
    [rooms, locale],
  );

  const shown = useMemo(
    () => (bookings.data?.items ?? []).filter((b) => SHOWN.includes(b.status) && !hidden.has(b.roomId)),
    [bookings.data, hidden],
  );
  const pendingCount = shown.filter((b) => b.status === 'pending').length;
  const selected = (bookings.data?.items ?? []).find((b) => b.id === selectedId) ?? null;

  const closures = useMemo(() => {
    const out: { id: string; roomId: string; start: string; end: string; reason: string }[] = [];
    rooms.forEach((room, i) => {
      if (hidden.has(room.id)) return;
      for (const b of availability[i]?.data?.busy ?? []) {
        if (b.kind === 'closure')
          out.push({
            id: `closure-${room.id}-${b.start}`,
            roomId: room.id,
            start: b.start,
            end: b.end,
            reason: b.title ?? '',
          });
      }
    });
    return out;
  }, [availability, rooms, hidden]);

  const events = useMemo<CalendarEvent[]>(
    () => [
      ...shown.map((b) => {
        const label = `${roomNameOf(b.roomId)}: ${b.title}`;
        return {
          id: b.id,
          start: b.start,
          end: b.end,
          title:
            b.status === 'pending'
              ? t('availability.pendingTitle', { title: label })
              : b.status === 'disrupted'
                ? `${t('status.disrupted')}: ${label}`
                : label,
          color: colourOf(b.roomId),
          borderColor: b.status === 'pending' ? PENDING_BORDER : undefined,
          classNames: [
            ...(b.status === 'pending' ? ['cal-event--pending'] : []),
            ...(b.status === 'disrupted' ? ['cal-event--inactive'] : []),
          ],
        };
      }),
      ...closures.map((c) => ({
        id: c.id,
        start: c.start,
        end: c.end,
        title: `${roomNameOf(c.roomId)}: ${t('availability.closedWith', { reason: c.reason })}`,
        color: CLOSURE_COLOUR,
        classNames: ['cal-event--closure'],
        interactive: false,
      })),
    ],
    [shown, closures, colourOf, roomNameOf, t],
  );

  function openClosure(draft?: Partial<ClosureDraft>) {
    const today = kyivToday();
    setClosureResult(null);
    setClosureDraft({
      roomId: '',
      startDate: today,
      startTime: '',
      endDate: today,
      endTime: '',
      ...draft,
    });
  }

  return (
    <div className="hub-calendar">
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <fieldset className="field field--group room-filter">
        <legend>{t('hubCalendar.rooms')}</legend>
        <ul className="checkbox-list">
          {rooms.map((room, i) => (
            <li key={room.id} className="checkbox-list__item">
              <input
                type="checkbox"
                id={`room-filter-${room.id}`}
                checked={!hidden.has(room.id)}
                onChange={(e) =>
                  setHidden((current) => {
                    const next = new Set(current);
                    if (e.target.checked) next.delete(room.id);
                    else next.add(room.id);
                    return next;
                  })
                }
              />
              <label htmlFor={`room-filter-${room.id}`}>
                <span className="swatch" style={{ background: roomColour(i) }} aria-hidden="true" />
                {localized(room.name, locale)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="actions">
        {closureDraft ? null : (
          <button type="button" className="button button--danger-outline" onClick={() => openClosure()}>
            {t('closure.open')}
          </button>
        )}
      </div>
      {closureDraft ? (
        <ClosureForm
          hubId={hub.id}
          hubName={hubName}
          rooms={rooms}
          initial={closureDraft}
          onClose={() => setClosureDraft(null)}
          onDone={(result) => {
            setClosureDraft(null);
            setClosureResult(result);
          }}
        />
      ) : null}
      {closureResult ? (
        <ClosureOutcome result={closureResult} onDismiss={() => setClosureResult(null)} />
      ) : null}

      <div className={selected ? 'hub-calendar__grid hub-calendar__grid--with-panel' : 'hub-calendar__grid'}>
        <div>
          <p className="muted">{t('hubCalendar.hint')}</p>
          <Calendar
            label={t('hubCalendar.calendarLabel', { hub: hubName })}
            events={events}
            views={['week', 'day', 'list']}
            openingHours={hub.openingHours}
            initialDate={initialDate}
            selectable
            onSelect={({ start, end }) => {
              const a = toKyiv(start);
              const b = toKyiv(end);
              openClosure({ startDate: a.date, startTime: a.time, endDate: b.date, endTime: b.time });
            }}
            onEventClick={(id) => {
              if (!id.startsWith('closure-')) setSelectedId(id);
            }}
            onRangeChange={onRangeChange}
          />
        </div>
        {selected ? (
          <BookingPanel
            booking={selected}
            onClose={() => setSelectedId(null)}
            onDecided={(message) => setAnnouncement(message)}
          />
        ) : null}
      </div>

      <section aria-labelledby="hub-bookings-title">
        <h2 id="hub-bookings-title">{t('hubCalendar.listTitle')}</h2>
        <p className="muted">
          {t('hubCalendar.range', {
            when: formatInterval(range.from, new Date(range.to.getTime() - 1), locale),
          })}{' '}
          {t('hubCalendar.pendingCount', { count: pendingCount })}
        </p>
        {announcement ? (
          <p className="notice notice--success" aria-hidden="true">
            {announcement}
          </p>
        ) : null}
        {bookings.isPending ? (
          <Loading />
        ) : bookings.isError ? (
          <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} />
        ) : shown.length === 0 && closures.length === 0 ? (
          <EmptyState>{t('hubCalendar.empty')}</EmptyState>
        ) : (
          <ScrollRegion label={t('hubCalendar.caption', { hub: hubName })}>
            <table className="table hub-bookings" aria-busy={bookings.isPlaceholderData || undefined}>
              <caption className="visually-hidden">{t('hubCalendar.caption', { hub: hubName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.when')}</th>
                  <th scope="col">{t('fields.room')}</th>
                  <th scope="col">{t('fields.title')}</th>
                  <th scope="col">{t('fields.organization')}</th>
                  <th scope="col">{t('fields.status')}</th>
                  <th scope="col">{t('fields.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((b) => (
                  <tr key={b.id} className={`hub-bookings__row--${b.status}`}>
                    <td className="nowrap">{formatInterval(b.start, b.end, locale)}</td>
                    <td>
                      <span
                        className="swatch"
                        style={{ background: colourOf(b.roomId) }}
                        aria-hidden="true"
                      />
                      {roomNameOf(b.roomId)}
                    </td>
                    <th scope="row">{b.title}</th>
                    <td>{localized(b.organizationName, locale)}</td>
                    <td>
                      <BookingStatusBadge status={b.status} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-expanded={selectedId === b.id}
                        onClick={() => setSelectedId(b.id)}
                      >
                        {t('hubCalendar.open')}{' '}
                        <span className="visually-hidden">
                          {t('hubCalendar.openContext', { title: b.title })}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
                {closures.map((c) => (
                  <tr key={c.id} className="hub-bookings__row--closure">
                    <td className="nowrap">{formatInterval(c.start, c.end, locale)}</td>
                    <td>{roomNameOf(c.roomId)}</td>
                    <th scope="row">{t('availability.closedWith', { reason: c.reason })}</th>
                    <td>—</td>
                    <td>
                      <span className="badge badge--booking badge--booking-closure">
                        {t('availability.closed')}
                      </span>
                    </td>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p className="muted">{t('mine.timeNote')}</p>
      </section>
    </div>
  );
}
