// The hub network as the public sees it: hubs with their weekly opening hours, and rooms.
import { Type, type Static } from 'typebox';
import { Uuid } from './common';
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
  isDemo: Type.Boolean(),
});
export type Room = Static<typeof RoomSchema>;

export const HubListQuery = Type.Object({
  district: Type.Optional(DistrictSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type HubListQuery = Static<typeof HubListQuery>;
