// "My volunteering" (mounted at /my/volunteering): the shifts the volunteer holds (with withdrawing),
// the ones they wait for and their positions, their hours (totals and every entry) and a form to log
// hours of ongoing work. The profile has its own page.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { MY_CERTIFICATES_PATH } from '../../../features/certificates/paths';
import { useMyVolunteering, useVolunteerProfile } from '../../../features/volunteering/api/me';
import { usePrograms } from '../../../features/volunteering/api/programs';
import { HoursForm } from '../../../features/volunteering/components/hours-form';
import { HoursList, HoursTotals } from '../../../features/volunteering/components/hours-list';
import { ShiftCard } from '../../../features/volunteering/components/shift-card';
import { ShiftSignup } from '../../../features/volunteering/components/shift-signup';
import { VOLUNTEER_PROFILE_PATH, VOLUNTEERING_PATH } from '../../../features/volunteering/paths';
import { textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/volunteering/volunteering.css';

export function MyVolunteeringPage() {
  return (
    <RequireSignIn>
      <MyVolunteering />
    </RequireSignIn>
  );
}

type MyShift = NonNullable<ReturnType<typeof useMyVolunteering>['data']>['shifts'][number];

function ShiftSection({
  id,
  title,
  shifts,
  empty,
}: {
  id: string;
  title: string;
  shifts: MyShift[];
  empty: string;
}) {
  return (
    <section className="volunteering-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shifts.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-list" aria-labelledby={id}>
          {shifts.map((s) => (
            <li key={s.signupId}>
              <ShiftCard shift={s.shift} showProgram>
                <ShiftSignup shift={s.shift} gate="ready" mine={{ status: s.status, position: s.position }} />
              </ShiftCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MyVolunteering() {
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  const my = useMyVolunteering();
  const profile = useVolunteerProfile();
  const programs = usePrograms({ limit: 100 });
  const programTitles = useMemo(() => {
    const titles = new Map<string, string>();
    for (const p of programs.data?.items ?? []) titles.set(p.id, textIn(p.title, locale).text);
    for (const s of my.data?.shifts ?? [])
      titles.set(s.shift.programId, textIn(s.shift.programTitle, locale).text);
    for (const h of my.data?.hours.entries ?? [])
      titles.set(h.programId, textIn(h.programTitle, locale).text);
    return titles;
  }, [programs.data, my.data, locale]);
  const choices = [...programTitles].map(([id, title]) => ({ id, title }));

  return (
    <>
      <PageTitle>{t('my.title')}</PageTitle>
      <section className="hero">
        <h1>{t('my.title')}</h1>
        <p className="lead">{t('my.intro')}</p>
        <p className="actions">
          <Link to={VOLUNTEERING_PATH}>{t('my.findMore')}</Link>
          <Link to={VOLUNTEER_PROFILE_PATH}>{t('my.editProfile')}</Link>
          <Link to={MY_CERTIFICATES_PATH}>{t('my.certificates')}</Link>
        </p>
      </section>
      {/* Drawn once, when both the profile and the shifts are known: pieces arriving one by one
          pushed each other down the screen (a layout shift of 0.44 on a phone). */}
      {my.isPending || profile.isPending ? (
        <Loading />
      ) : my.isError ? (
        <ErrorState error={my.error} onRetry={() => void my.refetch()} />
      ) : (
        <>
          {profile.isSuccess && profile.data === null ? (
            <p className="notice notice--warning">
              {t('my.noProfile')} <Link to={VOLUNTEER_PROFILE_PATH}>{t('program.profileLink')}</Link>
            </p>
          ) : profile.data ? (
            <p className="notice" data-testid="volunteer-code">
              {t('my.code')} <strong className="code">{profile.data.code}</strong>
              <br />
              <span className="muted">{t('my.codeHint')}</span>
            </p>
          ) : null}
          {my.data.shifts.length === 0 ? (
            <EmptyState>
              {t('my.noShifts')} <Link to={VOLUNTEERING_PATH}>{t('my.toCatalogue')}</Link>
            </EmptyState>
          ) : (
            <>
              <ShiftSection
                id="my-upcoming"
                title={t('my.upcoming')}
                shifts={my.data.shifts.filter((s) => s.status === 'confirmed')}
                empty={t('my.noUpcoming')}
              />
              <ShiftSection
                id="my-waiting"
                title={t('my.waiting')}
                shifts={my.data.shifts.filter((s) => s.status === 'waitlisted')}
                empty={t('my.noWaiting')}
              />
            </>
          )}
          <section className="volunteering-section" aria-labelledby="my-hours">
            <h2 id="my-hours">{t('my.hours')}</h2>
            <HoursTotals hours={my.data.hours} />
            <HoursList hours={my.data.hours} />
          </section>
          <HoursForm programs={choices} />
        </>
      )}
    </>
  );
}
