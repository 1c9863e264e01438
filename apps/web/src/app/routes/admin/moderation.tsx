// Registry moderation (city_admin): applications by status, oldest first — submitted ones by
// default — or the verified organisations that changed their public details; search and paging.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import {
  type ModerationQueueQuery,
  useModerationQueue,
} from '../../../features/organizations/api/get-moderation-queue';
import { StatusBadge } from '../../../features/organizations/components/status-badge';
import { legalFormLabel, organizationName } from '../../../features/organizations/labels';
import { districtName, formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';
import { ScrollRegion } from '../../../components/scroll-region';

const PAGE_SIZE = 20;
/** The queue's views, in the order of the tabs: the statuses staff act on first, then the rest. */
const VIEWS = ['submitted', 'rejected', 'verified', 'suspended', 'archived', 'draft', 'changed'] as const;
type View = (typeof VIEWS)[number];

function isView(value: string | null): value is View {
  return value !== null && (VIEWS as readonly string[]).includes(value);
}

export function AdminModerationPage() {
  return (
    <RequireCityAdmin>
      <ModerationQueue />
    </RequireCityAdmin>
  );
}

function ModerationQueue() {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const view: View = isView(statusParam) ? statusParam : 'submitted';
  const q = params.get('q')?.trim() ?? '';
  const offset = Math.max(0, Math.floor(Number(params.get('offset')) || 0));
  const [search, setSearch] = useState(q);
  const query: ModerationQueueQuery = {
    ...(view === 'changed' ? { changed: true } : { status: view }),
    q: q || undefined,
    limit: PAGE_SIZE,
    offset,
  };
  const queue = useModerationQueue(query);

  useEffect(() => setSearch(q), [q]);

  function viewSearch(next: View): string {
    const nextParams = new URLSearchParams();
    if (next !== 'submitted') nextParams.set('status', next);
    if (q) nextParams.set('q', q);
    const text = nextParams.toString();
    return text ? `?${text}` : '';
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (search.trim()) next.set('q', search.trim());
    else next.delete('q');
    next.delete('offset');
    setParams(next);
  }

  function goTo(nextOffset: number) {
    const next = new URLSearchParams(params);
    if (nextOffset > 0) next.set('offset', String(nextOffset));
    else next.delete('offset');
    setParams(next);
  }

  return (
    <>
      <PageTitle>{t('moderation.title')}</PageTitle>
      <h1>{t('moderation.title')}</h1>
      <p className="lead">{t('moderation.intro')}</p>
      <nav aria-label={t('moderation.tabsLabel')}>
        <ul className="tabs">
          {VIEWS.map((v) => (
            <li key={v}>
              <Link
                to={{ pathname: '/admin/moderation', search: viewSearch(v) }}
                aria-current={v === view ? 'page' : undefined}
                className={v === view ? 'tabs__tab is-active' : 'tabs__tab'}
              >
                {t(`moderation.tabs.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="search-form" onSubmit={onSearch}>
        <TextField
          id="moderation-search"
          label={t('moderation.search')}
          type="search"
          maxLength={200}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit" className="button">
          {t('moderation.searchSubmit')}
        </button>
      </form>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('moderation.found', { count: queue.data.total })}
          </p>
          {queue.data.items.length === 0 ? (
            <EmptyState>{q ? t('moderation.emptySearch', { q }) : t('moderation.empty')}</EmptyState>
          ) : (
            <ScrollRegion label={t('moderation.caption')}>
              <table className="table moderation-table" aria-busy={queue.isPlaceholderData || undefined}>
                <caption className="visually-hidden">{t('moderation.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('moderation.columns.name')}</th>
                    <th scope="col">{t('moderation.columns.legalForm')}</th>
                    <th scope="col">{t('moderation.columns.edrpou')}</th>
                    <th scope="col">{t('moderation.columns.district')}</th>
                    <th scope="col">{t('moderation.columns.submittedAt')}</th>
                    <th scope="col">{t('moderation.columns.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.data.items.map((organization) => (
                    <tr key={organization.id}>
                      <th scope="row">
                        <Link to={`/admin/moderation/${organization.id}`}>
                          {organizationName(organization, locale)}
                        </Link>
                      </th>
                      <td>{legalFormLabel(organization.legalForm, locale)}</td>
                      <td className="mono">{organization.edrpou ?? '—'}</td>
                      <td>{districtName(organization.district, locale)}</td>
                      <td>
                        {organization.submittedAt ? (
                          <time dateTime={organization.submittedAt}>
                            {formatDateTime(organization.submittedAt, locale)}
                          </time>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        <StatusBadge status={organization.status} />
                        {organization.changedSinceVerification ? (
                          <>
                            {' '}
                            <span className="badge badge--changed">{t('moderation.changedBadge')}</span>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <p className="muted">{t('moderation.timeNote')}</p>
          <Pagination
            total={queue.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={goTo}
            label={t('moderation.pagination')}
          />
        </>
      )}
    </>
  );
}
