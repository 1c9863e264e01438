// An event's public page: title and description in the UI language, category, a cancelled
// banner with its reason, the facts, registration, adding it to one's calendar, and feedback
// afterwards. Staff get a link to the event's management page.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../lib/i18n';
import { textIn } from '../labels';
import { adminEventPath, eventIcsUrl } from '../paths';
import { EventTags } from './event-badges';
import { CancelledNotice, EventDescription, EventFacts } from './event-facts';
import { FeedbackSection } from './feedback-form';
import { RegistrationPanel } from './registration-panel';

export function EventArticle({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const title = textIn(event.title, locale);
  const description = textIn(event.description, locale);
  return (
    <article className="event-page" aria-labelledby="event-title">
      <header className="page-header">
        <h1 id="event-title" lang={title.lang}>
          {title.text}
        </h1>
        <EventTags event={event} />
      </header>
      <CancelledNotice event={event} />
      <EventDescription text={description.text} lang={description.lang} />
      <EventFacts event={event} />
      <RegistrationPanel event={event} />
      <FeedbackSection event={event} />
      <p className="actions">
        {event.status === 'published' ? (
          <a className="button button--secondary" href={eventIcsUrl(event.id)} download>
            {t('event.addToCalendar')}
          </a>
        ) : null}
        {event.canManage ? (
          <Link className="button button--secondary" to={adminEventPath(event.id)}>
            {t('event.manage')}
          </Link>
        ) : null}
      </p>
    </article>
  );
}
