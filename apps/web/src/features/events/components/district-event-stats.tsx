// The district's table of events per hub: how many, how many registered and came, and the
// average rating from attendees' feedback.
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { ErrorState, Loading } from '../../../components/status';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { type EventStatsQuery, useEventStats } from '../api/get-event-stats';

export function DistrictEventStats({ query }: { query: EventStatsQuery }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const stats = useEventStats(query);
  const number = new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', { maximumFractionDigits: 2 });
  return (
    <section className="card" aria-labelledby="district-events-title">
      <h2 id="district-events-title">{t('districtStats.title')}</h2>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <ScrollRegion label={t('districtStats.tableLabel')}>
          <table className="table stats-table">
            <caption className="visually-hidden">{t('districtStats.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('districtStats.hub')}</th>
                <th scope="col">{t('districtStats.events')}</th>
                <th scope="col">{t('districtStats.registrations')}</th>
                <th scope="col">{t('districtStats.attended')}</th>
                <th scope="col">{t('districtStats.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.items.map((row) => (
                <tr key={row.hubId}>
                  <th scope="row">{localized(row.hubName, locale)}</th>
                  <td>{number.format(row.events)}</td>
                  <td>{number.format(row.registrations)}</td>
                  <td>{number.format(row.attended)}</td>
                  <td>
                    {row.averageRating === null
                      ? t('districtStats.noRating')
                      : t('districtStats.ratingValue', {
                          rating: number.format(row.averageRating),
                          count: row.feedbackCount,
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
