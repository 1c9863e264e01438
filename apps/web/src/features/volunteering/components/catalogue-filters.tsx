// The catalogue's filters: cause, district, skill, language, text, and — for shifts — a date range
// and step-free access; "suitable for my age" for both. Every change goes straight into the address
// bar (the page reads its filters from there); text fields are sent when the form is submitted.
import { VOLUNTEER_CAUSE_KEYS } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../../../components/date-range-fields';
import { DistrictOptions } from '../../../components/district-options';
import { SelectField, TextField } from '../../../components/field';
import { useLocale } from '../../../lib/i18n';
import type { CatalogueFilterKey, CatalogueFilters } from '../filters';
import { causeLabel, VOLUNTEER_LANGUAGES } from '../labels';

interface CatalogueFiltersProps {
  values: CatalogueFilters;
  /** Why "suitable for my age" cannot be used (signed out, no profile), or null when it can. */
  ageUnavailable: string | null;
  dateError?: string;
  onChange(next: Partial<Record<CatalogueFilterKey, string>>): void;
}

export function CatalogueFiltersForm({ values, ageUnavailable, dateError, onChange }: CatalogueFiltersProps) {
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  const shifts = values.view === 'shifts';
  const [q, setQ] = useState(values.q ?? '');
  const [skill, setSkill] = useState(values.skill ?? '');
  // A shared link or "clear filters" changes the address bar: the text fields follow it.
  const [seen, setSeen] = useState({ q: values.q, skill: values.skill });
  if (seen.q !== values.q || seen.skill !== values.skill) {
    setSeen({ q: values.q, skill: values.skill });
    setQ(values.q ?? '');
    setSkill(values.skill ?? '');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ q: q.trim(), skill: skill.trim() });
  }

  return (
    <form className="volunteer-filters" aria-label={t('catalogue.filtersLabel')} onSubmit={submit}>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('catalogue.filtersLabel')}</legend>
        {shifts ? null : (
          <TextField
            id="volunteering-q"
            label={t('catalogue.q')}
            type="search"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
          />
        )}
        <SelectField
          id="volunteering-cause"
          label={t('catalogue.cause')}
          value={values.cause ?? ''}
          onChange={(e) => onChange({ cause: e.target.value })}
        >
          <option value="">{t('catalogue.allCauses')}</option>
          {VOLUNTEER_CAUSE_KEYS.map((key) => (
            <option key={key} value={key}>
              {causeLabel(key, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="volunteering-district"
          label={t('catalogue.district')}
          value={values.district ?? ''}
          onChange={(e) => onChange({ district: e.target.value })}
        >
          <option value="">{t('catalogue.allDistricts')}</option>
          <DistrictOptions />
        </SelectField>
        <TextField
          id="volunteering-skill"
          label={t('catalogue.skill')}
          hint={t('catalogue.skillHint')}
          value={skill}
          maxLength={60}
          onChange={(e) => setSkill(e.target.value)}
        />
        <SelectField
          id="volunteering-language"
          label={t('catalogue.language')}
          value={values.language ?? ''}
          onChange={(e) => onChange({ language: e.target.value })}
        >
          <option value="">{t('catalogue.allLanguages')}</option>
          {VOLUNTEER_LANGUAGES.map((key) => (
            <option key={key} value={key}>
              {t(`languages.${key}`)}
            </option>
          ))}
        </SelectField>
        {shifts ? (
          <DateRangeFields
            idPrefix="volunteering"
            from={values.from}
            to={values.to}
            labels={{ from: t('catalogue.from'), fromHint: t('catalogue.fromHint'), to: t('catalogue.to') }}
            error={dateError}
            onChange={onChange}
          />
        ) : null}
      </fieldset>
      <fieldset className="filters filters--checks">
        <legend className="visually-hidden">{t('catalogue.suitability')}</legend>
        <div className="check">
          <input
            type="checkbox"
            id="volunteering-age"
            checked={values.age}
            disabled={ageUnavailable !== null && !values.age}
            aria-describedby={ageUnavailable ? 'volunteering-age-hint' : undefined}
            onChange={(e) => onChange({ age: e.target.checked ? '1' : '' })}
          />
          <label htmlFor="volunteering-age">{t('catalogue.age')}</label>
          {ageUnavailable ? (
            <p className="field__hint" id="volunteering-age-hint">
              {ageUnavailable}
            </p>
          ) : null}
        </div>
        {shifts ? (
          <div className="check">
            <input
              type="checkbox"
              id="volunteering-step-free"
              checked={values.stepFree}
              onChange={(e) => onChange({ stepFree: e.target.checked ? '1' : '' })}
            />
            <label htmlFor="volunteering-step-free">{t('catalogue.stepFree')}</label>
          </div>
        ) : null}
      </fieldset>
      <p className="form__actions">
        <button type="submit" className="button button--secondary">
          {t('catalogue.search')}
        </button>
      </p>
    </form>
  );
}
