// The public events calendar (mounted at /events): upcoming events in Vcentri hubs as a list or a
// calendar (month, week, list), filtered by hub, district, category and dates. Every choice is in
// the query string, so a view can be shared and the back button steps through it; the
// iCalendar feed follows the same filters.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterDisclosure } from '../../../components/filter-disclosure';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { ViewToggle } from '../../../components/view-toggle';
import { useEvents } from '../../../features/events/api/get-events';
import { EventCard } from '../../../features/events/components/event-card';
import { EventFilters, type HubOption } from '../../../features/events/components/event-filters';
import { EventsCalendar } from '../../../features/events/components/events-calendar';
import { SubscribeFeed } from '../../../features/events/components/subscribe-feed';
import {
  FILTER_KEYS,
  type FilterKey,
  isBackwardsRange,
  isFiltered,
  listQueryOf,
  readEventFilters,
} from '../../../features/events/filters';
import { useHubs } from '../../../features/hubs/api/get-hubs';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { countChosen, offsetParam, withSearchChanges, withoutSearchKeys } from '../../../lib/search-params';
import { PageTitle } from '../../page-title';

const PAGE_SIZE = 20;

export function EventsPage() {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const filters = readEventFilters(params);
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const offset = offsetParam(params);
  const backwards = isBackwardsRange(filters);
  const events = useEvents(listQueryOf(filters, PAGE_SIZE, offset), {
    enabled: view === 'list' && !backwards,
  });
  const hubs = useHubs({ limit: 100 });
  const hubOptions: HubOption[] | null = hubs.data
    ? hubs.data.items.map((h) => ({ id: h.id, name: localized(h.name, locale), district: h.district }))
    : null;
  const filtered = isFiltered(filters);

  function update(next: Partial<Record<FilterKey | 'view', string>> & { offset?: number }) {
    setParams(withSearchChanges(params, next));
  }

  function clear() {
    setParams(withoutSearchKeys(params, FILTER_KEYS));
  }

  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <section className="hero">
        <h1>{t('list.title')}</h1>
        <p className="lead">{t('list.intro')}</p>
      </section>
      <FilterDisclosure active={countChosen(filters, FILTER_KEYS)}>
        <EventFilters
          values={filters}
          hubs={hubOptions}
          showDates={view === 'list'}
          dateError={backwards ? t('list.backwards') : undefined}
          onChange={update}
        />
      </FilterDisclosure>
      <div className="toolbar">
        <ViewToggle
          label={t('list.viewLabel')}
          value={view}
          options={[
            { value: 'list', label: t('list.viewList') },
            { value: 'calendar', label: t('list.viewCalendar') },
          ]}
          onChange={(next) => update({ view: next === 'list' ? '' : next })}
        />
        {view === 'list' && events.data && !backwards ? (
          <p className="toolbar__count" aria-live="polite">
            {t('list.found', { count: events.data.total })}
          </p>
        ) : null}
        {filtered ? (
          <button type="button" className="button button--link" onClick={clear}>
            {t('list.clear')}
          </button>
        ) : null}
      </div>
      {view === 'calendar' ? (
        <EventsCalendar filters={filters} initialDate={filters.from} />
      ) : backwards ? null : events.isPending ? (
        <Loading label={t('list.loading')} />
      ) : events.isError ? (
        <ErrorState error={events.error} title={t('list.loadFailed')} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState>{filtered ? t('list.emptyFiltered') : t('list.empty')}</EmptyState>
      ) : (
        <ul
          className="card-list event-list"
          aria-label={t('list.listLabel')}
          aria-busy={events.isPlaceholderData || undefined}
        >
          {events.data.items.map((event) => (
            <li key={event.id}>
              <EventCard event={event} />
            </li>
          ))}
        </ul>
      )}
      {view === 'list' && events.data && !backwards ? (
        <Pagination
          total={events.data.total}
          totalExact={events.data.totalExact}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => update({ offset: o })}
          label={t('list.pagination')}
        />
      ) : null}
      {/* Drawn with the list it follows, so the list arriving does not push it down the screen. */}
      {view === 'calendar' || backwards || events.data || events.isError ? (
        <SubscribeFeed filters={filters} />
      ) : null}
    </>
  );
}
