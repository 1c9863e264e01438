// «Ask the participants»: from an event's or a shift's staff page to a new survey about it. Shown
// to city admins and hub managers (the API checks the hub per survey).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCityAdmin, managesHubs, useAuth } from '../../../lib/auth';

export function NewSurveyLink({
  scope,
  id,
  hubId,
}: {
  scope: 'event' | 'shift';
  id: string;
  hubId?: string;
}) {
  const { t } = useTranslation('admin');
  const { me } = useAuth();
  if (!isCityAdmin(me) && !(hubId ? me?.scopes.hubIds.includes(hubId) : managesHubs(me))) return null;
  const query = new URLSearchParams({ new: '1', scope, [`${scope}Id`]: id, ...(hubId ? { hubId } : {}) });
  return <Link to={`/admin/surveys?${query.toString()}`}>{t(`surveyAbout.${scope}`)}</Link>;
}
