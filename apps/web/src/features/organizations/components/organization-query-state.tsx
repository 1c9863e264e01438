// What an organisation page shows while its organisation loads, when it does not exist (or is
// not visible to the viewer), or when loading failed — the same on every page that shows one.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/page-title';
import { ErrorState, Loading } from '../../../components/status';
import { isApiError } from '../../../lib/api-client';

/** The loading, not-found or error view; null once the organisation is there. */
export function OrganizationQueryState({
  query,
  back,
  explain = true,
}: {
  query: UseQueryResult<unknown>;
  back: ReactNode;
  /** Whether to add the sentence that explains a missing organisation. */
  explain?: boolean;
}): ReactNode {
  const { t } = useTranslation('registry');
  if (query.isPending) return <Loading />;
  if (!query.isError) return null;
  const notFound =
    isApiError(query.error) && (query.error.status === 404 || query.error.code === 'validation_failed');
  return (
    <>
      {back}
      {notFound ? (
        <>
          <PageTitle>{t('organization.notFoundTitle')}</PageTitle>
          <h1>{t('organization.notFoundTitle')}</h1>
          {explain ? <p>{t('organization.notFoundText')}</p> : null}
        </>
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}
