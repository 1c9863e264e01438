// Requesting a room: the request form, opened from the room page with the chosen time (the
// calendar's selection or the keyboard form) in the address.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { BookingRequestForm } from '../../features/bookings/components/booking-request-form';
import { RoomRules } from '../../features/bookings/components/room-rules';
import { useHub } from '../../features/hubs/api/get-hub';
import { useRoom } from '../../features/hubs/api/get-room';
import { myOrganizationsQueryOptions } from '../../features/organizations/api/get-my-organizations';
import { organizationName } from '../../features/organizations/labels';
import { localized } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { isLocalDate, isLocalTime } from '../../lib/kyiv-dates';
import { RequireSignIn } from '../guards';
import { PageTitle } from '../page-title';

export function RoomBookPage() {
  return (
    <RequireSignIn>
      <RoomBook />
    </RequireSignIn>
  );
}

function RoomBook() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation(['bookings', 'hubs']);
  const locale = useLocale();
  const room = useRoom(id);
  const hub = useHub(room.data?.hubId ?? '');
  const organizations = useQuery(myOrganizationsQueryOptions());

  if (room.isPending || organizations.isPending) return <Loading />;
  if (room.isError) return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  if (organizations.isError)
    return <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />;

  const roomName = localized(room.data.name, locale);
  const hubName = hub.data ? localized(hub.data.name, locale) : '';
  const verified = organizations.data.items
    .filter((o) => o.status === 'verified')
    .map((o) => ({ id: o.id, name: organizationName(o, locale) }));
  const pick = (key: string, valid: (v: string | null) => boolean) => {
    const value = params.get(key);
    return valid(value) ? (value as string) : undefined;
  };

  return (
    <>
      <PageTitle>{t('bookings:form.pageTitle', { room: roomName })}</PageTitle>
      <p className="back-link">
        <Link to={`/rooms/${room.data.id}`}>← {roomName}</Link>
      </p>
      <h1>{t('bookings:form.pageTitle', { room: roomName })}</h1>
      {hubName ? <p className="lead">{t('bookings:room.inHub', { hub: hubName })}</p> : null}
      <details className="rules-details">
        <summary>{t('bookings:rules.title')}</summary>
        <RoomRules rules={room.data.rules} />
      </details>
      {verified.length === 0 ? (
        <EmptyState>
          {t('bookings:room.needVerified')}{' '}
          <Link to="/my/organizations">{t('bookings:room.myOrganizations')}</Link>
        </EmptyState>
      ) : (
        <BookingRequestForm
          room={room.data}
          organizations={verified}
          initial={{
            date: pick('date', isLocalDate),
            start: pick('start', isLocalTime),
            end: pick('end', isLocalTime),
          }}
        />
      )}
    </>
  );
}
