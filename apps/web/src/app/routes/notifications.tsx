// The signed-in account's notifications: decisions on bookings, closures, new requests.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { useNotifications } from '../../features/notifications/api/get-notifications';
import { useMarkAllNotificationsRead } from '../../features/notifications/api/mark-read';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { useErrorMessage } from '../../lib/errors';
import { RequireSignIn } from '../guards';
import { PageTitle } from '../page-title';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  return (
    <RequireSignIn>
      <Notifications />
    </RequireSignIn>
  );
}

function Notifications() {
  const { t } = useTranslation('bookings');
  const errorMessage = useErrorMessage();
  const [offset, setOffset] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const notifications = useNotifications({ limit: PAGE_SIZE, offset });
  const markAll = useMarkAllNotificationsRead({
    onSuccess: () => setAnnouncement(t('notifications.allRead')),
  });
  const unread = notifications.data?.unread ?? 0;

  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <div className="page-header">
        <div>
          <h1>{t('notifications.title')}</h1>
          {notifications.data ? (
            <p className="lead" aria-live="polite">
              {t('notifications.unreadCount', { count: unread })}
            </p>
          ) : null}
        </div>
        {unread > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={markAll.isPending}
            aria-busy={markAll.isPending || undefined}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {markAll.error ? (
        <p className="error-summary" role="alert">
          {errorMessage(markAll.error)}
        </p>
      ) : null}
      {notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : notifications.data.items.length === 0 ? (
        <EmptyState>{t('notifications.empty')}</EmptyState>
      ) : (
        <>
          <NotificationList items={notifications.data.items} />
          <Pagination
            total={notifications.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
            label={t('notifications.pagination')}
          />
        </>
      )}
    </>
  );
}
