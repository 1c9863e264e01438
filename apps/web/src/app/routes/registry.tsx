// The public Registry of Civil Society Institutions: full-text search (Ukrainian and English,
// typo-tolerant, on the server), filters, sorting and paging. Everything the visitor chooses is
// in the query string, so a search can be shared and the back button steps through it.
import { DistrictOptions } from '../../components/district-options';
import {
  ACTIVITIES,
  ACTIVITY_KEYS,
  isDistrict,
  LEGAL_FORM_KEYS,
  LEGAL_FORMS,
  ORGANIZATION_SORTS,
  type OrganizationSearchQuery,
  TARGET_GROUP_KEYS,
  TARGET_GROUPS,
} from '@vcentri/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/field';
import { FilterDisclosure } from '../../components/filter-disclosure';
import { Pagination } from '../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { useSearchOrganizations } from '../../features/organizations/api/search-organizations';
import { OrganizationCard } from '../../features/organizations/components/organization-card';
import { useLocale } from '../../lib/i18n';
import { countChosen } from '../../lib/search-params';
import { PageTitle } from '../page-title';

const PAGE_SIZE = 20;
const FILTERS = ['district', 'activity', 'targetGroup', 'legalForm', 'sort'] as const;
type Filter = (typeof FILTERS)[number];
/** The filters that narrow the list (the order only arranges it). */
const CHOSEN = ['district', 'activity', 'targetGroup', 'legalForm'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function RegistryPage() {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const districtParam = params.get('district') ?? '';
  const query: OrganizationSearchQuery = {
    q: q || undefined,
    district: isDistrict(districtParam) ? districtParam : undefined,
    activity: oneOf(ACTIVITY_KEYS, params.get('activity')),
    targetGroup: oneOf(TARGET_GROUP_KEYS, params.get('targetGroup')),
    legalForm: oneOf(LEGAL_FORM_KEYS, params.get('legalForm')),
    sort: oneOf(ORGANIZATION_SORTS, params.get('sort')),
    lang: locale,
    limit: PAGE_SIZE,
    offset: Math.max(0, Math.floor(Number(params.get('offset')) || 0)),
  };
  const offset = query.offset ?? 0;
  const results = useSearchOrganizations(query);
  const [search, setSearch] = useState(q);
  const filtered = !!(q || query.district || query.activity || query.targetGroup || query.legalForm);
  // The API sorts by relevance when there is a query and by name otherwise.
  const sort = query.sort ?? (q ? 'relevance' : 'name');

  // Back/forward (or a shared link) change the query: the box follows.
  useEffect(() => setSearch(q), [q]);

  function update(next: Partial<Record<Filter | 'q', string>> & { offset?: number }) {
    const nextParams = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (key === 'offset') continue;
      if (value) nextParams.set(key, String(value));
      else nextParams.delete(key);
    }
    // A new search or filter starts again from the first page.
    if (next.offset !== undefined && next.offset > 0) nextParams.set('offset', String(next.offset));
    else nextParams.delete('offset');
    setParams(nextParams);
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: search.trim() });
  }

  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <section className="hero">
        <h1>{t('list.title')}</h1>
        <p className="lead">{t('list.intro')}</p>
      </section>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is still unknown to some browsers and screen readers */}
      <div className="registry-search" role="search" aria-label={t('list.searchLabel')}>
        <form className="search-form" onSubmit={onSearch}>
          <TextField
            id="registry-search"
            label={t('list.search')}
            hint={t('list.searchHint')}
            type="search"
            name="q"
            maxLength={200}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="submit" className="button">
            {t('list.searchSubmit')}
          </button>
        </form>
        <FilterDisclosure active={countChosen(query, CHOSEN)}>
          <fieldset className="filters">
            <legend className="visually-hidden">{t('list.filtersLabel')}</legend>
            <SelectField
              id="registry-district"
              label={t('list.district')}
              value={query.district ?? ''}
              onChange={(e) => update({ district: e.target.value })}
            >
              <option value="">{t('list.allDistricts')}</option>
              <DistrictOptions />
            </SelectField>
            <SelectField
              id="registry-activity"
              label={t('list.activity')}
              value={query.activity ?? ''}
              onChange={(e) => update({ activity: e.target.value })}
            >
              <option value="">{t('list.allActivities')}</option>
              {ACTIVITY_KEYS.map((key) => (
                <option key={key} value={key}>
                  {ACTIVITIES[key][locale]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="registry-target-group"
              label={t('list.targetGroup')}
              value={query.targetGroup ?? ''}
              onChange={(e) => update({ targetGroup: e.target.value })}
            >
              <option value="">{t('list.allTargetGroups')}</option>
              {TARGET_GROUP_KEYS.map((key) => (
                <option key={key} value={key}>
                  {TARGET_GROUPS[key][locale]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="registry-legal-form"
              label={t('list.legalForm')}
              value={query.legalForm ?? ''}
              onChange={(e) => update({ legalForm: e.target.value })}
            >
              <option value="">{t('list.allLegalForms')}</option>
              {LEGAL_FORM_KEYS.map((key) => (
                <option key={key} value={key}>
                  {LEGAL_FORMS[key][locale]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="registry-sort"
              label={t('list.sort')}
              value={sort}
              onChange={(e) => update({ sort: e.target.value })}
            >
              {ORGANIZATION_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`list.sorts.${s}`)}
                </option>
              ))}
            </SelectField>
          </fieldset>
        </FilterDisclosure>
      </div>
      <div className="toolbar">
        {results.data ? (
          <p className="toolbar__count" aria-live="polite">
            {t('list.found', { count: results.data.total })}
          </p>
        ) : (
          <span />
        )}
        {filtered ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setSearch('');
              setParams(new URLSearchParams(query.sort ? { sort: query.sort } : {}));
            }}
          >
            {t('list.clear')}
          </button>
        ) : null}
      </div>
      {results.isPending ? (
        <Loading label={t('list.loading')} />
      ) : results.isError ? (
        <ErrorState
          error={results.error}
          title={t('list.loadFailed')}
          onRetry={() => void results.refetch()}
        />
      ) : results.data.items.length === 0 ? (
        <EmptyState>{filtered ? t('list.emptySearch') : t('list.empty')}</EmptyState>
      ) : (
        <ul
          className="organization-list"
          aria-label={t('list.listLabel')}
          aria-busy={results.isPlaceholderData || undefined}
        >
          {results.data.items.map((organization) => (
            <li key={organization.id}>
              <OrganizationCard organization={organization} />
            </li>
          ))}
        </ul>
      )}
      {results.data ? (
        <Pagination
          total={results.data.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => update({ offset: o })}
          label={t('list.pagination')}
        />
      ) : null}
      <p className="muted registry-open-data">
        {t('list.openDataNote')} <Link to="/open-data">{t('list.openDataLink')}</Link>
      </p>
    </>
  );
}
