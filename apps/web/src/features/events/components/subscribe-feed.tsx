// The events feed for calendar applications (Google Calendar, Outlook, Thunderbird), with the
// chosen hub, district and category: a link to subscribe, the address to copy, and the file.
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/copy-field';
import { eventsFeedUrl, type FeedFilters, webcalUrl } from '../paths';

export function SubscribeFeed({ filters }: { filters: FeedFilters }) {
  const { t } = useTranslation('events');
  const url = eventsFeedUrl(filters);
  const filtered = !!(filters.hubId || filters.district || filters.category);

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
      <CopyField
        label={t('subscribe.address')}
        value={url}
        texts={{
          copy: t('subscribe.copy'),
          copied: t('subscribe.copied'),
          copyManually: t('subscribe.copyManually'),
        }}
      />
    </section>
  );
}
