// Granting a role: pick the role first, then the one object its scope needs (ROLE_SCOPE): a
// district, a hub or an organisation. Organisations come from the public registry when it is
// available; otherwise, or for an organisation not listed there, an id can be typed in.
import { DistrictOptions } from '../../../components/district-options';
import { GRANTED_ROLES, type GrantedRole, type GrantRoleBody, ROLE_SCOPE } from '@vcentri/shared';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useRoleName } from '../../../components/role-grant';
import { useLocale } from '../../../lib/i18n';
import { useGrantRole } from '../api/admin-users';

export interface ScopeOption {
  id: string;
  label: string;
}

interface GrantRoleFormProps {
  userId: string;
  /** Hubs to choose from; undefined while loading. */
  hubs: ScopeOption[] | undefined;
  /** Organisations to choose from; null when no list is available (an id is typed instead). */
  organizations: ScopeOption[] | null | undefined;
  onGranted?(): void;
  onCancel?(): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OTHER_ORGANIZATION = '__other__';

function isGrantedRole(value: string): value is GrantedRole {
  return (GRANTED_ROLES as readonly string[]).includes(value);
}

export function GrantRoleForm({ userId, hubs, organizations, onGranted, onCancel }: GrantRoleFormProps) {
  const { t } = useTranslation(['admin', 'common', 'errors']);
  const _locale = useLocale();
  const roleName = useRoleName();
  const [role, setRole] = useState<GrantedRole | ''>('');
  const [district, setDistrict] = useState('');
  const [hubId, setHubId] = useState('');
  const [organizationChoice, setOrganizationChoice] = useState('');
  const [organizationIdText, setOrganizationIdText] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useGrantRole({ onSuccess: () => onGranted?.() });

  const scope = role ? ROLE_SCOPE[role] : 'none';
  const typedOrganization = organizations === null || organizationChoice === OTHER_ORGANIZATION;
  const scopeField = { none: 'role', district: 'district', hub: 'hubId', organization: 'organizationId' }[
    scope
  ];
  const prefix = `grant-${userId}`;

  useLayoutEffect(() => {
    document.getElementById(`${prefix}-role`)?.focus();
  }, [prefix]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    const body: Partial<GrantRoleBody> = {};
    if (!role) {
      errors.role = [t('errors:fields.required')];
    } else {
      body.role = role;
      if (scope === 'district') {
        if (district) body.district = district as GrantRoleBody['district'];
        else errors.district = [t('errors:fields.required')];
      } else if (scope === 'hub') {
        if (hubId) body.hubId = hubId;
        else errors.hubId = [t('errors:fields.required')];
      } else if (scope === 'organization') {
        const id = typedOrganization ? organizationIdText.trim() : organizationChoice;
        if (!id) errors.organizationId = [t('errors:fields.required')];
        else if (!UUID.test(id)) errors.organizationId = [t('errors:fields.format_uuid')];
        else body.organizationId = id;
      }
    }
    setClientErrors(errors);
    mutation.reset();
    if (Object.keys(errors).length === 0 && body.role) {
      mutation.mutate({ userId, body: body as GrantRoleBody });
    }
  }

  const state = formErrorState(t, {
    clientErrors,
    apiError: mutation.error,
    codeToField: { role_grant_exists: 'role', invalid_scope: scopeField },
  });
  const fields = {
    role: { id: `${prefix}-role`, label: t('admin:grant.role') },
    district: { id: `${prefix}-district`, label: t('admin:grant.district') },
    hubId: { id: `${prefix}-hub`, label: t('admin:grant.hub') },
    organizationId: {
      id: typedOrganization ? `${prefix}-organization-id` : `${prefix}-organization`,
      label: typedOrganization ? t('admin:grant.organizationId') : t('admin:grant.organization'),
    },
  };

  return (
    <form
      className="form form--inline-panel"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('admin:grant.formLabel')}
    >
      <FormErrorSummary state={state} fields={fields} />
      <SelectField
        id={fields.role.id}
        label={fields.role.label}
        value={role}
        required
        onChange={(e) => {
          const value = e.target.value;
          setRole(isGrantedRole(value) ? value : '');
          setClientErrors({});
          mutation.reset();
        }}
        errors={state.byField.role}
      >
        <option value="">{t('admin:grant.chooseRole')}</option>
        {GRANTED_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </SelectField>

      {scope === 'district' ? (
        <SelectField
          id={fields.district.id}
          label={fields.district.label}
          value={district}
          required
          onChange={(e) => setDistrict(e.target.value)}
          errors={state.byField.district}
        >
          <option value="">{t('admin:grant.chooseDistrict')}</option>
          <DistrictOptions />
        </SelectField>
      ) : null}

      {scope === 'hub' ? (
        <SelectField
          id={fields.hubId.id}
          label={fields.hubId.label}
          value={hubId}
          required
          disabled={!hubs}
          onChange={(e) => setHubId(e.target.value)}
          errors={state.byField.hubId}
        >
          <option value="">{hubs ? t('admin:grant.chooseHub') : t('common:status.loading')}</option>
          {(hubs ?? []).map((h) => (
            <option key={h.id} value={h.id}>
              {h.label}
            </option>
          ))}
        </SelectField>
      ) : null}

      {scope === 'organization' && organizations !== null ? (
        <SelectField
          id={`${prefix}-organization`}
          label={t('admin:grant.organization')}
          value={organizationChoice}
          required
          disabled={!organizations}
          onChange={(e) => setOrganizationChoice(e.target.value)}
          errors={typedOrganization ? undefined : state.byField.organizationId}
        >
          <option value="">
            {organizations ? t('admin:grant.chooseOrganization') : t('common:status.loading')}
          </option>
          {(organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
          <option value={OTHER_ORGANIZATION}>{t('admin:grant.otherOrganization')}</option>
        </SelectField>
      ) : null}

      {scope === 'organization' && typedOrganization ? (
        <TextField
          id={`${prefix}-organization-id`}
          label={t('admin:grant.organizationId')}
          hint={t('admin:grant.organizationIdHint')}
          value={organizationIdText}
          required
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setOrganizationIdText(e.target.value)}
          errors={state.byField.organizationId}
        />
      ) : null}

      <div className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={mutation.isPending}
          aria-busy={mutation.isPending || undefined}
        >
          {t('admin:grant.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
