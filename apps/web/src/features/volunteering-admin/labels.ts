// Volunteering in words for coordinators: causes carry their names in the shared contract;
// statuses and the rest come from the `volunteeringAdmin` namespace.
import { type Locale, VOLUNTEER_CAUSES, type VolunteerCause } from '@vcentri/shared';

export function causeLabel(cause: string, locale: Locale): string {
  return Object.hasOwn(VOLUNTEER_CAUSES, cause) ? VOLUNTEER_CAUSES[cause as VolunteerCause][locale] : cause;
}

export const adminProgramPath = (id: string) => `/admin/volunteering/${encodeURIComponent(id)}`;
export const adminShiftPath = (id: string) => `/admin/volunteering/shifts/${encodeURIComponent(id)}`;
