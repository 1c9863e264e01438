// Events for the people who run them (mounted at /admin/events): those of the account's hubs and
// organisations (a district administrator sees the district's), upcoming and past, and — for hub
// managers and organisation members — publishing a new one in a confirmed booking.
import type { EventView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { usePublishableBookings } from '../../../features/events/api/get-publishable-bookings';
import {
  canPublishEvents,
  hasEventScopes,
  type StaffScopes,
  staffScopesOf,
  useStaffEvents,
} from '../../../features/events/api/get-staff-events';
import { EventForm } from '../../../features/events/components/event-form';
import { StaffEventTable } from '../../../features/events/components/staff-event-table';
import { adminEventPath } from '../../../features/events/paths';
import { useAuth } from '../../../lib/auth';
import { loginPathFor, NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';

export function AdminEventsPage() {
  const { t } = useTranslation('events');
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  const scopes = staffScopesOf(me);
  if (!hasEventScopes(scopes)) {
    return (
      <>
        <PageTitle>{t('staff.title')}</PageTitle>
        <h1>{t('staff.title')}</h1>
        <NoAccess />
      </>
    );
  }
  return <StaffEvents scopes={scopes} />;
}

function StaffEvents({ scopes }: { scopes: StaffScopes }) {
  const { t } = useTranslation('events');
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const publishing = canPublishEvents(scopes) && params.get('publish') === '1';
  const events = useStaffEvents(scopes);

  function setPublishing(open: boolean) {
    const next = new URLSearchParams(params);
    if (open) next.set('publish', '1');
    else next.delete('publish');
    setParams(next);
  }

  const now = Date.now();
  const upcoming = events.events.filter((e) => Date.parse(e.end) > now);
  const past = events.events.filter((e) => Date.parse(e.end) <= now).reverse();

  return (
    <>
      <PageTitle>{t('staff.title')}</PageTitle>
      <h1>{t('staff.title')}</h1>
      <p className="lead">{t('staff.intro')}</p>
      {canPublishEvents(scopes) && !publishing ? (
        <p className="actions">
          <button type="button" className="button" onClick={() => setPublishing(true)}>
            {t('form.createTitle')}
          </button>
        </p>
      ) : null}
      {publishing ? (
        <PublishEvent
          scopes={scopes}
          onCancel={() => setPublishing(false)}
          onPublished={(event) => void navigate(adminEventPath(event.id), { state: { published: true } })}
        />
      ) : null}
      {events.status === 'pending' ? (
        <Loading label={t('staff.loading')} />
      ) : events.status === 'error' ? (
        <ErrorState error={events.error} onRetry={events.refetch} />
      ) : events.events.length === 0 ? (
        <EmptyState>{t('staff.empty')}</EmptyState>
      ) : (
        <>
          {upcoming.length ? (
            <StaffEventTable events={upcoming} caption={t('staff.upcoming', { count: upcoming.length })} />
          ) : (
            <EmptyState>{t('staff.noUpcoming')}</EmptyState>
          )}
          {past.length ? (
            <StaffEventTable events={past} caption={t('staff.past', { count: past.length })} />
          ) : null}
          <p className="muted">{t('staff.windowNote')}</p>
        </>
      )}
    </>
  );
}

function PublishEvent({
  scopes,
  onCancel,
  onPublished,
}: {
  scopes: StaffScopes;
  onCancel(): void;
  onPublished(event: EventView): void;
}) {
  const { t } = useTranslation('events');
  const bookings = usePublishableBookings(scopes);
  return (
    <div className="card publish-event">
      {bookings.status === 'pending' ? (
        <Loading label={t('form.loadingBookings')} />
      ) : bookings.status === 'error' ? (
        <ErrorState error={bookings.error} onRetry={bookings.refetch} />
      ) : bookings.bookings.length === 0 ? (
        <>
          <h2>{t('form.createTitle')}</h2>
          <EmptyState>{t('form.noBookings')}</EmptyState>
          <p className="actions">
            <Link to="/">{t('form.findRoom')}</Link>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('form.close')}
            </button>
          </p>
        </>
      ) : (
        <EventForm mode="create" bookings={bookings.bookings} onSaved={onPublished} onCancel={onCancel} />
      )}
    </div>
  );
}
