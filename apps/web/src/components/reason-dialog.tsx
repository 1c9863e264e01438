// A confirmation that needs a reason of a least length, like the API: cancelling a shift
// (volunteers are told why), rejecting hours, revoking a certificate, acting on a person's
// written request for their data. The caller says how short is too short, in its own words.
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { TextAreaField } from './field';
import { useErrorMessage } from '../lib/errors';

const REASON_ID = 'confirm-reason';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  reasonLabel: string;
  reasonHint: string;
  /** What to say when the reason is shorter than `minLength`. */
  requiredMessage: string;
  /** The API's least length of the reason (3 unless said). */
  minLength?: number;
  /** The API's limit on the reason's length (1000 unless said). */
  maxLength?: number;
  /** 'danger' (the default) for destructive actions, 'primary' for the others. */
  tone?: 'danger' | 'primary';
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
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  function confirm() {
    if (reason.trim().length < (props.minLength ?? 3)) {
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
      tone={props.tone}
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
        errors={reasonError ? [props.requiredMessage] : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setReasonError(false);
        }}
      />
    </ConfirmDialog>
  );
}
