// Addresses of the volunteering pages.
export const VOLUNTEERING_PATH = '/volunteering';
export const MY_VOLUNTEERING_PATH = '/my/volunteering';
export const VOLUNTEER_PROFILE_PATH = '/my/volunteering/profile';

export function programPath(id: string): string {
  return `/volunteering/programs/${encodeURIComponent(id)}`;
}

/** The element id of a shift on its program's page, to link or move focus to it. */
export function shiftAnchor(id: string): string {
  return `shift-${id}`;
}
