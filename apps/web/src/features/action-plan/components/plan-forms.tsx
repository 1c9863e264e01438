// The city admin's forms for the action plan: a commitment, an indicator, and a value for a
// quarter. Each checks what it can before sending (texts present and not too long, numbers, a
// target on the better side of the baseline); the API's answers land next to the same fields.
import type { CommitmentView, IndicatorView } from '@vcentri/shared';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useLocale } from '../../../lib/i18n';
import {
  useCreateCommitment,
  useCreateIndicator,
  useRecordValue,
  useUpdateCommitment,
  useUpdateIndicator,
} from '../api/action-plan';
import { formatQuarter, pastQuarters, targetQuarters } from '../format';

/** `/title/uk` → `titleUk`; `/baseline` → `baseline`. */
function fieldForPath(path: string): string {
  const [first = '', second = ''] = path.replace(/^\//, '').split('/');
  if (second === 'uk' || second === 'en') return `${first}${second === 'uk' ? 'Uk' : 'En'}`;
  return first;
}

/** A decimal as typed: «12,5» or "12.5"; null when it is not a finite number. */
export function parseFigure(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) && Math.abs(n) <= 1e12 ? n : null;
}

type Texts = Record<string, string>;

function useFormState<V extends Texts>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  return { values, setValues, clientErrors, setClientErrors };
}

function requireTexts(
  values: Texts,
  keys: string[],
  errors: FieldErrors,
  messages: { required: string; tooLong: string; max: number },
) {
  for (const key of keys) {
    const length = (values[key] ?? '').trim().length;
    if (length === 0) errors[key] = [messages.required];
    else if (length > messages.max) errors[key] = [messages.tooLong];
  }
}

