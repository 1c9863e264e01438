// The `events` translations. The portal's i18n setup can list them with the other namespaces;
// until it does, the events pages add them themselves when their code loads.
import type { i18n as I18n } from 'i18next';
import { i18n as appI18n } from '../../lib/i18n';
import enEvents from '../../locales/en/events.json';
import ukEvents from '../../locales/uk/events.json';

export const EVENTS_NAMESPACE = 'events';

export const eventsResources = { uk: ukEvents, en: enEvents } as const;

/** Adds the `events` bundles (Ukrainian and English) to an i18next instance, the app's by default. */
export function registerEventsI18n(instance: I18n = appI18n): void {
  for (const lng of ['uk', 'en'] as const) {
    if (!instance.hasResourceBundle(lng, EVENTS_NAMESPACE)) {
      instance.addResourceBundle(lng, EVENTS_NAMESPACE, eventsResources[lng], true, true);
    }
  }
}
