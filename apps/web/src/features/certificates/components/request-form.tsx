// Asking for a certificate of one's approved hours: the name as it is printed (the profile's name
// to start with), the language of the PDF and the credential, all programs or one, and an optional
// period. The API decides what counts; a refusal (no approved hours, say) is shown in the summary.
import type { Certificate, Locale } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../../../components/date-range-fields';
import { LocaleOptions } from '../../../components/locale-options';
import { SelectField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useLocale } from '../../../lib/i18n';
import { useRequestCertificates } from '../api';

export interface ProgramChoice {
  id: string;
  title: string;
}

interface RequestFormProps {
  defaultName: string;
  /** The volunteer's programs with approved hours. */
  programs: readonly ProgramChoice[];
  onIssued(certificates: Certificate[]): void;
}

export function CertificateRequestForm({ defaultName, programs, onIssued }: RequestFormProps) {
  const { t } = useTranslation(['certificates', 'errors']);
  const uiLocale = useLocale();
  const [printedName, setPrintedName] = useState(defaultName);
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [programId, setProgramId] = useState('');
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const request = useRequestCertificates({ onSuccess: onIssued });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.reset();
    const name = printedName.trim().replace(/\s+/g, ' ');
    const errors: FieldErrors = {};
    if (name.length < 2 || name.length > 120) errors.printedName = [t('certificates:request.nameLength')];
    if (period.from && period.to && period.to < period.from)
      errors.to = [t('certificates:request.periodBackwards')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    request.mutate({
      locale,
      printedName: name,
      ...(programId ? { programId } : {}),
      ...(period.from ? { from: period.from } : {}),
      ...(period.to ? { to: period.to } : {}),
    });
  }

  const state = formErrorState(t, { clientErrors, apiError: request.error });
  const fields = {
    printedName: { id: 'certificate-name', label: t('certificates:request.printedName') },
    locale: { id: 'certificate-locale', label: t('certificates:request.locale') },
    programId: { id: 'certificate-program', label: t('certificates:request.program') },
    from: { id: 'certificate-period-from', label: t('certificates:request.from') },
    to: { id: 'certificate-period-to', label: t('certificates:request.to') },
  };

  return (
    <form className="form card" noValidate onSubmit={onSubmit} aria-labelledby="certificate-request-title">
      <h2 id="certificate-request-title">{t('certificates:request.title')}</h2>
      <p className="muted">{t('certificates:request.intro')}</p>
      <FormErrorSummary state={state} fields={fields} />
      <TextField
        id={fields.printedName.id}
        label={fields.printedName.label}
        hint={t('certificates:request.printedNameHint')}
        autoComplete="name"
        maxLength={120}
        required
        value={printedName}
        onChange={(e) => setPrintedName(e.target.value)}
        errors={state.byField.printedName}
      />
      <SelectField
        id={fields.locale.id}
        label={fields.locale.label}
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        errors={state.byField.locale}
      >
        <LocaleOptions />
      </SelectField>
      <SelectField
        id={fields.programId.id}
        label={fields.programId.label}
        value={programId}
        onChange={(e) => setProgramId(e.target.value)}
        errors={state.byField.programId}
      >
        <option value="">{t('certificates:request.allPrograms')}</option>
        {programs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <fieldset className="field field--group">
        <legend>{t('certificates:request.period')}</legend>
        <p className="field__hint">{t('certificates:request.periodHint')}</p>
        <div className="form-row">
          <DateRangeFields
            idPrefix="certificate-period"
            from={period.from}
            to={period.to}
            labels={{ from: fields.from.label, to: fields.to.label }}
            error={state.byField.to?.join(' ') ?? state.byField.from?.join(' ')}
            onChange={(next) => setPeriod((p) => ({ ...p, ...next }))}
          />
        </div>
      </fieldset>
      <p className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={request.isPending}
          aria-busy={request.isPending || undefined}
        >
          {t('certificates:request.submit')}
        </button>
      </p>
    </form>
  );
}
