// Events held in booked hub rooms: the public calendar, registration with a waiting list,
// check-in at the door and feedback afterwards.
import { type Static, Type } from 'typebox';
import { Instant, Limit, Offset, Uuid } from './common';

export const EVENT_CATEGORIES = {
  debate: { uk: 'Дебати', en: 'Debate' },
  workshop: { uk: 'Майстерня', en: 'Workshop' },
  training: { uk: 'Тренінг', en: 'Training' },
  civic_course: { uk: 'Курс громадянської освіти', en: 'Civic-education course' },
  consultation: { uk: 'Громадські консультації', en: 'Public consultation' },
  meeting: { uk: 'Зустріч', en: 'Meeting' },
} as const;
export type EventCategory = keyof typeof EVENT_CATEGORIES;
export const EVENT_CATEGORY_KEYS = Object.keys(EVENT_CATEGORIES) as EventCategory[];

export const EVENT_LANGUAGES = ['uk', 'en', 'crh', 'pl', 'de', 'sign'] as const;

const Text = (max: number) => Type.String({ maxLength: max });

export const EventInput = Type.Object(
  {
    bookingId: Type.Optional(Uuid),
    /** Hub managers may book the room and publish the event in one step instead of giving a bookingId. */
    booking: Type.Optional(
      Type.Object(
        { roomId: Uuid, organizationId: Uuid, start: Instant, end: Instant },
        { additionalProperties: false },
      ),
    ),
    title: Type.Object({
      uk: Type.String({ minLength: 3, maxLength: 200 }),
      en: Type.String({ minLength: 3, maxLength: 200 }),
    }),
    description: Type.Optional(Type.Object({ uk: Text(5000), en: Text(5000) })),
    category: Type.Enum(EVENT_CATEGORY_KEYS),
    languages: Type.Optional(Type.Array(Type.Enum(EVENT_LANGUAGES), { minItems: 1, uniqueItems: true })),
    audience: Type.Optional(Text(300)),
    accessibilityNotes: Type.Optional(Text(1000)),
    capacity: Type.Integer({ minimum: 1, maximum: 2000 }),
    registrationRequired: Type.Optional(Type.Boolean()),
    start: Type.Optional(Instant),
    end: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type EventInput = Static<typeof EventInput>;
export const EventPatch = Type.Partial(Type.Omit(EventInput, ['bookingId', 'booking']), {
  additionalProperties: false,
});
export type EventPatch = Static<typeof EventPatch>;

export const MyRegistration = Type.Object({
  id: Uuid,
  status: Type.Enum(['confirmed', 'waitlisted']),
  position: Type.Union([Type.Integer(), Type.Null()]),
  code: Type.String(),
  checkedIn: Type.Boolean(),
  feedbackGiven: Type.Boolean(),
});
export type MyRegistration = Static<typeof MyRegistration>;

export const EventSchema = Type.Object({
  id: Uuid,
  bookingId: Uuid,
  title: Type.Object({ uk: Type.String(), en: Type.String() }),
  description: Type.Object({ uk: Type.String(), en: Type.String() }),
  category: Type.Enum(EVENT_CATEGORY_KEYS),
  languages: Type.Array(Type.String()),
  audience: Type.String(),
  accessibilityNotes: Type.String(),
  capacity: Type.Integer(),
  registrationRequired: Type.Boolean(),
  status: Type.Enum(['published', 'cancelled']),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  start: Instant,
  end: Instant,
  hubId: Uuid,
  hubName: Type.Object({ uk: Type.String(), en: Type.String() }),
  roomId: Uuid,
  roomName: Type.Object({ uk: Type.String(), en: Type.String() }),
  district: Type.String(),
  address: Type.Object({ uk: Type.String(), en: Type.String() }),
  organizationId: Uuid,
  organizationName: Type.Object({ uk: Type.String(), en: Type.String() }),
  confirmed: Type.Integer(),
  waitlisted: Type.Integer(),
  placesLeft: Type.Integer(),
  registrationOpen: Type.Boolean(),
  isDemo: Type.Boolean(),
  updatedAt: Type.Optional(Instant),
  canManage: Type.Boolean(),
  myRegistration: Type.Union([MyRegistration, Type.Null()]),
});
export type EventView = Static<typeof EventSchema>;

export const EventListQuery = Type.Object({
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  hubId: Type.Optional(Uuid),
  district: Type.Optional(Type.String({ maxLength: 40 })),
  category: Type.Optional(Type.Enum(EVENT_CATEGORY_KEYS)),
  organizationId: Type.Optional(Uuid),
  includeCancelled: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Limit(500)),
  offset: Type.Optional(Offset),
});
export type EventListQuery = Static<typeof EventListQuery>;

export const RegistrationResult = Type.Object({
  id: Uuid,
  status: Type.Enum(['confirmed', 'waitlisted']),
  position: Type.Optional(Type.Integer()),
  code: Type.String(),
});

export const RegistrantSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  email: Type.String(),
  status: Type.Enum(['confirmed', 'waitlisted', 'cancelled']),
  position: Type.Union([Type.Integer(), Type.Null()]),
  code: Type.String(),
  registeredAt: Instant,
  checkedInAt: Type.Union([Instant, Type.Null()]),
});
export type Registrant = Static<typeof RegistrantSchema>;

export const CheckInBody = Type.Object(
  { code: Type.Optional(Type.String({ minLength: 4, maxLength: 12 })), registrationId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const FeedbackInput = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const FeedbackSummary = Type.Object({
  count: Type.Integer(),
  average: Type.Union([Type.Number(), Type.Null()]),
  distribution: Type.Array(Type.Integer(), { description: 'how many gave 1, 2, 3, 4, 5' }),
  comments: Type.Array(Type.Object({ rating: Type.Integer(), comment: Type.String(), at: Instant })),
  attended: Type.Integer(),
  confirmed: Type.Integer(),
});
