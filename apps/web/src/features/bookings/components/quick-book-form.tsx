// The keyboard way to start a request (the calendar's drag-select is the mouse way): a date and a
// time range in Kyiv time, checked for shape here; the request form takes it from there.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { isLocalDate, isLocalTime, kyivToday } from '../../../lib/kyiv-dates';
import type { TimePick } from '../paths';

export function QuickBookForm({ onSubmit }: { onSubmit(pick: TimePick): void }) {
  const { t } = useTranslation(['bookings', 'errors']);
  const [date, setDate] = useState(kyivToday());
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!isLocalDate(date)) next.date = [t('errors:fields.required')];
    if (!isLocalTime(start)) next.start = [t('errors:fields.required')];
    if (!isLocalTime(end)) next.end = [t('errors:fields.required')];
    else if (isLocalTime(start) && end <= start) next.end = [t('errors:codes.invalid_interval')];
    setErrors(next);
    if (Object.keys(next).length === 0) onSubmit({ date, start, end });
  }

  const fields = {
    date: { id: 'quick-book-date', label: t('bookings:form.date') },
    start: { id: 'quick-book-start', label: t('bookings:form.start') },
    end: { id: 'quick-book-end', label: t('bookings:form.end') },
  };
  const state = formErrorState(t, { clientErrors: errors });

  return (
    <form
      className="form form--inline-panel quick-book"
      noValidate
      onSubmit={submit}
      aria-labelledby="quick-book-title"
    >
      <h2 id="quick-book-title">{t('bookings:quick.title')}</h2>
      <p className="muted">{t('bookings:quick.intro')}</p>
      <FormErrorSummary state={state} fields={fields} />
      <div className="form-row">
        <TextField
          id={fields.date.id}
          label={fields.date.label}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          errors={state.byField.date}
        />
        <TextField
          id={fields.start.id}
          label={fields.start.label}
          type="time"
          step={900}
          required
          value={start}
          onChange={(e) => setStart(e.target.value)}
          errors={state.byField.start}
        />
        <TextField
          id={fields.end.id}
          label={fields.end.label}
          type="time"
          step={900}
          required
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          errors={state.byField.end}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button">
          {t('bookings:quick.submit')}
        </button>
      </div>
    </form>
  );
}
