// Starting a volunteer program or editing one: who runs it (one of the account's organisations,
// hubs, its district, or the city), titles and descriptions in Ukrainian and English, cause,
// districts, skills, languages, minimum age, briefing and contact. A new program is saved as a
// draft or published at once. API answers land next to the fields.
import {
  DISTRICTS,
  EVENT_LANGUAGES,
  type ProgramInput,
  type ProgramPatch,
  type ProgramView,
  VOLUNTEER_CAUSE_KEYS,
  type VolunteerCause,
} from '@vcentri/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useMyOrganizations } from '../../organizations/api/get-my-organizations';
import { useHubChoices } from '../../hubs/api/hub-choices';
import { districtName } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useCreateProgram, useUpdateProgram } from '../api/programs';
import { causeLabel } from '../labels';
import { type CoordinatorScopes, ownerDistrictChoices } from '../scopes';

interface Values {
  owner: string;
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  cause: VolunteerCause | '';
  districts: string[];
  skills: string;
  languages: string[];
  minAge: string;
  briefing: string;
  contact: string;
}

const IDS = {
  owner: 'program-owner',
  titleUk: 'program-title-uk',
  titleEn: 'program-title-en',
  descriptionUk: 'program-description-uk',
  descriptionEn: 'program-description-en',
  cause: 'program-cause',
  districts: 'program-districts',
  skills: 'program-skills',
  languages: 'program-languages',
  minAge: 'program-min-age',
  briefing: 'program-briefing',
  contact: 'program-contact',
} as const;

