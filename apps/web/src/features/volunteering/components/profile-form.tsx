// The volunteer profile: skills, languages, districts, year of birth (programs may have a minimum
// age) and consent to be contacted by coordinators. Signing up for a shift needs one.
import { DISTRICTS, type VolunteerProfileInput, type VolunteerProfileView } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useLocale } from '../../../lib/i18n';
import { kyivToday } from '../../../lib/kyiv-dates';
import { useSaveVolunteerProfile } from '../api/me';
import { VOLUNTEER_LANGUAGES } from '../labels';
import { SuccessNotice } from '../../../components/status';

const MAX_SKILLS = 30;
const MAX_SKILL_LENGTH = 60;

/** Skills typed as one comma-separated line, tidied: trimmed, no empties, no repeats. */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const skill = part.trim().toLowerCase();
    if (skill) seen.add(skill);
  }
  return [...seen];
}

interface ProfileFormProps {
  profile: VolunteerProfileView | null;
  onSaved?(profile: VolunteerProfileView): void;
}

export function VolunteerProfileForm({ profile, onSaved }: ProfileFormProps) {
  const { t } = useTranslation(['volunteering', 'errors']);
  const locale = useLocale();
  const [skills, setSkills] = useState((profile?.skills ?? []).join(', '));
  const [languages, setLanguages] = useState<string[]>(profile?.languages ?? ['uk']);
  const [districts, setDistricts] = useState<string[]>(profile?.districts ?? []);
  const [birthYear, setBirthYear] = useState(profile ? String(profile.birthYear) : '');
  const [consent, setConsent] = useState(profile?.consentToContact ?? false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useSaveVolunteerProfile({
    onSuccess: (p) => {
      setSaved(true);
      onSaved?.(p);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.reset();
    const errors: FieldErrors = {};
    const thisYear = Number(kyivToday().slice(0, 4));
    const year = Number(birthYear);
    if (!birthYear.trim()) errors.birthYear = [t('volunteering:profile.birthYearRequired')];
    else if (!Number.isInteger(year) || year < 1900 || year > thisYear)
      errors.birthYear = [t('volunteering:profile.birthYearRange', { max: thisYear })];
    const list = parseSkills(skills);
    if (list.length > MAX_SKILLS)
      errors.skills = [t('volunteering:profile.tooManySkills', { max: MAX_SKILLS })];
    else if (list.some((s) => s.length > MAX_SKILL_LENGTH))
      errors.skills = [t('volunteering:profile.skillTooLong', { max: MAX_SKILL_LENGTH })];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: VolunteerProfileInput = {
      skills: list,
      languages: languages as VolunteerProfileInput['languages'],
      districts: districts as VolunteerProfileInput['districts'],
      birthYear: year,
      consentToContact: consent,
    };
    save.mutate(input);
  }

  const state = formErrorState(t, {
    clientErrors,
    apiError: save.error,
    fieldForPath: (path) => path.split('/')[1] ?? path,
  });
  const fields = {
    skills: { id: 'profile-skills', label: t('volunteering:profile.skills') },
    languages: {
      id: `profile-languages-${VOLUNTEER_LANGUAGES[0]}`,
      label: t('volunteering:profile.languages'),
    },
    districts: {
      id: `profile-districts-${DISTRICTS[0]?.slug ?? ''}`,
      label: t('volunteering:profile.districts'),
    },
    birthYear: { id: 'profile-birth-year', label: t('volunteering:profile.birthYear') },
  };
  const changed = () => setSaved(false);

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{t('volunteering:profile.title')}</h2>
      <p className="muted">{t('volunteering:profile.intro')}</p>
      <FormErrorSummary state={state} fields={fields} />
      {saved ? <SuccessNotice>{t('volunteering:profile.saved')}</SuccessNotice> : null}
      <TextField
        id={fields.birthYear.id}
        label={fields.birthYear.label}
        hint={t('volunteering:profile.birthYearHint')}
        inputMode="numeric"
        autoComplete="bday-year"
        className="input--short"
        required
        value={birthYear}
        onChange={(e) => {
          setBirthYear(e.target.value);
          changed();
        }}
        errors={state.byField.birthYear}
      />
      <TextField
        id={fields.skills.id}
        label={fields.skills.label}
        hint={t('volunteering:profile.skillsHint')}
        value={skills}
        onChange={(e) => {
          setSkills(e.target.value);
          changed();
        }}
        errors={state.byField.skills}
      />
      <CheckboxGroupField
        id="profile-languages"
        legend={fields.languages.label}
        options={VOLUNTEER_LANGUAGES.map((l) => ({ value: l, label: t(`volunteering:languages.${l}`) }))}
        value={languages}
        errors={state.byField.languages}
        onChange={(next) => {
          setLanguages(next);
          changed();
        }}
      />
      <CheckboxGroupField
        id="profile-districts"
        legend={fields.districts.label}
        hint={t('volunteering:profile.districtsHint')}
        options={DISTRICTS.map((d) => ({ value: d.slug, label: d[locale] }))}
        value={districts}
        errors={state.byField.districts}
        onChange={(next) => {
          setDistricts(next);
          changed();
        }}
      />
      <div className="check">
        <input
          type="checkbox"
          id="profile-consent"
          checked={consent}
          aria-describedby="profile-consent-hint"
          onChange={(e) => {
            setConsent(e.target.checked);
            changed();
          }}
        />
        <label htmlFor="profile-consent">{t('volunteering:profile.consent')}</label>
        <p className="field__hint" id="profile-consent-hint">
          {t('volunteering:profile.consentHint')}
        </p>
      </div>
      <p className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={save.isPending}
          aria-busy={save.isPending || undefined}
        >
          {t('volunteering:profile.save')}
        </button>
      </p>
    </form>
  );
}
