// The volunteer profile page (mounted at /my/volunteering/profile). Reached from a program page
// with ?next=…, saving leads back there, so the volunteer can sign up straight away.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useVolunteerProfile } from '../../../features/volunteering/api/me';
import { VolunteerProfileForm } from '../../../features/volunteering/components/profile-form';
import { MY_VOLUNTEERING_PATH } from '../../../features/volunteering/paths';
import { RequireSignIn, safeNext } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/volunteering/volunteering.css';

export function VolunteerProfilePage() {
  return (
    <RequireSignIn>
      <VolunteerProfile />
    </RequireSignIn>
  );
}

function VolunteerProfile() {
  const { t } = useTranslation('volunteering');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = params.get('next');
  const profile = useVolunteerProfile();
  return (
    <>
      <PageTitle>{t('profile.pageTitle')}</PageTitle>
      <p className="back-link">
        <Link to={MY_VOLUNTEERING_PATH}>← {t('profile.back')}</Link>
      </p>
      <h1>{t('profile.pageTitle')}</h1>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <VolunteerProfileForm
          profile={profile.data}
          onSaved={() => {
            if (next) void navigate(safeNext(next, MY_VOLUNTEERING_PATH));
          }}
        />
      )}
    </>
  );
}