function fieldForPath(path: string): string {
  const [first = '', second = ''] = path.replace(/^\//, '').split('/');
  if ((first === 'title' || first === 'description') && (second === 'uk' || second === 'en'))
    return `${first}${second === 'uk' ? 'Uk' : 'En'}`;
  if (first === 'organizationId' || first === 'hubId' || first === 'ownerDistrict') return 'owner';
  return first;
}

/** The skills typed as a comma-separated list, trimmed and without repeats. */
export function parseSkills(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

type ProgramFormProps =
  | { mode: 'create'; scopes: CoordinatorScopes; onSaved(program: ProgramView): void; onCancel?(): void }
  | { mode: 'edit'; program: ProgramView; onSaved(program: ProgramView): void; onCancel?(): void };

function initialValues(props: ProgramFormProps): Values {
  if (props.mode === 'edit') {
    const p = props.program;
    return {
      owner: '',
      titleUk: p.title.uk,
      titleEn: p.title.en,
      descriptionUk: p.description.uk,
      descriptionEn: p.description.en,
      cause: p.cause,
      districts: [...p.districts],
      skills: p.skills.join(', '),
      languages: [...p.languages],
      minAge: String(p.minAge),
      briefing: p.briefing ?? '',
      contact: p.contact,
    };
  }
  const s = props.scopes;
  const only =
    !s.city && s.organizations.length + s.hubs.length + s.districts.length === 1
      ? s.organizations[0]
        ? `org:${s.organizations[0].id}`
        : s.hubs[0]
          ? `hub:${s.hubs[0].id}`
          : `district:${s.districts[0]}`
      : '';
  return {
    owner: only,
    titleUk: '',
    titleEn: '',
    descriptionUk: '',
    descriptionEn: '',
    cause: '',
    districts: [],
    skills: '',
    languages: ['uk'],
    minAge: '0',
    briefing: '',
    contact: '',
  };
}

function ownerFields(owner: string): Pick<ProgramInput, 'organizationId' | 'hubId' | 'ownerDistrict'> {
  const [kind, value = ''] = owner.split(':');
  if (kind === 'org') return { organizationId: value };
  if (kind === 'hub') return { hubId: value };
  if (kind === 'district') return { ownerDistrict: value as ProgramInput['ownerDistrict'] };
  return {};
}

function OwnerOptions({ scopes }: { scopes: CoordinatorScopes }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const organizations = useMyOrganizations();
  const hubs = useHubChoices();
  const orgInfo = new Map((organizations.data?.items ?? []).map((o) => [o.id, o]));
  const hubNames = new Map((hubs.status === 'ready' ? hubs.hubs : []).map((h) => [h.id, h.name] as const));
  const hubChoices = [
    ...scopes.hubs.map((h) => ({ id: h.id, name: hubNames.get(h.id) ?? h.name ?? h.id })),
    ...(scopes.city && hubs.status === 'ready'
      ? hubs.hubs.filter((h) => !scopes.hubs.some((own) => own.id === h.id))
      : []),
  ];
  const districts = ownerDistrictChoices(scopes);
  return (
    <>
      <option value="">{t('form.chooseOwner')}</option>
      {scopes.organizations.length ? (
        <optgroup label={t('form.ownerOrganizations')}>
          {scopes.organizations.map((o) => {
            const info = orgInfo.get(o.id);
            const name = info
              ? locale === 'en' && info.nameEn
                ? info.nameEn
                : info.nameUk
              : (o.name ?? o.id);
            const unverified = !!info && info.status !== 'verified';
            return (
              <option key={o.id} value={`org:${o.id}`} disabled={unverified}>
                {unverified ? t('form.unverified', { name }) : name}
              </option>
            );
          })}
        </optgroup>
      ) : null}
      {hubChoices.length ? (
        <optgroup label={t('form.ownerHubs')}>
          {hubChoices.map((h) => (
            <option key={h.id} value={`hub:${h.id}`}>
              {h.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      {districts.length ? (
        <optgroup label={t('form.ownerDistricts')}>
          {districts.map((d) => (
            <option key={d} value={`district:${d}`}>
              {t('form.districtOwner', { district: districtName(d, locale) })}
            </option>
          ))}
        </optgroup>
      ) : null}
      {scopes.city ? <option value="city">{t('form.cityOwner')}</option> : null}
    </>
  );
}

export function ProgramForm(props: ProgramFormProps) {
  const { t } = useTranslation(['volunteeringAdmin', 'errors', 'common']);
  const locale = useLocale();
  const [values, setValues] = useState<Values>(() => initialValues(props));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useCreateProgram({ onSuccess: props.onSaved });
  const update = useUpdateProgram({ onSuccess: props.onSaved });
  const mutation = props.mode === 'create' ? create : update;
  // Which of the two submit buttons sent the form (Enter in a field saves a draft).
  const intent = useRef<'draft' | 'published'>('draft');

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (mutation.error) mutation.reset();
  }

  function validate(): { minAge: number; skills: string[] } | null {
    const errors: FieldErrors = {};
    if (props.mode === 'create' && !values.owner) errors.owner = [t('volunteeringAdmin:form.ownerError')];
    for (const key of ['titleUk', 'titleEn'] as const) {
      const length = values[key].trim().length;
      if (length === 0) errors[key] = [t('errors:fields.required')];
      else if (length < 3) errors[key] = [t('volunteeringAdmin:form.titleTooShort')];
    }
    if (!values.cause) errors.cause = [t('volunteeringAdmin:form.causeError')];
    if (values.languages.length === 0) errors.languages = [t('volunteeringAdmin:form.languagesError')];
    const skills = parseSkills(values.skills);
    if (skills.length > 20 || skills.some((s) => s.length > 60))
      errors.skills = [t('volunteeringAdmin:form.skillsError')];
    const minAge = Number(values.minAge || '0');
    if (!Number.isInteger(minAge) || minAge < 0 || minAge > 99)
      errors.minAge = [t('volunteeringAdmin:form.minAgeError')];
    setClientErrors(errors);
    return Object.keys(errors).length ? null : { minAge, skills };
  }

  function submit(status: 'draft' | 'published' | null) {
    const checked = validate();
    if (!checked) return;
    const common = {
      title: { uk: values.titleUk.trim(), en: values.titleEn.trim() },
      description: { uk: values.descriptionUk.trim(), en: values.descriptionEn.trim() },
      cause: values.cause as VolunteerCause,
      districts: values.districts as ProgramPatch['districts'] & string[],
      skills: checked.skills,
      languages: values.languages as ProgramInput['languages'] & string[],
      minAge: checked.minAge,
      briefing: values.briefing.trim() ? values.briefing.trim() : null,
      contact: values.contact.trim(),
    };
    if (props.mode === 'create') {
      create.mutate({ ...ownerFields(values.owner), ...common, status: status ?? 'draft' });
    } else {
      update.mutate({ id: props.program.id, patch: common });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(props.mode === 'create' ? intent.current : null);
    intent.current = 'draft';
  }

  const fields = {
    ...(props.mode === 'create'
      ? { owner: { id: IDS.owner, label: t('volunteeringAdmin:form.owner') } }
      : {}),
    titleUk: { id: IDS.titleUk, label: t('volunteeringAdmin:form.titleUk') },
    titleEn: { id: IDS.titleEn, label: t('volunteeringAdmin:form.titleEn') },
    descriptionUk: { id: IDS.descriptionUk, label: t('volunteeringAdmin:form.descriptionUk') },
    descriptionEn: { id: IDS.descriptionEn, label: t('volunteeringAdmin:form.descriptionEn') },
    cause: { id: IDS.cause, label: t('volunteeringAdmin:form.cause') },
    districts: { id: `${IDS.districts}-${DISTRICTS[0].slug}`, label: t('volunteeringAdmin:form.districts') },
    skills: { id: IDS.skills, label: t('volunteeringAdmin:form.skills') },
    languages: { id: `${IDS.languages}-${EVENT_LANGUAGES[0]}`, label: t('volunteeringAdmin:form.languages') },
    minAge: { id: IDS.minAge, label: t('volunteeringAdmin:form.minAge') },
    briefing: { id: IDS.briefing, label: t('volunteeringAdmin:form.briefing') },
    contact: { id: IDS.contact, label: t('volunteeringAdmin:form.contact') },
  };
  const state = formErrorState(t, {
    clientErrors,
    apiError: mutation.error,
    fieldForPath,
    codeToField: { organization_not_verified: 'owner' },
  });

  const headingId = props.mode === 'create' ? 'new-program-title' : 'edit-program-title';
  return (
    <form className="form form--wide program-form" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.mode === 'create'
          ? t('volunteeringAdmin:form.createTitle')
          : t('volunteeringAdmin:form.editTitle')}
      </h2>
      <FormErrorSummary state={state} fields={fields} />

      {props.mode === 'create' ? (
        <SelectField
          id={IDS.owner}
          label={fields.owner?.label}
          hint={t('volunteeringAdmin:form.ownerHint')}
          required
          value={values.owner}
          onChange={(e) => set('owner', e.target.value)}
          errors={state.byField.owner}
        >
          <OwnerOptions scopes={props.scopes} />
        </SelectField>
      ) : null}

      <div className="form-row">
        <TextField
          id={IDS.titleUk}
          label={fields.titleUk.label}
          lang="uk"
          required
          minLength={3}
          maxLength={200}
          value={values.titleUk}
          onChange={(e) => set('titleUk', e.target.value)}
          errors={state.byField.titleUk}
        />
        <TextField
          id={IDS.titleEn}
          label={fields.titleEn.label}
          lang="en"
          required
          minLength={3}
          maxLength={200}
          value={values.titleEn}
          onChange={(e) => set('titleEn', e.target.value)}
          errors={state.byField.titleEn}
        />
      </div>
      <TextAreaField
        id={IDS.descriptionUk}
        label={fields.descriptionUk.label}
        lang="uk"
        maxLength={5000}
        rows={5}
        value={values.descriptionUk}
        onChange={(e) => set('descriptionUk', e.target.value)}
        errors={state.byField.descriptionUk}
      />
      <TextAreaField
        id={IDS.descriptionEn}
        label={fields.descriptionEn.label}
        lang="en"
        maxLength={5000}
        rows={5}
        value={values.descriptionEn}
        onChange={(e) => set('descriptionEn', e.target.value)}
        errors={state.byField.descriptionEn}
      />
      <SelectField
        id={IDS.cause}
        label={fields.cause.label}
        required
        value={values.cause}
        onChange={(e) => set('cause', e.target.value as VolunteerCause | '')}
        errors={state.byField.cause}
      >
        <option value="">{t('volunteeringAdmin:form.chooseCause')}</option>
        {VOLUNTEER_CAUSE_KEYS.map((key) => (
          <option key={key} value={key}>
            {causeLabel(key, locale)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroupField
        id={IDS.districts}
        legend={fields.districts.label}
        hint={t('volunteeringAdmin:form.districtsHint')}
        options={DISTRICTS.map((d) => ({ value: d.slug, label: d[locale] }))}
        value={values.districts}
        errors={state.byField.districts}
        onChange={(next) =>
          set(
            'districts',
            DISTRICTS.map((d) => d.slug as string).filter((slug) => next.includes(slug)),
          )
        }
      />
      <TextField
        id={IDS.skills}
        label={fields.skills.label}
        hint={t('volunteeringAdmin:form.skillsHint')}
        value={values.skills}
        onChange={(e) => set('skills', e.target.value)}
        errors={state.byField.skills}
      />
      <CheckboxGroupField
        id={IDS.languages}
        legend={fields.languages.label}
        options={EVENT_LANGUAGES.map((code) => ({
          value: code,
          label: t(`volunteeringAdmin:languages.${code}`),
        }))}
        value={values.languages}
        errors={state.byField.languages}
        onChange={(next) =>
          set(
            'languages',
            EVENT_LANGUAGES.filter((code) => next.includes(code)),
          )
        }
      />
      <TextField
        id={IDS.minAge}
        label={fields.minAge.label}
        hint={t('volunteeringAdmin:form.minAgeHint')}
        type="number"
        inputMode="numeric"
        min={0}
        max={99}
        value={values.minAge}
        onChange={(e) => set('minAge', e.target.value)}
        errors={state.byField.minAge}
      />
      <TextAreaField
        id={IDS.briefing}
        label={fields.briefing.label}
        hint={t('volunteeringAdmin:form.briefingHint')}
        maxLength={10000}
        rows={4}
        value={values.briefing}
        onChange={(e) => set('briefing', e.target.value)}
        errors={state.byField.briefing}
      />
      <TextField
        id={IDS.contact}
        label={fields.contact.label}
        hint={t('volunteeringAdmin:form.contactHint')}
        maxLength={300}
        value={values.contact}
        onChange={(e) => set('contact', e.target.value)}
        errors={state.byField.contact}
      />
      <div className="form__actions">
        {props.onCancel ? (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('common:actions.cancel')}
          </button>
        ) : null}
        {props.mode === 'create' ? (
          <>
            <button
              type="submit"
              className="button button--secondary"
              onClick={() => {
                intent.current = 'draft';
              }}
              disabled={mutation.isPending}
            >
              {t('volunteeringAdmin:form.saveDraft')}
            </button>
            <button
              type="submit"
              className="button"
              onClick={() => {
                intent.current = 'published';
              }}
              disabled={mutation.isPending}
              aria-busy={mutation.isPending || undefined}
            >
              {t('volunteeringAdmin:form.publish')}
            </button>
          </>
        ) : (
          <button
            type="submit"
            className="button"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending || undefined}
          >
            {t('volunteeringAdmin:form.save')}
          </button>
        )}
      </div>
    </form>
  );
}
