// One event for the people who run it (mounted at /admin/events/:id): its facts, editing and
// cancelling it, the door list with check-in, and the feedback. A district administrator sees the
// facts and the feedback only.
import type { EventView } from '@vcentri/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useEvent } from '../../../features/events/api/get-event';
import { CancelEventDialog } from '../../../features/events/components/cancel-event-dialog';
import {
  CategoryTag,
  EventDemoBadge,
  EventStatusBadge,
} from '../../../features/events/components/event-badges';
import { CancelledNotice, EventFacts } from '../../../features/events/components/event-facts';
import { EventForm } from '../../../features/events/components/event-form';
import { FeedbackSummarySection } from '../../../features/events/components/feedback-summary';
import { RegistrantsSection } from '../../../features/events/components/registrants-section';
import { textIn } from '../../../features/events/labels';
import { eventPath } from '../../../features/events/paths';
import { isApiError } from '../../../lib/api-client';
import { administersDistrict, useAuth } from '../../../lib/auth';
import { NewSurveyLink } from '../../../features/surveys/components/new-survey-link';
import { useLocale } from '../../../lib/i18n';
import { loginPathFor, NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';

export function AdminEventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('events');
  const { status, me } = useAuth();
  const location = useLocation();
  const event = useEvent(id);
  const back = (
    <p className="back-link">
      <Link to="/admin/events">← {t('staff.title')}</Link>
    </p>
  );
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  if (event.isPending) return <Loading />;
  if (event.isError) {
    const notFound = isApiError(event.error) && (event.error.status === 404 || event.error.status === 400);
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageTitle>{t('event.notFoundTitle')}</PageTitle>
            <h1>{t('event.notFoundTitle')}</h1>
            <p>{t('event.notFoundText')}</p>
          </>
        ) : (
          <ErrorState error={event.error} onRetry={() => void event.refetch()} />
        )}
      </>
    );
  }
  const districtView = !event.data.canManage && administersDistrict(me);
  if (!event.data.canManage && !districtView) {
    return (
      <>
        {back}
        <NoAccess />
      </>
    );
  }
  return (
    <>
      {back}
      <StaffEvent event={event.data} />
    </>
  );
}

function StaffEvent({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [announcement, setAnnouncement] = useState(
    (location.state as { published?: boolean } | null)?.published ? t('staff.published') : '',
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = textIn(event.title, locale);
  const manageable = event.canManage && event.status === 'published';

  function done(message: string) {
    setEditing(false);
    setCancelOpen(false);
    setAnnouncement(message);
    headingRef.current?.focus();
  }

  return (
    <article className="staff-event" aria-labelledby="staff-event-title">
      <PageTitle>{title.text}</PageTitle>
      <header className="page-header">
        <h1 id="staff-event-title" tabIndex={-1} ref={headingRef} lang={title.lang}>
          {title.text}
        </h1>
        <p className="tag-list event-tags">
          <EventStatusBadge status={event.status} />
          <CategoryTag category={event.category} />
          {event.isDemo ? <EventDemoBadge /> : null}
        </p>
      </header>
      <SuccessNotice>{announcement}</SuccessNotice>
      <CancelledNotice event={event} />
      <EventFacts event={event} />
      <p className="actions">
        <Link to={eventPath(event.id)}>{t('staff.publicPage')}</Link>
        {event.canManage ? <NewSurveyLink scope="event" id={event.id} hubId={event.hubId} /> : null}
        {manageable && !editing ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setAnnouncement('');
                setEditing(true);
              }}
            >
              {t('staff.edit')}
            </button>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => setCancelOpen(true)}
            >
              {t('staff.cancel')}
            </button>
          </>
        ) : null}
      </p>
      {editing ? (
        <section className="card" aria-label={t('form.editTitle')}>
          <EventForm
            mode="edit"
            event={event}
            onSaved={() => done(t('staff.saved'))}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}
      <CancelEventDialog
        event={event}
        open={cancelOpen}
        onClose={() => setCancelOpen(false)}
        onDone={() => done(t('staff.cancelled'))}
      />
      {event.canManage ? <RegistrantsSection event={event} /> : null}
      <FeedbackSummarySection eventId={event.id} />
    </article>
  );
}
