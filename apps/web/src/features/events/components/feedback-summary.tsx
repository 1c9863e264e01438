// What attendees said (organisers, the hub's managers, the district, the city): the average, how
// many gave each rating, attendance, and the comments, newest first.
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useFeedbackSummary } from '../api/feedback';
import { ScrollRegion } from '../../../components/scroll-region';

const RATINGS = [5, 4, 3, 2, 1] as const;

export function FeedbackSummarySection({ eventId }: { eventId: string }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const summary = useFeedbackSummary(eventId);
  const number = new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  });

  return (
    <section className="card feedback-summary" aria-labelledby="feedback-summary-title">
      <h2 id="feedback-summary-title">{t('feedbackSummary.title')}</h2>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <p>
            {t('feedbackSummary.attended', {
              attended: summary.data.attended,
              confirmed: summary.data.confirmed,
            })}
          </p>
          {summary.data.count === 0 || summary.data.average === null ? (
            <EmptyState>{t('feedbackSummary.empty')}</EmptyState>
          ) : (
            <>
              <p data-testid="feedback-average">
                {t('feedbackSummary.average', {
                  average: number.format(summary.data.average),
                  count: summary.data.count,
                })}
              </p>
              <ScrollRegion label={t('feedbackSummary.distribution')}>
                <table className="table">
                  <caption>{t('feedbackSummary.distribution')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('feedbackSummary.rating')}</th>
                      <th scope="col" className="numeric">
                        {t('feedbackSummary.people')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {RATINGS.map((rating) => (
                      <tr key={rating}>
                        <th scope="row">{t(`feedback.ratings.${rating}`)}</th>
                        <td className="numeric">{summary.data.distribution[rating - 1] ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {summary.data.comments.length ? (
                <>
                  <h3>{t('feedbackSummary.comments')}</h3>
                  <ul className="plain-list feedback-comments">
                    {summary.data.comments.map((c) => (
                      <li key={`${c.at}-${c.comment}`}>
                        <p className="muted">
                          {t('feedbackSummary.commentMeta', {
                            rating: c.rating,
                            when: formatDateTime(c.at, locale),
                          })}
                        </p>
                        <blockquote className="prose">{c.comment}</blockquote>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  );
}
