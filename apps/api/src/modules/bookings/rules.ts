// The booking rules, once: every path that puts a booking into a room (a request, a series, a
// move after a closure, a hub manager's book-and-publish) asks these functions, so no path can
// skip a rule. Callers that write run them inside their transaction after lockRooms, so the
// answer (the monthly quota above all) still holds when the row is written.
import {
  type BookingInput,
  type BookingPreview,
  type BookingProblemCode,
  expandRecurrence,
  fromKyiv,
  localMinutes,
  type OccurrenceResult,
  toKyiv,
} from '@vcentri/shared';
import type { Database } from '../../db/database';
import { AppError, forbidden } from '../../errors';
import type { Principal } from '../users/principal';
import {
  activeInRoom,
  loadHours,
  loadRoom,
  organizationHours,
  type RoomContext,
} from './bookings.repository';
import { withinOpeningHours } from './opening-hours';

export const STATUS_OF: Record<BookingProblemCode, number> = {
  outside_opening_hours: 400,
  too_short: 400,
  too_long: 400,
  lead_time: 400,
  too_far_ahead: 400,
  over_capacity: 400,
  quota_exceeded: 409,
  organization_not_verified: 409,
  room_closed: 409,
  booking_conflict: 409,
};

export const fmtLocal = (d: Date) => {
  const k = toKyiv(d);
  return `${k.date} ${k.time}`;
};

export interface OccurrenceProblem {
  code: BookingProblemCode;
  detail: string;
  conflicts: { start: string; end: string }[];
}

function problem(
  code: BookingProblemCode,
  detail: string,
  conflicts: { start: Date; end: Date }[] = [],
): OccurrenceProblem {
  return {
    code,
    detail,
    conflicts: conflicts.map((c) => ({ start: c.start.toISOString(), end: c.end.toISOString() })),
  };
}

/**
 * The problems of one occurrence as the answer to the whole request: the first names the status
 * and `code`; `problems` lists them all.
 */
export const occurrenceError = (issues: OccurrenceProblem[], extra: Record<string, unknown> = {}) => {
  const [first] = issues as [OccurrenceProblem, ...OccurrenceProblem[]];
  return new AppError(first.code, STATUS_OF[first.code], first.detail, undefined, {
    conflicts: first.conflicts,
    problems: issues,
    ...extra,
  });
};

export interface Occupancy {
  room: RoomContext;
  organizationId: string;
  attendees: number;
  start: Date;
  end: Date;
  now: Date;
  /** Hours per Kyiv month (YYYY-MM) already counted for earlier occurrences of the same request. */
  quota: Map<string, number>;
  /** A booking being moved: its own row neither clashes with nor counts against the new place. */
  excludeId?: string;
}

/**
 * Checks one occurrence against every rule of its room and returns every problem it has (empty
 * when it can be booked), most basic first: a person fixing a request sees all of them at once.
 * Only a bookable occurrence counts towards the monthly quota of the ones after it.
 */
export async function checkOccurrence(db: Database, o: Occupancy): Promise<OccurrenceProblem[]> {
  const { room, start, end, now } = o;
  const found: OccurrenceProblem[] = [];
  const minutes = localMinutes(start, end);
  if (o.attendees > room.capacity)
    found.push(problem('over_capacity', `The room holds ${room.capacity} people.`));
  if (minutes < room.minMinutes)
    found.push(problem('too_short', `Book at least ${room.minMinutes} minutes.`));
  if (minutes > room.maxMinutes) found.push(problem('too_long', `Book at most ${room.maxMinutes} minutes.`));
  if (start.getTime() < now.getTime() + room.leadMinutes * 60_000) {
    found.push(
      problem('lead_time', `Requests must come at least ${room.leadMinutes} minutes before the start.`),
    );
  }
  if (start.getTime() > now.getTime() + room.horizonDays * 86_400_000) {
    found.push(problem('too_far_ahead', `Book at most ${room.horizonDays} days ahead.`));
  }
  const local = toKyiv(start);
  const hours = await loadHours(db, room.hubId, local.date, local.date);
  if (!withinOpeningHours(start, end, hours))
    found.push(
      problem(
        'outside_opening_hours',
        `The hub is not open for all of ${fmtLocal(start)}–${toKyiv(end).time}.`,
      ),
    );
  const blockedEnd = new Date(end.getTime() + room.bufferMinutes * 60_000);
  const busy = await activeInRoom(db, room.id, start, blockedEnd, o.excludeId);
  const clashes = busy.filter((b) => b.start < blockedEnd && start < b.blockedEnd);
  const closures = clashes.filter((b) => b.kind === 'closure');
  const bookings = clashes.filter((b) => b.kind !== 'closure');
  if (closures.length) found.push(problem('room_closed', 'The room is closed at that time.', closures));
  if (bookings.length) found.push(problem('booking_conflict', 'The room is taken at that time.', bookings));
  if (room.monthlyQuotaHours !== null) {
    const month = local.date.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const held =
      o.quota.get(month) ??
      (await organizationHours(
        db,
        o.organizationId,
        room.id,
        fromKyiv(`${month}-01`, '00:00'),
        fromKyiv(`${next}-01`, '00:00'),
        o.excludeId,
      ));
    if (held + minutes / 60 > room.monthlyQuotaHours + 1e-9) {
      found.push(
        problem(
          'quota_exceeded',
          `The organisation may hold ${room.monthlyQuotaHours} hours a month in this room; it has ${held.toFixed(1)}.`,
        ),
      );
    }
    o.quota.set(month, found.length === 0 ? held + minutes / 60 : held);
  }
  return found;
}

