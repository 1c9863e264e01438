// The NGO area's start: the signed-in account's organisations in any registry state, with the
// account's role in each, and the way to apply for a new one.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRoleName } from '../../../components/role-grant';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useMyOrganizations } from '../../../features/organizations/api/get-my-organizations';
import { StatusBadge } from '../../../features/organizations/components/status-badge';
import { legalFormLabel, organizationName } from '../../../features/organizations/labels';
import { districtName } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';

export function MyOrganizationsPage() {
  return (
    <RequireSignIn>
      <MyOrganizations />
    </RequireSignIn>
  );
}

function MyOrganizations() {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  const roleName = useRoleName();
  const organizations = useMyOrganizations();

  return (
    <>
      <PageTitle>{t('mine.title')}</PageTitle>
      <div className="page-header">
        <div>
          <h1>{t('mine.title')}</h1>
          <p className="lead">{t('mine.intro')}</p>
        </div>
        <Link to="/my/organizations/new" className="button">
          {t('mine.apply')}
        </Link>
      </div>
      {organizations.isPending ? (
        <Loading />
      ) : organizations.isError ? (
        <ErrorState
          error={organizations.error}
          title={t('mine.loadFailed')}
          onRetry={() => void organizations.refetch()}
        />
      ) : organizations.data.items.length === 0 ? (
        <EmptyState>{t('mine.empty')}</EmptyState>
      ) : (
        <ul className="organization-list" aria-label={t('mine.listLabel')}>
          {organizations.data.items.map((organization) => {
            const titleId = `my-organization-${organization.id}`;
            return (
              <li key={organization.id}>
                <article className="card organization-card" aria-labelledby={titleId}>
                  <h2 className="card__title" id={titleId}>
                    <Link to={`/my/organizations/${organization.id}`}>
                      {organizationName(organization, locale)}
                    </Link>
                  </h2>
                  <StatusBadge status={organization.status} />
                  <dl className="facts">
                    <div>
                      <dt>{t('mine.role')}</dt>
                      <dd>{organization.myRole ? roleName(organization.myRole) : '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('fields.legalForm')}</dt>
                      <dd>{legalFormLabel(organization.legalForm, locale)}</dd>
                    </div>
                    <div>
                      <dt>{t('fields.district')}</dt>
                      <dd>{districtName(organization.district, locale)}</dd>
                    </div>
                  </dl>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
