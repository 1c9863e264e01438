// Query keys of the registry. Everything lives under ['organizations'], so a change to one
// organisation (an edit, a status move, a member) can refresh every list and page that shows it.
export const ORGANIZATIONS_KEY = ['organizations'] as const;

export const organizationKeys = {
  all: ORGANIZATIONS_KEY,
  search: (query: object) => [...ORGANIZATIONS_KEY, 'search', query] as const,
  detail: (id: string) => [...ORGANIZATIONS_KEY, 'detail', id] as const,
  mine: () => [...ORGANIZATIONS_KEY, 'mine'] as const,
  history: (id: string) => [...ORGANIZATIONS_KEY, 'history', id] as const,
  members: (id: string) => [...ORGANIZATIONS_KEY, 'members', id] as const,
  moderation: (query: object) => [...ORGANIZATIONS_KEY, 'moderation', query] as const,
};
