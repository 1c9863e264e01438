// The hubs the account manages (all of them for a city administrator), with their calendar and
// management pages; city administrators open new hubs here.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useHubChoices } from '../../../features/hubs/api/hub-choices';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';

export function AdminHubsPage() {
  const { t } = useTranslation(['hubs', 'admin']);
  const { me } = useAuth();
  const choices = useHubChoices();
  if (choices.status === 'none') return <NoAccess />;
  if (choices.status === 'loading') return <Loading />;
  if (choices.status === 'error') return <ErrorState error={choices.error} onRetry={choices.retry} />;
  return (
    <>
      <PageTitle>{t('admin:nav.hubs')}</PageTitle>
      <div className="page-header">
        <div>
          <h1>{t('admin:nav.hubs')}</h1>
          <p className="lead">{t('hubs:manage.listIntro')}</p>
        </div>
        {isCityAdmin(me) ? (
          <Link to="/admin/hubs/new" className="button">
            {t('hubs:manage.newHub')}
          </Link>
        ) : null}
      </div>
      <ul className="card-list">
        {choices.hubs.map((h) => (
          <li key={h.id} className="card">
            <h2 className="card__title">{h.name}</h2>
            <p className="actions">
              <Link to={`/admin/hubs/${h.id}`}>
                {t('hubs:manage.manage')} <span className="visually-hidden">{h.name}</span>
              </Link>
              <Link to={`/admin/calendar?hubId=${h.id}`}>
                {t('admin:nav.calendar')} <span className="visually-hidden">{h.name}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
