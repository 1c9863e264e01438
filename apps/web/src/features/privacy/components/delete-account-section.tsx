// "Delete my account": what erasure does, the password, a confirmation that names the
// consequences, and the API's refusals where the form is (a wrong password next to its field; an
// only owner told to hand their organisation over first, with a link to it). Once the API has
// erased the account the session is gone: the portal goes home, says so, and forgets the session.
import type { MeResponse } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextField } from '../../../components/field';
import {
  type FieldErrors,
  FormErrorSummary,
  type FormErrorState,
  formErrorState,
} from '../../../components/form-errors';
import { useGrantScope } from '../../../components/role-grant';
import { isApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { useEraseMe } from '../api';
import { ACCOUNT_SECTIONS, type AccountDeletedState } from '../paths';
import { ErasureConsequences } from './erasure-consequences';

const PASSWORD_ID = 'delete-account-password';

export function DeleteAccountSection({ me }: { me: MeResponse }) {
  const { t } = useTranslation(['privacy', 'errors']);
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const erase = useEraseMe({
    onSuccess: async () => {
      // Leave first: on the account page the guard would send a signed-out reader to log in.
      const state: AccountDeletedState = { accountDeleted: true };
      await navigate('/', { replace: true, state });
      await logout();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    erase.reset();
    const errors: FieldErrors = password ? {} : { password: [t('errors:fields.required')] };
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) setConfirming(true);
  }

  const code = isApiError(erase.error) ? erase.error.code : null;
  const state: FormErrorState =
    code === 'invalid_credentials'
      ? {
          message: t('privacy:erase.wrongPassword'),
          byField: { password: [t('privacy:erase.wrongPassword')] },
        }
      : formErrorState(t, { clientErrors, apiError: erase.error });
  const fields = { password: { id: PASSWORD_ID, label: t('privacy:erase.password') } };

  return (
    <section
      className="card account-section account-section--danger"
      id={ACCOUNT_SECTIONS.deleteAccount}
      aria-labelledby="delete-account-title"
      tabIndex={-1}
    >
      <h2 id="delete-account-title">{t('privacy:erase.title')}</h2>
      <p>{t('privacy:erase.intro')}</p>
      <ErasureConsequences />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="delete-account-title">
        <FormErrorSummary state={state} fields={fields} />
        {code === 'owner_must_transfer' ? <OwnedOrganizations me={me} error={erase.error} /> : null}
        <TextField
          id={PASSWORD_ID}
          label={fields.password.label}
          hint={t('privacy:erase.passwordHint')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={state.byField.password}
        />
        <button type="submit" className="button button--danger" disabled={erase.isPending}>
          {t('privacy:erase.submit')}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('privacy:erase.confirmTitle')}
        confirmLabel={t('privacy:erase.confirm')}
        cancelLabel={t('privacy:erase.keep')}
        pending={erase.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          erase.mutate(password, {
            // The refusal is shown in the form, next to the password or with the organisations.
            onError: () => setConfirming(false),
          })
        }
      >
        <p>{t('privacy:erase.confirmText')}</p>
        <ErasureConsequences />
      </ConfirmDialog>
    </section>
  );
}

/**
 * The organisations whose only owner the person is: the ones the API names in its refusal
 * (`organizationIds`), or else every organisation they own, each linked to its members.
 */
function OwnedOrganizations({ me, error }: { me: MeResponse; error: unknown }) {
  const { t } = useTranslation('privacy');
  const scopeOf = useGrantScope();
  const extra = isApiError(error) ? error.extra : {};
  const named = [extra.organizationIds, extra.organizationId].flat().filter((id) => typeof id === 'string');
  const owned = me.grants.filter(
    (g) =>
      g.role === 'ngo_owner' && g.organizationId && (named.length === 0 || named.includes(g.organizationId)),
  );
  if (owned.length === 0) return <p>{t('erase.ownerOfUnknown')}</p>;
  return (
    <div className="notice notice--danger">
      <p>{t('erase.ownerOf')}</p>
      <ul className="link-list">
        {owned.map((grant) => (
          <li key={grant.id}>
            <Link to={`/my/organizations/${grant.organizationId}`}>{scopeOf(grant)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