function FormFrame({
  title,
  onSubmit,
  pending,
  submitLabel,
  onCancel,
  children,
}: {
  title: string;
  onSubmit(): void;
  pending: boolean;
  submitLabel: string;
  onCancel?(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation('actionPlan');
  const headingId = useId();
  return (
    <form
      className="form form--wide form--inline-panel"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={headingId}>{title}</h3>
      {children}
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('form.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function CommitmentForm({ commitment, onDone }: { commitment?: CommitmentView; onDone(): void }) {
  const { t } = useTranslation(['actionPlan', 'errors']);
  const limit = (max: number) => ({
    required: t('errors:fields.required'),
    tooLong: t('actionPlan:form.tooLong', { max }),
    max,
  });
  const id = useId();
  const f = useFormState({
    titleUk: commitment?.title.uk ?? '',
    titleEn: commitment?.title.en ?? '',
    departmentUk: commitment?.department.uk ?? '',
    departmentEn: commitment?.department.en ?? '',
    descriptionUk: commitment?.description.uk ?? '',
    descriptionEn: commitment?.description.en ?? '',
    position: commitment ? String(commitment.position) : '',
  });
  const create = useCreateCommitment(onDone);
  const update = useUpdateCommitment(onDone);
  const mutation = commitment ? update : create;
  const ids = Object.fromEntries(Object.keys(f.values).map((k) => [k, `${id}-${k}`])) as Record<
    keyof typeof f.values,
    string
  >;
  const fields = {
    titleUk: { id: ids.titleUk, label: t('actionPlan:form.titleUk') },
    titleEn: { id: ids.titleEn, label: t('actionPlan:form.titleEn') },
    departmentUk: { id: ids.departmentUk, label: t('actionPlan:form.departmentUk') },
    departmentEn: { id: ids.departmentEn, label: t('actionPlan:form.departmentEn') },
    descriptionUk: { id: ids.descriptionUk, label: t('actionPlan:form.descriptionUk') },
    descriptionEn: { id: ids.descriptionEn, label: t('actionPlan:form.descriptionEn') },
    position: { id: ids.position, label: t('actionPlan:form.position') },
  };
  const set = (key: keyof typeof f.values, value: string) => {
    f.setValues((v) => ({ ...v, [key]: value }));
    if (mutation.error) mutation.reset();
  };

  function submit() {
    const errors: FieldErrors = {};
    requireTexts(f.values, ['titleUk', 'titleEn', 'departmentUk', 'departmentEn'], errors, limit(300));
    for (const key of ['descriptionUk', 'descriptionEn'] as const)
      if (f.values[key].length > 5000) errors[key] = [t('actionPlan:form.tooLong', { max: 5000 })];
    const position = f.values.position.trim() === '' ? undefined : Number(f.values.position);
    if (position !== undefined && !(Number.isInteger(position) && position >= 0 && position <= 10000))
      errors.position = [t('actionPlan:form.positionError')];
    f.setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const input = {
      title: { uk: f.values.titleUk.trim(), en: f.values.titleEn.trim() },
      department: { uk: f.values.departmentUk.trim(), en: f.values.departmentEn.trim() },
      description: { uk: f.values.descriptionUk.trim(), en: f.values.descriptionEn.trim() },
      ...(position !== undefined ? { position } : {}),
    };
    if (commitment) update.mutate({ id: commitment.id, patch: input });
    else create.mutate(input);
  }

  const state = formErrorState(t, { clientErrors: f.clientErrors, apiError: mutation.error, fieldForPath });
  const text = (key: 'titleUk' | 'titleEn' | 'departmentUk' | 'departmentEn', lang: 'uk' | 'en') => (
    <TextField
      id={fields[key].id}
      label={fields[key].label}
      lang={lang}
      required
      maxLength={300}
      value={f.values[key]}
      onChange={(e) => set(key, e.target.value)}
      errors={state.byField[key]}
    />
  );
  return (
    <FormFrame
      title={commitment ? t('actionPlan:form.editCommitment') : t('actionPlan:form.newCommitment')}
      onSubmit={submit}
      pending={mutation.isPending}
      submitLabel={t('actionPlan:form.save')}
      onCancel={onDone}
    >
      <FormErrorSummary state={state} fields={fields} />
      <div className="form-row">
        {text('titleUk', 'uk')}
        {text('titleEn', 'en')}
      </div>
      <div className="form-row">
        {text('departmentUk', 'uk')}
        {text('departmentEn', 'en')}
      </div>
      {(['descriptionUk', 'descriptionEn'] as const).map((key) => (
        <TextAreaField
          key={key}
          id={fields[key].id}
          label={fields[key].label}
          lang={key === 'descriptionUk' ? 'uk' : 'en'}
          rows={3}
          maxLength={5000}
          value={f.values[key]}
          onChange={(e) => set(key, e.target.value)}
          errors={state.byField[key]}
        />
      ))}
      <TextField
        id={fields.position.id}
        label={fields.position.label}
        hint={t('actionPlan:form.positionHint')}
        inputMode="numeric"
        value={f.values.position}
        onChange={(e) => set('position', e.target.value)}
        errors={state.byField.position}
      />
    </FormFrame>
  );
}

export function IndicatorForm({
  commitmentId,
  indicator,
  onDone,
}: {
  commitmentId: string;
  indicator?: IndicatorView;
  onDone(): void;
}) {
  const { t } = useTranslation(['actionPlan', 'errors']);
  const limit = (max: number) => ({
    required: t('errors:fields.required'),
    tooLong: t('actionPlan:form.tooLong', { max }),
    max,
  });
  const locale = useLocale();
  const id = useId();
  const f = useFormState({
    titleUk: indicator?.title.uk ?? '',
    titleEn: indicator?.title.en ?? '',
    unitUk: indicator?.unit.uk ?? '',
    unitEn: indicator?.unit.en ?? '',
    baseline: indicator ? String(indicator.baseline) : '',
    target: indicator ? String(indicator.target) : '',
    targetQuarter: indicator?.targetQuarter ?? '2026-Q4',
    direction: indicator ? (indicator.higherIsBetter ? 'higher' : 'lower') : 'higher',
    position: indicator ? String(indicator.position) : '',
  });
  const create = useCreateIndicator(onDone);
  const update = useUpdateIndicator(onDone);
  const mutation = indicator ? update : create;
  const ids = Object.fromEntries(Object.keys(f.values).map((k) => [k, `${id}-${k}`])) as Record<
    keyof typeof f.values,
    string
  >;
  const fields = {
    titleUk: { id: ids.titleUk, label: t('actionPlan:form.indicatorTitleUk') },
    titleEn: { id: ids.titleEn, label: t('actionPlan:form.indicatorTitleEn') },
    unitUk: { id: ids.unitUk, label: t('actionPlan:form.unitUk') },
    unitEn: { id: ids.unitEn, label: t('actionPlan:form.unitEn') },
    baseline: { id: ids.baseline, label: t('actionPlan:form.baseline') },
    target: { id: ids.target, label: t('actionPlan:form.target') },
    targetQuarter: { id: ids.targetQuarter, label: t('actionPlan:form.targetQuarter') },
    higherIsBetter: { id: ids.direction, label: t('actionPlan:form.direction') },
    position: { id: ids.position, label: t('actionPlan:form.position') },
  };
  const set = (key: keyof typeof f.values, value: string) => {
    f.setValues((v) => ({ ...v, [key]: value }));
    if (mutation.error) mutation.reset();
  };

  function submit() {
    const errors: FieldErrors = {};
    requireTexts(f.values, ['titleUk', 'titleEn'], errors, limit(300));
    requireTexts(f.values, ['unitUk', 'unitEn'], errors, limit(60));
    const baseline = parseFigure(f.values.baseline);
    const target = parseFigure(f.values.target);
    const higherIsBetter = f.values.direction === 'higher';
    if (baseline === null) errors.baseline = [t('actionPlan:form.numberError')];
    if (target === null) errors.target = [t('actionPlan:form.numberError')];
    else if (baseline !== null && target === baseline)
      errors.target = [t('errors:codes.target_equals_baseline')];
    else if (baseline !== null && higherIsBetter !== target > baseline)
      errors.target = [t('errors:codes.target_direction_mismatch')];
    const position = f.values.position.trim() === '' ? undefined : Number(f.values.position);
    if (position !== undefined && !(Number.isInteger(position) && position >= 0 && position <= 10000))
      errors.position = [t('actionPlan:form.positionError')];
    f.setClientErrors(errors);
    if (Object.keys(errors).length || baseline === null || target === null) return;
    const input = {
      title: { uk: f.values.titleUk.trim(), en: f.values.titleEn.trim() },
      unit: { uk: f.values.unitUk.trim(), en: f.values.unitEn.trim() },
      baseline,
      target,
      targetQuarter: f.values.targetQuarter,
      higherIsBetter,
      ...(position !== undefined ? { position } : {}),
    };
    if (indicator) update.mutate({ id: indicator.id, patch: input });
    else create.mutate({ ...input, commitmentId });
  }

  const state = formErrorState(t, {
    clientErrors: f.clientErrors,
    apiError: mutation.error,
    fieldForPath,
    codeToField: { target_equals_baseline: 'target', target_direction_mismatch: 'target' },
  });
  const text = (key: 'titleUk' | 'titleEn' | 'unitUk' | 'unitEn', lang: 'uk' | 'en', max: number) => (
    <TextField
      id={fields[key].id}
      label={fields[key].label}
      lang={lang}
      required
      maxLength={max}
      value={f.values[key]}
      onChange={(e) => set(key, e.target.value)}
      errors={state.byField[key]}
    />
  );
  return (
    <FormFrame
      title={indicator ? t('actionPlan:form.editIndicator') : t('actionPlan:form.newIndicator')}
      onSubmit={submit}
      pending={mutation.isPending}
      submitLabel={t('actionPlan:form.save')}
      onCancel={onDone}
    >
      <FormErrorSummary state={state} fields={fields} />
      <div className="form-row">
        {text('titleUk', 'uk', 300)}
        {text('titleEn', 'en', 300)}
      </div>
      <div className="form-row">
        {text('unitUk', 'uk', 60)}
        {text('unitEn', 'en', 60)}
      </div>
      <div className="form-row">
        <TextField
          id={fields.baseline.id}
          label={fields.baseline.label}
          inputMode="decimal"
          required
          value={f.values.baseline}
          onChange={(e) => set('baseline', e.target.value)}
          errors={state.byField.baseline}
        />
        <TextField
          id={fields.target.id}
          label={fields.target.label}
          inputMode="decimal"
          required
          value={f.values.target}
          onChange={(e) => set('target', e.target.value)}
          errors={state.byField.target}
        />
      </div>
      <div className="form-row">
        <SelectField
          id={fields.targetQuarter.id}
          label={fields.targetQuarter.label}
          value={f.values.targetQuarter}
          onChange={(e) => set('targetQuarter', e.target.value)}
          errors={state.byField.targetQuarter}
        >
          {targetQuarters().map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={fields.higherIsBetter.id}
          label={fields.higherIsBetter.label}
          value={f.values.direction}
          onChange={(e) => set('direction', e.target.value)}
          errors={state.byField.higherIsBetter}
        >
          <option value="higher">{t('actionPlan:indicator.higherIsBetter')}</option>
          <option value="lower">{t('actionPlan:indicator.lowerIsBetter')}</option>
        </SelectField>
      </div>
      <TextField
        id={fields.position.id}
        label={fields.position.label}
        hint={t('actionPlan:form.positionHint')}
        inputMode="numeric"
        value={f.values.position}
        onChange={(e) => set('position', e.target.value)}
        errors={state.byField.position}
      />
    </FormFrame>
  );
}

export function ValueForm({
  indicator,
  quarter: initialQuarter,
  onDone,
}: {
  indicator: IndicatorView;
  quarter?: string;
  onDone(): void;
}) {
  const { t } = useTranslation(['actionPlan', 'errors']);
  const locale = useLocale();
  const id = useId();
  const quarters = pastQuarters();
  const start = initialQuarter ?? quarters[0] ?? '';
  const existing = (q: string) => indicator.values.find((v) => v.quarter === q);
  const f = useFormState({
    quarter: start,
    value: existing(start) ? String(existing(start)?.value) : '',
    noteUk: existing(start)?.note.uk ?? '',
    noteEn: existing(start)?.note.en ?? '',
  });
  const mutation = useRecordValue(onDone);
  const fields = {
    quarter: { id: `${id}-quarter`, label: t('actionPlan:form.quarter') },
    value: { id: `${id}-value`, label: t('actionPlan:form.value', { unit: indicator.unit[locale] }) },
    noteUk: { id: `${id}-noteUk`, label: t('actionPlan:form.noteUk') },
    noteEn: { id: `${id}-noteEn`, label: t('actionPlan:form.noteEn') },
  };
  const set = (key: keyof typeof f.values, value: string) => {
    f.setValues((v) => ({ ...v, [key]: value }));
    if (mutation.error) mutation.reset();
  };
  function chooseQuarter(q: string) {
    const found = existing(q);
    f.setValues({
      quarter: q,
      value: found ? String(found.value) : '',
      noteUk: found?.note.uk ?? '',
      noteEn: found?.note.en ?? '',
    });
    if (mutation.error) mutation.reset();
  }

  function submit() {
    const errors: FieldErrors = {};
    const value = parseFigure(f.values.value);
    if (value === null) errors.value = [t('actionPlan:form.numberError')];
    for (const key of ['noteUk', 'noteEn'] as const)
      if (f.values[key].length > 2000) errors[key] = [t('actionPlan:form.tooLong', { max: 2000 })];
    f.setClientErrors(errors);
    if (Object.keys(errors).length || value === null) return;
    mutation.mutate({
      id: indicator.id,
      quarter: f.values.quarter,
      input: { value, note: { uk: f.values.noteUk.trim(), en: f.values.noteEn.trim() } },
    });
  }

  const state = formErrorState(t, {
    clientErrors: f.clientErrors,
    apiError: mutation.error,
    fieldForPath,
    codeToField: { quarter_in_future: 'quarter' },
  });
  const replacing = existing(f.values.quarter);
  return (
    <FormFrame
      title={t('actionPlan:form.recordTitle', { indicator: indicator.title[locale] })}
      onSubmit={submit}
      pending={mutation.isPending}
      submitLabel={t('actionPlan:form.record')}
      onCancel={onDone}
    >
      <FormErrorSummary state={state} fields={fields} />
      <div className="form-row">
        <SelectField
          id={fields.quarter.id}
          label={fields.quarter.label}
          hint={t('actionPlan:form.quarterHint')}
          value={f.values.quarter}
          onChange={(e) => chooseQuarter(e.target.value)}
          errors={state.byField.quarter}
        >
          {quarters.map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
              {existing(q) ? ` — ${t('actionPlan:form.hasValue')}` : ''}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fields.value.id}
          label={fields.value.label}
          inputMode="decimal"
          required
          value={f.values.value}
          onChange={(e) => set('value', e.target.value)}
          errors={state.byField.value}
        />
      </div>
      {replacing ? <p className="notice notice--warning">{t('actionPlan:form.replaces')}</p> : null}
      {(['noteUk', 'noteEn'] as const).map((key) => (
        <TextAreaField
          key={key}
          id={fields[key].id}
          label={fields[key].label}
          lang={key === 'noteUk' ? 'uk' : 'en'}
          rows={2}
          maxLength={2000}
          value={f.values[key]}
          onChange={(e) => set(key, e.target.value)}
          errors={state.byField[key]}
        />
      ))}
    </FormFrame>
  );
}
