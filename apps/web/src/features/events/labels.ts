// Events in words: categories carry their Ukrainian and English names in the shared contract;
// languages, statuses and the rest come from the `events` namespace.
import { EVENT_CATEGORIES, type EventCategory, type EventView, type Locale } from '@vcentri/shared';

export function categoryLabel(category: string, locale: Locale): string {
  return Object.hasOwn(EVENT_CATEGORIES, category)
    ? EVENT_CATEGORIES[category as EventCategory][locale]
    : category;
}

/** Whether an event has started (registration closes then; feedback opens). */
export function hasStarted(event: Pick<EventView, 'start'>, now = Date.now()): boolean {
  return Date.parse(event.start) <= now;
}

export { textIn } from '../../lib/format';
