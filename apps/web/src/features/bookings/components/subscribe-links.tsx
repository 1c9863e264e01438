// Calendar feeds a person can subscribe to (Google Calendar, Outlook, Thunderbird): the address
// to copy, a webcal:// link that opens the calendar application, and the file itself.
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/copy-field';
import { API_BASE } from '../../../lib/api-client';

export interface Feed {
  /** 'room' or 'hub' */
  kind: 'room' | 'hub';
  id: string;
  name: string;
}

export function feedUrl(feed: Pick<Feed, 'kind' | 'id'>, origin = window.location.origin): string {
  return `${origin}${API_BASE}/${feed.kind}s/${encodeURIComponent(feed.id)}/calendar.ics`;
}

export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, 'webcal://');
}

export function SubscribeLinks({ feeds }: { feeds: Feed[] }) {
  const { t } = useTranslation('bookings');
  return (
    <section className="card subscribe" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{t('subscribe.title')}</h2>
      <p>{t('subscribe.intro')}</p>
      {feeds.map((feed) => (
        <FeedLinks key={`${feed.kind}-${feed.id}`} feed={feed} />
      ))}
    </section>
  );
}

function FeedLinks({ feed }: { feed: Feed }) {
  const { t } = useTranslation('bookings');
  const url = feedUrl(feed);
  const label = t(`subscribe.${feed.kind}Feed`, { name: feed.name });

  return (
    <div className="subscribe__feed">
      <CopyField
        label={label}
        value={url}
        copyContext={label}
        texts={{
          copy: t('subscribe.copy'),
          copied: t('subscribe.copied'),
          copyManually: t('subscribe.copyManually'),
        }}
      />
      <p className="actions">
        <a href={webcalUrl(url)}>{t('subscribe.webcal', { name: feed.name })}</a>
        <a href={url} download>
          {t('subscribe.download', { name: feed.name })}
        </a>
      </p>
    </div>
  );
}
