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
import { lockCityAdmins, lockCoOwners } from '../users/users.repository';
import { lockProfile } from '../volunteering/signups';
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

/** A kind of list a person holds or waits for a place on (an event's registrations, a shift's sign-ups). */
interface PlaceLists {
  /** The future lists where the person holds or waits for a place, locked in id order. */
  lock(trx: Database, userId: string, now: Date): Promise<string[]>;
  /** Cancels the person's places on those lists; returns how many. */
  cancel(trx: Database, userId: string, listIds: string[], now: Date): Promise<number>;
  /** Moves the waiting people into free places (and renumbers the rest). */
  fill(trx: Database, listId: string): Promise<void>;
  /** What the organisers are told about, and who they are. */
  about(
    trx: Database,
    listId: string,
  ): Promise<{ title: { uk: string; en: string }; to: string[]; link: string; data: Record<string, string> }>;
}

const EVENT_LISTS: PlaceLists = {
  lock: async (trx, userId, now) =>
    (
      await trx
        .selectFrom('events as e')
        .select('e.id')
        .where('e.startsAt', '>', now)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('eventRegistrations as x')
              .select('x.id')
              .whereRef('x.eventId', '=', 'e.id')
              .where('x.userId', '=', userId)
              .where('x.status', 'in', ['confirmed', 'waitlisted']),
          ),
        )
        .orderBy('e.id')
        .forUpdate()
        .execute()
    ).map((r) => r.id),
  cancel: async (trx, userId, eventIds, now) =>
    (
      await trx
        .updateTable('eventRegistrations')
        .set({ status: 'cancelled', position: null, cancelledAt: now })
        .where('userId', '=', userId)
        .where('eventId', 'in', eventIds)
        .where('status', 'in', ['confirmed', 'waitlisted'])
        .returning('id')
        .execute()
    ).length,
  fill: fillEventPlaces,
  about: async (trx, eventId) => {
    const ev = await trx
      .selectFrom('events as e')
      .innerJoin('bookings as b', 'b.id', 'e.bookingId')
      .select(['e.titleUk', 'e.titleEn', 'b.organizationId', 'e.createdBy'])
      .where('e.id', '=', eventId)
      .executeTakeFirstOrThrow();
    return {
      title: { uk: ev.titleUk, en: ev.titleEn },
      to: await organisers(trx, ev.organizationId, ev.createdBy),
      link: `/my/events/${eventId}`,
      data: { eventId },
    };
  },
};

const SHIFT_LISTS: PlaceLists = {
  lock: async (trx, userId, now) =>
    (
      await trx
        .selectFrom('volunteerShifts as s')
        .select('s.id')
        .where('s.startsAt', '>', now)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('volunteerSignups as x')
              .select('x.id')
              .whereRef('x.shiftId', '=', 's.id')
              .where('x.userId', '=', userId)
              .where('x.status', 'in', ['confirmed', 'waitlisted']),
          ),
        )
        .orderBy('s.id')
        .forUpdate()
        .execute()
    ).map((r) => r.id),
  cancel: async (trx, userId, shiftIds, now) =>
    (
      await trx
        .updateTable('volunteerSignups')
        .set({ status: 'cancelled', position: null, cancelledAt: now })
        .where('userId', '=', userId)
        .where('shiftId', 'in', shiftIds)
        .where('status', 'in', ['confirmed', 'waitlisted'])
        .returning('id')
        .execute()
    ).length,
  fill: fillShiftPlaces,
  about: async (trx, shiftId) => {
    const shift = await trx
      .selectFrom('volunteerShifts as s')
      .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
      .select(['p.id as programId', 'p.titleUk', 'p.titleEn', 'p.organizationId', 'p.createdBy'])
      .where('s.id', '=', shiftId)
      .executeTakeFirstOrThrow();
    return {
      title: { uk: shift.titleUk, en: shift.titleEn },
      to: await organisers(trx, shift.organizationId, shift.createdBy),
      link: `/admin/volunteering/programs/${shift.programId}`,
      data: { shiftId },
    };
  },
};

/**
 * Leaves every future list of one kind: the lists locked first (the order registering and
 * cancelling take, so erasure never waits on them the other way round), the places cancelled, the
 * lists filled and the organisers told. Returns how many places were cancelled.
 */
async function leaveFutureLists(
  trx: Database,
  userId: string,
  now: Date,
  lists: PlaceLists,
): Promise<number> {
  const ids = await lists.lock(trx, userId, now);
  if (ids.length === 0) return 0;
  const cancelled = await lists.cancel(trx, userId, ids, now);
  for (const id of ids) {
    await lists.fill(trx, id);
    const { title, to, link, data } = await lists.about(trx, id);
    await tellOrganisers(trx, to, title, link, data);
  }
  return cancelled;
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
    // The volunteer profile next, as signing up and withdrawing lock it before a shift: taken in
    // the same order, erasure and a sign-up change of the same person never wait on each other.
    await lockProfile(trx, userId);

    // An organisation must keep an owner: the only owner hands ownership over first. Its owners'
    // grants are locked before they are counted, so co-owners leaving at once take turns.
    await lockCoOwners(trx, userId);
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
    const cityAdmins = await lockCityAdmins(trx);
    if (cityAdmins.includes(userId) && cityAdmins.every((id) => id === userId))
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
    // Future places on events and shifts: cancelled as a cancellation is, the next person waiting
    // moves up, the organisers are told.
    const registrations = await leaveFutureLists(trx, userId, now, EVENT_LISTS);
    const signups = await leaveFutureLists(trx, userId, now, SHIFT_LISTS);

    // Rows that are only the person's: gone.
    for (const table of [
      'refreshTokens',
      'notifications',
      'consentRecords',
      'dataExports',
      'volunteerProfiles',
      'volunteerBriefingAcks',
      'roleGrants',
      'surveyInvitees',
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
        cancelledRegistrations: registrations,
        cancelledSignups: signups,
      },
    });
  });
}
