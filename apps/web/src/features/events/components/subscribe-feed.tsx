// The events feed for calendar applications (Google Calendar, Outlook, Thunderbird), with the
// chosen hub, district and category: a link to subscribe, the address to copy, and the file.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventsFeedUrl, type FeedFilters, webcalUrl } from '../paths';

export function SubscribeFeed({ filters }: { filters: FeedFilters }) {
  const { t } = useTranslation('events');
  const inputId = useId();
  const [copied, setCopied] = useState('');
  const url = eventsFeedUrl(filters);
  const filtered = !!(filters.hubId || filters.district || filters.category);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('subscribe.copied'));
    } catch {
      // No clipboard access: select the address for a manual copy.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
      setCopied(t('subscribe.copyManually'));
    }
  }

  return (
    <section className="card subscribe" aria-labelledby="events-subscribe-title">
      <h2 id="events-subscribe-title">{t('subscribe.title')}</h2>
      <p>{filtered ? t('subscribe.introFiltered') : t('subscribe.intro')}</p>
      <p className="actions">
        <a className="button button--secondary" href={webcalUrl(url)} data-testid="events-feed-link">
          {t('subscribe.link')}
        </a>
        <a href={url} download>
          {t('subscribe.download')}
        </a>
      </p>
      <div className="field">
        <label htmlFor={inputId}>{t('subscribe.address')}</label>
        <div className="copy-field">
          <input id={inputId} type="url" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            {t('subscribe.copy')}
          </button>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {copied}
      </p>
    </section>
  );
}
