// Users & roles (city_admin): find accounts, see their grants, grant and revoke roles.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TextField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useHubs } from '../../../features/hubs/api/get-hubs';
import { useOrganizationOptions } from '../../../features/organizations/api/get-organizations';
import { useAdminUsers } from '../../../features/users/api/admin-users';
import type { ScopeOption } from '../../../features/users/components/grant-role-form';
import { UserList } from '../../../features/users/components/user-list';
import { useAuth } from '../../../lib/auth';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/privacy/privacy.css';

const PAGE_SIZE = 20;

export function AdminUsersPage() {
  return (
    <RequireCityAdmin>
      <AdminUsers />
    </RequireCityAdmin>
  );
}

function AdminUsers() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const { me, reloadMe } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [search, setSearch] = useState(q);
  const users = useAdminUsers({ q: q || undefined, limit: PAGE_SIZE, offset });
  const hubs = useHubs({ limit: 100 });
  const organizations = useOrganizationOptions();

  const hubOptions: ScopeOption[] | undefined = hubs.data?.items.map((h) => ({
    id: h.id,
    label: localized(h.name, locale),
  }));
  const organizationOptions: ScopeOption[] | null | undefined = organizations.isError
    ? null
    : organizations.data === undefined
      ? undefined
      : (organizations.data?.map((o) => ({ id: o.id, label: localized(o.name, locale) })) ?? null);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set('q', search.trim());
    setParams(next);
  }

  function goTo(nextOffset: number) {
    const next = new URLSearchParams(params);
    if (nextOffset > 0) next.set('offset', String(nextOffset));
    else next.delete('offset');
    setParams(next);
  }

  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <h1>{t('users.title')}</h1>
      <form className="search-form" onSubmit={onSearch}>
        <TextField
          id="admin-user-search"
          label={t('users.search')}
          hint={t('users.searchHint')}
          type="search"
          maxLength={200}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit" className="button">
          {t('users.searchSubmit')}
        </button>
      </form>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('users.total', { count: users.data.total })}
          </p>
          {users.data.items.length === 0 ? (
            <EmptyState>{q ? t('users.emptySearch', { q }) : t('users.empty')}</EmptyState>
          ) : (
            <UserList
              users={users.data.items}
              hubs={hubOptions}
              organizations={organizationOptions}
              onRolesChanged={(userId) => {
                if (userId === me?.user.id) void reloadMe();
              }}
            />
          )}
          <Pagination
            total={users.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={goTo}
            label={t('users.pagination')}
          />
        </>
      )}
    </>
  );
}