/** What a booking in this room becomes for this caller: the hub's own staff need no approval. */
export const statusFor = (room: RoomContext, p: Principal): 'pending' | 'confirmed' =>
  room.requiresApproval && !p.managesHub(room.hubId) && !p.isCityAdmin() ? 'pending' : 'confirmed';

/** The room, after checking the caller may book it for a verified organisation. */
export async function bookingContext(
  db: Database,
  p: Principal,
  input: Pick<BookingInput, 'roomId' | 'organizationId'>,
): Promise<RoomContext> {
  const room = await loadRoom(db, input.roomId);
  if (!room)
    throw new AppError('not_found', 404, 'No such room.', [
      { path: '/roomId', code: 'not_found', message: 'No such room.' },
    ]);
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'status'])
    .where('id', '=', input.organizationId)
    .executeTakeFirst();
  const member = p.membershipOf(input.organizationId) !== null;
  if (!org || (!member && !p.isCityAdmin() && !p.managesHub(room.hubId))) {
    throw forbidden('You may book only for an organisation you belong to.');
  }
  if (org.status !== 'verified') {
    throw new AppError(
      'organization_not_verified',
      409,
      'Only organisations verified in the registry may book rooms.',
    );
  }
  return room;
}

/** The room, and every occurrence of the request checked against every rule. */
export async function checkRequest(
  db: Database,
  p: Principal,
  input: BookingInput,
  now: Date,
): Promise<{ room: RoomContext; preview: BookingPreview }> {
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (!(start < end))
    throw new AppError('invalid_interval', 400, 'The end must come after the start.', [
      { path: '/end', code: 'invalid_interval', message: 'The end must come after the start.' },
    ]);
  const occurrences = expandRecurrence(start, end, input.recurrence);
  if (occurrences.length === 0) throw emptySeries(input);
  const room = await bookingContext(db, p, input);
  const quota = new Map<string, number>();
  const results: OccurrenceResult[] = [];
  for (const o of occurrences) {
    const issues = await checkOccurrence(db, {
      room,
      organizationId: input.organizationId,
      attendees: input.attendees,
      start: o.start,
      end: o.end,
      now,
      quota,
    });
    results.push({
      date: o.date,
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      ok: issues.length === 0,
      code: issues[0]?.code ?? null,
      detail: issues[0]?.detail ?? null,
      conflicts: issues[0]?.conflicts ?? [],
      problems: issues,
    });
  }
  return { room, preview: { status: statusFor(room, p), occurrences: results } };
}

/** A series with no dates is a mistake in the request, not an empty success. */
function emptySeries(input: BookingInput): AppError {
  const until = input.recurrence?.until;
  const [path, code, message] =
    until !== undefined
      ? ['/recurrence/until', 'before_start', 'The last date comes before the first occurrence.']
      : ['/recurrence', 'required', 'Give the number of occurrences (count) or the last date (until).'];
  return new AppError('validation_failed', 400, `The series has no dates. ${message}`, [
    { path, code, message },
  ]);
}
