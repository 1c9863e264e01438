// Addresses of the events' iCalendar files: the feed of the public calendar (with the chosen
// filters, for calendar applications to subscribe to) and one event's file.
import { API_BASE } from '../../lib/api-client';

export interface FeedFilters {
  hubId?: string;
  district?: string;
  category?: string;
}

/** The absolute address of the events feed: calendar applications fetch it on their own. */
export function eventsFeedUrl(filters: FeedFilters, origin = window.location.origin): string {
  const params = new URLSearchParams();
  for (const key of ['hubId', 'district', 'category'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `${origin}${API_BASE}/events/calendar.ics${search ? `?${search}` : ''}`;
}

export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, 'webcal://');
}

export function eventIcsUrl(id: string): string {
  return `${API_BASE}/events/${encodeURIComponent(id)}/calendar.ics`;
}

export function eventPath(id: string): string {
  return `/events/${encodeURIComponent(id)}`;
}

export function adminEventPath(id: string): string {
  return `/admin/events/${encodeURIComponent(id)}`;
}
