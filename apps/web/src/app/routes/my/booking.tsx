// One booking of the account's organisations (the notifications link here): every detail, the
// decision's reason, the closure that disrupted it with free alternatives, and cancelling.
import type { Booking } from '@vcentri/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useBooking } from '../../../features/bookings/api/get-booking';
import { AlternativesList } from '../../../features/bookings/components/alternatives-list';
import { DisruptionNotice } from '../../../features/bookings/components/booking-card';
import { BookingStatusBadge } from '../../../features/bookings/components/booking-status-badge';
import { CancelBookingDialog } from '../../../features/bookings/components/cancel-booking-dialog';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';

export function MyBookingPage() {
  return (
    <RequireSignIn>
      <MyBooking />
    </RequireSignIn>
  );
}

function MyBooking() {
  const { id = '' } = useParams();
  const { t } = useTranslation('bookings');
  const booking = useBooking(id);
  const back = (
    <p className="back-link">
      <Link to="/my/bookings">← {t('mine.title')}</Link>
    </p>
  );
  if (booking.isPending) return <Loading />;
  if (booking.isError) {
    const notFound =
      isApiError(booking.error) && (booking.error.status === 404 || booking.error.status === 400);
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageTitle>{t('detail.notFoundTitle')}</PageTitle>
            <h1>{t('detail.notFoundTitle')}</h1>
            <p>{t('detail.notFoundText')}</p>
          </>
        ) : (
          <ErrorState error={booking.error} onRetry={() => void booking.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <BookingDetail booking={booking.data} />
    </>
  );
}

function BookingDetail({ booking }: { booking: Booking }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);

  // Once the dialog has closed (and handed focus back to its opener), continue from the heading.
  useLayoutEffect(() => {
    if (focusHeading && !cancelOpen) {
      headingRef.current?.focus();
      setFocusHeading(false);
    }
  }, [focusHeading, cancelOpen]);

  return (
    <article className="booking-detail">
      <PageTitle>{booking.title}</PageTitle>
      <header className="booking-card__header">
        <h1 tabIndex={-1} ref={headingRef}>
          {booking.title}
        </h1>
        <BookingStatusBadge status={booking.status} />
        {booking.seriesId ? <span className="badge badge--series">{t('series')}</span> : null}
      </header>
      <SuccessNotice>{announcement}</SuccessNotice>
      <p className={`status-text status-text--${booking.status}`}>{t(`statusInfo.${booking.status}`)}</p>
      <dl className="facts facts--wide">
        <div>
          <dt>{t('fields.when')}</dt>
          <dd>{formatInterval(booking.start, booking.end, locale)}</dd>
        </div>
        <div>
          <dt>{t('fields.where')}</dt>
          <dd>
            <Link to={`/rooms/${booking.roomId}`}>{localized(booking.roomName, locale)}</Link>,{' '}
            <Link to={`/hubs/${booking.hubId}`}>{localized(booking.hubName, locale)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('fields.organization')}</dt>
          <dd>{localized(booking.organizationName, locale)}</dd>
        </div>
        <div>
          <dt>{t('form.attendees')}</dt>
          <dd>{booking.attendees}</dd>
        </div>
        {booking.purpose ? (
          <div>
            <dt>{t('form.purpose')}</dt>
            <dd className="prose">{booking.purpose}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('fields.requestedAt')}</dt>
          <dd>{formatDateTime(booking.createdAt, locale)}</dd>
        </div>
        {booking.decisionReason ? (
          <div>
            <dt>{t('fields.decisionReason')}</dt>
            <dd>{booking.decisionReason}</dd>
          </div>
        ) : null}
      </dl>
      <p className="muted">{t('mine.timeNote')}</p>
      {booking.status === 'disrupted' ? (
        <>
          <DisruptionNotice booking={booking} />
          {booking.canCancel ? (
            <AlternativesList
              booking={booking}
              onMoved={(moved, where) =>
                setAnnouncement(
                  t(moved.status === 'pending' ? 'alternatives.movedPending' : 'alternatives.moved', {
                    where,
                  }),
                )
              }
            />
          ) : null}
        </>
      ) : null}
      <p className="actions">
        {booking.canCancel ? (
          <button type="button" className="button button--danger-outline" onClick={() => setCancelOpen(true)}>
            {t('cancel.open')}
          </button>
        ) : null}
        {booking.canManage ? (
          <Link className="button button--secondary" to={`/admin/calendar?hubId=${booking.hubId}`}>
            {t('detail.openInHubCalendar')}
          </Link>
        ) : null}
      </p>
      <CancelBookingDialog
        booking={cancelOpen ? booking : null}
        onClose={() => setCancelOpen(false)}
        onDone={(cancelled) => {
          setCancelOpen(false);
          setAnnouncement(
            t('cancel.done', {
              count: cancelled.length,
              when: formatInterval(booking.start, booking.end, locale),
            }),
          );
          setFocusHeading(true);
        }}
      />
    </article>
  );
}
