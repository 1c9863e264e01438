// One hub in the network list: where it is, how many rooms, and whether it is open today.
import type { Hub } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtName, kyivWeekday, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { formatIntervals, intervalsOn } from '../opening-hours';
import { DemoBadge } from './demo-badge';

export function HubCard({ hub, today = kyivWeekday() }: { hub: Hub; today?: number }) {
  const { t } = useTranslation('hubs');
  const locale = useLocale();
  const todays = intervalsOn(hub.openingHours, today);
  return (
    <article className="card hub-card">
      <h2 className="card__title">
        <Link to={`/hubs/${hub.id}`}>{localized(hub.name, locale)}</Link>
      </h2>
      {hub.isDemo ? <DemoBadge /> : null}
      <dl className="facts">
        <div>
          <dt>{t('district')}</dt>
          <dd>{districtName(hub.district, locale)}</dd>
        </div>
        <div>
          <dt>{t('address')}</dt>
          <dd>{localized(hub.address, locale)}</dd>
        </div>
        <div>
          <dt>{t('rooms')}</dt>
          <dd>{t('roomCount', { count: hub.roomCount })}</dd>
        </div>
        <div>
          <dt>{t('today')}</dt>
          <dd>{todays.length ? formatIntervals(todays) : t('closed')}</dd>
        </div>
      </dl>
    </article>
  );
}
