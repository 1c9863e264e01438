// The account's notifications in the UI language, newest first: unread ones marked, each with its
// link (opening it marks it read), mark-read one by one or all at once.
import type { Notification } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useMarkNotificationRead } from '../api/mark-read';

function kindKey(kind: string): string {
  return kind.replace(/\./g, '_');
}

export function NotificationList({ items }: { items: readonly Notification[] }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const markRead = useMarkNotificationRead();
  return (
    <ul className="notification-list" aria-label={t('notifications.listLabel')}>
      {items.map((n) => {
        const title = localized(n.title, locale);
        const titleId = `notification-${n.id}`;
        return (
          <li key={n.id}>
            <article
              className={n.read ? 'card notification' : 'card notification notification--unread'}
              aria-labelledby={titleId}
            >
              <p className="notification__meta">
                {n.read ? null : <span className="badge badge--unread">{t('notifications.unread')}</span>}{' '}
                <span className="badge badge--plain">
                  {t([`notificationKind.${kindKey(n.kind)}`, 'notificationKind.other'])}
                </span>{' '}
                <time dateTime={n.createdAt} className="muted">
                  {formatDateTime(n.createdAt, locale)}
                </time>
              </p>
              <h2 className="card__title" id={titleId}>
                {n.link?.startsWith('/') ? (
                  <Link to={n.link} onClick={() => !n.read && markRead.mutate(n.id)}>
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </h2>
              <p>{localized(n.body, locale)}</p>
              {n.read ? null : (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  disabled={markRead.isPending && markRead.variables === n.id}
                  onClick={() => markRead.mutate(n.id)}
                >
                  {t('notifications.markRead')}{' '}
                  <span className="visually-hidden">{t('notifications.markReadContext', { title })}</span>
                </button>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
