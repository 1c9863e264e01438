// The hub network as the public sees it: hubs with their weekly opening hours, and rooms.
import { Type, type Static } from 'typebox';
import { RoomRulesSchema } from './bookings';
import { Limit, Offset, Uuid } from './common';
import { DistrictSchema } from './roles';

export const EQUIPMENT = [
  'projector',
  'screen',
  'sound',
  'microphone',
  'laptops',
  'flipchart',
  'whiteboard',
  'wifi',
  'video_conferencing',
  'kitchen',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
  description: 'HH:MM, Kyiv local time',
});

/** One opening interval on an ISO weekday (1 = Monday … 7 = Sunday), in Kyiv local time. */
export const OpeningIntervalSchema = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  opens: LocalTime,
  closes: LocalTime,
});
export type OpeningInterval = Static<typeof OpeningIntervalSchema>;

export const LocalizedText = Type.Object({ uk: Type.String(), en: Type.String() });

export const HubSchema = Type.Object({
  id: Uuid,
  name: LocalizedText,
  district: DistrictSchema,
  address: LocalizedText,
  latitude: Type.Number(),
  longitude: Type.Number(),
  shelterNotes: LocalizedText,
  accessibilityNotes: LocalizedText,
  openingHours: Type.Array(OpeningIntervalSchema),
  roomCount: Type.Integer({ minimum: 0 }),
  isDemo: Type.Boolean(),
});
export type Hub = Static<typeof HubSchema>;

export const RoomSchema = Type.Object({
  id: Uuid,
  hubId: Uuid,
  name: LocalizedText,
  capacity: Type.Integer({ minimum: 1 }),
  equipment: Type.Array(Type.String()),
  accessibilityFeatures: Type.Array(Type.String()),
  rules: RoomRulesSchema,
  isDemo: Type.Boolean(),
});
export type Room = Static<typeof RoomSchema>;

const Localized = (max: number) =>
  Type.Object({
    uk: Type.String({ minLength: 1, maxLength: max }),
    en: Type.String({ minLength: 1, maxLength: max }),
  });
const LocalizedOptional = (max: number) =>
  Type.Object({ uk: Type.String({ maxLength: max }), en: Type.String({ maxLength: max }) });

export const HubInput = Type.Object(
  {
    name: Localized(200),
    district: DistrictSchema,
    address: Localized(300),
    latitude: Type.Number({ minimum: 50.2, maximum: 50.65 }),
    longitude: Type.Number({ minimum: 30.2, maximum: 30.9 }),
    shelterNotes: Type.Optional(LocalizedOptional(2000)),
    accessibilityNotes: Type.Optional(LocalizedOptional(2000)),
    openingHours: Type.Optional(Type.Array(OpeningIntervalSchema, { maxItems: 21 })),
  },
  { additionalProperties: false },
);
export type HubInput = Static<typeof HubInput>;
export const HubPatch = Type.Partial(HubInput, { additionalProperties: false });
export type HubPatch = Static<typeof HubPatch>;

export const RoomInput = Type.Object(
  {
    name: Localized(200),
    capacity: Type.Integer({ minimum: 1, maximum: 2000 }),
    equipment: Type.Optional(Type.Array(Type.Enum(EQUIPMENT), { uniqueItems: true })),
    accessibilityFeatures: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
    rules: Type.Optional(Type.Partial(RoomRulesSchema)),
  },
  { additionalProperties: false },
);
export type RoomInput = Static<typeof RoomInput>;
export const RoomPatch = Type.Partial(RoomInput, { additionalProperties: false });
export type RoomPatch = Static<typeof RoomPatch>;

export const HubExceptionSchema = Type.Object({
  id: Uuid,
  date: Type.String({ format: 'date' }),
  opens: Type.Union([LocalTime, Type.Null()]),
  closes: Type.Union([LocalTime, Type.Null()]),
  note: Type.String(),
});
export type HubException = Static<typeof HubExceptionSchema>;
export const HubExceptionInput = Type.Object(
  {
    date: Type.String({ format: 'date' }),
    opens: Type.Optional(LocalTime),
    closes: Type.Optional(LocalTime),
    note: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const HubListQuery = Type.Object({
  district: Type.Optional(DistrictSchema),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type HubListQuery = Static<typeof HubListQuery>;
