// Signing up for one shift, and withdrawing. What the viewer sees depends on where they stand: a
// guest is asked to log in (and comes back here), a resident without a volunteer profile is led to
// the profile form, an unacknowledged briefing comes first; then one button, and the answer at once:
// a place, or the position on the waiting list. Withdrawing asks for confirmation first.
import type { ShiftView } from '@vcentri/shared';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { loginPathFor } from '../../../app/guards';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useErrorMessage } from '../../../lib/errors';
import { useSignUp, useWithdraw } from '../api/shifts';
import { hasStarted } from '../labels';
import { VOLUNTEER_PROFILE_PATH } from '../paths';

/** Where the viewer stands before signing up for any shift of a program. */
export type SignupGate = 'pending' | 'signed_out' | 'no_profile' | 'briefing' | 'ready';

export interface MySignup {
  status: 'confirmed' | 'waitlisted';
  position: number | null;
}

export function SignupStatus({ signup }: { signup: MySignup }) {
  const { t } = useTranslation('volunteering');
  return signup.status === 'confirmed' ? (
    <p className="notice notice--success">{t('signup.confirmed')}</p>
  ) : (
    <p className="notice notice--warning">{t('signup.waitlisted', { position: signup.position ?? '' })}</p>
  );
}

interface ShiftSignupProps {
  shift: ShiftView;
  gate: SignupGate;
  /** The viewer's sign-up for this shift, if they hold or wait for it. */
  mine: MySignup | null;
}

export function ShiftSignup({ shift, gate, mine }: ShiftSignupProps) {
  const { t } = useTranslation('volunteering');
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const [announcement, setAnnouncement] = useState('');
  // The button pressed goes away with the answer: focus moves to the answer instead of the page.
  const stateRef = useRef<HTMLDivElement>(null);
  const signUp = useSignUp(shift.id);
  const withdraw = useWithdraw(shift.id, {
    onSuccess: () => {
      signUp.reset();
      setAnnouncement(t('signup.withdrawn'));
      stateRef.current?.focus();
    },
  });
  const [confirmOpen, setConfirmOpen] = useState(false);
  const result: MySignup | null =
    mine ?? (signUp.data ? { status: signUp.data.status, position: signUp.data.position ?? null } : null);
  const started = hasStarted(shift);

  let body: ReactNode = null;
  if (shift.status === 'cancelled') body = null;
  else if (result) {
    body = started ? null : (
      <p className="actions">
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => {
            withdraw.reset();
            setConfirmOpen(true);
          }}
        >
          {result.status === 'confirmed' ? t('signup.withdraw') : t('signup.leaveWaitlist')}
        </button>
      </p>
    );
  } else if (!shift.signupOpen || started) {
    body = <p className="muted">{t('signup.closed')}</p>;
  } else if (gate === 'signed_out') {
    body = (
      <p>
        <Link className="button" to={loginPathFor(location)}>
          {t('signup.logIn')}
        </Link>
      </p>
    );
  } else if (gate === 'no_profile') {
    body = (
      <p>
        <Link
          className="button"
          to={`${VOLUNTEER_PROFILE_PATH}?next=${encodeURIComponent(location.pathname)}`}
        >
          {t('signup.profileFirst')}
        </Link>
      </p>
    );
  } else if (gate === 'briefing') {
    body = <p className="muted">{t('signup.briefingFirst')}</p>;
  } else if (gate === 'ready') {
    body = (
      <>
        {shift.placesLeft <= 0 ? <p className="muted">{t('signup.fullHint')}</p> : null}
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={signUp.isPending}
            aria-busy={signUp.isPending || undefined}
            onClick={() => {
              setAnnouncement('');
              signUp.mutate(undefined, { onSuccess: () => stateRef.current?.focus() });
            }}
          >
            {shift.placesLeft > 0 ? t('signup.signUp') : t('signup.joinWaitlist')}
          </button>
        </p>
        {signUp.isError ? (
          <p className="notice notice--danger" role="alert">
            {errorMessage(signUp.error)}
          </p>
        ) : null}
      </>
    );
  }

  return (
    <div className="shift-actions">
      {/* One live region: signing up, moving up and withdrawing are all announced here. */}
      <div role="status" ref={stateRef} tabIndex={-1} className="shift-actions__state">
        {result ? (
          <SignupStatus signup={result} />
        ) : announcement ? (
          <p className="notice">{announcement}</p>
        ) : null}
      </div>
      {body}
      <ConfirmDialog
        open={confirmOpen}
        title={t('signup.withdrawTitle')}
        confirmLabel={t('signup.withdrawConfirm')}
        cancelLabel={t('signup.withdrawKeep')}
        pending={withdraw.isPending}
        error={withdraw.isError ? errorMessage(withdraw.error) : null}
        onConfirm={() =>
          withdraw.mutate(undefined, {
            onSuccess: () => setConfirmOpen(false),
          })
        }
        onCancel={() => setConfirmOpen(false)}
      >
        <p>
          {result?.status === 'waitlisted' ? t('signup.withdrawTextWaitlisted') : t('signup.withdrawText')}
        </p>
      </ConfirmDialog>
    </div>
  );
}
