// A hub's details in both languages: name, district, address, coordinates, shelter and
// accessibility notes. Only city administrators move a hub to another district.
import { DistrictOptions } from '../../../components/district-options';
import type { HubInput } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useLocale } from '../../../lib/i18n';
import { type HubFormValues, hubFieldForPath, hubInputOf } from '../hub-form-values';

interface HubFormProps {
  initialValues: HubFormValues;
  canChangeDistrict: boolean;
  pending: boolean;
  apiError: unknown;
  submitLabel: string;
  onEdit?(): void;
  onSubmit(input: Omit<HubInput, 'openingHours'>): void;
}

export function HubForm({
  initialValues,
  canChangeDistrict,
  pending,
  apiError,
  submitLabel,
  onEdit,
  onSubmit,
}: HubFormProps) {
  const { t } = useTranslation(['hubs', 'errors']);
  const _locale = useLocale();
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  function set<K extends keyof HubFormValues>(key: K, value: HubFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    onEdit?.();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = hubInputOf(t, values);
    if ('errors' in result) {
      setClientErrors(result.errors);
      return;
    }
    setClientErrors({});
    onSubmit(result.input);
  }

  const label = (key: string) => t(`hubs:manage.fields.${key}`);
  const fields = Object.fromEntries(
    (Object.keys(values) as (keyof HubFormValues)[]).map((key) => [
      key,
      { id: `hub-${key}`, label: label(key) },
    ]),
  );
  const state = formErrorState(t, { clientErrors, apiError, fieldForPath: hubFieldForPath });
  const text = (
    key: keyof HubFormValues,
    props: { required?: boolean; maxLength?: number; hint?: string } = {},
  ) => (
    <TextField
      id={`hub-${key}`}
      label={label(key)}
      hint={props.hint}
      required={props.required}
      maxLength={props.maxLength}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      errors={state.byField[key]}
    />
  );
  const area = (key: keyof HubFormValues) => (
    <TextAreaField
      id={`hub-${key}`}
      label={label(key)}
      maxLength={2000}
      rows={3}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      errors={state.byField[key]}
    />
  );

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary state={state} fields={fields} />
      <div className="form-row">
        {text('nameUk', { required: true, maxLength: 200 })}
        {text('nameEn', { required: true, maxLength: 200 })}
      </div>
      <SelectField
        id="hub-district"
        label={label('district')}
        hint={canChangeDistrict ? undefined : t('hubs:manage.districtHint')}
        required
        disabled={!canChangeDistrict}
        value={values.district}
        onChange={(e) => set('district', e.target.value)}
        errors={state.byField.district}
      >
        <option value="">{t('hubs:manage.chooseDistrict')}</option>
        <DistrictOptions />
      </SelectField>
      <div className="form-row">
        {text('addressUk', { required: true, maxLength: 300 })}
        {text('addressEn', { required: true, maxLength: 300 })}
      </div>
      <div className="form-row">
        {text('latitude', { required: true, hint: t('hubs:manage.latitudeHint') })}
        {text('longitude', { required: true, hint: t('hubs:manage.longitudeHint') })}
      </div>
      <div className="form-row">
        {area('shelterUk')}
        {area('shelterEn')}
      </div>
      <div className="form-row">
        {area('accessibilityUk')}
        {area('accessibilityEn')}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
