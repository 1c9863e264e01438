// The hub manager's panel for one booking: who, what, when, where, and the decision — approve,
// decline (with a reason) or cancel. Opened from the calendar or the list; focus moves into it.
import type { Booking } from '@vcentri/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextAreaField } from '../../../components/field';
import { formatDateTime, formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useDecideBooking } from '../api/decide-booking';
import { useBookingErrorMessage } from '../labels';
import { DisruptionNotice } from './booking-card';
import { BookingStatusBadge } from './booking-status-badge';
import { DeclineDialog } from './decline-dialog';

interface BookingPanelProps {
  booking: Booking;
  onClose(): void;
  /** Tells the page what happened, for its live region. */
  onDecided(message: string): void;
}

export function BookingPanel({ booking, onClose, onDecided }: BookingPanelProps) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const errorMessage = useBookingErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<'decline' | 'cancel' | null>(null);
  const [cancelReason, setCancelReason] = useState('');
  const [focusHeading, setFocusHeading] = useState(false);
  const decide = useDecideBooking({
    onSuccess: (_bookings, decision) => {
      setDialog(null);
      onDecided(t(`panel.done.${decision.action}`, { title: booking.title }));
      setFocusHeading(true);
    },
  });

  // After a decision (and after a dialog handed focus back), continue from the panel's heading.
  useLayoutEffect(() => {
    if (focusHeading && dialog === null) {
      headingRef.current?.focus();
      setFocusHeading(false);
    }
  }, [focusHeading, dialog]);
  const when = formatInterval(booking.start, booking.end, locale);
  const room = localized(booking.roomName, locale);

  // Each booking opened moves focus to its panel and forgets the last one's error.
  const { reset } = decide;
  useLayoutEffect(() => {
    headingRef.current?.focus();
    reset();
  }, [booking.id, reset]);

  const pending = booking.status === 'pending';
  const active = pending || booking.status === 'confirmed' || booking.status === 'disrupted';
  const inlineError = decide.error && dialog === null ? errorMessage(decide.error) : null;

  return (
    <aside className="card booking-panel" aria-labelledby="booking-panel-title" data-testid="booking-panel">
      <div className="booking-panel__header">
        <h2 id="booking-panel-title" tabIndex={-1} ref={headingRef}>
          {booking.title}
        </h2>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          {t('panel.close')}
        </button>
      </div>
      <p>
        <BookingStatusBadge status={booking.status} />
        {booking.seriesId ? <span className="badge badge--series">{t('series')}</span> : null}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('fields.when')}</dt>
          <dd>{when}</dd>
        </div>
        <div>
          <dt>{t('fields.room')}</dt>
          <dd>{room}</dd>
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
      <DisruptionNotice booking={booking} />
      {inlineError ? (
        <p className="error-summary" role="alert">
          {inlineError}
        </p>
      ) : null}
      {booking.canManage && active ? (
        <div className="actions">
          {pending ? (
            <>
              <button
                type="button"
                className="button"
                disabled={decide.isPending}
                aria-busy={decide.isPending || undefined}
                onClick={() => decide.mutate({ id: booking.id, action: 'approve' })}
              >
                {t('panel.approve')}
              </button>
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => {
                  decide.reset();
                  setDialog('decline');
                }}
              >
                {t('panel.decline')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              decide.reset();
              setCancelReason('');
              setDialog('cancel');
            }}
          >
            {t('panel.cancel')}
          </button>
        </div>
      ) : null}

      <DeclineDialog
        open={dialog === 'decline'}
        title={t('decline.title')}
        body={t('decline.body', { title: booking.title, when, room })}
        pending={decide.isPending}
        error={decide.error ? errorMessage(decide.error) : null}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => decide.mutate({ id: booking.id, action: 'decline', reason })}
      />
      <ConfirmDialog
        open={dialog === 'cancel'}
        title={t('cancel.title')}
        confirmLabel={t('cancel.confirm')}
        cancelLabel={t('cancel.keep')}
        pending={decide.isPending}
        error={decide.error ? errorMessage(decide.error) : null}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          decide.mutate({ id: booking.id, action: 'cancel', reason: cancelReason, scope: 'one' })
        }
      >
        <p>{t('cancel.managerBody', { title: booking.title, when, room })}</p>
        <TextAreaField
          id="panel-cancel-reason"
          label={t('cancel.reason')}
          hint={t('cancel.reasonHint')}
          maxLength={2000}
          rows={3}
          value={cancelReason}
          onChange={(e) => setCancelReason(e.target.value)}
        />
      </ConfirmDialog>
    </aside>
  );
}
