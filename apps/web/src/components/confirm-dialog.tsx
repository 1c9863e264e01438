// A modal confirmation for destructive or consequential actions. Focus starts on the safe choice
// (cancel) unless the dialog asks for input first, stays inside the dialog while it is open,
// Escape cancels, and focus returns to the opener afterwards.
import { type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  /** Shown inside the dialog, e.g. the API refused the action. */
  error?: ReactNode;
  /** 'danger' (the default) for destructive actions, 'primary' for the others. */
  tone?: 'danger' | 'primary';
  /** The id of the control to focus first (e.g. a reason to type); the cancel button otherwise. */
  initialFocusId?: string;
  onConfirm(): void;
  onCancel(): void;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!props.open) return null;
  return createPortal(<DialogBody {...props} />, document.body);
}

function DialogBody({
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending,
  error,
  tone = 'danger',
  initialFocusId,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // A layout effect: focus moves before the dialog is painted (preact/compat runs plain effects a
  // frame later, where React ran those of a click's update at once).
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const initial = initialFocusId ? document.getElementById(initialFocusId) : null;
    (initial ?? cancelRef.current)?.focus();
    return () => opener?.focus();
  }, [initialFocusId]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!pending) onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        ref={dialogRef}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{children}</div>
        {error ? (
          <div className="error-summary" role="alert">
            {error}
          </div>
        ) : null}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--secondary"
            ref={cancelRef}
            onClick={onCancel}
            disabled={pending}
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            className={tone === 'danger' ? 'button button--danger' : 'button'}
            onClick={onConfirm}
            disabled={pending}
            aria-busy={pending || undefined}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
