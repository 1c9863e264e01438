// One event's public page (mounted at /events/:id): everything about it, registration with the
// waiting list, adding it to a calendar, and feedback afterwards.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useEvent } from '../../../features/events/api/get-event';
import { EventArticle } from '../../../features/events/components/event-article';
import { textIn } from '../../../features/events/labels';
import { isApiError } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { PageTitle } from '../../page-title';

export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('events');
  const locale = useLocale();
  const event = useEvent(id);
  const back = (
    <p className="back-link">
      <Link to="/events">← {t('event.back')}</Link>
    </p>
  );
  if (event.isPending) return <Loading />;
  if (event.isError) {
    const notFound = isApiError(event.error) && (event.error.status === 404 || event.error.status === 400);
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageTitle>{t('event.notFoundTitle')}</PageTitle>
            <h1>{t('event.notFoundTitle')}</h1>
            <p>{t('event.notFoundText')}</p>
          </>
        ) : (
          <ErrorState error={event.error} onRetry={() => void event.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle>{textIn(event.data.title, locale).text}</PageTitle>
      {back}
      <EventArticle event={event.data} />
    </>
  );
}
