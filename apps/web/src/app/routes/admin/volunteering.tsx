// Volunteer programs for the people who coordinate them (mounted at /admin/volunteering): the
// programs the account may manage, filtered by cause, district and words, and starting a new one
// for one of its organisations, hubs, its district or the city. The API lists published programs
// only (each says whether the caller manages it); a new draft opens on its own page.
import { VOLUNTEER_CAUSE_KEYS, type ProgramView } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { DistrictOptions } from '../../../components/district-options';
import { SelectField, TextField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { usePrograms } from '../../../features/volunteering-admin/api/programs';
import { CauseTag, ProgramStatusBadge } from '../../../features/volunteering-admin/components/badges';
import { ProgramForm } from '../../../features/volunteering-admin/components/program-form';
import { adminProgramPath, causeLabel } from '../../../features/volunteering-admin/labels';
import {
  type CoordinatorScopes,
  canCoordinate,
  coordinatorScopesOf,
} from '../../../features/volunteering-admin/scopes';
import { useAuth } from '../../../lib/auth';
import { districtName, formatDate, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { loginPathFor, NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';
import { ScrollRegion } from '../../../components/scroll-region';
import '../../../features/volunteering-admin/volunteering-admin.css';

const LIMIT = 100;

export function AdminVolunteeringPage() {
  const { t } = useTranslation('volunteeringAdmin');
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  if (!canCoordinate(me)) {
    return (
      <>
        <PageTitle>{t('list.title')}</PageTitle>
        <h1>{t('list.title')}</h1>
        <NoAccess />
      </>
    );
  }
  return <CoordinatorPrograms scopes={coordinatorScopesOf(me)} />;
}

function CoordinatorPrograms({ scopes }: { scopes: CoordinatorScopes }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const creating = params.get('new') === '1';
  const cause = params.get('cause') ?? '';
  const district = params.get('district') ?? '';
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [search, setSearch] = useState(q);
  const programs = usePrograms({
    managed: true,
    ...(cause ? { cause: cause as ProgramView['cause'] } : {}),
    ...(district ? { district } : {}),
    ...(q ? { q } : {}),
    limit: LIMIT,
    offset,
  });

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  }

  function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    update({ q: search.trim() });
  }

  const mine = programs.data?.items ?? [];
  const filtered = !!(cause || district || q);
  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      {!creating ? (
        <p className="actions">
          <button type="button" className="button" onClick={() => update({ new: '1' })}>
            {t('list.new')}
          </button>
        </p>
      ) : (
        <div className="card">
          <ProgramForm
            mode="create"
            scopes={scopes}
            onSaved={(program) =>
              void navigate(adminProgramPath(program.id), { state: { created: program.status } })
            }
            onCancel={() => update({ new: '' })}
          />
        </div>
      )}
      <form className="search-form" aria-label={t('list.search')} onSubmit={onSearch}>
        <TextField
          id="programs-q"
          type="search"
          label={t('list.search')}
          maxLength={100}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit" className="button">
          {t('list.searchSubmit')}
        </button>
      </form>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('list.filters')}</legend>
        <SelectField
          id="programs-cause"
          label={t('list.cause')}
          value={cause}
          onChange={(e) => update({ cause: e.target.value })}
        >
          <option value="">{t('list.allCauses')}</option>
          {VOLUNTEER_CAUSE_KEYS.map((key) => (
            <option key={key} value={key}>
              {causeLabel(key, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="programs-district"
          label={t('list.district')}
          value={district}
          onChange={(e) => update({ district: e.target.value })}
        >
          <option value="">{t('list.allDistricts')}</option>
          <DistrictOptions />
        </SelectField>
      </fieldset>
      {programs.isPending ? (
        <Loading label={t('list.loading')} />
      ) : programs.isError ? (
        <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
      ) : mine.length === 0 ? (
        <EmptyState>{filtered ? t('list.noMatch') : t('list.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('list.caption', { count: mine.length })}>
          <table className="table programs-table">
            <caption>{t('list.caption', { count: mine.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.columns.program')}</th>
                <th scope="col">{t('list.columns.districts')}</th>
                <th scope="col">{t('list.columns.updated')}</th>
                <th scope="col">{t('list.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={adminProgramPath(p.id)}>{localized(p.title, locale)}</Link>{' '}
                    <CauseTag cause={p.cause} />
                  </th>
                  <td>{p.districts.map((d) => districtName(d, locale)).join(', ') || t('facts.allCity')}</td>
                  <td>{formatDate(p.updatedAt, locale)}</td>
                  <td>
                    <ProgramStatusBadge status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {programs.data ? (
        <Pagination
          total={programs.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(next) => update({ offset: String(next) })}
          label={t('list.pagination')}
        />
      ) : null}
    </>
  );
}
