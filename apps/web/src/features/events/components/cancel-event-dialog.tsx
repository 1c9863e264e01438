// Cancelling an event, after confirmation and with a reason (at least 3 characters, like the
// API): everyone registered is told, with the reason.
import type { EventView } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextAreaField } from '../../../components/field';
import { useErrorMessage } from '../../../lib/errors';
import { useCancelEvent } from '../api/manage-event';

const REASON_ID = 'cancel-event-reason';

interface CancelEventDialogProps {
  event: EventView;
  open: boolean;
  onDone(event: EventView): void;
  onClose(): void;
}

export function CancelEventDialog(props: CancelEventDialogProps) {
  // Mounted per opening, so each starts with an empty reason.
  return props.open ? <CancelEventDialogBody {...props} /> : null;
}

function CancelEventDialogBody({ event, onDone, onClose }: CancelEventDialogProps) {
  const { t } = useTranslation('events');
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const cancel = useCancelEvent({ onSuccess: onDone });

  function confirm() {
    if (reason.trim().length < 3) {
      setReasonError(true);
      document.getElementById(REASON_ID)?.focus();
      return;
    }
    cancel.mutate({ id: event.id, reason: reason.trim() });
  }

  return (
    <ConfirmDialog
      open
      title={t('cancelEvent.title')}
      confirmLabel={t('cancelEvent.confirm')}
      cancelLabel={t('cancelEvent.keep')}
      pending={cancel.isPending}
      error={cancel.isError ? errorMessage(cancel.error) : null}
      initialFocusId={REASON_ID}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>{t('cancelEvent.text', { count: event.confirmed + event.waitlisted })}</p>
      <TextAreaField
        id={REASON_ID}
        label={t('cancelEvent.reason')}
        hint={t('cancelEvent.reasonHint')}
        required
        maxLength={2000}
        rows={3}
        value={reason}
        errors={reasonError ? [t('cancelEvent.reasonRequired')] : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setReasonError(false);
        }}
      />
    </ConfirmDialog>
  );
}
