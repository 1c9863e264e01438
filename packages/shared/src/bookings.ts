// Bookings of hub rooms, closures, availability and notifications: the contract of the heart of
// Vcentri. Instants travel as ISO 8601 with an offset; rules are checked in Kyiv local time.
import { type Static, Type } from 'typebox';
import { After, Instant, Limit, Offset, Uuid } from './common';
import { RecurrenceSchema } from './recurrence';

export const BOOKING_STATUSES = ['pending', 'confirmed', 'declined', 'cancelled', 'disrupted'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];

/** Problem codes a booking request can get, one per rule. */
export const BOOKING_PROBLEMS = [
  'outside_opening_hours',
  'too_short',
  'too_long',
  'lead_time',
  'too_far_ahead',
  'over_capacity',
  'quota_exceeded',
  'organization_not_verified',
  'room_closed',
  'booking_conflict',
] as const;
export type BookingProblemCode = (typeof BOOKING_PROBLEMS)[number];

export const RoomRulesSchema = Type.Object({
  minMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  maxMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  leadMinutes: Type.Integer({
    minimum: 0,
    maximum: 43200,
    description: 'how long before the start a request must come',
  }),
  horizonDays: Type.Integer({ minimum: 1, maximum: 730, description: 'how far ahead one may book' }),
  bufferMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'free time kept after each booking' }),
  requiresApproval: Type.Boolean(),
  monthlyQuotaHours: Type.Union([Type.Integer({ minimum: 1, maximum: 744 }), Type.Null()], {
    description: 'hours per organisation per calendar month (Kyiv time) in this room; null = no quota',
  }),
});
export type RoomRules = Static<typeof RoomRulesSchema>;

export const Interval = Type.Object({ start: Instant, end: Instant });
export type Interval = Static<typeof Interval>;

export const BookingInput = Type.Object(
  {
    roomId: Uuid,
    organizationId: Uuid,
    start: Instant,
    end: Instant,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    purpose: Type.Optional(Type.String({ maxLength: 2000 })),
    attendees: Type.Integer({ minimum: 1, maximum: 10000 }),
    recurrence: Type.Optional(RecurrenceSchema),
    /** all: every occurrence or none (default); free: book the free ones and list the rest. */
    mode: Type.Optional(Type.Enum(['all', 'free'])),
  },
  { additionalProperties: false },
);
export type BookingInput = Static<typeof BookingInput>;

export const Booking = Type.Object({
  id: Uuid,
  roomId: Uuid,
  roomName: Type.Object({ uk: Type.String(), en: Type.String() }),
  hubId: Uuid,
  hubName: Type.Object({ uk: Type.String(), en: Type.String() }),
  organizationId: Uuid,
  organizationName: Type.Object({ uk: Type.String(), en: Type.String() }),
  seriesId: Type.Union([Uuid, Type.Null()]),
  title: Type.String(),
  purpose: Type.String(),
  attendees: Type.Integer(),
  status: Type.Enum(BOOKING_STATUSES),
  start: Instant,
  end: Instant,
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  disruption: Type.Union([
    Type.Object({
      closureId: Uuid,
      reason: Type.String(),
      kind: Type.String(),
      start: Instant,
      end: Instant,
    }),
    Type.Null(),
  ]),
  createdAt: Instant,
  canManage: Type.Boolean({ description: 'the caller may approve or decline (hub manager, city admin)' }),
  canCancel: Type.Boolean(),
});
export type Booking = Static<typeof Booking>;

export const OccurrenceProblem = Type.Object({
  code: Type.Enum(BOOKING_PROBLEMS),
  detail: Type.String(),
  conflicts: Type.Array(Interval),
});
export type OccurrenceProblem = Static<typeof OccurrenceProblem>;

