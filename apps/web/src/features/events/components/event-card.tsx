// One event in the public list: title, category, when (Kyiv time), where, and places.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtName, formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { textIn } from '../labels';
import { eventPath } from '../paths';
import { EventTags } from './event-badges';
import { PlacesText } from './places';

export function EventCard({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const titleId = `event-${event.id}-title`;
  const title = textIn(event.title, locale);
  return (
    <article className="card event-card" aria-labelledby={titleId}>
      <h2 className="card__title" id={titleId} lang={title.lang}>
        <Link to={eventPath(event.id)}>{title.text}</Link>
      </h2>
      <EventTags event={event} />
      <dl className="facts">
        <div>
          <dt>{t('fields.when')}</dt>
          <dd>
            <time dateTime={event.start}>{formatInterval(event.start, event.end, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('fields.where')}</dt>
          <dd>
            {localized(event.hubName, locale)}, {localized(event.roomName, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('fields.district')}</dt>
          <dd>{districtName(event.district, locale)}</dd>
        </div>
        <div>
          <dt>{t('fields.organizer')}</dt>
          <dd>{localized(event.organizationName, locale)}</dd>
        </div>
        <div>
          <dt>{t('fields.places')}</dt>
          <dd>
            <PlacesText event={event} />
          </dd>
        </div>
      </dl>
    </article>
  );
}
