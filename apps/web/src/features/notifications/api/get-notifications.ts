// The signed-in account's notifications, newest first, and the unread count. The count is polled
// every minute and refreshed whenever the window gets focus again.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Notification } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_POLL_MS = 60_000;

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

export interface NotificationQuery {
  unread?: boolean;
  limit?: number;
  offset?: number;
}

export const getNotifications = (query: NotificationQuery, signal?: AbortSignal) =>
  api.get<NotificationPage>('/me/notifications', { ...query }, signal);

export const notificationsQueryOptions = (query: NotificationQuery) =>
  queryOptions({
    queryKey: [...NOTIFICATIONS_KEY, 'list', query],
    queryFn: ({ signal }) => getNotifications(query, signal),
    placeholderData: keepPreviousData,
  });

export function useNotifications(query: NotificationQuery) {
  return useQuery(notificationsQueryOptions(query));
}

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: async ({ signal }) => (await getNotifications({ unread: true, limit: 1 }, signal)).unread,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...unreadCountQueryOptions(), enabled });
}
