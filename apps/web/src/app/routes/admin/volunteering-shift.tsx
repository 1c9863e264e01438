// One shift for its program's coordinators (mounted at /admin/volunteering/shifts/:id): when and
// where, places, and the roster with attendance.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useShift } from '../../../features/volunteering-admin/api/shifts';
import { ShiftStatusBadge } from '../../../features/volunteering-admin/components/badges';
import { RosterSection } from '../../../features/volunteering-admin/components/roster-section';
import { adminProgramPath } from '../../../features/volunteering-admin/labels';
import { isApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { NewSurveyLink } from '../../../features/surveys/components/new-survey-link';
import { districtName, formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { loginPathFor } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/volunteering-admin/volunteering-admin.css';

export function AdminVolunteeringShiftPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const { status, me } = useAuth();
  const location = useLocation();
  const shift = useShift(id);
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  if (shift.isPending) return <Loading />;
  if (shift.isError) {
    const notFound = isApiError(shift.error) && (shift.error.status === 404 || shift.error.status === 400);
    return (
      <>
        <p className="back-link">
          <Link to="/admin/volunteering">← {t('list.title')}</Link>
        </p>
        {notFound ? (
          <>
            <PageTitle>{t('shift.notFound')}</PageTitle>
            <h1>{t('shift.notFound')}</h1>
          </>
        ) : (
          <ErrorState error={shift.error} onRetry={() => void shift.refetch()} />
        )}
      </>
    );
  }
  const s = shift.data;
  const program = localized(s.programTitle, locale);
  const when = formatInterval(s.start, s.end, locale);
  return (
    <>
      <p className="back-link">
        <Link to={adminProgramPath(s.programId)}>← {program}</Link>
      </p>
      <article aria-labelledby="shift-title">
        <PageTitle>{t('shift.title', { when })}</PageTitle>
        <header className="page-header">
          <h1 id="shift-title">{t('shift.title', { when })}</h1>
          <p className="tag-list">
            <ShiftStatusBadge status={s.status} />
          </p>
        </header>
        {s.cancelReason ? (
          <p className="notice">{t('shift.cancelledBecause', { reason: s.cancelReason })}</p>
        ) : null}
        <dl className="facts facts--wide">
          <dt>{t('shift.program')}</dt>
          <dd>{program}</dd>
          <dt>{t('shift.where')}</dt>
          <dd>
            {s.address}
            {s.district ? `, ${districtName(s.district, locale)}` : ''}
          </dd>
          <dt>{t('shift.task')}</dt>
          <dd>{s.task}</dd>
          <dt>{t('shift.places')}</dt>
          <dd>{t('shifts.placesTaken', { confirmed: s.confirmed, places: s.places })}</dd>
          <dt>{t('shift.accessibility')}</dt>
          <dd>
            {[s.stepFree ? t('shifts.stepFree') : null, s.accessibilityNotes || null]
              .filter(Boolean)
              .join('. ') || t('facts.none')}
          </dd>
        </dl>
        <p>
          <NewSurveyLink scope="shift" id={s.id} />
        </p>
        <RosterSection shift={s} />
      </article>
    </>
  );
}
