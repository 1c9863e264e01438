// Cancelling events and telling their registrants: used when an event is cancelled and when the
// booking that holds it is cancelled (so bookings need not import the events service).
import { kyivText } from '@vcentri/shared';
import type { Database } from '../../db/database';
import { insertNotification } from '../bookings/bookings.repository';

/** Cancels events (of a booking, or one event) and tells every registrant, inside `trx`. */
export async function cancelEvents(trx: Database, eventIds: string[], reason: string | null) {
  if (eventIds.length === 0) return;
  await trx
    .updateTable('events')
    .set({ status: 'cancelled', cancelReason: reason, updatedAt: new Date() })
    .where('id', 'in', eventIds)
    .execute();
  const people = await trx
    .selectFrom('eventRegistrations as x')
    .innerJoin('events as e', 'e.id', 'x.eventId')
    .select(['x.userId', 'e.id', 'e.titleUk', 'e.titleEn', 'e.startsAt'])
    .where('x.eventId', 'in', eventIds)
    .where('x.status', '!=', 'cancelled')
    .execute();
  for (const r of people) {
    await insertNotification(trx, {
      userId: r.userId,
      kind: 'event.cancelled',
      title: { uk: `Подію скасовано: ${r.titleUk}`, en: `Event cancelled: ${r.titleEn}` },
      body: {
        uk: `${kyivText(r.startsAt, 'uk')}.${reason ? ` Причина: ${reason}` : ''}`,
        en: `${kyivText(r.startsAt, 'en')}.${reason ? ` Reason: ${reason}` : ''}`,
      },
      link: `/events/${r.id}`,
      data: { eventId: r.id },
    });
  }
}
