// Query keys of events. Everything lives under ['events'], so a change (published, edited,
// cancelled, a registration, a check-in) can refresh every list and page that shows it.
export const EVENTS_KEY = ['events'] as const;

export const eventKeys = {
  all: EVENTS_KEY,
  list: (query: object) => [...EVENTS_KEY, 'list', query] as const,
  /** One event as a viewer sees it: their own registration is part of the answer. */
  detail: (id: string, viewer: string) => [...EVENTS_KEY, 'detail', id, viewer] as const,
  staff: (scopes: object) => [...EVENTS_KEY, 'staff', scopes] as const,
  registrants: (id: string, q: string) => [...EVENTS_KEY, 'registrants', id, q] as const,
  allRegistrants: (id: string) => [...EVENTS_KEY, 'registrants', id] as const,
  feedback: (id: string) => [...EVENTS_KEY, 'feedback', id] as const,
  bookable: (scopes: object) => [...EVENTS_KEY, 'bookable', scopes] as const,
};
