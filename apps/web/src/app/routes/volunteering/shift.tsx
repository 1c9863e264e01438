// A link to one shift (notifications and reminders carry /volunteering/shifts/:id): the shift is
// shown on its program's page, so this finds the program and goes there, to that shift.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useShift } from '../../../features/volunteering/api/shifts';
import { programPath, shiftAnchor, VOLUNTEERING_PATH } from '../../../features/volunteering/paths';
import { isApiError } from '../../../lib/api-client';
import { PageTitle } from '../../page-title';

export function VolunteerShiftPage() {
  const { t } = useTranslation('volunteering');
  const { id = '' } = useParams();
  const shift = useShift(id);
  if (shift.isPending) return <Loading />;
  if (shift.isError) {
    if (isApiError(shift.error) && (shift.error.status === 404 || shift.error.status === 400))
      return (
        <>
          <PageTitle>{t('shift.notFoundTitle')}</PageTitle>
          <h1>{t('shift.notFoundTitle')}</h1>
          <p>
            {t('shift.notFoundText')} <Link to={VOLUNTEERING_PATH}>{t('my.toCatalogue')}</Link>
          </p>
        </>
      );
    return <ErrorState error={shift.error} onRetry={() => void shift.refetch()} />;
  }
  return <Navigate to={`${programPath(shift.data.programId)}#${shiftAnchor(shift.data.id)}`} replace />;
}
