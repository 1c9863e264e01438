// The privacy page (public): what Vcentri keeps about a person and how to exercise each right.
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/status';
import { usePrivacyInfo } from '../../features/privacy/api';
import { PrivacyDetails } from '../../features/privacy/components/privacy-details';
import { PageTitle } from '../page-title';
import '../../features/privacy/privacy.css';

export function PrivacyPage() {
  const { t } = useTranslation('privacy');
  const info = usePrivacyInfo();
  return (
    <>
      <PageTitle>{t('page.title')}</PageTitle>
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.intro')}</p>
      <p className="prose">{t('page.controller')}</p>
      {info.isPending ? (
        <Loading />
      ) : info.isError ? (
        <ErrorState error={info.error} title={t('page.loadFailed')} onRetry={() => void info.refetch()} />
      ) : (
        <PrivacyDetails info={info.data} />
      )}
    </>
  );
}
