// One organisation of the public registry: its names, legal form, EDRPOU, district, address,
// fields of activity, target groups, contacts and description, in the UI language.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrganization } from '../../features/organizations/api/get-organization';
import { OrganizationQueryState } from '../../features/organizations/components/organization-query-state';
import {
  OrganizationContactList,
  OrganizationDescription,
  OrganizationFacts,
} from '../../features/organizations/components/organization-profile';
import { DemoBadge } from '../../features/organizations/components/status-badge';
import { organizationName } from '../../features/organizations/labels';
import { useLocale } from '../../lib/i18n';
import { PageTitle } from '../page-title';

export function RegistryOrganizationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['registry', 'common']);
  const locale = useLocale();
  const organization = useOrganization(id);

  const back = (
    <p className="back-link">
      <Link to="/registry">← {t('registry:organization.back')}</Link>
    </p>
  );

  if (!organization.data) return <OrganizationQueryState query={organization} back={back} />;

  const data = organization.data;
  const name = organizationName(data, locale);
  return (
    <article className="organization-page">
      <PageTitle>{name}</PageTitle>
      {back}
      <header className="organization-page__header">
        <h1>{name}</h1>
        {data.isDemo ? <DemoBadge /> : null}
      </header>
      {data.status !== 'verified' ? (
        // Its own people (and city staff) can open an organisation that is not public yet.
        <div className="notice notice--warning">
          <p>{t('registry:organization.notPublic', { status: t(`registry:status.${data.status}`) })}</p>
          {data.myRole ? (
            <p>
              <Link to={`/my/organizations/${data.id}`}>{t('registry:organization.manage')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <OrganizationFacts organization={data} />
      <div className="organization-page__grid">
        <section aria-labelledby="organization-description-title">
          <h2 id="organization-description-title">{t('registry:organization.descriptionTitle')}</h2>
          <OrganizationDescription organization={data} />
        </section>
        <section aria-labelledby="organization-contacts-title">
          <h2 id="organization-contacts-title">{t('registry:organization.contactsTitle')}</h2>
          <OrganizationContactList contacts={data.contacts} />
        </section>
      </div>
      {data.myRole && data.status === 'verified' ? (
        <p>
          <Link to={`/my/organizations/${data.id}`}>{t('registry:organization.manage')}</Link>
        </p>
      ) : null}
      <p className="muted">{t('registry:organization.timeNote')}</p>
    </article>
  );
}
