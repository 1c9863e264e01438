// How full an event is, in words: free places out of the capacity, the waiting list, or that no
// registration is needed.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';

type Places = Pick<EventView, 'registrationRequired' | 'placesLeft' | 'capacity' | 'waitlisted' | 'status'>;

export function usePlacesText(): (event: Places) => string {
  const { t } = useTranslation('events');
  return (event) => {
    if (!event.registrationRequired) return t('places.noRegistration', { count: event.capacity });
    if (event.placesLeft > 0) {
      const left = t('places.left', { count: event.placesLeft, capacity: event.capacity });
      return event.waitlisted > 0 ? `${left} ${t('places.waiting', { count: event.waitlisted })}` : left;
    }
    return event.waitlisted > 0
      ? `${t('places.full')} ${t('places.waiting', { count: event.waitlisted })}`
      : t('places.fullWaitlistOpen');
  };
}

export function PlacesText({ event }: { event: Places }) {
  const text = usePlacesText();
  return <>{text(event)}</>;
}
