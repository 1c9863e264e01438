// /admin/surveys — the surveys a city admin or hub manager runs: a list by phase, page by page,
// and writing a new one (a draft opens on its own page). ?new=1&scope=event&eventId=… starts a
// survey about an event (the same for hubId and shiftId).
import { SURVEY_PHASES, type SurveyPhase, type SurveyScope } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useSurveys } from '../../../features/surveys/api';
import { PhaseBadge } from '../../../features/surveys/components/survey-facts';
import { SurveyForm } from '../../../features/surveys/components/survey-form';
import { isCityAdmin, managesHubs, useAuth } from '../../../lib/auth';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { loginPathFor, NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/surveys/surveys.css';

const LIMIT = 20;

export function AdminSurveysPage() {
  const { t } = useTranslation('surveys');
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  if (!isCityAdmin(me) && !managesHubs(me))
    return (
      <>
        <PageTitle>{t('admin.title')}</PageTitle>
        <h1>{t('admin.title')}</h1>
        <NoAccess />
      </>
    );
  return <SurveyList />;
}

function SurveyList() {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const creating = params.get('new') === '1';
  const phase = (params.get('phase') ?? '') as SurveyPhase | '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const surveys = useSurveys({ ...(phase ? { phase } : {}), limit: LIMIT, offset });
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  const initial = {
    scope: (params.get('scope') ?? undefined) as SurveyScope | undefined,
    hubId: params.get('hubId') ?? undefined,
    eventId: params.get('eventId') ?? undefined,
    shiftId: params.get('shiftId') ?? undefined,
  };
  const items = surveys.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('admin.title')}</PageTitle>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro')}</p>
      {creating ? (
        <div className="card">
          <SurveyForm
            initial={initial}
            onSaved={(s) => void navigate(`/admin/surveys/${s.id}`)}
            onCancel={() => update({ new: '', scope: '', hubId: '', eventId: '', shiftId: '' })}
          />
        </div>
      ) : (
        <p className="actions">
          <button type="button" className="button" onClick={() => update({ new: '1' })}>
            {t('admin.new')}
          </button>
        </p>
      )}
      <SelectField
        id="surveys-phase"
        label={t('admin.phaseFilter')}
        value={phase}
        onChange={(e) => update({ phase: e.target.value })}
      >
        <option value="">{t('admin.allPhases')}</option>
        {SURVEY_PHASES.map((p) => (
          <option key={p} value={p}>
            {t(`phase.${p}`)}
          </option>
        ))}
      </SelectField>
      {surveys.isPending ? (
        <Loading />
      ) : surveys.isError ? (
        <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{phase ? t('admin.noMatch') : t('admin.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('admin.caption')}>
          <table className="table">
            <caption>{t('admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.columns.survey')}</th>
                <th scope="col">{t('admin.columns.about')}</th>
                <th scope="col">{t('admin.columns.opens')}</th>
                <th scope="col">{t('admin.columns.closes')}</th>
                <th scope="col">{t('admin.columns.phase')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/admin/surveys/${s.id}`}>{localized(s.title, locale)}</Link>
                  </th>
                  <td>
                    {t(`scope.${s.scope}`)}
                    {s.subject ? `: ${localized(s.subject, locale)}` : ''}
                  </td>
                  <td>{formatDateTime(s.opensAt, locale)}</td>
                  <td>{formatDateTime(s.closesAt, locale)}</td>
                  <td>
                    <PhaseBadge phase={s.phase} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {surveys.data ? (
        <Pagination
          total={surveys.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(next) => update({ offset: String(next) })}
          label={t('admin.pagination')}
        />
      ) : null}
    </>
  );
}
