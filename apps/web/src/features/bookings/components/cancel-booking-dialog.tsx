// Cancelling a booking, after confirmation: this one only, or — for a series — it and every later
// one; an optional reason goes to the people concerned.
import type { Booking } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextAreaField } from '../../../components/field';
import { formatInterval } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useDecideBooking } from '../api/decide-booking';
import { useBookingErrorMessage } from '../labels';

interface CancelBookingDialogProps {
  booking: Booking | null;
  onDone(bookings: Booking[]): void;
  onClose(): void;
}

export function CancelBookingDialog(props: CancelBookingDialogProps) {
  // Mounted per opening, so each starts with "this one" and an empty reason.
  return props.booking ? <CancelBookingDialogBody {...props} booking={props.booking} /> : null;
}

function CancelBookingDialogBody({
  booking,
  onDone,
  onClose,
}: CancelBookingDialogProps & { booking: Booking }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const errorMessage = useBookingErrorMessage();
  const [scope, setScope] = useState<'one' | 'following'>('one');
  const [reason, setReason] = useState('');
  const cancel = useDecideBooking({ onSuccess: (bookings) => onDone(bookings) });

  return (
    <ConfirmDialog
      open
      title={t('cancel.title')}
      confirmLabel={t('cancel.confirm')}
      cancelLabel={t('cancel.keep')}
      pending={cancel.isPending}
      error={cancel.error ? errorMessage(cancel.error) : null}
      onCancel={onClose}
      onConfirm={() =>
        cancel.mutate({
          id: booking.id,
          action: 'cancel',
          reason,
          ...(booking.seriesId ? { scope } : {}),
        })
      }
    >
      <p>
        {t('cancel.body', { title: booking.title, when: formatInterval(booking.start, booking.end, locale) })}
      </p>
      {booking.seriesId ? (
        <fieldset className="field field--group radio-group">
          <legend>{t('cancel.scope')}</legend>
          {(['one', 'following'] as const).map((value) => (
            <div key={value} className="radio">
              <input
                type="radio"
                id={`cancel-scope-${value}`}
                name="cancel-scope"
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              <label htmlFor={`cancel-scope-${value}`}>{t(`cancel.scopes.${value}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <TextAreaField
        id="cancel-reason"
        label={t('cancel.reason')}
        hint={t('cancel.reasonHint')}
        maxLength={2000}
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </ConfirmDialog>
  );
}
