// Volunteer programs: programs run by an organisation, a hub, a district or the city; their
// shifts with places and a gapless waiting list; volunteer profiles, sign-ups with guard rails
// (overlap, age, briefing, daily hours), attendance and approved hours.
import { type Static, Type } from 'typebox';
import { Instant, Limit, Offset, Uuid } from './common';
import { DISTRICT_SLUGS } from './districts';
import { EVENT_LANGUAGES } from './events';
import { RecurrenceSchema } from './recurrence';

export const VOLUNTEER_CAUSES = {
  veterans: { uk: 'Ветерани', en: 'Veterans' },
  children_youth: { uk: 'Діти та молодь', en: 'Children and youth' },
  elderly: { uk: 'Літні люди', en: 'Older people' },
  environment: { uk: 'Довкілля', en: 'Environment' },
  culture_heritage: { uk: 'Культура та спадщина', en: 'Culture and heritage' },
  civic_education: { uk: 'Громадянська освіта', en: 'Civic education' },
  humanitarian_aid: { uk: 'Гуманітарна допомога', en: 'Humanitarian aid' },
  animals: { uk: 'Тварини', en: 'Animals' },
  health: { uk: 'Здоров’я', en: 'Health' },
  digital_skills: { uk: 'Цифрові навички', en: 'Digital skills' },
} as const;
export type VolunteerCause = keyof typeof VOLUNTEER_CAUSES;
export const VOLUNTEER_CAUSE_KEYS = Object.keys(VOLUNTEER_CAUSES) as VolunteerCause[];

/** At most this many minutes of shifts a volunteer may hold (or wait for) on one Kyiv day. */
export const MAX_DAILY_SHIFT_MINUTES = 12 * 60;

const Skill = Type.String({ minLength: 1, maxLength: 60 });
const District = Type.Enum(DISTRICT_SLUGS as unknown as string[]);
const Language = Type.Enum(EVENT_LANGUAGES);
const Localized = (min: number, max: number) =>
  Type.Object(
    {
      uk: Type.String({ minLength: min, maxLength: max }),
      en: Type.String({ minLength: min, maxLength: max }),
    },
    { additionalProperties: false },
  );

export const PROGRAM_STATUSES = ['draft', 'published', 'closed'] as const;

export const ProgramInput = Type.Object(
  {
    /** Who runs it: an organisation (its owners and members), a hub, a district, or — none given — the city. */
    organizationId: Type.Optional(Uuid),
    hubId: Type.Optional(Uuid),
    ownerDistrict: Type.Optional(District),
    title: Localized(3, 200),
    description: Type.Optional(Localized(0, 5000)),
    cause: Type.Enum(VOLUNTEER_CAUSE_KEYS),
    districts: Type.Optional(Type.Array(District, { uniqueItems: true, maxItems: 10 })),
    skills: Type.Optional(Type.Array(Skill, { uniqueItems: true, maxItems: 20 })),
    languages: Type.Optional(Type.Array(Language, { minItems: 1, uniqueItems: true })),
    minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 99 })),
    briefing: Type.Optional(Type.Union([Type.String({ maxLength: 10000 }), Type.Null()])),
    contact: Type.Optional(Type.String({ maxLength: 300 })),
    status: Type.Optional(Type.Enum(['draft', 'published'])),
  },
  { additionalProperties: false },
);
export type ProgramInput = Static<typeof ProgramInput>;

