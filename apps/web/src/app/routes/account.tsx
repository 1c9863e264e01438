// The signed-in user's account: who they are, which roles they hold, and their settings.
import { useTranslation } from 'react-i18next';
import { RoleGrantLabel, useRoleName } from '../../components/role-grant';
import { AccountForm } from '../../features/auth/components/account-form';
import { useAuth } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { RequireSignIn } from '../guards';
import { PageTitle } from '../page-title';

export function AccountPage() {
  return (
    <RequireSignIn>
      <Account />
    </RequireSignIn>
  );
}

function Account() {
  const { t } = useTranslation('auth');
  const locale = useLocale();
  const roleName = useRoleName();
  const { me } = useAuth();
  if (!me) return null;
  // Roles /me lists without a grant behind them (none expected today) are still shown.
  const ungrantedRoles = me.roles.filter((r) => r !== 'resident' && !me.grants.some((g) => g.role === r));
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <h1>{t('account.title')}</h1>
      <div className="account-grid">
        <section className="card" aria-labelledby="account-profile-title">
          <h2 id="account-profile-title">{t('account.profileTitle')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('fields.name')}</dt>
              <dd>{me.user.name}</dd>
            </div>
            <div>
              <dt>{t('fields.email')}</dt>
              <dd>{me.user.email}</dd>
            </div>
            <div>
              <dt>{t('account.memberSince')}</dt>
              <dd>{formatDate(me.user.createdAt, locale)}</dd>
            </div>
            <div>
              <dt>{t('account.roles')}</dt>
              <dd>
                <ul className="plain-list" aria-label={t('account.roles')}>
                  <li>{roleName('resident')}</li>
                  {me.grants.map((grant) => (
                    <li key={grant.id}>
                      <RoleGrantLabel grant={grant} />
                    </li>
                  ))}
                  {ungrantedRoles.map((role) => (
                    <li key={role}>{roleName(role)}</li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </section>
        <section className="card">
          <AccountForm key={me.user.id} me={me} />
        </section>
      </div>
    </>
  );
}
