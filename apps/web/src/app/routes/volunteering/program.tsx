// One volunteer program's public page (mounted at /volunteering/programs/:id): what it is, who runs
// it and for whom, its briefing, and its upcoming shifts as a list or a calendar, with sign-up.
import { useQuery } from '@tanstack/react-query';
import type { ProgramView } from '@vcentri/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { hubQueryOptions } from '../../../features/hubs/api/get-hub';
import { organizationQueryOptions } from '../../../features/organizations/api/get-organization';
import { useMyVolunteering, useVolunteerProfile } from '../../../features/volunteering/api/me';
import { useProgram, useVolunteerViewer } from '../../../features/volunteering/api/programs';
import { useShifts } from '../../../features/volunteering/api/shifts';
import { BriefingPanel } from '../../../features/volunteering/components/briefing-panel';
import { ProgramShifts } from '../../../features/volunteering/components/program-shifts';
import type { MySignup, SignupGate } from '../../../features/volunteering/components/shift-signup';
import { causeLabel } from '../../../features/volunteering/labels';
import { programPath, VOLUNTEER_PROFILE_PATH, VOLUNTEERING_PATH } from '../../../features/volunteering/paths';
import { isApiError } from '../../../lib/api-client';
import { districtName, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { instantsOfDateRange } from '../../../lib/kyiv-dates';
import { PageTitle } from '../../page-title';
import '../../../features/volunteering/volunteering.css';

export function VolunteerProgramPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const { ready, signedIn } = useVolunteerViewer();
  const program = useProgram(id);
  const shifts = useShifts(
    { programId: id, from: instantsOfDateRange({}).from, limit: 100 },
    { enabled: !!id },
  );
  const profile = useVolunteerProfile();
  const my = useMyVolunteering();
  const mine = useMemo(
    () =>
      new Map<string, MySignup>(
        (my.data?.shifts ?? []).map((s) => [s.shift.id, { status: s.status, position: s.position }]),
      ),
    [my.data],
  );

  const back = (
    <p className="back-link">
      <Link to={VOLUNTEERING_PATH}>← {t('program.back')}</Link>
    </p>
  );
  if (program.isPending) return <Loading />;
  if (program.isError) {
    const notFound =
      isApiError(program.error) && (program.error.status === 404 || program.error.status === 400);
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageTitle>{t('program.notFoundTitle')}</PageTitle>
            <h1>{t('program.notFoundTitle')}</h1>
            <p>{t('program.notFoundText')}</p>
          </>
        ) : (
          <ErrorState error={program.error} onRetry={() => void program.refetch()} />
        )}
      </>
    );
  }
  const p = program.data;
  const title = textIn(p.title, locale);
  const description = textIn(p.description, locale);
  const gate: SignupGate = !ready
    ? 'pending'
    : !signedIn
      ? 'signed_out'
      : profile.isPending
        ? 'pending'
        : profile.data === null
          ? 'no_profile'
          : p.briefing && !p.briefingAcknowledged
            ? 'briefing'
            : 'ready';

  return (
    <>
      <PageTitle>{title.text}</PageTitle>
      {back}
      <article className="program-page" aria-labelledby="program-title">
        <h1 id="program-title" lang={title.lang}>
          {title.text}
        </h1>
        <p className="tag-list">
          <span className="tag">{causeLabel(p.cause, locale)}</span>
          {p.status === 'closed' ? <span className="tag tag--plain">{t('program.closed')}</span> : null}
        </p>
        {description.text ? (
          <p className="prose briefing__text" lang={description.lang}>
            {description.text}
          </p>
        ) : null}
        <dl className="facts facts--wide">
          <div>
            <dt>{t('program.runByLabel')}</dt>
            <dd>
              <ProgramRunner program={p} />
            </dd>
          </div>
          <div>
            <dt>{t('program.districts')}</dt>
            <dd>
              {p.districts.length
                ? p.districts.map((d) => districtName(d, locale)).join(', ')
                : t('program.allCity')}
            </dd>
          </div>
          <div>
            <dt>{t('program.skills')}</dt>
            <dd>{p.skills.length ? p.skills.join(', ') : t('program.noSkills')}</dd>
          </div>
          <div>
            <dt>{t('program.languages')}</dt>
            <dd>{p.languages.map((l) => t(`languages.${l}`, { defaultValue: l })).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('program.minAge')}</dt>
            <dd>{p.minAge > 0 ? t('program.minAgeValue', { age: p.minAge }) : t('program.anyAge')}</dd>
          </div>
          {p.contact ? (
            <div>
              <dt>{t('program.contact')}</dt>
              <dd>{p.contact}</dd>
            </div>
          ) : null}
        </dl>
        <BriefingPanel program={p} signedIn={signedIn} />
        {gate === 'no_profile' ? (
          <p className="notice notice--warning">
            {t('program.profileNeeded')}{' '}
            <Link to={`${VOLUNTEER_PROFILE_PATH}?next=${encodeURIComponent(programPath(id))}`}>
              {t('program.profileLink')}
            </Link>
          </p>
        ) : null}
        {shifts.isPending ? (
          <Loading label={t('program.shiftsLoading')} />
        ) : shifts.isError ? (
          <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />
        ) : (
          <ProgramShifts
            shifts={shifts.data.items}
            gate={gate}
            mine={mine}
            view={view}
            onView={(next) => {
              const search = new URLSearchParams(params);
              if (next === 'calendar') search.set('view', 'calendar');
              else search.delete('view');
              setParams(search, { replace: true });
            }}
          />
        )}
      </article>
    </>
  );
}

/**
 * Who runs the program: the organisation (linked to its registry entry) or the hub (linked to its
 * page) by name once known, a district administration, or the city.
 */
function ProgramRunner({ program }: { program: ProgramView }) {
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  const organization = useQuery({
    ...organizationQueryOptions(program.organizationId ?? ''),
    enabled: program.runBy === 'organization' && !!program.organizationId,
  });
  const hub = useQuery({
    ...hubQueryOptions(program.hubId ?? ''),
    enabled: program.runBy === 'hub' && !!program.hubId,
  });
  if (program.runBy === 'organization' && organization.data) {
    const o = organization.data;
    return (
      <Link to={`/registry/${encodeURIComponent(o.id)}`}>
        {locale === 'en' && o.nameEn ? o.nameEn : o.nameUk}
      </Link>
    );
  }
  if (program.runBy === 'hub' && hub.data) {
    return <Link to={`/hubs/${encodeURIComponent(hub.data.id)}`}>{textIn(hub.data.name, locale).text}</Link>;
  }
  if (program.runBy === 'district' && program.ownerDistrict)
    return <>{t('program.runByDistrict', { district: districtName(program.ownerDistrict, locale) })}</>;
  return <>{t(`program.runBy.${program.runBy}`)}</>;
}
