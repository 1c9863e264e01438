// The public dashboard's figures (GET /stats/dashboard): one definition of every figure, used by
// the dashboard, the quarterly reports, the district staff view and the open data alike.
import { type Static, Type } from 'typebox';
import { DISTRICT_SLUGS } from './districts';

/** A period is whole Kyiv days, `from` and `to` both included. */
export const DashboardQuerySchema = Type.Object(
  {
    from: Type.String({
      format: 'date',
      description: 'First Kyiv day of the period (YYYY-MM-DD), included.',
    }),
    to: Type.String({ format: 'date', description: 'Last Kyiv day of the period (YYYY-MM-DD), included.' }),
    district: Type.Optional(Type.Enum(DISTRICT_SLUGS as unknown as string[])),
    hubId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuerySchema>;

/** The longest period the dashboard answers, in days (five years and a leap day). */
export const DASHBOARD_MAX_DAYS = 5 * 365 + 2;

const Num = Type.Number();
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);

/** Bookings, hours and utilisation of rooms over a period (a room, a hub, a district, the city). */
export const SpaceFiguresSchema = Type.Object({
  bookings: Type.Integer({ description: 'Confirmed bookings starting in the period.' }),
  pending: Type.Integer({ description: 'Requests still pending, starting in the period.' }),
  bookedHours: Num,
  openHours: Num,
  closedHours: Num,
  utilisation: NumOrNull,
});
export type SpaceFigures = Static<typeof SpaceFiguresSchema>;

export const DashboardFiguresSchema = Type.Object({
  ...SpaceFiguresSchema.properties,
  organizations: Type.Integer({
    description: 'Distinct organisations with a confirmed booking starting in the period.',
  }),
  events: Type.Integer(),
  registrations: Type.Integer(),
  attended: Type.Integer(),
  noShowRate: NumOrNull,
  feedbackCount: Type.Integer(),
  averageRating: NumOrNull,
  volunteerShifts: Type.Integer(),
  volunteers: Type.Integer(),
  volunteerHours: Num,
  applications: Type.Integer(),
  verifications: Type.Integer(),
  verifiedOrganizations: Type.Integer(),
});
export type DashboardFigures = Static<typeof DashboardFiguresSchema>;
export type DashboardFigureKey = keyof DashboardFigures;

/** Every figure, in the order the dashboard and the reports show them. */
export const DASHBOARD_FIGURE_KEYS: DashboardFigureKey[] = [
  'bookings',
  'pending',
  'bookedHours',
  'openHours',
  'closedHours',
  'utilisation',
  'organizations',
  'events',
  'registrations',
  'attended',
  'noShowRate',
  'feedbackCount',
  'averageRating',
  'volunteerShifts',
  'volunteers',
  'volunteerHours',
  'applications',
  'verifications',
  'verifiedOrganizations',
];

const Localized = Type.Object({ uk: Type.String(), en: Type.String() });
const Count = Type.Object({ key: Type.String(), count: Type.Integer() });

export const DashboardSchema = Type.Object({
  period: Type.Object({
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    days: Type.Integer(),
  }),
  previous: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
  scope: Type.Object({
    district: Type.Union([Type.String(), Type.Null()]),
    hubId: Type.Union([Type.String(), Type.Null()]),
    hubName: Type.Union([Localized, Type.Null()]),
  }),
  figures: DashboardFiguresSchema,
  previousFigures: DashboardFiguresSchema,
  districts: Type.Array(Type.Object({ district: Type.String(), ...DashboardFiguresSchema.properties })),
  hubs: Type.Array(
    Type.Object({
      hubId: Type.String(),
      name: Localized,
      district: Type.String(),
      ...DashboardFiguresSchema.properties,
    }),
  ),
  /** A hub's rooms, when a hub is chosen (empty otherwise). */
  rooms: Type.Array(
    Type.Object({
      roomId: Type.String(),
      hubId: Type.String(),
      name: Localized,
      ...SpaceFiguresSchema.properties,
    }),
  ),
  /** The twelve whole months up to the period's last month, oldest first. */
  months: Type.Array(Type.Object({ month: Type.String(), ...DashboardFiguresSchema.properties })),
  registry: Type.Object({
    byDistrict: Type.Array(Count),
    byLegalForm: Type.Array(Count),
    byActivity: Type.Array(Count),
  }),
  /** Staff of the scope only: the organisations served, with their bookings and hours. */
  organizations: Type.Optional(
    Type.Array(
      Type.Object({
        organizationId: Type.String(),
        name: Localized,
        bookings: Type.Integer(),
        bookedHours: Num,
      }),
    ),
  ),
});
export type Dashboard = Static<typeof DashboardSchema>;
