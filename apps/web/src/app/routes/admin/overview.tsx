// The admin area's landing page: what the signed-in account may look after, by role and scope.
import type { RoleGrant } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoleGrantLabel, useGrantScope } from '../../../components/role-grant';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { districtName } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { PageTitle } from '../../page-title';

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function AdminOverviewPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const { me } = useAuth();
  const scopeOf = useGrantScope();
  if (!me) return null;

  const grants = me.grants;
  const hubGrants = unique(grants.filter((g) => g.hubId).map((g) => g.hubId as string)).map(
    (id) => grants.find((g) => g.hubId === id) as RoleGrant,
  );
  const organizationGrants = unique(
    grants.filter((g) => g.organizationId).map((g) => g.organizationId as string),
  ).map((id) => grants.find((g) => g.organizationId === id) as RoleGrant);
  const districts = unique([
    ...me.scopes.districts,
    ...grants.flatMap((g) => (g.district ? [g.district] : [])),
  ]);

  return (
    <>
      <PageTitle>{t('overview.title')}</PageTitle>
      <h1>{t('overview.title')}</h1>
      <p className="lead">{t('overview.intro', { name: me.user.name })}</p>

      <section className="card" aria-labelledby="overview-roles">
        <h2 id="overview-roles">{t('overview.yourRoles')}</h2>
        <ul className="plain-list">
          {grants.map((grant) => (
            <li key={grant.id}>
              <RoleGrantLabel grant={grant} />
            </li>
          ))}
        </ul>
      </section>

      {isCityAdmin(me) ? (
        <section className="card" aria-labelledby="overview-city">
          <h2 id="overview-city">{t('overview.cityTitle')}</h2>
          <p>{t('overview.cityText')}</p>
          <ul className="link-list">
            <li>
              <Link to="/admin/moderation">{t('nav.moderation')}</Link>
            </li>
            <li>
              <Link to="/admin/users">{t('nav.users')}</Link>
            </li>
            <li>
              <Link to="/admin/audit">{t('nav.audit')}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {districts.length ? (
        <section className="card" aria-labelledby="overview-districts">
          <h2 id="overview-districts">{t('overview.districtsTitle')}</h2>
          <ul className="plain-list">
            {districts.map((d) => (
              <li key={d}>{t('overview.districtName', { name: districtName(d, locale) })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {hubGrants.length ? (
        <section className="card" aria-labelledby="overview-hubs">
          <h2 id="overview-hubs">{t('overview.hubsTitle')}</h2>
          <ul className="link-list">
            {hubGrants.map((g) => (
              <li key={g.hubId}>
                <Link to={`/admin/hubs/${g.hubId}`}>{scopeOf(g)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {organizationGrants.length ? (
        <section className="card" aria-labelledby="overview-organizations">
          <h2 id="overview-organizations">{t('overview.organizationsTitle')}</h2>
          <ul className="plain-list">
            {organizationGrants.map((g) => (
              <li key={g.organizationId}>
                <Link to={`/my/organizations/${g.organizationId}`}>{scopeOf(g)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
