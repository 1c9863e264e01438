// Addresses of booking screens, shared by the pages that link to them.
export interface TimePick {
  date: string;
  start: string;
  end: string;
}

/** The request form for a room, with a chosen time when there is one. */
export function bookPath(roomId: string, pick?: Partial<TimePick>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(pick ?? {})) if (value) params.set(key, value);
  const search = params.toString();
  return `/rooms/${roomId}/book${search ? `?${search}` : ''}`;
}
