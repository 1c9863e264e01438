// Table interfaces as Kysely sees them (camelCase through CamelCasePlugin). Never returned as DTOs.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  passwordHash: string;
  name: string;
  locale: Generated<'uk' | 'en'>;
  isDemo: Generated<boolean>;
  /** Notification kinds this account does not want e-mailed (they still appear in the portal). */
  emailOptOut: Generated<string[]>;
  erasedAt: Timestamp | null;
  emailNotifications: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface HubsTable {
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  id: Generated<string>;
  nameUk: string;
  nameEn: string;
  district: string;
  addressUk: string;
  addressEn: string;
  latitude: number;
  longitude: number;
  shelterNotesUk: Generated<string>;
  shelterNotesEn: Generated<string>;
  accessibilityNotesUk: Generated<string>;
  accessibilityNotesEn: Generated<string>;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface HubOpeningHoursTable {
  hubId: string;
  weekday: number;
  opens: string;
  closes: string;
}

export interface RoomsTable {
  id: Generated<string>;
  hubId: string;
  nameUk: string;
  nameEn: string;
  capacity: number;
  equipment: Generated<string[]>;
  accessibilityFeatures: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  minMinutes: Generated<number>;
  maxMinutes: Generated<number>;
  leadMinutes: Generated<number>;
  horizonDays: Generated<number>;
  bufferMinutes: Generated<number>;
  requiresApproval: Generated<boolean>;
  monthlyQuotaHours: number | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface HubExceptionsTable {
  id: Generated<string>;
  hubId: string;
  date: ColumnType<string, string, string>;
  opens: string | null;
  closes: string | null;
  note: Generated<string>;
}

/** tstzrange columns travel as their text form, e.g. ["2026-03-29 15:00:00+00","2026-03-29 17:00:00+00"). */
type Range = ColumnType<string, string, string>;

export interface ClosuresTable {
  id: Generated<string>;
  hubId: string;
  roomId: string | null;
  period: Range;
  kind: Generated<string>;
  reason: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface BookingsTable {
  id: Generated<string>;
  roomId: string;
  kind: Generated<'booking' | 'closure'>;
  organizationId: string | null;
  closureId: string | null;
  seriesId: string | null;
  createdBy: string | null;
  title: Generated<string>;
  purpose: Generated<string>;
  attendees: Generated<number>;
  status: string;
  period: Range;
  blocked: Range;
  decisionReason: string | null;
  decidedBy: string | null;
  disruptedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationsTable {
  id: Generated<string>;
  userId: string;
  kind: string;
  titleUk: string;
  titleEn: string;
  bodyUk: Generated<string>;
  bodyEn: Generated<string>;
  link: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  createdAt: CreatedAt;
  readAt: Timestamp | null;
}

export interface EventsTable {
  id: Generated<string>;
  bookingId: string;
  /** The booking's room's hub, set by the database (migration 20261215100000_events_hub). */
  hubId: Generated<string>;
  titleUk: string;
  titleEn: string;
  descriptionUk: Generated<string>;
  descriptionEn: Generated<string>;
  category: string;
  languages: Generated<string[]>;
  audience: Generated<string>;
  accessibilityNotes: Generated<string>;
  capacity: number;
  registrationRequired: Generated<boolean>;
  status: Generated<string>;
  cancelReason: string | null;
  startsAt: Timestamp;
  endsAt: Timestamp;
  createdBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  eventId: string;
  userId: string;
  status: string;
  position: number | null;
  code: string;
  createdAt: CreatedAt;
  cancelledAt: Timestamp | null;
  checkedInAt: Timestamp | null;
  checkedInBy: string | null;
}

export interface EventFeedbackTable {
  id: Generated<string>;
  eventId: string;
  userId: string;
  rating: number;
  comment: Generated<string>;
  createdAt: CreatedAt;
}

export interface OrganizationsTable {
  id: Generated<string>;
  nameUk: string;
  nameEn: string;
  status: Generated<string>;
  district: string | null;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  legalForm: Generated<string>;
  edrpou: string | null;
  address: Generated<string>;
  activities: Generated<string[]>;
  targetGroups: Generated<string[]>;
  contacts: ColumnType<Record<string, unknown>, string | undefined, string>;
  descriptionUk: Generated<string>;
  descriptionEn: Generated<string>;
  yearFounded: number | null;
  rejectionReason: string | null;
  statusReason: string | null;
  submittedAt: Timestamp | null;
  verifiedAt: Timestamp | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  changedSinceVerification: Generated<boolean>;
  searchVector: ColumnType<string, never, never>;
  nameText: ColumnType<string, never, never>;
}

export interface OrganizationHistoryTable {
  id: Generated<string>;
  organizationId: string;
  at: CreatedAt;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  changes: ColumnType<{ field: string; old: unknown; new: unknown }[], string | undefined, string>;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  userId: string;
  role: string;
  district: string | null;
  hubId: string | null;
  organizationId: string | null;
  grantedBy: string | null;
  createdAt: CreatedAt;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  familyId: string;
  userId: string;
  tokenHash: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** The stored answer to a request sent with an Idempotency-Key (see plugins/idempotency.ts). */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  requestMethod: string;
  requestPath: string;
  fingerprint: string;
  claimId: string;
  createdAt: ColumnType<Date, Date | string | undefined, Date | string>;
  responseStatus: number | null;
  responseHeaders: ColumnType<Record<string, string> | null, string | null, string | null>;
  responseBody: string | null;
}

/** Fixed-window request counters of the rate limiter (UNLOGGED; see plugins/rate-limit.ts). */
export interface RateLimitCountersTable {
  key: string;
  windowEndsAt: Timestamp;
  hits: number;
}

/** Per-table data versions, bumped by triggers (migration 20261210000000, plugins/public-cache.ts). */
export interface DataVersionsTable {
  tableName: string;
  shard: number;
  version: number;
}

/** Durable jobs (see src/jobs/): claimed under a lease with FOR UPDATE SKIP LOCKED. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  runAt: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lockedUntil: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lockedBy: string | null;
  lastError: string | null;
  doneAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  failedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  dedupeKey: string | null;
}

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface VolunteerProgramsTable {
  id: Generated<string>;
  organizationId: string | null;
  hubId: string | null;
  ownerDistrict: string | null;
  titleUk: string;
  titleEn: string;
  descriptionUk: Generated<string>;
  descriptionEn: Generated<string>;
  cause: string;
  districts: Generated<string[]>;
  skills: Generated<string[]>;
  languages: Generated<string[]>;
  minAge: Generated<number>;
  briefing: string | null;
  contact: Generated<string>;
  status: Generated<string>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface VolunteerShiftsTable {
  id: Generated<string>;
  programId: string;
  seriesId: string | null;
  startsAt: Timestamp;
  endsAt: Timestamp;
  address: string;
  district: string;
  roomId: string | null;
  bookingId: string | null;
  places: number;
  task: string;
  accessibilityNotes: Generated<string>;
  stepFree: Generated<boolean>;
  status: Generated<string>;
  cancelReason: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface VolunteerProfilesTable {
  userId: string;
  /** Six characters from SHORT_CODE_ALPHABET, unique: the volunteer's code for the roster. */
  code: string;
  skills: string[];
  languages: string[];
  districts: string[];
  birthYear: number;
  consentToContact: boolean;
  consentGivenAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface VolunteerBriefingAcksTable {
  programId: string;
  userId: string;
  acknowledgedAt: CreatedAt;
}

export interface VolunteerSignupsTable {
  id: Generated<string>;
  shiftId: string;
  userId: string;
  status: string;
  position: number | null;
  present: boolean | null;
  attendanceBy: string | null;
  createdAt: CreatedAt;
  cancelledAt: Timestamp | null;
}

export interface VolunteerHoursTable {
  id: Generated<string>;
  userId: string;
  programId: string;
  shiftId: string | null;
  signupId: string | null;
  workDate: ColumnType<string, string, string>;
  minutes: number;
  description: string;
  source: string;
  status: string;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface CredentialKeysTable {
  kid: string;
  publicJwk: ColumnType<Record<string, unknown>, string, never>;
  createdAt: CreatedAt;
}

export interface CertificatesTable {
  id: Generated<string>;
  code: string;
  userId: string;
  locale: string;
  printedName: string;
  programId: string | null;
  periodFrom: ColumnType<string, string, never>;
  periodTo: ColumnType<string, string, never>;
  issuerOrganizationId: string | null;
  /** CertificateIssuer, frozen at issue time. */
  issuer: ColumnType<unknown, string, never>;
  /** CertificateLine[], frozen at issue time. */
  lines: ColumnType<unknown, string, never>;
  totalMinutes: number;
  statusIndex: Generated<number>;
  baseUrl: string;
  credential: string;
  issuedBy: string | null;
  issuedAt: CreatedAt;
  revokedAt: Timestamp | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export interface CertificateHoursTable {
  certificateId: string;
  hoursId: string;
}

export interface ConsentRecordsTable {
  id: Generated<string>;
  userId: string;
  kind: string;
  given: boolean;
  version: string;
  at: CreatedAt;
}

/** Resident surveys (migration 20261220010000_surveys). Questions as JSON, see modules/surveys. */
export interface SurveysTable {
  id: Generated<string>;
  scope: string;
  hubId: string | null;
  eventId: string | null;
  shiftId: string | null;
  district: string | null;
  titleUk: string;
  titleEn: string;
  introUk: Generated<string>;
  introEn: Generated<string>;
  questions: ColumnType<unknown, string, string>;
  status: Generated<string>;
  opensAt: Timestamp;
  closesAt: Timestamp;
  closedEarly: Generated<boolean>;
  invitesSentAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SurveyInviteesTable {
  surveyId: string;
  userId: string;
  invitedAt: CreatedAt;
  issuedAt: Timestamp | null;
}

export interface SurveyInvitationsTable {
  surveyId: string;
  tokenHash: string;
  used: Generated<boolean>;
  hubId: string | null;
  district: string | null;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  surveyId: string;
  hubId: string | null;
  district: string | null;
  answeredOn: ColumnType<string, string, never>;
  answers: ColumnType<unknown, string, never>;
}

export interface DataExportsTable {
  id: Generated<string>;
  userId: string;
  requestedBy: string | null;
  reason: string | null;
  status: Generated<'pending' | 'ready' | 'failed'>;
  requestedAt: CreatedAt;
  readyAt: Timestamp | null;
  expiresAt: Timestamp | null;
  archive: Buffer | null;
  bytes: number | null;
}

/** The Open Government action plan (migration 20261220020000_action_plan). */
export interface ActionPlanCommitmentsTable {
  id: Generated<string>;
  titleUk: string;
  titleEn: string;
  descriptionUk: Generated<string>;
  descriptionEn: Generated<string>;
  departmentUk: string;
  departmentEn: string;
  position: Generated<number>;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ActionPlanIndicatorsTable {
  id: Generated<string>;
  commitmentId: string;
  titleUk: string;
  titleEn: string;
  unitUk: string;
  unitEn: string;
  baseline: number;
  target: number;
  targetQuarter: string;
  higherIsBetter: boolean;
  position: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ActionPlanValuesTable {
  indicatorId: string;
  quarter: string;
  value: number;
  noteUk: Generated<string>;
  noteEn: Generated<string>;
  recordedBy: string | null;
  recordedAt: Timestamp;
}

/** Quarterly and annual public reports (migration 20261220030000_reports). */
export interface PublicReportsTable {
  period: string;
  kind: 'quarter' | 'year';
  periodFrom: ColumnType<string, string, string>;
  periodTo: ColumnType<string, string, string>;
  status: Generated<'draft' | 'published'>;
  snapshot: ColumnType<unknown, string, string>;
  narratives: ColumnType<unknown, string | undefined, string>;
  hash: string | null;
  builtAt: ColumnType<Date, Date | string | undefined, Date | string>;
  builtBy: string | null;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DB {
  users: UsersTable;
  hubs: HubsTable;
  hubOpeningHours: HubOpeningHoursTable;
  rooms: RoomsTable;
  hubExceptions: HubExceptionsTable;
  closures: ClosuresTable;
  bookings: BookingsTable;
  notifications: NotificationsTable;
  events: EventsTable;
  eventRegistrations: EventRegistrationsTable;
  eventFeedback: EventFeedbackTable;
  organizations: OrganizationsTable;
  organizationHistory: OrganizationHistoryTable;
  roleGrants: RoleGrantsTable;
  refreshTokens: RefreshTokensTable;
  auditLog: AuditLogTable;
  idempotencyKeys: IdempotencyKeysTable;
  rateLimitCounters: RateLimitCountersTable;
  dataVersions: DataVersionsTable;
  jobs: JobsTable;
  volunteerPrograms: VolunteerProgramsTable;
  volunteerShifts: VolunteerShiftsTable;
  volunteerProfiles: VolunteerProfilesTable;
  volunteerBriefingAcks: VolunteerBriefingAcksTable;
  volunteerSignups: VolunteerSignupsTable;
  volunteerHours: VolunteerHoursTable;
  credentialKeys: CredentialKeysTable;
  certificates: CertificatesTable;
  certificateHours: CertificateHoursTable;
  consentRecords: ConsentRecordsTable;
  dataExports: DataExportsTable;
  surveys: SurveysTable;
  surveyInvitees: SurveyInviteesTable;
  surveyInvitations: SurveyInvitationsTable;
  surveyResponses: SurveyResponsesTable;
  actionPlanCommitments: ActionPlanCommitmentsTable;
  actionPlanIndicators: ActionPlanIndicatorsTable;
  actionPlanValues: ActionPlanValuesTable;
  publicReports: PublicReportsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type HubRow = Selectable<HubsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
