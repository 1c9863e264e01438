// Confirmation for a status change, with a reason to type when the action takes one. A required
// reason is checked (at least 3 characters, like the API) before anything is sent.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextAreaField } from '../../../components/field';
import { useErrorMessage } from '../../../lib/errors';

const REASON_ID = 'status-action-reason';
const REASON_MIN_LENGTH = 3;

interface StatusActionDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  reason: 'required' | 'optional' | 'none';
  reasonLabel?: string;
  reasonHint?: string;
  tone?: 'danger' | 'primary';
  pending: boolean;
  /** What the API answered to the last attempt. */
  error: unknown;
  onConfirm(reason: string): void;
  onCancel(): void;
}

export function StatusActionDialog(props: StatusActionDialogProps) {
  // Mounted only while open, so every opening starts with an empty reason.
  return props.open ? <StatusActionDialogBody {...props} /> : null;
}

function StatusActionDialogBody({
  title,
  children,
  confirmLabel,
  reason: reasonRule,
  reasonLabel,
  reasonHint,
  tone = 'danger',
  pending,
  error,
  onConfirm,
  onCancel,
}: StatusActionDialogProps) {
  const { t } = useTranslation(['registry', 'common']);
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  function confirm() {
    if (reasonRule === 'required' && reason.trim().length < REASON_MIN_LENGTH) {
      setReasonError(t('registry:validation.reason'));
      document.getElementById(REASON_ID)?.focus();
      return;
    }
    setReasonError(null);
    onConfirm(reasonRule === 'none' ? '' : reason.trim());
  }

  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t('common:actions.cancel')}
      tone={tone}
      pending={pending}
      error={error ? errorMessage(error) : null}
      initialFocusId={reasonRule === 'required' ? REASON_ID : undefined}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>{children}</p>
      {reasonRule === 'none' ? null : (
        <TextAreaField
          id={REASON_ID}
          label={reasonLabel ?? ''}
          hint={reasonHint}
          required={reasonRule === 'required'}
          maxLength={2000}
          rows={4}
          value={reason}
          errors={reasonError ? [reasonError] : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            if (reasonError) setReasonError(null);
          }}
        />
      )}
    </ConfirmDialog>
  );
}
