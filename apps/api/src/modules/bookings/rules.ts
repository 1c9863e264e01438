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
  type BookingOrganization,
  loadHours,
  loadOccupancy,
  loadRoomFacts,
  type OccurrenceOccupancy,
  type OccurrenceSpan,
  type RoomContext,
} from './bookings.repository';
import { type HoursSource, withinOpeningHours } from './opening-hours';

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

/** The Kyiv month of an instant: its key (YYYY-MM) and its [start, end) as instants. */
function kyivMonth(instant: Date): { key: string; start: Date; end: Date } {
  const key = toKyiv(instant).date.slice(0, 7);
  const [y, m] = key.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { key, start: fromKyiv(`${key}-01`, '00:00'), end: fromKyiv(`${next}-01`, '00:00') };
}

/** What the database says about an occurrence: the hub's hours and what holds the room then. */
interface OccurrenceFacts {
  hours: HoursSource;
  occupancy: OccurrenceOccupancy;
}

/** The occurrences with their Kyiv months, as the occupancy query takes them. */
const spansOf = (occurrences: { start: Date; end: Date }[]): OccurrenceSpan[] =>
  occurrences.map((o) => {
    const month = kyivMonth(o.start);
    return { start: o.start, end: o.end, monthStart: month.start, monthEnd: month.end };
  });

/**
 * Checks one occurrence against every rule of its room and returns every problem it has (empty
 * when it can be booked), most basic first: a person fixing a request sees all of them at once.
 * Only a bookable occurrence counts towards the monthly quota of the ones after it.
 */
export async function checkOccurrence(db: Database, o: Occupancy): Promise<OccurrenceProblem[]> {
  const local = toKyiv(o.start);
  const hours = await loadHours(db, o.room.hubId, local.date, local.date);
  const [occupancy] = await loadOccupancy(db, {
    roomId: o.room.id,
    organizationId: o.organizationId,
    occurrences: spansOf([o]),
    excludeId: o.excludeId,
  });
  return occurrenceProblems(o, { hours, occupancy: occupancy! });
}

/** The rules of checkOccurrence over facts already read. */
function occurrenceProblems(o: Occupancy, facts: OccurrenceFacts): OccurrenceProblem[] {
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
  if (!withinOpeningHours(start, end, facts.hours))
    found.push(
      problem(
        'outside_opening_hours',
        `The hub is not open for all of ${fmtLocal(start)}–${toKyiv(end).time}.`,
      ),
    );
  const blockedEnd = new Date(end.getTime() + room.bufferMinutes * 60_000);
  const clashes = facts.occupancy.busy.filter((b) => b.start < blockedEnd && start < b.blockedEnd);
  const closures = clashes.filter((b) => b.kind === 'closure');
  const bookings = clashes.filter((b) => b.kind !== 'closure');
  if (closures.length) found.push(problem('room_closed', 'The room is closed at that time.', closures));
  if (bookings.length) found.push(problem('booking_conflict', 'The room is taken at that time.', bookings));
  if (room.monthlyQuotaHours !== null) {
    const month = kyivMonth(start).key;
    const held = o.quota.get(month) ?? facts.occupancy.held ?? 0;
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
function authorize(
  p: Principal,
  facts: { room: RoomContext; organization: BookingOrganization | null } | undefined,
  organizationId: string,
): { room: RoomContext; organization: BookingOrganization } {
  if (!facts)
    throw new AppError('not_found', 404, 'No such room.', [
      { path: '/roomId', code: 'not_found', message: 'No such room.' },
    ]);
  const { room, organization } = facts;
  const member = p.membershipOf(organizationId) !== null;
  if (!organization || (!member && !p.isCityAdmin() && !p.managesHub(room.hubId))) {
    throw forbidden('You may book only for an organisation you belong to.');
  }
  if (organization.status !== 'verified') {
    throw new AppError(
      'organization_not_verified',
      409,
      'Only organisations verified in the registry may book rooms.',
    );
  }
  return { room, organization };
}

/** The room, after checking the caller may book it for a verified organisation. */
export async function bookingContext(
  db: Database,
  p: Principal,
  input: Pick<BookingInput, 'roomId' | 'organizationId'>,
): Promise<RoomContext> {
  const today = toKyiv(new Date()).date;
  const facts = await loadRoomFacts(db, { ...input, fromDate: today, toDate: today, lock: false });
  return authorize(p, facts, input.organizationId).room;
}

/** A request checked: its room, its organisation and every occurrence against every rule. */
export interface CheckedRequest {
  room: RoomContext;
  /** The room row's version the check read its rules from (see insertBookings). */
  version: string;
  organization: BookingOrganization;
  preview: BookingPreview;
}

/**
 * The room, and every occurrence of the request checked against every rule. Without `lock`, in
 * one statement: the room with its hub, the organisation, the hours and what holds the room at
 * each date (with the quota hours), all as of one instant. With `lock` (writers inside their
 * transaction), in two: the room's row locked with the same facts, then what holds it — read
 * after the lock, so it includes whatever the requests the lock waited for wrote.
 */
export async function checkRequest(
  db: Database,
  p: Principal,
  input: BookingInput,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<CheckedRequest> {
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (!(start < end))
    throw new AppError('invalid_interval', 400, 'The end must come after the start.', [
      { path: '/end', code: 'invalid_interval', message: 'The end must come after the start.' },
    ]);
  const occurrences = expandRecurrence(start, end, input.recurrence);
  if (occurrences.length === 0) throw emptySeries(input);
  const lock = opts.lock ?? false;
  const spans = spansOf(occurrences);
  const facts = await loadRoomFacts(db, {
    roomId: input.roomId,
    organizationId: input.organizationId,
    fromDate: toKyiv(occurrences[0]!.start).date,
    toDate: toKyiv(occurrences.at(-1)!.start).date,
    lock,
    occurrences: lock ? undefined : spans,
  });
  const { room, organization } = authorize(p, facts, input.organizationId);
  const occupancy =
    facts!.occupancy ??
    (await loadOccupancy(db, { roomId: room.id, organizationId: input.organizationId, occurrences: spans }));
  const quota = new Map<string, number>();
  const results: OccurrenceResult[] = occurrences.map((o, i) => {
    const issues = occurrenceProblems(
      {
        room,
        organizationId: input.organizationId,
        attendees: input.attendees,
        start: o.start,
        end: o.end,
        now,
        quota,
      },
      { hours: facts!.hours, occupancy: occupancy[i]! },
    );
    return {
      date: o.date,
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      ok: issues.length === 0,
      code: issues[0]?.code ?? null,
      detail: issues[0]?.detail ?? null,
      conflicts: issues[0]?.conflicts ?? [],
      problems: issues,
    };
  });
  return {
    room,
    version: facts!.version,
    organization,
    preview: { status: statusFor(room, p), occurrences: results },
  };
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
