// Query keys of the coordinator screens. Everything lives under ['volunteering-admin'], so a
// change (a program saved, shifts added, attendance, a decision on hours) refreshes every list.
export const VOLUNTEERING_ADMIN_KEY = ['volunteering-admin'] as const;

export const volunteeringAdminKeys = {
  all: VOLUNTEERING_ADMIN_KEY,
  programs: (query: object) => [...VOLUNTEERING_ADMIN_KEY, 'programs', query] as const,
  program: (id: string) => [...VOLUNTEERING_ADMIN_KEY, 'program', id] as const,
  shifts: (programId: string) => [...VOLUNTEERING_ADMIN_KEY, 'shifts', programId] as const,
  shift: (id: string) => [...VOLUNTEERING_ADMIN_KEY, 'shift', id] as const,
  roster: (shiftId: string) => [...VOLUNTEERING_ADMIN_KEY, 'roster', shiftId] as const,
  hours: (programId: string, query: object) =>
    [...VOLUNTEERING_ADMIN_KEY, 'hours', programId, query] as const,
  bookings: (organizationId: string) => [...VOLUNTEERING_ADMIN_KEY, 'bookings', organizationId] as const,
};
