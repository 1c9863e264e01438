// One room, public: what it offers, its booking rules in plain words, its week (free, booked,
// closed), and calendar feeds to subscribe to. A member of a verified organisation can pick a
// time — by dragging across the calendar or with the keyboard form — to request it.
import { useQuery } from '@tanstack/react-query';
import type { Hub, Room } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../components/status';
import { RoomAvailability } from '../../features/bookings/components/room-availability';
import { QuickBookForm } from '../../features/bookings/components/quick-book-form';
import { bookPath } from '../../features/bookings/paths';
import { RoomRules } from '../../features/bookings/components/room-rules';
import { SubscribeLinks } from '../../features/bookings/components/subscribe-links';
import { useHub } from '../../features/hubs/api/get-hub';
import { useRoom } from '../../features/hubs/api/get-room';
import { DemoBadge } from '../../features/hubs/components/demo-badge';
import { RoomFacts } from '../../features/hubs/components/room-list';
import { myOrganizationsQueryOptions } from '../../features/organizations/api/get-my-organizations';
import { isApiError } from '../../lib/api-client';
import { useAuth } from '../../lib/auth';
import { localized } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { loginPathFor } from '../guards';
import { PageTitle } from '../page-title';

export function RoomPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['bookings', 'hubs']);
  const room = useRoom(id);
  const hub = useHub(room.data?.hubId ?? '');

  if (room.isPending) return <Loading />;
  if (room.isError) {
    const notFound =
      isApiError(room.error) && (room.error.status === 404 || room.error.code === 'validation_failed');
    return notFound ? (
      <>
        <PageTitle>{t('bookings:room.notFoundTitle')}</PageTitle>
        <p className="back-link">
          <Link to="/">← {t('hubs:hub.back')}</Link>
        </p>
        <h1>{t('bookings:room.notFoundTitle')}</h1>
        <p>{t('bookings:room.notFoundText')}</p>
      </>
    ) : (
      <ErrorState error={room.error} onRetry={() => void room.refetch()} />
    );
  }
  return <RoomView room={room.data} hub={hub.data} />;
}

function RoomView({ room, hub }: { room: Room; hub: Hub | undefined }) {
  const [params] = useSearchParams();
  // ?date=YYYY-MM-DD opens the calendar on that week (links from feeds and notifications).
  const initialDate = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const { t } = useTranslation(['bookings', 'hubs']);
  const locale = useLocale();
  const navigate = useNavigate();
  const { status, me } = useAuth();
  const signedIn = status === 'signed_in';
  const organizations = useQuery({ ...myOrganizationsQueryOptions(), enabled: signedIn });
  const verified = (organizations.data?.items ?? []).filter((o) => o.status === 'verified');
  const canBook = signedIn && verified.length > 0;
  const name = localized(room.name, locale);
  const hubName = hub ? localized(hub.name, locale) : '';
  const location = { pathname: `/rooms/${room.id}`, search: '' };

  return (
    <article className="room-page">
      <PageTitle>{hubName ? `${name} · ${hubName}` : name}</PageTitle>
      <p className="back-link">
        <Link to={`/hubs/${room.hubId}`}>← {hubName || t('hubs:hub.back')}</Link>
      </p>
      <header className="hub-page__header">
        <h1>{name}</h1>
        {room.isDemo ? <DemoBadge /> : null}
      </header>
      {/* Its line is kept while the hub's name loads, so the name arriving moves nothing below. */}
      <p className="lead">{hubName ? t('bookings:room.inHub', { hub: hubName }) : '\u00a0'}</p>

      <div className="hub-page__grid">
        <section aria-labelledby="room-facts-title">
          <h2 id="room-facts-title">{t('bookings:room.factsTitle')}</h2>
          <RoomFacts room={room} />
        </section>
        <section aria-labelledby="room-rules-title">
          <h2 id="room-rules-title">{t('bookings:rules.title')}</h2>
          <RoomRules rules={room.rules} />
        </section>
      </div>

      <section aria-labelledby="room-week-title">
        <h2 id="room-week-title">{t('bookings:availability.title')}</h2>
        <p className="muted">
          {canBook ? t('bookings:availability.dragHint') : t('bookings:availability.legend')}
        </p>
        {canBook ? (
          <QuickBookForm onSubmit={(pick) => void navigate(bookPath(room.id, pick))} />
        ) : signedIn ? (
          organizations.isPending ? null : (
            <p className="notice notice--warning">
              {t('bookings:room.needVerified')}{' '}
              <Link to="/my/organizations">{t('bookings:room.myOrganizations')}</Link>
            </p>
          )
        ) : status === 'signed_out' ? (
          <p className="notice">
            {t('bookings:room.signInToBook')}{' '}
            <Link to={loginPathFor(location)}>{t('bookings:room.signIn')}</Link>
          </p>
        ) : null}
        <RoomAvailability
          roomId={room.id}
          openingHours={hub?.openingHours}
          canBook={canBook}
          onPick={(pick) => void navigate(bookPath(room.id, pick))}
          onOpenBooking={me ? (bookingId) => void navigate(`/my/bookings/${bookingId}`) : undefined}
          initialDate={initialDate}
        />
      </section>

      <SubscribeLinks
        feeds={[
          { kind: 'room', id: room.id, name },
          ...(hub ? [{ kind: 'hub' as const, id: hub.id, name: hubName }] : []),
        ]}
      />
    </article>
  );
}
