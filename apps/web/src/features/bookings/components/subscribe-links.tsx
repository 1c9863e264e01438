// Calendar feeds a person can subscribe to (Google Calendar, Outlook, Thunderbird): the address
// to copy, a webcal:// link that opens the calendar application, and the file itself.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const id = useId();
  const [copied, setCopied] = useState('');
  const url = feedUrl(feed);
  const label = t(`subscribe.${feed.kind}Feed`, { name: feed.name });

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('subscribe.copied'));
    } catch {
      // No clipboard access (permissions, older browsers): select the text for a manual copy.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setCopied(t('subscribe.copyManually'));
    }
  }

  return (
    <div className="subscribe__feed">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="copy-field">
          <input id={id} type="url" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            {t('subscribe.copy')} <span className="visually-hidden">{label}</span>
          </button>
        </div>
      </div>
      <p className="actions">
        <a href={webcalUrl(url)}>{t('subscribe.webcal', { name: feed.name })}</a>
        <a href={url} download>
          {t('subscribe.download', { name: feed.name })}
        </a>
      </p>
      <p className="visually-hidden" role="status">
        {copied}
      </p>
    </div>
  );
}
