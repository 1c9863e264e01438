// Accounts as the city administrator sees them: who they are, which roles they hold, the
// controls to grant another role or revoke one (after a confirmation), and what can be done with
// their personal data on a written request.
import type { AdminUser, RoleGrant } from '@vcentri/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { RoleGrantLabel, useGrantScope, useRoleName } from '../../../components/role-grant';
import { SuccessNotice } from '../../../components/status';
import { useErrorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { StaffPrivacyActions } from '../../privacy/components/staff-privacy-actions';
import { useRevokeRole } from '../api/admin-users';
import { GrantRoleForm, type ScopeOption } from './grant-role-form';

interface UserListProps {
  users: AdminUser[];
  hubs: ScopeOption[] | undefined;
  organizations: ScopeOption[] | null | undefined;
  /** Called after a grant or revocation, with the account it changed. */
  onRolesChanged?(userId: string): void;
}

interface PendingRevoke {
  user: AdminUser;
  grant: RoleGrant;
}

export function UserList({ users, hubs, organizations, onRolesChanged }: UserListProps) {
  const { t } = useTranslation(['admin', 'common']);
  const locale = useLocale();
  const roleName = useRoleName();
  const scopeOf = useGrantScope();
  const errorMessage = useErrorMessage();
  const [grantingFor, setGrantingFor] = useState<string | null>(null);
  const [pendingRevoke, setPendingRevoke] = useState<PendingRevoke | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [erased, setErased] = useState('');
  // After the inline form closes, focus goes back to the button that opened it.
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const grantButtons = useRef(new Map<string, HTMLButtonElement>());
  useLayoutEffect(() => {
    if (returnFocusTo && grantingFor === null) {
      grantButtons.current.get(returnFocusTo)?.focus();
      setReturnFocusTo(null);
    }
  }, [returnFocusTo, grantingFor]);
  const revoke = useRevokeRole({
    onSuccess: (userId) => {
      setPendingRevoke(null);
      setAnnouncement(t('admin:users.revoked'));
      onRolesChanged?.(userId);
    },
  });

  const describe = (grant: RoleGrant) => {
    const scope = scopeOf(grant);
    return scope ? `${roleName(grant.role)} (${scope})` : roleName(grant.role);
  };

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {/* Only once there is something to say: the list's live region above speaks for the rest. */}
      {erased ? <SuccessNotice>{erased}</SuccessNotice> : null}
      <ul className="user-list">
        {users.map((user) => (
          <li key={user.id}>
            <article className="card user-card" aria-labelledby={`user-${user.id}-name`}>
              <div className="user-card__head">
                <h2 className="card__title" id={`user-${user.id}-name`}>
                  {user.name}
                </h2>
                <p className="user-card__email">{user.email}</p>
                <p className="muted">
                  {t('admin:users.registeredOn', { date: formatDate(user.createdAt, locale) })}
                </p>
              </div>
              <h3 className="user-card__subtitle">{t('admin:users.roles')}</h3>
              <ul className="grant-list">
                <li>
                  <span className="grant">
                    <span className="grant__role">{roleName('resident')}</span>
                  </span>
                </li>
                {user.grants.map((grant) => (
                  <li key={grant.id}>
                    <RoleGrantLabel grant={grant} />
                    <button
                      type="button"
                      className="button button--small button--danger-outline"
                      // The visible word starts the accessible name; the rest says which role of whom.
                      aria-label={`${t('admin:users.revoke')} ${t('admin:users.revokeContext', { grant: describe(grant), user: user.email })}`}
                      onClick={() => {
                        revoke.reset();
                        setPendingRevoke({ user, grant });
                      }}
                    >
                      {t('admin:users.revoke')}
                    </button>
                  </li>
                ))}
              </ul>
              {grantingFor === user.id ? (
                <GrantRoleForm
                  userId={user.id}
                  hubs={hubs}
                  organizations={organizations}
                  onGranted={() => {
                    setGrantingFor(null);
                    setReturnFocusTo(user.id);
                    setAnnouncement(t('admin:users.granted'));
                    onRolesChanged?.(user.id);
                  }}
                  onCancel={() => {
                    setGrantingFor(null);
                    setReturnFocusTo(user.id);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={`${t('admin:users.grant')} ${t('admin:users.grantContext', { user: user.email })}`}
                  ref={(element) => {
                    if (element) grantButtons.current.set(user.id, element);
                    else grantButtons.current.delete(user.id);
                  }}
                  onClick={() => {
                    setAnnouncement('');
                    setGrantingFor(user.id);
                  }}
                >
                  {t('admin:users.grant')}
                </button>
              )}
              <StaffPrivacyActions
                user={user}
                onErased={(gone) => setErased(t('privacy:staff.erased', { user: gone.email }))}
              />
            </article>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={pendingRevoke !== null}
        title={t('admin:revoke.title')}
        confirmLabel={t('admin:revoke.confirm')}
        cancelLabel={t('common:actions.cancel')}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onCancel={() => setPendingRevoke(null)}
        onConfirm={() => {
          if (pendingRevoke)
            revoke.mutate({ userId: pendingRevoke.user.id, grantId: pendingRevoke.grant.id });
        }}
      >
        {pendingRevoke ? (
          <p>
            {t('admin:revoke.body', {
              user: `${pendingRevoke.user.name} (${pendingRevoke.user.email})`,
              grant: describe(pendingRevoke.grant),
            })}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
