// What there is to know about an event, as a description list: when (Kyiv time), where, who
// organises it, in which languages, for whom, accessibility, and places.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtName, formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { PlacesText } from './places';

export function useLanguageNames(): (codes: readonly string[]) => string {
  const { t } = useTranslation('events');
  return (codes) => codes.map((code) => t(`languages.${code}`, { defaultValue: code })).join(', ');
}

export function EventFacts({ event, links = true }: { event: EventView; links?: boolean }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const languageNames = useLanguageNames();
  const hub = localized(event.hubName, locale);
  const room = localized(event.roomName, locale);
  return (
    <dl className="facts facts--wide event-facts">
      <div>
        <dt>{t('fields.when')}</dt>
        <dd>
          <time dateTime={event.start}>{formatInterval(event.start, event.end, locale)}</time>{' '}
          <span className="muted">{t('fields.kyivTime')}</span>
        </dd>
      </div>
      <div>
        <dt>{t('fields.where')}</dt>
        <dd>
          {links ? (
            <>
              <Link to={`/hubs/${event.hubId}`}>{hub}</Link>,{' '}
              <Link to={`/rooms/${event.roomId}`}>{room}</Link>
            </>
          ) : (
            `${hub}, ${room}`
          )}
        </dd>
      </div>
      <div>
        <dt>{t('fields.address')}</dt>
        <dd>{localized(event.address, locale)}</dd>
      </div>
      <div>
        <dt>{t('fields.district')}</dt>
        <dd>{districtName(event.district, locale)}</dd>
      </div>
      <div>
        <dt>{t('fields.organizer')}</dt>
        <dd>{localized(event.organizationName, locale)}</dd>
      </div>
      {event.languages.length ? (
        <div>
          <dt>{t('fields.languages')}</dt>
          <dd>{languageNames(event.languages)}</dd>
        </div>
      ) : null}
      {event.audience ? (
        <div>
          <dt>{t('fields.audience')}</dt>
          <dd>{event.audience}</dd>
        </div>
      ) : null}
      {event.accessibilityNotes ? (
        <div>
          <dt>{t('fields.accessibility')}</dt>
          <dd className="prose">{event.accessibilityNotes}</dd>
        </div>
      ) : null}
      {event.status === 'published' ? (
        <div>
          <dt>{t('fields.places')}</dt>
          <dd data-testid="event-places">
            <PlacesText event={event} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The description in the UI language (or the other one); line breaks are kept. */
export function EventDescription({ text, lang }: { text: string; lang?: string }) {
  if (!text.trim()) return null;
  return (
    <div className="prose event-description" lang={lang}>
      {text.trim()}
    </div>
  );
}

export function CancelledNotice({ event }: { event: Pick<EventView, 'status' | 'cancelReason'> }) {
  const { t } = useTranslation('events');
  if (event.status !== 'cancelled') return null;
  return (
    <div className="notice notice--danger event-cancelled" data-testid="event-cancelled">
      <p>
        <strong>{t('cancelled.title')}</strong>
      </p>
      {event.cancelReason ? <p>{t('cancelled.reason', { reason: event.cancelReason })}</p> : null}
    </div>
  );
}
