// Applying for an organisation: the form creates a draft whose creator becomes its owner, then
// the organisation's own page takes over (status, submitting for verification, people).
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateOrganization } from '../../../features/organizations/api/save-organization';
import { OrganizationForm } from '../../../features/organizations/components/organization-form';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';

export function NewOrganizationPage() {
  return (
    <RequireSignIn>
      <NewOrganization />
    </RequireSignIn>
  );
}

function NewOrganization() {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const create = useCreateOrganization({
    onSuccess: (organization) =>
      navigate(`/my/organizations/${organization.id}`, { state: { created: true } }),
  });

  return (
    <>
      <PageTitle>{t('apply.title')}</PageTitle>
      <p className="back-link">
        <Link to="/my/organizations">← {t('manage.back')}</Link>
      </p>
      <h1>{t('apply.title')}</h1>
      <p className="lead">{t('apply.intro')}</p>
      <OrganizationForm
        pending={create.isPending}
        apiError={create.error}
        onSubmit={(input) => create.mutate(input)}
      />
    </>
  );
}
