// Small labels of an event: its category, a cancelled event, demo data.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { categoryLabel } from '../labels';

export function CategoryTag({ category }: { category: string }) {
  const locale = useLocale();
  return <span className="tag">{categoryLabel(category, locale)}</span>;
}

export function EventStatusBadge({ status }: { status: EventView['status'] }) {
  const { t } = useTranslation('events');
  return (
    <span
      className={`badge badge--booking badge--booking-${status === 'cancelled' ? 'cancelled' : 'confirmed'}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}

export function EventDemoBadge() {
  const { t } = useTranslation('events');
  return (
    <span className="badge badge--demo" title={t('demoHint')}>
      {t('demo')}
    </span>
  );
}

/** The event's labels in one line: category, then cancelled and demo when they apply. */
export function EventTags({ event }: { event: Pick<EventView, 'category' | 'status' | 'isDemo'> }) {
  return (
    <p className="tag-list event-tags">
      <CategoryTag category={event.category} />
      {event.status === 'cancelled' ? <EventStatusBadge status="cancelled" /> : null}
      {event.isDemo ? <EventDemoBadge /> : null}
    </p>
  );
}
