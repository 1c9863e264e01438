// Query keys of volunteering. Everything lives under ['volunteering'], so a sign-up, a withdrawal
// or an acknowledged briefing refreshes every list, program page and "my volunteering" that shows it.
export const VOLUNTEERING_KEY = ['volunteering'] as const;

export const volunteeringKeys = {
  all: VOLUNTEERING_KEY,
  programs: (query: object) => [...VOLUNTEERING_KEY, 'programs', query] as const,
  /** One program as a viewer sees it: whether they acknowledged its briefing is part of the answer. */
  program: (id: string, viewer: string) => [...VOLUNTEERING_KEY, 'program', id, viewer] as const,
  shifts: (query: object) => [...VOLUNTEERING_KEY, 'shifts', query] as const,
  shift: (id: string) => [...VOLUNTEERING_KEY, 'shift', id] as const,
  mine: (viewer: string) => [...VOLUNTEERING_KEY, 'mine', viewer] as const,
  profile: (viewer: string) => [...VOLUNTEERING_KEY, 'profile', viewer] as const,
};
