// The organisation's details, for applying and for editing: every field of OrganizationInput,
// labelled in the UI language. The checks run before sending (the same rules as the API,
// including the EDRPOU rule of the chosen legal form); what the API still refuses is shown next
// to the field its JSON pointer names, and every problem is listed in a summary that links to it.
import { DistrictOptions } from '../../../components/district-options';
import {
  ACTIVITIES,
  ACTIVITY_KEYS,
  LEGAL_FORM_KEYS,
  LEGAL_FORMS,
  type OrganizationInput,
  TARGET_GROUP_KEYS,
  TARGET_GROUPS,
} from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useLocale } from '../../../lib/i18n';
import {
  EMPTY_ORGANIZATION_FORM,
  edrpouRule,
  fieldForPath,
  ORGANIZATION_FORM_FIELDS,
  type OrganizationFormField,
  type OrganizationFormValues,
  organizationFormProblems,
  toOrganizationInput,
} from '../form-values';

const CODE_TO_FIELD = {
  edrpou_taken: 'edrpou',
  invalid_edrpou: 'edrpou',
  edrpou_required: 'edrpou',
  edrpou_not_allowed: 'edrpou',
};

const ID_PREFIX = 'organization';
const fieldId = (field: OrganizationFormField) => `${ID_PREFIX}-${field}`;

interface OrganizationFormProps {
  /** Values to start from (editing); empty for a new application. */
  initialValues?: OrganizationFormValues;
  /** Nothing can be changed (e.g. an archived organisation). */
  disabled?: boolean;
  pending: boolean;
  /** What the last submission threw. */
  apiError: unknown;
  onSubmit(input: OrganizationInput): void;
  /** Called on any edit, e.g. to clear the last submission's outcome. */
  onEdit?(): void;
}

export function OrganizationForm({
  initialValues = EMPTY_ORGANIZATION_FORM,
  disabled = false,
  pending,
  apiError,
  onSubmit,
  onEdit,
}: OrganizationFormProps) {
  const { t } = useTranslation(['registry', 'errors']);
  const locale = useLocale();
  const [values, setValues] = useState<OrganizationFormValues>(initialValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  function set<K extends OrganizationFormField>(field: K, value: OrganizationFormValues[K]) {
    setValues((previous) => {
      const next = { ...previous, [field]: value };
      // A form without legal status has no code: clear it rather than send one the API refuses.
      if (field === 'legalForm' && edrpouRule(next.legalForm) === 'absent') next.edrpou = '';
      return next;
    });
    onEdit?.();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled) return;
    const problems = organizationFormProblems(values);
    const errors: FieldErrors = {};
    for (const [field, list] of Object.entries(problems)) {
      errors[field] = (list ?? []).map((p) => t(p.key, p.values ?? {}));
    }
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) onSubmit(toOrganizationInput(values));
  }

  const state = formErrorState(t, {
    clientErrors,
    apiError,
    codeToField: CODE_TO_FIELD,
    fieldForPath,
  });
  const label = (field: OrganizationFormField) => t(`registry:fields.${field}`);
  const fields = Object.fromEntries(
    ORGANIZATION_FORM_FIELDS.map((field) => [
      field,
      {
        // Checkbox groups are reached through their first checkbox.
        id:
          field === 'activities'
            ? `${fieldId(field)}-${ACTIVITY_KEYS[0]}`
            : field === 'targetGroups'
              ? `${fieldId(field)}-${TARGET_GROUP_KEYS[0]}`
              : fieldId(field),
        label: label(field),
      },
    ]),
  );
  const rule = edrpouRule(values.legalForm);
  const edrpouHint =
    rule === 'required'
      ? t('registry:form.edrpouRequired')
      : rule === 'optional'
        ? t('registry:form.edrpouOptional')
        : rule === 'absent'
          ? t('registry:form.edrpouAbsent')
          : t('registry:form.edrpouChooseForm');

  const text = (field: OrganizationFormField) => ({
    id: fieldId(field),
    label: label(field),
    name: field,
    disabled,
    errors: state.byField[field],
    value: values[field] as string,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value as never),
  });

  return (
    <form
      className="form form--wide"
      noValidate
      onSubmit={handleSubmit}
      aria-label={t('registry:form.label')}
    >
      <FormErrorSummary state={state} fields={fields} />
      <TextField {...text('nameUk')} lang="uk" required maxLength={300} autoComplete="organization" />
      <TextField {...text('nameEn')} lang="en" required maxLength={300} autoComplete="off" />
      <SelectField {...text('legalForm')} required>
        <option value="">{t('registry:form.chooseLegalForm')}</option>
        {LEGAL_FORM_KEYS.map((key) => (
          <option key={key} value={key}>
            {LEGAL_FORMS[key][locale]}
          </option>
        ))}
      </SelectField>
      <TextField
        {...text('edrpou')}
        hint={edrpouHint}
        disabled={disabled || rule === 'absent'}
        required={rule === 'required'}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={8}
        className="input--short"
      />
      <SelectField {...text('district')} required>
        <option value="">{t('registry:form.chooseDistrict')}</option>
        <DistrictOptions />
      </SelectField>
      <TextField
        {...text('address')}
        hint={t('registry:form.addressHint')}
        required
        maxLength={500}
        autoComplete="street-address"
      />
      <CheckboxGroupField
        id={fieldId('activities')}
        legend={label('activities')}
        hint={t('registry:form.activitiesHint')}
        errors={state.byField.activities}
        disabled={disabled}
        options={ACTIVITY_KEYS.map((key) => ({ value: key, label: ACTIVITIES[key][locale] }))}
        value={values.activities}
        onChange={(next) => set('activities', next as OrganizationFormValues['activities'])}
      />
      <CheckboxGroupField
        id={fieldId('targetGroups')}
        legend={label('targetGroups')}
        hint={t('registry:form.targetGroupsHint')}
        errors={state.byField.targetGroups}
        disabled={disabled}
        options={TARGET_GROUP_KEYS.map((key) => ({ value: key, label: TARGET_GROUPS[key][locale] }))}
        value={values.targetGroups}
        onChange={(next) => set('targetGroups', next as OrganizationFormValues['targetGroups'])}
      />
      <fieldset className="form__group" aria-describedby={`${ID_PREFIX}-contacts-hint`}>
        <legend>{t('registry:fields.contacts')}</legend>
        <p className="field__hint" id={`${ID_PREFIX}-contacts-hint`}>
          {t('registry:form.contactsHint')}
        </p>
        <TextField {...text('email')} type="email" maxLength={254} autoComplete="email" spellCheck={false} />
        <TextField
          {...text('phone')}
          type="tel"
          hint={t('registry:form.phoneHint')}
          maxLength={20}
          autoComplete="tel"
        />
        <TextField
          {...text('website')}
          type="url"
          hint={t('registry:form.websiteHint')}
          maxLength={500}
          autoComplete="url"
          spellCheck={false}
        />
        <TextAreaField {...text('social')} hint={t('registry:form.socialHint')} rows={3} spellCheck={false} />
      </fieldset>
      <TextAreaField
        {...text('descriptionUk')}
        lang="uk"
        hint={t('registry:form.descriptionHint')}
        rows={6}
      />
      <TextAreaField
        {...text('descriptionEn')}
        lang="en"
        hint={t('registry:form.descriptionHint')}
        rows={6}
      />
      <TextField
        {...text('yearFounded')}
        hint={t('registry:form.yearFoundedHint')}
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        className="input--short"
      />
      {disabled ? null : (
        <div className="form__actions">
          <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
            {t('registry:form.save')}
          </button>
        </div>
      )}
    </form>
  );
}
