// Dated exceptions to the weekly hours — a closed day, or special hours for a date — from today
// on; adding one, and removing one after confirmation.
import type { HubException } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useErrorMessage } from '../../../lib/errors';
import { formatLocalDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { isLocalDate, isLocalTime, kyivToday } from '../../../lib/kyiv-dates';
import { useHubExceptions } from '../api/get-hub-exceptions';
import { useAddHubException, useRemoveHubException } from '../api/manage-hub';

export function ExceptionsSection({ hubId }: { hubId: string }) {
  const { t } = useTranslation(['hubs', 'common']);
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [from] = useState(kyivToday);
  const exceptions = useHubExceptions(hubId, { from });
  const [toRemove, setToRemove] = useState<HubException | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const remove = useRemoveHubException({
    onSuccess: () => {
      setToRemove(null);
      setAnnouncement(t('hubs:manage.exceptionRemoved'));
    },
  });

  const describe = (e: HubException) =>
    e.opens && e.closes
      ? t('hubs:manage.specialHours', { opens: e.opens, closes: e.closes })
      : t('hubs:manage.closedDay');

  return (
    <section className="card" aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('hubs:manage.exceptionsTitle')}</h2>
      <p className="muted">{t('hubs:manage.exceptionsIntro')}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {exceptions.isPending ? (
        <Loading />
      ) : exceptions.isError ? (
        <ErrorState error={exceptions.error} onRetry={() => void exceptions.refetch()} />
      ) : exceptions.data.items.length === 0 ? (
        <EmptyState>{t('hubs:manage.noExceptions')}</EmptyState>
      ) : (
        <ul className="plain-list exception-list">
          {exceptions.data.items.map((e) => (
            <li key={e.id} className="exception">
              <span>
                <strong>{formatLocalDate(e.date, locale)}</strong>: {describe(e)}
                {e.note ? ` — ${e.note}` : ''}
              </span>
              <button
                type="button"
                className="button button--small button--danger-outline"
                onClick={() => {
                  remove.reset();
                  setToRemove(e);
                }}
              >
                {t('hubs:manage.removeException')}{' '}
                <span className="visually-hidden">{formatLocalDate(e.date, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddExceptionForm hubId={hubId} onAdded={() => setAnnouncement(t('hubs:manage.exceptionAdded'))} />
      <ConfirmDialog
        open={toRemove !== null}
        title={t('hubs:manage.removeExceptionTitle')}
        confirmLabel={t('hubs:manage.removeExceptionConfirm')}
        cancelLabel={t('common:actions.cancel')}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={() => setToRemove(null)}
        onConfirm={() => toRemove && remove.mutate({ hubId, exceptionId: toRemove.id })}
      >
        <p>
          {toRemove
            ? t('hubs:manage.removeExceptionBody', {
                date: formatLocalDate(toRemove.date, locale),
                what: describe(toRemove),
              })
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function AddExceptionForm({ hubId, onAdded }: { hubId: string; onAdded(): void }) {
  const { t } = useTranslation(['hubs', 'errors']);
  const [date, setDate] = useState('');
  const [closedAllDay, setClosedAllDay] = useState(true);
  const [opens, setOpens] = useState('');
  const [closes, setCloses] = useState('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const add = useAddHubException({
    onSuccess: () => {
      setDate('');
      setNote('');
      setOpens('');
      setCloses('');
      onAdded();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.reset();
    const errors: FieldErrors = {};
    if (!isLocalDate(date)) errors.date = [t('errors:fields.required')];
    if (!closedAllDay) {
      if (!isLocalTime(opens)) errors.opens = [t('errors:fields.required')];
      if (!isLocalTime(closes)) errors.closes = [t('errors:fields.required')];
      else if (isLocalTime(opens) && closes <= opens) errors.closes = [t('errors:codes.invalid_interval')];
    }
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    add.mutate({
      hubId,
      input: {
        date,
        ...(closedAllDay ? {} : { opens, closes }),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
  }

  const fields = {
    date: { id: 'exception-date', label: t('hubs:manage.exceptionDate') },
    opens: { id: 'exception-opens', label: t('hubs:manage.opens') },
    closes: { id: 'exception-closes', label: t('hubs:manage.closes') },
    note: { id: 'exception-note', label: t('hubs:manage.exceptionNote') },
  };
  const state = formErrorState(t, { clientErrors, apiError: add.error });

  return (
    <form
      className="form form--inline-panel"
      noValidate
      onSubmit={submit}
      aria-labelledby="add-exception-title"
    >
      <h3 id="add-exception-title">{t('hubs:manage.addExceptionTitle')}</h3>
      <FormErrorSummary state={state} fields={fields} />
      <TextField
        id={fields.date.id}
        label={fields.date.label}
        type="date"
        required
        min={kyivToday()}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        errors={state.byField.date}
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id="exception-closed"
          checked={closedAllDay}
          onChange={(e) => setClosedAllDay(e.target.checked)}
        />
        <label htmlFor="exception-closed">{t('hubs:manage.closedAllDay')}</label>
      </div>
      {closedAllDay ? null : (
        <div className="form-row">
          <TextField
            id={fields.opens.id}
            label={fields.opens.label}
            type="time"
            value={opens}
            onChange={(e) => setOpens(e.target.value)}
            errors={state.byField.opens}
          />
          <TextField
            id={fields.closes.id}
            label={fields.closes.label}
            type="time"
            value={closes}
            onChange={(e) => setCloses(e.target.value)}
            errors={state.byField.closes}
          />
        </div>
      )}
      <TextField
        id={fields.note.id}
        label={fields.note.label}
        hint={t('hubs:manage.exceptionNoteHint')}
        maxLength={300}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errors={state.byField.note}
      />
      <div className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={add.isPending}
          aria-busy={add.isPending || undefined}
        >
          {t('hubs:manage.addException')}
        </button>
      </div>
    </form>
  );
}
