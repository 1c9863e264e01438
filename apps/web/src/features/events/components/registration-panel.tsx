// Registering for an event. A guest is asked to log in (and comes back here); a signed-in
// resident registers with one button and learns at once whether the place is confirmed or which
// waiting-list position they hold, gets the code to show at the door, and can cancel (after
// confirming) while the event is still ahead.
import type { EventView } from '@vcentri/shared';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { useCancelRegistration, useRegister } from '../api/registration';
import { hasStarted } from '../labels';

export function RegistrationPanel({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const { status } = useAuth();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The button pressed goes away with the answer: focus moves to the answer instead of the page.
  const stateRef = useRef<HTMLDivElement>(null);
  const register = useRegister(event.id, {
    onSuccess: () => {
      setAnnouncement('');
      stateRef.current?.focus();
    },
  });
  const cancel = useCancelRegistration(event.id, {
    onSuccess: () => {
      setConfirmOpen(false);
      setAnnouncement(t('registration.cancelled'));
      stateRef.current?.focus();
    },
  });

  if (event.status === 'cancelled') return null;
  const mine = event.myRegistration;
  const started = hasStarted(event);
  const next = `${location.pathname}${location.search}`;

  let body: ReactNode = null;
  if (mine) {
    body = (
      <>
        <p className="registration__code">
          {t('registration.code')}{' '}
          <strong className="mono" data-testid="registration-code">
            {mine.code}
          </strong>
        </p>
        <p className="muted">{t('registration.codeHint')}</p>
        {mine.checkedIn ? <p>{t('registration.checkedIn')}</p> : null}
        {!started ? (
          <p className="actions">
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => {
                cancel.reset();
                setConfirmOpen(true);
              }}
            >
              {t('registration.cancel')}
            </button>
          </p>
        ) : null}
      </>
    );
  } else if (!event.registrationRequired) {
    body = <p>{t('registration.notRequired')}</p>;
  } else if (!event.registrationOpen) {
    body = <p>{started ? t('registration.closedStarted') : t('registration.closed')}</p>;
  } else if (status === 'signed_out') {
    body = (
      <p>
        <Link className="button" to={`/login?next=${encodeURIComponent(next)}`}>
          {t('registration.logIn')}
        </Link>
      </p>
    );
  } else if (status === 'signed_in') {
    body = (
      <>
        {event.placesLeft <= 0 ? <p>{t('registration.fullHint')}</p> : null}
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={register.isPending}
            aria-busy={register.isPending || undefined}
            onClick={() => register.mutate()}
          >
            {t('registration.register')}
          </button>
        </p>
        {register.isError ? (
          <p className="notice notice--danger" role="alert">
            {errorMessage(register.error)}
          </p>
        ) : null}
      </>
    );
  }

  return (
    <section className="card registration" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('registration.title')}</h2>
      {/* One live region: registering, moving up and cancelling are all announced here. */}
      <div role="status" className="registration__state" ref={stateRef} tabIndex={-1}>
        {mine ? (
          <p
            className={mine.status === 'confirmed' ? 'notice notice--success' : 'notice notice--warning'}
            data-testid="registration-status"
          >
            {mine.status === 'confirmed'
              ? t('registration.confirmed')
              : t('registration.waitlisted', { position: mine.position ?? '' })}
          </p>
        ) : announcement ? (
          <p className="notice">{announcement}</p>
        ) : null}
      </div>
      {mine?.status === 'waitlisted' ? <p className="muted">{t('registration.waitlistHint')}</p> : null}
      {body}
      <ConfirmDialog
        open={confirmOpen}
        title={t('registration.cancelTitle')}
        confirmLabel={t('registration.cancelConfirm')}
        cancelLabel={t('registration.cancelKeep')}
        pending={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onConfirm={() => cancel.mutate()}
        onCancel={() => setConfirmOpen(false)}
      >
        <p>
          {mine?.status === 'waitlisted'
            ? t('registration.cancelTextWaitlisted')
            : t('registration.cancelText')}
        </p>
      </ConfirmDialog>
    </section>
  );
}
