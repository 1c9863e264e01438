// Query keys of bookings. Everything lives under ['bookings'] (availability too), so any change to
// a booking — created, decided, cancelled, moved, closed — refreshes every list and calendar.
export const BOOKINGS_KEY = ['bookings'] as const;

export const bookingKeys = {
  all: BOOKINGS_KEY,
  list: (query: object) => [...BOOKINGS_KEY, 'list', query] as const,
  detail: (id: string) => [...BOOKINGS_KEY, 'detail', id] as const,
  alternatives: (id: string) => [...BOOKINGS_KEY, 'alternatives', id] as const,
  availability: (roomId: string, from: string, to: string) =>
    [...BOOKINGS_KEY, 'availability', roomId, from, to] as const,
  stats: (query: object) => [...BOOKINGS_KEY, 'stats', query] as const,
};
