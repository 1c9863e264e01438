// Erasing an account, in one transaction, as the registry of personal data (personal-data.ts)
// says: the account's row stays as an empty tombstone (so bookings, attendance and hours keep
// their reference), every personal field of the person is emptied or their rows deleted, future
// registrations and shift sign-ups are cancelled the way a cancellation is (waiting lists move
// up, organisers and coordinators are told), and the public record stays without the person.
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { conflict, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { insertNotification, organizationPeople } from '../bookings/bookings.repository';
import { fillPlaces as fillEventPlaces } from '../events/events.service';
import { fillPlaces as fillShiftPlaces } from '../volunteering/volunteering.repository';

export interface Eraser {
  /** Who erases: the person, a city admin acting on a written request, or null: the retention job. */
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  reason?: string;
}

/** The erased account's e-mail: unique (the column is), and at a domain that can never exist. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
/** Not a hash any password matches: argon2 refuses to verify it. */
export const ERASED_PASSWORD_HASH = '!erased';

/** Who is told that a participant left: the organisation's people, else whoever made the thing. */
async function organisers(trx: Database, organizationId: string | null, createdBy: string | null) {
  if (organizationId) return organizationPeople(trx, organizationId);
  return createdBy ? [createdBy] : [];
}

async function tellOrganisers(
  trx: Database,
  to: string[],
  what: { uk: string; en: string },
  link: string,
  data: Record<string, unknown>,
) {
  for (const userId of new Set(to))
    await insertNotification(trx, {
      userId,
      kind: 'privacy.participant_left',
      title: {
        uk: `Учасник видалив обліковий запис: ${what.uk}`,
        en: `A participant deleted their account: ${what.en}`,
      },
      body: {
        uk: 'Їхню реєстрацію скасовано; місце перейшло до наступного в черзі, якщо такий є.',
        en: 'Their place was cancelled and went to the next person waiting, if any.',
      },
      link,
      data,
    });
}

export async function eraseAccount(db: Database, userId: string, by: Eraser): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'erasedAt'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user || user.erasedAt) throw notFound('No such account.');

    // An organisation must keep an owner: the only owner hands ownership over first.
    const orphaned = await trx
      .selectFrom('roleGrants as g')
      .select('g.organizationId')
      .where('g.userId', '=', userId)
      .where('g.role', '=', 'ngo_owner')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('roleGrants as other')
              .select('other.id')
              .whereRef('other.organizationId', '=', 'g.organizationId')
              .where('other.role', '=', 'ngo_owner')
              .where('other.userId', '!=', userId),
          ),
        ),
      )
      .execute();
    const lastCityAdmin = await trx
      .selectFrom('roleGrants')
      .select(sql<number>`count(*) filter (where user_id <> ${userId})::int`.as('others'))
      .select(sql<number>`count(*) filter (where user_id = ${userId})::int`.as('mine'))
      .where('role', '=', 'city_admin')
      .executeTakeFirstOrThrow();
    if (lastCityAdmin.mine > 0 && lastCityAdmin.others === 0)
      throw conflict(
        'last_city_admin',
        'The account is the last city administrator; grant the role to someone else first.',
      );
    if (orphaned.length > 0)
      throw conflict(
        'owner_must_transfer',
        'The account is the only owner of an organisation; hand ownership over to another member first.',
        { organizationIds: orphaned.map((o) => o.organizationId) },
      );

    const now = new Date();
    // Future event registrations: cancelled as a cancellation is, the next person waiting moves up.
    const registrations = await trx
      .updateTable('eventRegistrations as x')
      .set({ status: 'cancelled', position: null, cancelledAt: now })
      .from('events as e')
      .whereRef('e.id', '=', 'x.eventId')
      .where('x.userId', '=', userId)
      .where('x.status', 'in', ['confirmed', 'waitlisted'])
      .where('e.startsAt', '>', now)
      .returning(['x.eventId', 'x.status'])
      .execute();
    for (const eventId of new Set(registrations.map((r) => r.eventId))) {
      await sql`select 1 from events where id = ${eventId} for update`.execute(trx);
      await fillEventPlaces(trx, eventId);
      const ev = await trx
        .selectFrom('events as e')
        .innerJoin('bookings as b', 'b.id', 'e.bookingId')
        .select(['e.titleUk', 'e.titleEn', 'b.organizationId', 'e.createdBy'])
        .where('e.id', '=', eventId)
        .executeTakeFirstOrThrow();
      await tellOrganisers(
        trx,
        await organisers(trx, ev.organizationId, ev.createdBy),
        { uk: ev.titleUk, en: ev.titleEn },
        `/my/events/${eventId}`,
        { eventId },
      );
    }

    // Future shift sign-ups: the same, for volunteer shifts.
    const signups = await trx
      .updateTable('volunteerSignups as x')
      .set({ status: 'cancelled', position: null, cancelledAt: now })
      .from('volunteerShifts as s')
      .whereRef('s.id', '=', 'x.shiftId')
      .where('x.userId', '=', userId)
      .where('x.status', 'in', ['confirmed', 'waitlisted'])
      .where('s.startsAt', '>', now)
      .returning(['x.shiftId'])
      .execute();
    for (const shiftId of new Set(signups.map((r) => r.shiftId))) {
      await sql`select 1 from volunteer_shifts where id = ${shiftId} for update`.execute(trx);
      await fillShiftPlaces(trx, shiftId);
      const shift = await trx
        .selectFrom('volunteerShifts as s')
        .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
        .select(['p.id as programId', 'p.titleUk', 'p.titleEn', 'p.organizationId', 'p.createdBy'])
        .where('s.id', '=', shiftId)
        .executeTakeFirstOrThrow();
      await tellOrganisers(
        trx,
        await organisers(trx, shift.organizationId, shift.createdBy),
        { uk: shift.titleUk, en: shift.titleEn },
        `/admin/volunteering/programs/${shift.programId}`,
        { shiftId },
      );
    }

    // Rows that are only the person's: gone.
    for (const table of [
      'refreshTokens',
      'notifications',
      'consentRecords',
      'dataExports',
      'volunteerProfiles',
      'volunteerBriefingAcks',
      'roleGrants',
    ] as const)
      await trx.deleteFrom(table).where('userId', '=', userId).execute();
    await trx.deleteFrom('idempotencyKeys').where('scope', '=', `account:${userId}`).execute();
    await trx.deleteFrom('rateLimitCounters').where('key', 'like', `%account:${userId}`).execute();

    // Rows that stay in the public record: their personal fields emptied.
    await trx.updateTable('eventFeedback').set({ comment: '' }).where('userId', '=', userId).execute();
    await trx
      .updateTable('volunteerHours')
      .set({ description: '', reason: null })
      .where('userId', '=', userId)
      .execute();
    await trx
      .updateTable('auditLog')
      .set({ actorEmail: null, ip: null, details: '{}' })
      .where((eb) =>
        eb.or([eb('actorId', '=', userId), eb(sql`lower(actor_email)`, '=', user.email.toLowerCase())]),
      )
      .execute();
    // Log-in entries name the account tried by its e-mail.
    await trx
      .updateTable('auditLog')
      .set({ targetId: null })
      .where(sql`lower(target_id)`, '=', user.email.toLowerCase())
      .execute();
    await trx
      .updateTable('users')
      .set({
        email: erasedEmail(userId),
        name: '',
        passwordHash: ERASED_PASSWORD_HASH,
        emailOptOut: [],
        emailNotifications: false,
        erasedAt: now,
      })
      .where('id', '=', userId)
      .execute();

    await recordAudit(trx, {
      action: 'privacy.account_erased',
      actorId: by.actorId === userId ? null : by.actorId,
      actorEmail: by.actorId === userId ? null : by.actorEmail,
      targetType: 'user',
      targetId: userId,
      ip: by.actorId === userId ? null : by.ip,
      details: {
        byStaff: by.actorId !== userId,
        ...(by.reason ? { reason: by.reason } : {}),
        cancelledRegistrations: registrations.length,
        cancelledSignups: signups.length,
      },
    });
  });
}
