// One organisation in the public registry's results: its name in the UI language, legal form,
// district and fields of activity.
import type { PublicOrganization } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtName } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { activityLabel, legalFormLabel, organizationName } from '../labels';
import { DemoBadge } from './status-badge';

export function OrganizationCard({ organization }: { organization: PublicOrganization }) {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  const titleId = `organization-${organization.id}-name`;
  return (
    <article className="card organization-card" aria-labelledby={titleId}>
      <h2 className="card__title" id={titleId}>
        <Link to={`/registry/${organization.id}`}>{organizationName(organization, locale)}</Link>
      </h2>
      {organization.isDemo ? <DemoBadge /> : null}
      <dl className="facts">
        <div>
          <dt>{t('fields.legalForm')}</dt>
          <dd>{legalFormLabel(organization.legalForm, locale)}</dd>
        </div>
        <div>
          <dt>{t('fields.district')}</dt>
          <dd>{districtName(organization.district, locale)}</dd>
        </div>
      </dl>
      {organization.activities.length ? (
        <ul className="tag-list" aria-label={t('fields.activities')}>
          {organization.activities.map((a) => (
            <li key={a} className="tag">
              {activityLabel(a, locale)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