export const ProgramPatch = Type.Partial(
  Type.Object(
    {
      title: Localized(3, 200),
      description: Localized(0, 5000),
      cause: Type.Enum(VOLUNTEER_CAUSE_KEYS),
      districts: Type.Array(District, { uniqueItems: true, maxItems: 10 }),
      skills: Type.Array(Skill, { uniqueItems: true, maxItems: 20 }),
      languages: Type.Array(Language, { minItems: 1, uniqueItems: true }),
      minAge: Type.Integer({ minimum: 0, maximum: 99 }),
      briefing: Type.Union([Type.String({ maxLength: 10000 }), Type.Null()]),
      contact: Type.String({ maxLength: 300 }),
      status: Type.Enum(PROGRAM_STATUSES),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false },
);
export type ProgramPatch = Static<typeof ProgramPatch>;

export const ProgramSchema = Type.Object({
  id: Uuid,
  runBy: Type.Enum(['organization', 'hub', 'district', 'city']),
  organizationId: Type.Union([Uuid, Type.Null()]),
  hubId: Type.Union([Uuid, Type.Null()]),
  ownerDistrict: Type.Union([Type.String(), Type.Null()]),
  title: Type.Object({ uk: Type.String(), en: Type.String() }),
  description: Type.Object({ uk: Type.String(), en: Type.String() }),
  cause: Type.Enum(VOLUNTEER_CAUSE_KEYS),
  districts: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  minAge: Type.Integer(),
  briefing: Type.Union([Type.String(), Type.Null()]),
  contact: Type.String(),
  status: Type.Enum(PROGRAM_STATUSES),
  createdAt: Instant,
  updatedAt: Instant,
  canManage: Type.Boolean(),
  briefingAcknowledged: Type.Boolean(),
});
export type ProgramView = Static<typeof ProgramSchema>;

export const ProgramListQuery = Type.Object({
  /** `true`: the programs the caller runs, in every status (drafts and closed ones too). */
  managed: Type.Optional(Type.Boolean()),
  status: Type.Optional(Type.Enum(PROGRAM_STATUSES)),
  cause: Type.Optional(Type.Enum(VOLUNTEER_CAUSE_KEYS)),
  district: Type.Optional(Type.String({ maxLength: 40 })),
  skill: Type.Optional(Type.String({ maxLength: 60 })),
  language: Type.Optional(Type.String({ maxLength: 10 })),
  /** Only programs a volunteer of this age may join (minimum age at most this). */
  age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type ProgramListQuery = Static<typeof ProgramListQuery>;

// A shift's place: either an address and its district, or a room, held by a confirmed booking of
// the program's organisation covering the shift. (Listed in each schema, not spread from one
// object: a spread keeps the schemas, and TypeBox, in the portal's bundle.)
const ShiftAddress = Type.Optional(Type.String({ minLength: 3, maxLength: 300 }));
const ShiftDistrict = Type.Optional(District);
const ShiftRoom = Type.Optional(Uuid);

export const ShiftInput = Type.Object(
  {
    start: Instant,
    end: Instant,
    recurrence: Type.Optional(RecurrenceSchema),
    address: ShiftAddress,
    district: ShiftDistrict,
    roomId: ShiftRoom,
    places: Type.Integer({ minimum: 1, maximum: 1000 }),
    task: Type.String({ minLength: 3, maxLength: 2000 }),
    accessibilityNotes: Type.Optional(Type.String({ maxLength: 1000 })),
    stepFree: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ShiftInput = Static<typeof ShiftInput>;

export const ShiftPatch = Type.Partial(
  Type.Object(
    {
      start: Instant,
      end: Instant,
      address: ShiftAddress,
      district: ShiftDistrict,
      roomId: ShiftRoom,
      places: Type.Integer({ minimum: 1, maximum: 1000 }),
      task: Type.String({ minLength: 3, maxLength: 2000 }),
      accessibilityNotes: Type.String({ maxLength: 1000 }),
      stepFree: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false },
);
export type ShiftPatch = Static<typeof ShiftPatch>;

export const ShiftSchema = Type.Object({
  id: Uuid,
  programId: Uuid,
  programTitle: Type.Object({ uk: Type.String(), en: Type.String() }),
  cause: Type.Enum(VOLUNTEER_CAUSE_KEYS),
  /** The program's minimum age and languages, so a list of shifts can be filtered by them. */
  minAge: Type.Integer(),
  languages: Type.Array(Type.String()),
  seriesId: Type.Union([Uuid, Type.Null()]),
  start: Instant,
  end: Instant,
  address: Type.String(),
  district: Type.String(),
  roomId: Type.Union([Uuid, Type.Null()]),
  bookingId: Type.Union([Uuid, Type.Null()]),
  places: Type.Integer(),
  task: Type.String(),
  accessibilityNotes: Type.String(),
  stepFree: Type.Boolean(),
  status: Type.Enum(['published', 'cancelled']),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  confirmed: Type.Integer(),
  waitlisted: Type.Integer(),
  placesLeft: Type.Integer(),
  signupOpen: Type.Boolean(),
});
export type ShiftView = Static<typeof ShiftSchema>;

export const ShiftListQuery = Type.Object({
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  cause: Type.Optional(Type.Enum(VOLUNTEER_CAUSE_KEYS)),
  district: Type.Optional(Type.String({ maxLength: 40 })),
  skill: Type.Optional(Type.String({ maxLength: 60 })),
  language: Type.Optional(Language),
  /** Only shifts at a place without steps. */
  stepFree: Type.Optional(Type.Boolean()),
  /** Only shifts of programs a volunteer of this age may join (minimum age at most this). */
  age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  programId: Type.Optional(Uuid),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type ShiftListQuery = Static<typeof ShiftListQuery>;

/** A program's shifts as its own people see them: past and cancelled ones too. */
export const ProgramShiftsQuery = Type.Object({
  /** `upcoming` (not yet ended, soonest first; the default), `past` (ended, latest first) or `all`. */
  when: Type.Optional(Type.Enum(['upcoming', 'past', 'all'])),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type ProgramShiftsQuery = Static<typeof ProgramShiftsQuery>;

export const VolunteerProfileInput = Type.Object(
  {
    skills: Type.Array(Skill, { uniqueItems: true, maxItems: 30 }),
    languages: Type.Array(Language, { uniqueItems: true }),
    districts: Type.Array(District, { uniqueItems: true, maxItems: 10 }),
    birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
    consentToContact: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type VolunteerProfileInput = Static<typeof VolunteerProfileInput>;
export const VolunteerProfileSchema = Type.Object({
  /** The volunteer's short code, to say at a shift: coordinators find them in the roster by it. */
  code: Type.String(),
  skills: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  districts: Type.Array(Type.String()),
  birthYear: Type.Integer(),
  consentToContact: Type.Boolean(),
  consentGivenAt: Type.Union([Instant, Type.Null()]),
  updatedAt: Instant,
});
export type VolunteerProfileView = Static<typeof VolunteerProfileSchema>;

export const SignupResult = Type.Object({
  id: Uuid,
  status: Type.Enum(['confirmed', 'waitlisted']),
  position: Type.Optional(Type.Integer()),
});

export const HOURS_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const HoursEntrySchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  volunteerName: Type.String(),
  programId: Uuid,
  programTitle: Type.Object({ uk: Type.String(), en: Type.String() }),
  shiftId: Type.Union([Uuid, Type.Null()]),
  date: Type.String({ format: 'date' }),
  minutes: Type.Integer(),
  description: Type.String(),
  source: Type.Enum(['attendance', 'self_reported']),
  status: Type.Enum(HOURS_STATUSES),
  reason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Instant, Type.Null()]),
  createdAt: Instant,
});
export type HoursEntry = Static<typeof HoursEntrySchema>;

export const HoursInput = Type.Object(
  {
    programId: Uuid,
    date: Type.String({ format: 'date' }),
    minutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    description: Type.String({ minLength: 3, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type HoursInput = Static<typeof HoursInput>;

export const HoursDecisionsBody = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
    decision: Type.Enum(['approve', 'reject']),
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type HoursDecisionsBody = Static<typeof HoursDecisionsBody>;

/** A program's hours for its coordinators: a page of entries and the program's totals. */
export const ProgramHoursSchema = Type.Object({
  items: Type.Array(HoursEntrySchema),
  total: Type.Integer({ minimum: 0 }),
  totals: Type.Object({
    approvedMinutes: Type.Integer(),
    pendingMinutes: Type.Integer(),
    /** Volunteers with approved hours in the program. */
    volunteers: Type.Integer(),
  }),
});
export type ProgramHours = Static<typeof ProgramHoursSchema>;

export const HoursListQuery = Type.Object({
  status: Type.Optional(Type.Enum(HOURS_STATUSES)),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});

export const MyShiftSchema = Type.Object({
  signupId: Uuid,
  status: Type.Enum(['confirmed', 'waitlisted']),
  position: Type.Union([Type.Integer(), Type.Null()]),
  shift: ShiftSchema,
});

export const MyVolunteering = Type.Object({
  shifts: Type.Array(MyShiftSchema),
  hours: Type.Object({
    approvedMinutes: Type.Integer(),
    pendingMinutes: Type.Integer(),
    entries: Type.Array(HoursEntrySchema),
  }),
});
export type MyVolunteering = Static<typeof MyVolunteering>;

export const RosterEntrySchema = Type.Object({
  signupId: Uuid,
  userId: Uuid,
  name: Type.String(),
  /** The volunteer's short code (their profile's). */
  code: Type.String(),
  /** Only when the volunteer consented to be contacted. */
  email: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(['confirmed', 'waitlisted']),
  position: Type.Union([Type.Integer(), Type.Null()]),
  present: Type.Union([Type.Boolean(), Type.Null()]),
  signedUpAt: Instant,
});
export type RosterEntry = Static<typeof RosterEntrySchema>;

export const RosterQuery = Type.Object({
  /** Part of a name, or a volunteer's short code. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

export const AttendanceBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object({ signupId: Uuid, present: Type.Boolean() }, { additionalProperties: false }),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

/** GET /stats/volunteering: a window and a district (district admins: their own, by default). */
export const VolunteeringStatsQuery = Type.Object({
  from: Instant,
  to: Instant,
  district: Type.Optional(Type.String({ maxLength: 40 })),
});
export type VolunteeringStatsQuery = Static<typeof VolunteeringStatsQuery>;

/**
 * The figures of a set of shifts: those of published or closed programs, not cancelled, starting
 * inside the window, held in the district. Sign-ups are confirmed places (not the waiting list);
 * the attendance rate is present / (present + no-shows) among marked sign-ups, null before any
 * mark; approved minutes are approved hour entries of those shifts.
 */
export const VolunteeringFigures = Type.Object({
  programs: Type.Integer(),
  shifts: Type.Integer(),
  places: Type.Integer(),
  signups: Type.Integer(),
  volunteers: Type.Integer(),
  present: Type.Integer(),
  noShows: Type.Integer(),
  attendanceRate: Type.Union([Type.Number(), Type.Null()]),
  approvedMinutes: Type.Integer(),
});
export type VolunteeringFigures = Static<typeof VolunteeringFigures>;

export const HubVolunteeringStats = Type.Intersect([
  Type.Object({
    hubId: Uuid,
    hubName: Type.Object({ uk: Type.String(), en: Type.String() }),
    district: Type.String(),
  }),
  VolunteeringFigures,
]);
export type HubVolunteeringStats = Static<typeof HubVolunteeringStats>;

export const OrganizationVolunteeringStats = Type.Intersect([
  Type.Object({
    organizationId: Uuid,
    organizationName: Type.Object({ uk: Type.String(), en: Type.String() }),
  }),
  VolunteeringFigures,
]);
export type OrganizationVolunteeringStats = Static<typeof OrganizationVolunteeringStats>;

/**
 * Per hub (shifts in its rooms or of programs it runs; every hub of the district, also with
 * nothing), per organisation (shifts of its programs) and the district's totals (every shift
 * counted once, also those of district and city programs, so the rows need not add up to them).
 */
export const VolunteeringStats = Type.Object({
  district: Type.Union([Type.String(), Type.Null()]),
  totals: VolunteeringFigures,
  hubs: Type.Array(HubVolunteeringStats),
  organizations: Type.Array(OrganizationVolunteeringStats),
});
export type VolunteeringStats = Static<typeof VolunteeringStats>;
