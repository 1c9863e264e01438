// What the rest of the portal needs from the events feature without loading its screens: the
// translations. The screens themselves are reached through the lazy routes.
export { EVENTS_NAMESPACE, eventsResources, registerEventsI18n } from './i18n';
