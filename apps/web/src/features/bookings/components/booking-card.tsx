// One booking as its organiser sees it: what, when (Kyiv time), where, its status, why it was
// declined or cancelled, and — when a closure disrupted it — the closure and free alternatives.
import type { Booking } from '@vcentri/shared';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { AlternativesList } from './alternatives-list';
import { BookingStatusBadge } from './booking-status-badge';

interface BookingCardProps {
  booking: Booking;
  /** What just happened to this booking (e.g. it was moved); the card then takes focus. */
  notice?: string;
  onCancel?(booking: Booking): void;
  onMoved?(booking: Booking, where: string): void;
}

export function DisruptionNotice({ booking }: { booking: Booking }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  if (!booking.disruption) return null;
  return (
    <div className="notice notice--danger disruption">
      <p>
        <strong>
          {t('disruption.title', {
            kind: t(`closureKind.${booking.disruption.kind}`, { defaultValue: booking.disruption.kind }),
          })}
        </strong>
      </p>
      <p>{t('disruption.reason', { reason: booking.disruption.reason })}</p>
      <p className="muted">
        {t('disruption.window', {
          when: formatInterval(booking.disruption.start, booking.disruption.end, locale),
        })}
      </p>
    </div>
  );
}

export function BookingCard({ booking, notice, onCancel, onMoved }: BookingCardProps) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const titleId = `booking-${booking.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The button that was pressed (e.g. "Move here") is gone: continue from the card's heading.
  useLayoutEffect(() => {
    if (notice) headingRef.current?.focus();
  }, [notice]);
  return (
    <article
      className={`card booking-card booking-card--${booking.status}`}
      aria-labelledby={titleId}
      data-testid="booking-card"
    >
      <div className="booking-card__header">
        <h2 className="card__title" id={titleId} tabIndex={-1} ref={headingRef}>
          <Link to={`/my/bookings/${booking.id}`}>{booking.title}</Link>
        </h2>
        <BookingStatusBadge status={booking.status} />
        {booking.seriesId ? <span className="badge badge--series">{t('series')}</span> : null}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('fields.when')}</dt>
          <dd>{formatInterval(booking.start, booking.end, locale)}</dd>
        </div>
        <div>
          <dt>{t('fields.where')}</dt>
          <dd>
            <Link to={`/rooms/${booking.roomId}`}>{localized(booking.roomName, locale)}</Link>,{' '}
            {localized(booking.hubName, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('fields.organization')}</dt>
          <dd>{localized(booking.organizationName, locale)}</dd>
        </div>
      </dl>
      {notice ? (
        <p className="notice notice--success" aria-hidden="true">
          {notice}
        </p>
      ) : null}
      {booking.decisionReason && (booking.status === 'declined' || booking.status === 'cancelled') ? (
        <p>
          <strong>{t('fields.decisionReason')}:</strong> {booking.decisionReason}
        </p>
      ) : null}
      {booking.status === 'disrupted' ? (
        <>
          <DisruptionNotice booking={booking} />
          {booking.canCancel && onMoved ? <AlternativesList booking={booking} onMoved={onMoved} /> : null}
        </>
      ) : null}
      {booking.canCancel && onCancel ? (
        <p className="actions">
          <button
            type="button"
            className="button button--small button--danger-outline"
            onClick={() => onCancel(booking)}
          >
            {t('cancel.open')}{' '}
            <span className="visually-hidden">{t('cancel.context', { title: booking.title })}</span>
          </button>
        </p>
      ) : null}
    </article>
  );
}
