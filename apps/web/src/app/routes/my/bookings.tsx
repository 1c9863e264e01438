// The organiser's bookings: every booking of the signed-in account's organisations, upcoming by
// default, as a list (with cancel, and alternatives for disrupted ones) or as a calendar.
import {
  BOOKING_STATUSES,
  type Booking,
  type BookingListQuery,
  type BookingStatus,
  fromKyiv,
} from '@vcentri/shared';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Calendar, type CalendarEvent } from '../../../components/calendar';
import { SelectField } from '../../../components/field';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useBookings } from '../../../features/bookings/api/get-bookings';
import { BookingCard } from '../../../features/bookings/components/booking-card';
import { CancelBookingDialog } from '../../../features/bookings/components/cancel-booking-dialog';
import { BUSY_COLOUR, CLOSURE_COLOUR, PENDING_BORDER } from '../../../features/bookings/labels';
import { useAuth } from '../../../lib/auth';
import { formatInterval } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { kyivToday } from '../../../lib/kyiv-dates';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';

export function MyBookingsPage() {
  return (
    <RequireSignIn>
      <MyBookings />
    </RequireSignIn>
  );
}

function isStatus(value: string | null): value is BookingStatus {
  return value !== null && (BOOKING_STATUSES as readonly string[]).includes(value);
}

function MyBookings() {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const navigate = useNavigate();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const includePast = params.get('past') === '1';
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const myOrganizationIds = me?.scopes.organizationIds ?? [];
  const [toCancel, setToCancel] = useState<Booking | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [moved, setMoved] = useState<{ id: string; message: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);

  // Once the dialog has closed (and handed focus back to its opener), continue from the heading.
  useLayoutEffect(() => {
    if (focusHeading && !toCancel) {
      headingRef.current?.focus();
      setFocusHeading(false);
    }
  }, [focusHeading, toCancel]);

  const query: BookingListQuery = {
    status,
    from: includePast ? undefined : fromKyiv(kyivToday(), '00:00').toISOString(),
    limit: 500,
  };
  const bookings = useBookings(query, { enabled: myOrganizationIds.length > 0 });
  // The list may also hold bookings of hubs the account manages; this page is its organisations'.
  const mine = useMemo(
    () => (bookings.data?.items ?? []).filter((b) => myOrganizationIds.includes(b.organizationId)),
    [bookings.data, myOrganizationIds],
  );
  const events = useMemo<CalendarEvent[]>(
    () =>
      mine.map((b) => ({
        id: b.id,
        start: b.start,
        end: b.end,
        title:
          b.status === 'pending'
            ? t('availability.pendingTitle', { title: b.title })
            : `${b.title} · ${t(`status.${b.status}`)}`,
        color:
          b.status === 'disrupted'
            ? CLOSURE_COLOUR
            : b.status === 'confirmed' || b.status === 'pending'
              ? undefined
              : BUSY_COLOUR,
        borderColor: b.status === 'pending' ? PENDING_BORDER : undefined,
        classNames: [
          ...(b.status === 'pending' ? ['cal-event--pending'] : []),
          ...(b.status === 'cancelled' || b.status === 'declined' ? ['cal-event--inactive'] : []),
          ...(b.status === 'disrupted' ? ['cal-event--closure'] : []),
        ],
      })),
    [mine, t],
  );

  function update(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageTitle>{t('mine.title')}</PageTitle>
      <h1 tabIndex={-1} ref={headingRef}>
        {t('mine.title')}
      </h1>
      <p className="lead">{t('mine.intro')}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {announcement && !moved ? (
        <p className="notice notice--success" aria-hidden="true">
          {announcement}
        </p>
      ) : null}
      {myOrganizationIds.length === 0 ? (
        <EmptyState>{t('mine.noOrganizations')}</EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <SelectField
              id="my-bookings-status"
              label={t('filters.status')}
              value={status ?? ''}
              onChange={(e) => update('status', e.target.value || null)}
            >
              <option value="">{t('filters.allStatuses')}</option>
              {BOOKING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </SelectField>
            <div className="checkbox">
              <input
                type="checkbox"
                id="my-bookings-past"
                checked={includePast}
                onChange={(e) => update('past', e.target.checked ? '1' : null)}
              />
              <label htmlFor="my-bookings-past">{t('filters.includePast')}</label>
            </div>
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('mine.viewLabel')}</legend>
              <button
                type="button"
                className="button button--small button--secondary"
                aria-pressed={view === 'list'}
                onClick={() => update('view', null)}
              >
                {t('views.list')}
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                aria-pressed={view === 'calendar'}
                onClick={() => update('view', 'calendar')}
              >
                {t('views.calendar')}
              </button>
            </fieldset>
          </div>
          {bookings.isPending ? (
            <Loading />
          ) : bookings.isError ? (
            <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} />
          ) : view === 'calendar' ? (
            <Calendar
              label={t('mine.calendarLabel')}
              events={events}
              views={['month', 'week', 'list']}
              onEventClick={(id) => void navigate(`/my/bookings/${id}`)}
            />
          ) : mine.length === 0 ? (
            <EmptyState>{includePast ? t('mine.empty') : t('mine.emptyUpcoming')}</EmptyState>
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t('mine.count', { count: mine.length })} {t('mine.timeNote')}
              </p>
              <ul className="booking-list" aria-label={t('mine.listLabel')}>
                {mine.map((b) => (
                  <li key={b.id}>
                    <BookingCard
                      booking={b}
                      notice={moved?.id === b.id ? moved.message : undefined}
                      onCancel={setToCancel}
                      onMoved={(booking, where) => {
                        const message = t(
                          booking.status === 'pending' ? 'alternatives.movedPending' : 'alternatives.moved',
                          { where },
                        );
                        setMoved({ id: booking.id, message });
                        setAnnouncement(message);
                      }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <CancelBookingDialog
        booking={toCancel}
        onClose={() => setToCancel(null)}
        onDone={(cancelled) => {
          const first = cancelled[0];
          setToCancel(null);
          setMoved(null);
          setAnnouncement(
            t('cancel.done', {
              count: cancelled.length,
              when: first ? formatInterval(first.start, first.end, locale) : '',
            }),
          );
          setFocusHeading(true);
        }}
      />
    </>
  );
}
