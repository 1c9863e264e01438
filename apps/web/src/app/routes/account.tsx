// The signed-in user's account: who they are, which roles they hold, their settings, and their
// personal data (consents, downloading it, deleting the account). An address with a section's
// hash (`/account#data-export`, as a notification links) brings that section into view.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { RoleGrantLabel, useRoleName } from '../../components/role-grant';
import { AccountForm } from '../../features/auth/components/account-form';
import { ConsentsSection } from '../../features/privacy/components/consents-section';
import { DataExportSection } from '../../features/privacy/components/data-export-section';
import { DeleteAccountSection } from '../../features/privacy/components/delete-account-section';
import { useAuth } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { RequireSignIn } from '../guards';
import { PageTitle } from '../page-title';
import '../../features/privacy/privacy.css';

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
  useSectionFromHash();
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
      <div className="account-grid account-privacy">
        <ConsentsSection />
        <DataExportSection />
      </div>
      <DeleteAccountSection me={me} />
    </>
  );
}

/** Scrolls to and focuses the section the address's hash names, once it is there. */
function useSectionFromHash() {
  const { hash } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id) return;
    // After the layout has moved focus to the page's main region.
    const timer = setTimeout(() => {
      const section = document.getElementById(id);
      section?.scrollIntoView?.({ block: 'start' });
      section?.focus({ preventScroll: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [hash]);
}
