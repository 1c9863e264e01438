// /surveys/:id/results — a survey's results: public once it has closed (totals, small groups
// hidden), and for its staff any time (with the free text).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useSurveyResults } from '../../../features/surveys/api';
import { ResultsView } from '../../../features/surveys/components/results-view';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { PageTitle } from '../../page-title';
import '../../../features/surveys/surveys.css';

export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const results = useSurveyResults(id);
  if (results.isPending) return <Loading />;
  if (results.isError)
    return (
      <>
        <PageTitle>{t('results.title')}</PageTitle>
        <h1>{t('results.title')}</h1>
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        <p>
          <Link to={`/surveys/${id}`}>{t('results.back')}</Link>
        </p>
      </>
    );
  const r = results.data;
  const title = t('results.titleOf', { title: localized(r.title, locale) });
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      <p className="muted">
        {t('facts.window', {
          opens: formatDateTime(r.opensAt, locale),
          closes: formatDateTime(r.closesAt, locale),
        })}
      </p>
      <ResultsView results={r} />
    </>
  );
}
