// The public events calendar (month, week, list): the shared Kyiv-time calendar, fed with the
// events of whatever range it shows and the chosen hub, district and category. An event opens its
// page. FullCalendar itself is downloaded only when this view is first shown.
import type { EventListQuery } from '@vcentri/shared';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Calendar, type CalendarEvent } from '../../../components/calendar';
import { ErrorState } from '../../../components/status';
import { useLocale } from '../../../lib/i18n';
import type { InstantRange } from '../../../lib/kyiv-dates';
import { useEvents } from '../api/get-events';
import type { EventFilterValues } from '../filters';
import { categoryLabel, textIn } from '../labels';
import { eventPath } from '../paths';

interface EventsCalendarProps {
  filters: Pick<EventFilterValues, 'hubId' | 'district' | 'category'>;
  /** Kyiv date to open on; today otherwise. */
  initialDate?: string;
}

export function EventsCalendar({ filters, initialDate }: EventsCalendarProps) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const navigate = useNavigate();
  const [range, setRange] = useState<InstantRange | null>(null);
  const query: EventListQuery = {
    from: range?.from.toISOString(),
    to: range?.to.toISOString(),
    ...(filters.hubId ? { hubId: filters.hubId } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    limit: 500,
  };
  const events = useEvents(query, { enabled: range !== null });

  const onRangeChange = useCallback(
    (next: InstantRange) =>
      setRange((current) =>
        current &&
        current.from.getTime() === next.from.getTime() &&
        current.to.getTime() === next.to.getTime()
          ? current
          : next,
      ),
    [],
  );
  const onEventClick = useCallback((id: string) => void navigate(eventPath(id)), [navigate]);

  const calendarEvents = useMemo<CalendarEvent[]>(
    () =>
      (events.data?.items ?? []).map((e) => ({
        id: e.id,
        start: e.start,
        end: e.end,
        title: `${textIn(e.title, locale).text} · ${categoryLabel(e.category, locale)}`,
      })),
    [events.data, locale],
  );

  return (
    <div className="events-calendar" aria-busy={events.isFetching || undefined}>
      {events.isError ? (
        <ErrorState error={events.error} title={t('list.loadFailed')} onRetry={() => void events.refetch()} />
      ) : null}
      <Calendar
        label={t('calendar.label')}
        events={calendarEvents}
        views={['month', 'week', 'list']}
        initialView="month"
        initialDate={initialDate}
        onEventClick={onEventClick}
        onRangeChange={onRangeChange}
      />
      {events.data && events.data.total > events.data.items.length ? (
        <p className="muted">{t('calendar.truncated', { count: events.data.items.length })}</p>
      ) : null}
    </div>
  );
}
