// A confirmation that needs a reason (at least 3 characters, like the API): cancelling a shift
// (volunteers are told why) or rejecting hours (the volunteer reads why).
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextAreaField } from '../../../components/field';
import { useErrorMessage } from '../../../lib/errors';

const REASON_ID = 'volunteering-reason';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  reasonLabel: string;
  reasonHint: string;
  /** The API's limit on the reason's length (1000 unless said). */
  maxLength?: number;
  pending: boolean;
  error: unknown;
  onConfirm(reason: string): void;
  onClose(): void;
}

export function ReasonDialog(props: ReasonDialogProps) {
  // Mounted per opening, so each starts with an empty reason.
  return props.open ? <ReasonDialogBody {...props} /> : null;
}

function ReasonDialogBody(props: ReasonDialogProps) {
  const { t } = useTranslation('volunteeringAdmin');
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  function confirm() {
    if (reason.trim().length < 3) {
      setReasonError(true);
      document.getElementById(REASON_ID)?.focus();
      return;
    }
    props.onConfirm(reason.trim());
  }

  return (
    <ConfirmDialog
      open
      title={props.title}
      confirmLabel={props.confirmLabel}
      cancelLabel={props.cancelLabel}
      pending={props.pending}
      error={props.error ? errorMessage(props.error) : null}
      initialFocusId={REASON_ID}
      onConfirm={confirm}
      onCancel={props.onClose}
    >
      {props.children}
      <TextAreaField
        id={REASON_ID}
        label={props.reasonLabel}
        hint={props.reasonHint}
        required
        maxLength={props.maxLength ?? 1000}
        rows={3}
        value={reason}
        errors={reasonError ? [t('reason.required')] : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setReasonError(false);
        }}
      />
    </ConfirmDialog>
  );
}
