// Logging hours of ongoing volunteer work for a program (pending until a coordinator decides):
// the day (Kyiv date, not in the future), hours and minutes, and what was done.
import type { HoursInput } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { kyivToday } from '../../../lib/kyiv-dates';
import { useLogHours } from '../api/me';
import { SuccessNotice } from '../../../components/status';

export interface ProgramChoice {
  id: string;
  title: string;
}

export function HoursForm({ programs }: { programs: readonly ProgramChoice[] }) {
  const { t } = useTranslation(['volunteering', 'errors']);
  const today = kyivToday();
  const [programId, setProgramId] = useState('');
  const [date, setDate] = useState(today);
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [description, setDescription] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [logged, setLogged] = useState(false);
  const log = useLogHours({
    onSuccess: () => {
      setLogged(true);
      setHours('');
      setMinutes('');
      setDescription('');
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLogged(false);
    log.reset();
    const errors: FieldErrors = {};
    const h = hours.trim() ? Number(hours) : 0;
    const m = minutes.trim() ? Number(minutes) : 0;
    const total = h * 60 + m;
    if (!programId) errors.programId = [t('volunteering:hours.programRequired')];
    if (!date) errors.date = [t('errors:fields.required')];
    else if (date > today) errors.date = [t('errors:codes.hours_in_future')];
    if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59 || total < 1 || total > 1440)
      errors.minutes = [t('volunteering:hours.durationRange')];
    if (description.trim().length < 3) errors.description = [t('volunteering:hours.descriptionShort')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: HoursInput = { programId, date, minutes: total, description: description.trim() };
    log.mutate(input);
  }

  const state = formErrorState(t, {
    clientErrors,
    apiError: log.error,
    codeToField: { hours_in_future: 'date' },
  });
  const fields = {
    programId: { id: 'hours-program', label: t('volunteering:hours.program') },
    date: { id: 'hours-date', label: t('volunteering:hours.date') },
    minutes: { id: 'hours-hours', label: t('volunteering:hours.duration') },
    description: { id: 'hours-description', label: t('volunteering:hours.description') },
  };

  return (
    <form
      className="form volunteering-section"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="hours-form-title"
    >
      <h2 id="hours-form-title">{t('volunteering:hours.formTitle')}</h2>
      <p className="muted">{t('volunteering:hours.formIntro')}</p>
      <FormErrorSummary state={state} fields={fields} />
      {logged ? <SuccessNotice>{t('volunteering:hours.logged')}</SuccessNotice> : null}
      <SelectField
        id={fields.programId.id}
        label={fields.programId.label}
        value={programId}
        required
        onChange={(e) => setProgramId(e.target.value)}
        errors={state.byField.programId}
      >
        <option value="">{t('volunteering:hours.chooseProgram')}</option>
        {programs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <TextField
        id={fields.date.id}
        label={fields.date.label}
        type="date"
        max={today}
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
        errors={state.byField.date}
      />
      <fieldset
        className={state.byField.minutes ? 'field field--group field--invalid' : 'field field--group'}
        aria-describedby={state.byField.minutes ? 'hours-duration-error' : undefined}
      >
        <legend>{fields.minutes.label}</legend>
        {state.byField.minutes ? (
          <p className="field__error" id="hours-duration-error">
            {state.byField.minutes.join(' ')}
          </p>
        ) : null}
        <div className="form-row">
          <TextField
            id="hours-hours"
            label={t('volunteering:hours.hours')}
            inputMode="numeric"
            className="input--short"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
          <TextField
            id="hours-minutes"
            label={t('volunteering:hours.minutes')}
            inputMode="numeric"
            className="input--short"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
      </fieldset>
      <TextAreaField
        id={fields.description.id}
        label={fields.description.label}
        hint={t('volunteering:hours.descriptionHint')}
        rows={3}
        maxLength={2000}
        required
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={state.byField.description}
      />
      <p className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={log.isPending}
          aria-busy={log.isPending || undefined}
        >
          {t('volunteering:hours.submit')}
        </button>
      </p>
    </form>
  );
}
