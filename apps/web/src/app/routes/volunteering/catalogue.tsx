// The volunteer programs catalogue (mounted at /volunteering): published programs, or their
// upcoming shifts, filtered by cause, district, skill, language and text, by dates and step-free
// access (shifts), and by what the volunteer's age allows. Every choice is in the query string, so
// a view can be shared and the back button steps through it.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterDisclosure } from '../../../components/filter-disclosure';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { ViewToggle } from '../../../components/view-toggle';
import { useVolunteerProfile } from '../../../features/volunteering/api/me';
import { usePrograms, useVolunteerViewer } from '../../../features/volunteering/api/programs';
import { useShifts } from '../../../features/volunteering/api/shifts';
import { CatalogueFiltersForm } from '../../../features/volunteering/components/catalogue-filters';
import { ProgramCard } from '../../../features/volunteering/components/program-card';
import { ShiftCard } from '../../../features/volunteering/components/shift-card';
import {
  CATALOGUE_FILTER_KEYS,
  type CatalogueFilterKey,
  type CatalogueFilters,
  isBackwardsRange,
  isFiltered,
  programsQueryOf,
  readCatalogueFilters,
  shiftsQueryOf,
} from '../../../features/volunteering/filters';
import { countChosen, offsetParam, withSearchChanges, withoutSearchKeys } from '../../../lib/search-params';
import { PageTitle } from '../../page-title';
import '../../../features/volunteering/volunteering.css';

const PAGE_SIZE = 20;

export function VolunteeringPage() {
  const { t } = useTranslation('volunteering');
  const [params, setParams] = useSearchParams();
  const filters = readCatalogueFilters(params);
  const offset = offsetParam(params);
  const { signedIn } = useVolunteerViewer();
  const profile = useVolunteerProfile();
  const birthYear = profile.data?.birthYear ?? null;
  const ageUnavailable = !signedIn
    ? t('catalogue.ageSignedOut')
    : profile.isSuccess && profile.data === null
      ? t('catalogue.ageNoProfile')
      : null;

  function update(next: Partial<Record<CatalogueFilterKey | 'view', string>> & { offset?: number }) {
    setParams(withSearchChanges(params, next));
  }

  return (
    <>
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <section className="hero">
        <h1>{t('catalogue.title')}</h1>
        <p className="lead">{t('catalogue.intro')}</p>
      </section>
      <div className="toolbar">
        <ViewToggle
          label={t('catalogue.viewLabel')}
          value={filters.view}
          options={[
            { value: 'programs', label: t('catalogue.viewPrograms') },
            { value: 'shifts', label: t('catalogue.viewShifts') },
          ]}
          onChange={(next) => update({ view: next === 'programs' ? '' : next })}
        />
        {isFiltered(filters) ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => setParams(withoutSearchKeys(params, CATALOGUE_FILTER_KEYS))}
          >
            {t('catalogue.clear')}
          </button>
        ) : null}
      </div>
      <FilterDisclosure active={countChosen(filters, CATALOGUE_FILTER_KEYS)}>
        <CatalogueFiltersForm
          values={filters}
          ageUnavailable={ageUnavailable}
          dateError={
            filters.view === 'shifts' && isBackwardsRange(filters) ? t('catalogue.backwards') : undefined
          }
          onChange={update}
        />
      </FilterDisclosure>
      {filters.view === 'shifts' ? (
        <ShiftResults
          filters={filters}
          offset={offset}
          birthYear={birthYear}
          onPage={(o) => update({ offset: o })}
        />
      ) : (
        <ProgramResults
          filters={filters}
          offset={offset}
          birthYear={birthYear}
          onPage={(o) => update({ offset: o })}
        />
      )}
    </>
  );
}

interface ResultsProps {
  filters: CatalogueFilters;
  offset: number;
  birthYear: number | null;
  onPage(offset: number): void;
}

/** How many match, announced as the filters change. */
function ResultCount({ total }: { total: number }) {
  const { t } = useTranslation('volunteering');
  return (
    <p className="toolbar__count" aria-live="polite">
      {t('catalogue.found', { count: total })}
    </p>
  );
}

function ProgramResults({ filters, offset, birthYear, onPage }: ResultsProps) {
  const { t } = useTranslation('volunteering');
  const programs = usePrograms(programsQueryOf(filters, birthYear, PAGE_SIZE, offset));
  if (programs.isPending) return <Loading label={t('catalogue.loading')} />;
  if (programs.isError)
    return (
      <ErrorState
        error={programs.error}
        title={t('catalogue.loadFailed')}
        onRetry={() => void programs.refetch()}
      />
    );
  const items = programs.data.items;
  return (
    <>
      <ResultCount total={programs.data.total} />
      {items.length === 0 ? (
        <EmptyState>{isFiltered(filters) ? t('catalogue.emptyFiltered') : t('catalogue.empty')}</EmptyState>
      ) : (
        <ul
          className="card-list"
          aria-label={t('catalogue.programsLabel')}
          aria-busy={programs.isPlaceholderData || undefined}
        >
          {items.map((program) => (
            <li key={program.id}>
              <ProgramCard program={program} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        total={programs.data.total}
        limit={PAGE_SIZE}
        offset={offset}
        onChange={onPage}
        label={t('catalogue.pagination')}
      />
    </>
  );
}

function ShiftResults({ filters, offset, birthYear, onPage }: ResultsProps) {
  const { t } = useTranslation('volunteering');
  const backwards = isBackwardsRange(filters);
  const shifts = useShifts(shiftsQueryOf(filters, birthYear, PAGE_SIZE, offset), { enabled: !backwards });
  if (backwards) return null;
  if (shifts.isPending) return <Loading label={t('catalogue.loading')} />;
  if (shifts.isError)
    return (
      <ErrorState
        error={shifts.error}
        title={t('catalogue.loadFailed')}
        onRetry={() => void shifts.refetch()}
      />
    );
  const items = shifts.data.items;
  return (
    <>
      <ResultCount total={shifts.data.total} />
      {items.length === 0 ? (
        <EmptyState>
          {isFiltered(filters) ? t('catalogue.emptyShiftsFiltered') : t('catalogue.emptyShifts')}
        </EmptyState>
      ) : (
        <ul
          className="card-list"
          aria-label={t('catalogue.shiftsLabel')}
          aria-busy={shifts.isPlaceholderData || undefined}
        >
          {items.map((shift) => (
            <li key={shift.id}>
              <ShiftCard shift={shift} showProgram headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        total={shifts.data.total}
        limit={PAGE_SIZE}
        offset={offset}
        onChange={onPage}
        label={t('catalogue.pagination')}
      />
    </>
  );
}
