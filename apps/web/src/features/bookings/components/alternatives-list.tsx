// Free rooms for a disrupted booking's time — same hub first, then the nearest — each with a
// one-click move. If someone takes the room first (409), the list is read again and says so.
import type { Booking } from '@vcentri/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { errorCodeOf } from '../../../lib/errors';
import { formatDecimal, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useAlternatives, useMoveBooking } from '../api/alternatives';
import { useBookingErrorMessage } from '../labels';

interface AlternativesListProps {
  booking: Booking;
  onMoved(booking: Booking, where: string): void;
}

export function AlternativesList({ booking, onMoved }: AlternativesListProps) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const errorMessage = useBookingErrorMessage();
  const alternatives = useAlternatives(booking.id);
  const [problem, setProblem] = useState('');
  const [movingTo, setMovingTo] = useState<string | null>(null);
  // Where the booking is going, for the message once it got there.
  const destination = useRef('');
  const move = useMoveBooking({
    onSuccess: (moved) => onMoved(moved, destination.current),
    onError: (error) =>
      setProblem(errorCodeOf(error) === 'booking_conflict' ? t('alternatives.taken') : errorMessage(error)),
  });
  const headingId = `alternatives-${booking.id}`;

  return (
    <section className="alternatives" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('alternatives.title')}</h3>
      <p className="alternatives__problem" role="alert">
        {problem}
      </p>
      {alternatives.isPending ? (
        <Loading />
      ) : alternatives.isError ? (
        <ErrorState error={alternatives.error} onRetry={() => void alternatives.refetch()} />
      ) : alternatives.data.items.length === 0 ? (
        <EmptyState>{t('alternatives.none')}</EmptyState>
      ) : (
        <ul className="alternative-list" aria-busy={alternatives.isFetching || undefined}>
          {alternatives.data.items.map((a) => {
            const room = localized(a.roomName, locale);
            const hub = localized(a.hubName, locale);
            const where = t('alternatives.where', { room, hub });
            return (
              <li key={a.roomId} className="alternative">
                <div>
                  <p className="alternative__name">
                    <Link to={`/rooms/${a.roomId}`}>{room}</Link>, {hub}
                  </p>
                  <p className="muted">
                    {t('alternatives.capacity', { count: a.capacity })}
                    {' · '}
                    {a.sameHub
                      ? t('alternatives.sameHub')
                      : t('alternatives.distance', { km: formatDecimal(a.distanceKm, locale) })}
                    {a.requiresApproval ? ` · ${t('alternatives.needsApproval')}` : ''}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button--small"
                  disabled={move.isPending}
                  aria-busy={(move.isPending && movingTo === a.roomId) || undefined}
                  onClick={() => {
                    setProblem('');
                    setMovingTo(a.roomId);
                    destination.current = where;
                    move.mutate({ id: booking.id, roomId: a.roomId });
                  }}
                >
                  {t('alternatives.move')}
                  <span className="visually-hidden">: {where}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
