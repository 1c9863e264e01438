// A room: names, capacity, equipment, accessibility features and its booking rules.
import { EQUIPMENT, type RoomInput } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { hubFieldForPath, type RoomFormValues, roomInputOf } from '../hub-form-values';
import { useEquipmentName } from './room-list';

interface RoomFormProps {
  idPrefix: string;
  initialValues: RoomFormValues;
  pending: boolean;
  apiError: unknown;
  submitLabel: string;
  onSubmit(input: RoomInput): void;
  onCancel?(): void;
}

export function RoomForm({
  idPrefix,
  initialValues,
  pending,
  apiError,
  submitLabel,
  onSubmit,
  onCancel,
}: RoomFormProps) {
  const { t } = useTranslation(['hubs', 'bookings', 'errors', 'common']);
  const equipmentName = useEquipmentName();
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  function set<K extends keyof RoomFormValues>(key: K, value: RoomFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = roomInputOf(t, values);
    if ('errors' in result) {
      setClientErrors(result.errors);
      return;
    }
    setClientErrors({});
    onSubmit(result.input);
  }

  const id = (key: string) => `${idPrefix}-${key}`;
  const label = (key: string) => t(`hubs:manage.room.${key}`);
  const keys = [
    'nameUk',
    'nameEn',
    'capacity',
    'accessibilityFeatures',
    'minMinutes',
    'maxMinutes',
    'bufferMinutes',
    'leadMinutes',
    'horizonDays',
    'monthlyQuotaHours',
  ] as const;
  const fields = Object.fromEntries(keys.map((key) => [key, { id: id(key), label: label(key) }]));
  const state = formErrorState(t, { clientErrors, apiError, fieldForPath: hubFieldForPath });
  const input = (
    key: (typeof keys)[number],
    props: { type?: string; hint?: string; required?: boolean } = {},
  ) => (
    <TextField
      id={id(key)}
      label={label(key)}
      hint={props.hint}
      type={props.type ?? 'text'}
      inputMode={props.type === 'number' ? 'numeric' : undefined}
      required={props.required}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      errors={state.byField[key]}
    />
  );

  return (
    <form className="form form--inline-panel room-form" noValidate onSubmit={submit}>
      <FormErrorSummary state={state} fields={fields} />
      <div className="form-row">
        {input('nameUk', { required: true })}
        {input('nameEn', { required: true })}
      </div>
      {input('capacity', { type: 'number', required: true })}
      <CheckboxGroupField
        id={id('equipment')}
        legend={t('hubs:equipmentTitle')}
        options={EQUIPMENT.map((e) => ({ value: e, label: equipmentName(e) }))}
        value={values.equipment}
        onChange={(next) => set('equipment', next)}
      />
      {input('accessibilityFeatures', { hint: t('hubs:manage.room.accessibilityHint') })}
      <fieldset className="field field--group">
        <legend>{t('bookings:rules.title')}</legend>
        <div className="form-row">
          {input('minMinutes', { type: 'number', hint: t('hubs:manage.room.minutesHint') })}
          {input('maxMinutes', { type: 'number', hint: t('hubs:manage.room.minutesHint') })}
          {input('bufferMinutes', { type: 'number', hint: t('hubs:manage.room.minutesHint') })}
        </div>
        <div className="form-row">
          {input('leadMinutes', { type: 'number', hint: t('hubs:manage.room.minutesHint') })}
          {input('horizonDays', { type: 'number' })}
          {input('monthlyQuotaHours', { type: 'number', hint: t('hubs:manage.room.quotaHint') })}
        </div>
        <div className="checkbox">
          <input
            type="checkbox"
            id={id('requiresApproval')}
            checked={values.requiresApproval}
            onChange={(e) => set('requiresApproval', e.target.checked)}
          />
          <label htmlFor={id('requiresApproval')}>{label('requiresApproval')}</label>
        </div>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
