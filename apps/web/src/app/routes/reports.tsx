// The public list of published reports (/reports), newest period first, paged through ?offset=.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pagination } from '../../components/pagination';
import { ScrollRegion } from '../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { REPORTS_PAGE, usePublishedReports } from '../../features/reports/api';
import { periodName } from '../../features/reports/format';
import { formatCalendarDate, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { offsetParam, withSearchChanges } from '../../lib/search-params';
import { PageTitle } from '../page-title';
import '../../features/reports/reports.css';

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const offset = offsetParam(params);
  const reports = usePublishedReports(offset);

  return (
    <article aria-labelledby="reports-title">
      <PageTitle>{t('list.title')}</PageTitle>
      <h1 id="reports-title">{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <EmptyState>{t('list.empty')}</EmptyState>
      ) : (
        <>
          <ScrollRegion label={t('list.caption')}>
            <table className="table report-table" aria-busy={reports.isPlaceholderData || undefined}>
              <caption>{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.period')}</th>
                  <th scope="col">{t('list.days')}</th>
                  <th scope="col">{t('list.published')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.data.items.map((r) => (
                  <tr key={r.period}>
                    <th scope="row">
                      <Link
                        to={`/reports/${r.period}`}
                        aria-label={t('list.open', { period: periodName(r.period, t) })}
                      >
                        {periodName(r.period, t)}
                      </Link>
                    </th>
                    <td>
                      {formatCalendarDate(r.from, locale)} – {formatCalendarDate(r.to, locale)}
                    </td>
                    <td>{r.publishedAt ? formatDate(r.publishedAt, locale) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            total={reports.data.total}
            limit={REPORTS_PAGE}
            offset={offset}
            label={t('list.paging')}
            onChange={(next) => setParams(withSearchChanges(params, { offset: next }))}
          />
        </>
      )}
    </article>
  );
}
