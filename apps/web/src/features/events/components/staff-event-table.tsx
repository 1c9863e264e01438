// Events for the people who run them, as a table: title (to the management page), when, where,
// organiser, registrations against capacity with the waiting list, and status.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { textIn } from '../labels';
import { adminEventPath } from '../paths';
import { CategoryTag, EventStatusBadge } from './event-badges';
import { ScrollRegion } from '../../../components/scroll-region';

export function StaffEventTable({ events, caption }: { events: readonly EventView[]; caption: string }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  return (
    <ScrollRegion label={caption}>
      <table className="table staff-events">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.columns.event')}</th>
            <th scope="col">{t('staff.columns.when')}</th>
            <th scope="col">{t('staff.columns.where')}</th>
            <th scope="col">{t('staff.columns.organizer')}</th>
            <th scope="col" className="numeric">
              {t('staff.columns.registrations')}
            </th>
            <th scope="col">{t('staff.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const title = textIn(event.title, locale);
            return (
              <tr key={event.id}>
                <th scope="row">
                  <Link to={adminEventPath(event.id)} lang={title.lang}>
                    {title.text}
                  </Link>{' '}
                  <CategoryTag category={event.category} />
                </th>
                <td>{formatInterval(event.start, event.end, locale)}</td>
                <td>
                  {localized(event.hubName, locale)}, {localized(event.roomName, locale)}
                </td>
                <td>{localized(event.organizationName, locale)}</td>
                <td className="numeric">
                  {t('staff.registrations', { confirmed: event.confirmed, capacity: event.capacity })}
                  {event.waitlisted > 0 ? (
                    <>
                      <br />
                      {t('staff.waiting', { count: event.waitlisted })}
                    </>
                  ) : null}
                </td>
                <td>
                  <EventStatusBadge status={event.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
