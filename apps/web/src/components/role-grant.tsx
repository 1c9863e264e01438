// How a role grant reads to people: the role's name and, when it has one, what it is scoped to.
import type { RoleGrant } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { districtName } from '../lib/format';
import { useLocale } from '../lib/i18n';

export function useRoleName(): (role: string) => string {
  const { t } = useTranslation('common');
  return (role) => t([`roles.${role}`], { defaultValue: role });
}

/** The object a grant is about, in words ('' for city_admin, which is about everything). */
export function useGrantScope(): (grant: RoleGrant) => string {
  const locale = useLocale();
  return (grant) => {
    if (grant.district) return districtName(grant.district, locale);
    if (grant.hubId) return (locale === 'en' && grant.hubNameEn) || grant.hubName || grant.hubId;
    if (grant.organizationId)
      return (locale === 'en' && grant.organizationNameEn) || grant.organizationName || grant.organizationId;
    return '';
  };
}

export function RoleGrantLabel({ grant }: { grant: RoleGrant }) {
  const { t } = useTranslation('common');
  const roleName = useRoleName();
  const scopeOf = useGrantScope();
  const scope = scopeOf(grant);
  return (
    <span className="grant">
      <span className="grant__role">{roleName(grant.role)}</span>
      {scope ? (
        <>
          <span className="visually-hidden">{t('grantScopeSeparator')}</span>
          <span aria-hidden="true"> · </span>
          <span className="grant__scope">{scope}</span>
        </>
      ) : null}
    </span>
  );
}
