// The admin area's frame: signed-in accounts with at least one granted role get a navigation
// that shows only what their roles can use; everyone else is sent to log in or told why not.
import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/status';
import { issuerChoicesOf } from '../../features/certificates/issuers';
import { ISSUED_CERTIFICATES_PATH } from '../../features/certificates/paths';
import { canCoordinate } from '../../features/volunteering-admin/scopes';
import { administersDistrict, hasAdminAccess, isCityAdmin, managesHubs, useAuth } from '../../lib/auth';
import { loginPathFor, NoAccess } from '../guards';
import { PageTitle } from '../page-title';

export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('volunteeringAdmin');
  const { status, me } = useAuth();
  const location = useLocation();

  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  if (!hasAdminAccess(me)) {
    return (
      <>
        <PageTitle>{t('title')}</PageTitle>
        <h1>{t('title')}</h1>
        <NoAccess />
      </>
    );
  }

  const cityAdmin = isCityAdmin(me);
  const hubManager = managesHubs(me);
  const districtAdmin = administersDistrict(me);
  return (
    <div className="admin-shell">
      <nav className="admin-nav" aria-label={t('nav.label')}>
        <p className="admin-nav__title">{t('title')}</p>
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t('nav.overview')}
            </NavLink>
          </li>
          {cityAdmin || hubManager ? (
            <>
              <li>
                <NavLink to="/admin/calendar">{t('nav.calendar')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/hubs">{t('nav.hubs')}</NavLink>
              </li>
            </>
          ) : null}
          {cityAdmin || hubManager || districtAdmin || (me?.scopes.organizationIds.length ?? 0) > 0 ? (
            <li>
              <NavLink to="/admin/events">{t('nav.events')}</NavLink>
            </li>
          ) : null}
          {cityAdmin || hubManager ? (
            <li>
              <NavLink to="/admin/surveys">{t('nav.surveys')}</NavLink>
            </li>
          ) : null}
          {canCoordinate(me) ? (
            <li>
              <NavLink to="/admin/volunteering">{tv('nav')}</NavLink>
            </li>
          ) : null}
          {issuerChoicesOf(me).length > 0 ? (
            <li>
              <NavLink to={ISSUED_CERTIFICATES_PATH}>{tv('certificatesNav')}</NavLink>
            </li>
          ) : null}
          {cityAdmin || districtAdmin ? (
            <li>
              <NavLink to="/admin/district">{t('nav.district')}</NavLink>
            </li>
          ) : null}
          {cityAdmin ? (
            <>
              <li>
                <NavLink to="/admin/moderation">{t('nav.moderation')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/users">{t('nav.users')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/action-plan">{t('nav.actionPlan')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/reports">{t('nav.reports')}</NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}