export const OccurrenceResult = Type.Object({
  date: Type.String({ description: 'Kyiv local date' }),
  start: Instant,
  end: Instant,
  ok: Type.Boolean(),
  /** The first of `problems` (kept for clients that show one reason). */
  code: Type.Union([Type.Enum(BOOKING_PROBLEMS), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
  conflicts: Type.Array(Interval),
  /** Every rule this date breaks, most basic first; empty when it can be booked. */
  problems: Type.Array(OccurrenceProblem),
});
export type OccurrenceResult = Static<typeof OccurrenceResult>;

export const BookingPreview = Type.Object({
  status: Type.Enum(['confirmed', 'pending'], { description: 'what the free occurrences would become' }),
  occurrences: Type.Array(OccurrenceResult),
});
export type BookingPreview = Static<typeof BookingPreview>;

export const BookingCreated = Type.Object({
  items: Type.Array(Booking),
  skipped: Type.Array(OccurrenceResult),
});
export type BookingCreated = Static<typeof BookingCreated>;

export const BookingListQuery = Type.Object({
  roomId: Type.Optional(Uuid),
  hubId: Type.Optional(Uuid),
  organizationId: Type.Optional(Uuid),
  district: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.Enum(BOOKING_STATUSES)),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  limit: Type.Optional(Limit(500)),
  offset: Type.Optional(Offset),
  after: Type.Optional(After),
});
export type BookingListQuery = Static<typeof BookingListQuery>;

export const CancelBody = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    scope: Type.Optional(
      Type.Enum(['one', 'following'], {
        description: 'this occurrence, or it and the later ones of its series',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AvailabilityQuery = Type.Object({ from: Instant, to: Instant });
export const BusyInterval = Type.Object({
  start: Instant,
  end: Instant,
  kind: Type.Enum(['booking', 'closure', 'buffer']),
  status: Type.Union([Type.Enum(['pending', 'confirmed']), Type.Null()]),
  bookingId: Type.Union([Uuid, Type.Null()], { description: 'only for callers who may see the booking' }),
  title: Type.Union([Type.String(), Type.Null()], {
    description: 'only for callers who may see the booking',
  }),
});
export const Availability = Type.Object({
  roomId: Uuid,
  open: Type.Array(Interval, { description: 'opening hours in the window' }),
  free: Type.Array(Interval),
  busy: Type.Array(BusyInterval),
});
export type Availability = Static<typeof Availability>;

export const CLOSURE_KINDS = ['air_raid', 'power_cut', 'maintenance', 'city_event', 'other'] as const;
export const ClosureInput = Type.Object(
  {
    roomId: Type.Optional(Uuid),
    start: Instant,
    end: Instant,
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
    kind: Type.Optional(Type.Enum(CLOSURE_KINDS)),
  },
  { additionalProperties: false },
);
export type ClosureInput = Static<typeof ClosureInput>;

export const Alternative = Type.Object({
  roomId: Uuid,
  roomName: Type.Object({ uk: Type.String(), en: Type.String() }),
  hubId: Uuid,
  hubName: Type.Object({ uk: Type.String(), en: Type.String() }),
  capacity: Type.Integer(),
  sameHub: Type.Boolean(),
  distanceKm: Type.Number(),
  requiresApproval: Type.Boolean(),
});
export type Alternative = Static<typeof Alternative>;

export const Closure = Type.Object({
  id: Uuid,
  hubId: Uuid,
  roomId: Type.Union([Uuid, Type.Null()]),
  start: Instant,
  end: Instant,
  kind: Type.Enum(CLOSURE_KINDS),
  reason: Type.String(),
  createdAt: Instant,
});
export const ClosureResult = Type.Object({
  closure: Closure,
  affected: Type.Array(Type.Object({ booking: Booking, alternatives: Type.Array(Alternative) })),
});
export type ClosureResult = Static<typeof ClosureResult>;

export const MoveBody = Type.Object({ roomId: Uuid }, { additionalProperties: false });

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.Object({ uk: Type.String(), en: Type.String() }),
  body: Type.Object({ uk: Type.String(), en: Type.String() }),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  read: Type.Boolean(),
});
export type Notification = Static<typeof Notification>;

export const BookingStatsQuery = Type.Object({
  from: Instant,
  to: Instant,
  district: Type.Optional(Type.String({ maxLength: 40 })),
});
export const HubBookingStats = Type.Object({
  hubId: Uuid,
  hubName: Type.Object({ uk: Type.String(), en: Type.String() }),
  district: Type.String(),
  bookings: Type.Integer(),
  pending: Type.Integer(),
  bookedHours: Type.Number(),
  organizations: Type.Integer(),
});
