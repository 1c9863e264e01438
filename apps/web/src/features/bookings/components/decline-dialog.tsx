// Declining a request needs a reason (at least 3 characters, as the API requires), which the
// organiser will read; it is checked before anything is sent.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextAreaField } from '../../../components/field';

const REASON_ID = 'decline-reason';
const REASON_MIN_LENGTH = 3;

interface DeclineDialogProps {
  open: boolean;
  title: string;
  body: string;
  pending: boolean;
  error: string | null;
  onConfirm(reason: string): void;
  onCancel(): void;
}

export function DeclineDialog(props: DeclineDialogProps) {
  return props.open ? <DeclineDialogBody {...props} /> : null;
}

function DeclineDialogBody({ title, body, pending, error, onConfirm, onCancel }: DeclineDialogProps) {
  const { t } = useTranslation('bookings');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  function confirm() {
    if (reason.trim().length < REASON_MIN_LENGTH) {
      setReasonError(t('decline.reasonError'));
      document.getElementById(REASON_ID)?.focus();
      return;
    }
    setReasonError(null);
    onConfirm(reason.trim());
  }

  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={t('decline.confirm')}
      cancelLabel={t('decline.keep')}
      pending={pending}
      error={error}
      initialFocusId={REASON_ID}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>{body}</p>
      <TextAreaField
        id={REASON_ID}
        label={t('decline.reason')}
        hint={t('decline.reasonHint')}
        required
        maxLength={2000}
        rows={4}
        value={reason}
        errors={reasonError ? [reasonError] : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          if (reasonError) setReasonError(null);
        }}
      />
    </ConfirmDialog>
  );
}
