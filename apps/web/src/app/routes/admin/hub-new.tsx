// Opening a new hub (city administrators): its details first; hours, exceptions and rooms next,
// on the hub's management page.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateHub } from '../../../features/hubs/api/manage-hub';
import { HubForm } from '../../../features/hubs/components/hub-form';
import { emptyHubValues } from '../../../features/hubs/hub-form-values';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';

export function AdminNewHubPage() {
  return (
    <RequireCityAdmin>
      <NewHub />
    </RequireCityAdmin>
  );
}

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' }));

function NewHub() {
  const { t } = useTranslation('hubs');
  const navigate = useNavigate();
  const create = useCreateHub({ onSuccess: (hub) => void navigate(`/admin/hubs/${hub.id}?created=1`) });
  return (
    <>
      <PageTitle>{t('manage.newHub')}</PageTitle>
      <p className="back-link">
        <Link to="/admin/hubs">← {t('manage.allHubs')}</Link>
      </p>
      <h1>{t('manage.newHub')}</h1>
      <p className="lead">{t('manage.newHubIntro')}</p>
      <HubForm
        initialValues={emptyHubValues}
        canChangeDistrict
        pending={create.isPending}
        apiError={create.error}
        submitLabel={t('manage.createHub')}
        onSubmit={(input) => create.mutate({ ...input, openingHours: WEEKDAY_HOURS })}
      />
    </>
  );
}
