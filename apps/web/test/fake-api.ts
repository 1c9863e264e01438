// A tiny stand-in for the API at the network boundary: tests declare the answers per
// "METHOD /path" (path below /api/v1, without the query string) and can read back what was sent.
import type {
  AdminUser,
  Booking,
  Hub,
  MeResponse,
  Member,
  Organization,
  Problem,
  PublicOrganization,
  RoleGrant,
  Room,
  User,
} from '@vcentri/shared';
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

type Reply = { status: number; body?: unknown };
type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}

export function problem(
  status: number,
  code: string,
  errors?: Problem['errors'],
  extra: Record<string, unknown> = {},
): Reply {
  return {
    status,
    body: { type: 'about:blank', title: code, status, code, ...(errors ? { errors } : {}), ...extra },
  };
}

export function installFakeApi(handlers: Record<string, Handler | Reply>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const request: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
    };
    requests.push(request);
    const handler = handlers[`${method} ${path}`];
    const reply: Reply = handler
      ? typeof handler === 'function'
        ? await handler(request)
        : handler
      : problem(404, 'not_found');
    const isProblem = reply.status >= 400;
    return new Response(
      reply.status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body),
      {
        status: reply.status,
        headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json' },
      },
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

// ---- sample data -------------------------------------------------------------------------

export function sampleUser(overrides: Partial<User> = {}): User {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'olena@example.com',
    name: 'Олена Коваль',
    locale: 'uk',
    createdAt: '2026-01-15T10:00:00+02:00',
    ...overrides,
  };
}

export function sampleGrant(overrides: Partial<RoleGrant> = {}): RoleGrant {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    role: 'city_admin',
    district: null,
    hubId: null,
    hubName: null,
    organizationId: null,
    organizationName: null,
    createdAt: '2026-01-16T10:00:00+02:00',
    ...overrides,
  };
}

export function sampleMe(grants: RoleGrant[] = [], user: User = sampleUser()): MeResponse {
  return {
    user,
    roles: ['resident', ...new Set(grants.map((g) => g.role))],
    grants,
    scopes: {
      cityAdmin: grants.some((g) => g.role === 'city_admin'),
      districts: grants.flatMap((g) => (g.district ? [g.district] : [])),
      hubIds: grants.flatMap((g) => (g.hubId ? [g.hubId] : [])),
      organizationIds: grants.flatMap((g) => (g.organizationId ? [g.organizationId] : [])),
    },
    emailOptOut: [],
  };
}

export function sampleHub(overrides: Partial<Hub> = {}): Hub {
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' }));
  return {
    id: '20000000-0000-4000-8000-000000000001',
    name: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
    district: 'obolonskyi',
    address: { uk: 'просп. Героїв Сталінграду, 10', en: '10 Heroiv Stalinhradu Ave' },
    latitude: 50.5,
    longitude: 30.5,
    shelterNotes: { uk: '', en: '' },
    accessibilityNotes: { uk: '', en: '' },
    openingHours: everyDay,
    roomCount: 3,
    isDemo: false,
    ...overrides,
  };
}

export function sampleRoom(overrides: Partial<Room> = {}): Room {
  return {
    id: '60000000-0000-4000-8000-000000000001',
    hubId: '20000000-0000-4000-8000-000000000001',
    name: { uk: 'Велика зала', en: 'Main hall' },
    capacity: 25,
    equipment: ['projector', 'flipchart'],
    accessibilityFeatures: ['step_free'],
    rules: {
      minMinutes: 30,
      maxMinutes: 240,
      leadMinutes: 120,
      horizonDays: 60,
      bufferMinutes: 15,
      requiresApproval: true,
      monthlyQuotaHours: 20,
    },
    isDemo: false,
    ...overrides,
  };
}

export function sampleBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: '70000000-0000-4000-8000-000000000001',
    roomId: '60000000-0000-4000-8000-000000000001',
    roomName: { uk: 'Велика зала', en: 'Main hall' },
    hubId: '20000000-0000-4000-8000-000000000001',
    hubName: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
    organizationId: '40000000-0000-4000-8000-000000000001',
    organizationName: { uk: 'Оболонь разом', en: 'Obolon Together' },
    seriesId: null,
    title: 'Зустріч волонтерів',
    purpose: 'Планування тижня',
    attendees: 12,
    status: 'pending',
    // 15:00 UTC on 30 March 2027 is 18:00 in Kyiv (EEST, UTC+3).
    start: '2027-03-30T15:00:00.000Z',
    end: '2027-03-30T17:00:00.000Z',
    decisionReason: null,
    disruption: null,
    createdAt: '2027-03-20T10:00:00.000Z',
    canManage: false,
    canCancel: true,
    ...overrides,
  };
}

/** No notifications: what the header bell reads for a signed-in account. */
export const noNotifications = {
  'GET /me/notifications': json({ items: [], total: 0, unread: 0 }),
};

export function sampleAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: '30000000-0000-4000-8000-000000000001',
    email: 'ivan@example.com',
    name: 'Іван Петренко',
    createdAt: '2026-02-01T12:00:00+02:00',
    grants: [],
    ...overrides,
  };
}

export function samplePublicOrganization(overrides: Partial<PublicOrganization> = {}): PublicOrganization {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    nameUk: 'Оболонь разом',
    nameEn: 'Obolon Together',
    legalForm: 'public_association',
    edrpou: '00022527',
    district: 'obolonskyi',
    address: 'просп. Героїв Сталінграду, 10',
    activities: ['civic_education', 'youth_work'],
    targetGroups: ['youth', 'students'],
    contacts: {},
    descriptionUk: 'Громадська освіта для молоді Оболоні.',
    descriptionEn: 'Civic education for young people in Obolon.',
    yearFounded: 2015,
    // 21:30 UTC on 31 March is already 1 April in Kyiv (EEST, UTC+3).
    verifiedAt: '2026-03-31T21:30:00Z',
    isDemo: false,
    ...overrides,
  };
}

export function sampleOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    ...samplePublicOrganization(),
    status: 'verified',
    rejectionReason: null,
    statusReason: null,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-31T21:30:00Z',
    submittedAt: '2026-03-10T10:00:00Z',
    changedSinceVerification: false,
    myRole: null,
    ...overrides,
  };
}

export function sampleMember(overrides: Partial<Member> = {}): Member {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'olena@example.com',
    name: 'Олена Коваль',
    role: 'ngo_owner',
    since: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

/**
 * Handlers for a visitor whose refresh cookie is valid: the session restores as `me`, and the
 * header's bell finds no notifications (a test may answer 'GET /me/notifications' itself).
 */
export function signedInAs(me: MeResponse) {
  return {
    'POST /auth/refresh': json({
      accessToken: 'access-1',
      tokenType: 'Bearer',
      expiresIn: 900,
      user: me.user,
    }),
    'GET /me': json(me),
    ...noNotifications,
  };
}

/** Handlers for a visitor without a session. */
export const signedOut = {
  'POST /auth/refresh': problem(401, 'refresh_token_invalid'),
};
