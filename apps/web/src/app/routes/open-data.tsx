// The open-data page: every published dataset with its licence, update frequency, last update
// (Kyiv time) and a badge when it was not updated on time, size, CSV, JSON and datapackage.json
// downloads and data dictionary; once, the link to the whole catalogue as DCAT-AP (JSON-LD).
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { DCAT_CATALOGUE_URL, useOpenDataCatalogue } from '../../features/open-data/api/get-catalogue';
import { DatasetCard } from '../../features/open-data/components/dataset-card';
import { PageTitle } from '../page-title';

export function OpenDataPage() {
  const { t } = useTranslation('openData');
  const catalogue = useOpenDataCatalogue();
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <p>
          {t('dcatIntro')}{' '}
          <a href={catalogue.data?.dcat ?? DCAT_CATALOGUE_URL} type="application/ld+json">
            {t('dcatLink')}
          </a>
        </p>
      </section>
      {catalogue.isPending ? (
        <Loading label={t('loading')} />
      ) : catalogue.isError ? (
        <ErrorState
          error={catalogue.error}
          title={t('loadFailed')}
          onRetry={() => void catalogue.refetch()}
        />
      ) : catalogue.data.items.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <ul className="dataset-list" aria-label={t('listLabel')}>
          {catalogue.data.items.map((dataset) => (
            <li key={dataset.id}>
              <DatasetCard dataset={dataset} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
