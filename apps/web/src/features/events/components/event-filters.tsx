// The public calendar's filters: hub, district, category and a date range. Every change goes
// straight into the address bar (the page reads its filters from there).
import { DistrictOptions } from '../../../components/district-options';
import { EVENT_CATEGORY_KEYS } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../../../components/date-range-fields';
import { SelectField } from '../../../components/field';
import { useLocale } from '../../../lib/i18n';
import type { EventFilterValues, FilterKey } from '../filters';
import { categoryLabel } from '../labels';

export interface HubOption {
  id: string;
  name: string;
  district: string;
}

interface EventFiltersProps {
  values: EventFilterValues;
  /** The hubs to choose from; null while they are loading or if they could not be loaded. */
  hubs: readonly HubOption[] | null;
  /** The date range applies to the list; the calendar has its own navigation. */
  showDates: boolean;
  dateError?: string;
  onChange(next: Partial<Record<FilterKey, string>>): void;
}

export function EventFilters({ values, hubs, showDates, dateError, onChange }: EventFiltersProps) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  // Within a district, only its hubs are offered (the chosen one stays, so it can be seen).
  const hubChoices = (hubs ?? []).filter(
    (h) => !values.district || h.district === values.district || h.id === values.hubId,
  );
  return (
    <fieldset className="filters event-filters">
      <legend className="visually-hidden">{t('list.filtersLabel')}</legend>
      <SelectField
        id="events-hub"
        label={t('list.hub')}
        value={values.hubId ?? ''}
        disabled={hubs === null}
        onChange={(e) => onChange({ hubId: e.target.value })}
      >
        <option value="">{t('list.allHubs')}</option>
        {hubChoices.map((hub) => (
          <option key={hub.id} value={hub.id}>
            {hub.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="events-district"
        label={t('list.district')}
        value={values.district ?? ''}
        onChange={(e) => onChange({ district: e.target.value })}
      >
        <option value="">{t('list.allDistricts')}</option>
        <DistrictOptions />
      </SelectField>
      <SelectField
        id="events-category"
        label={t('list.category')}
        value={values.category ?? ''}
        onChange={(e) => onChange({ category: e.target.value })}
      >
        <option value="">{t('list.allCategories')}</option>
        {EVENT_CATEGORY_KEYS.map((key) => (
          <option key={key} value={key}>
            {categoryLabel(key, locale)}
          </option>
        ))}
      </SelectField>
      {showDates ? (
        <DateRangeFields
          idPrefix="events"
          from={values.from}
          to={values.to}
          labels={{ from: t('list.from'), fromHint: t('list.fromHint'), to: t('list.to') }}
          error={dateError}
          onChange={onChange}
        />
      ) : null}
    </fieldset>
  );
}
