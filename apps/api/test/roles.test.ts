import { describe, expect, it, beforeAll } from 'vitest';
import Fastify from 'fastify';
import authPlugin from '../src/plugins/auth';
import problemPlugin from '../src/plugins/problem';
import { certify, hoursOf } from './certificate-fixture';
import { prepareRoles } from './roles-fixture';
import { createProgram, createShift, kyivDate, publish, shiftInput, volunteer } from './volunteering-fixture';
import {
  buildTestApp,
  createHub,
  createOrganization,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  type TestUser,
} from './helper';

let t: TestApp;
let users: Awaited<ReturnType<typeof prepareRoles>>;
/** A published program of the NGO owner's and member's organisation, with one shift. */
const program = { id: '', shiftId: '', organizationId: '' };
beforeAll(async () => {
  t = await buildTestApp();
  users = await prepareRoles(t);
  const grant = await t.db
    .selectFrom('roleGrants')
    .select('organizationId')
    .where('userId', '=', users.ngo_owner.id)
    .executeTakeFirstOrThrow();
  program.organizationId = grant.organizationId!;
  program.id = (await createProgram(t, users.ngo_owner, { organizationId: grant.organizationId })).id;
  await publish(t, users.ngo_owner, program.id);
  program.shiftId = (
    await createShift(t, users.ngo_owner, program.id, shiftInput(kyivDate(40), '10:00', '12:00'))
  ).id;
});

/** The program's own people: its organisation's owner and members, and the city. */
const PROGRAM_PEOPLE: Who[] = ['ngo_owner', 'ngo_member', 'city_admin'];

type Who = keyof Awaited<ReturnType<typeof prepareRoles>> | 'guest';
const EVERYONE: Who[] = [
  'guest',
  'resident',
  'district_admin',
  'hub_manager',
  'ngo_owner',
  'ngo_member',
  'city_admin',
];

/** Every protected route with the status each role gets. */
const MATRIX: {
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: () => string;
  payload?: () => object;
  allowed: Who[];
  ok: number;
}[] = [
  {
    label: '/me',
    method: 'GET',
    url: () => '/api/v1/me',
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/me',
    method: 'PATCH',
    url: () => '/api/v1/me',
    payload: () => ({ locale: 'uk' }),
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/me/volunteer-profile',
    method: 'PUT',
    url: () => '/api/v1/me/volunteer-profile',
    payload: () => ({
      skills: [],
      languages: ['uk'],
      districts: ['obolonskyi'],
      birthYear: 1990,
      consentToContact: false,
    }),
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/me/volunteering',
    method: 'GET',
    url: () => '/api/v1/me/volunteering',
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/stats/volunteering',
    method: 'GET',
    url: () =>
      `/api/v1/stats/volunteering?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-04-01T00:00:00Z')}`,
    allowed: ['district_admin', 'city_admin'],
    ok: 200,
  },
  {
    label: '/admin/users',
    method: 'GET',
    url: () => '/api/v1/admin/users',
    allowed: ['city_admin'],
    ok: 200,
  },
  {
    label: '/admin/audit',
    method: 'GET',
    url: () => '/api/v1/admin/audit',
    allowed: ['city_admin'],
    ok: 200,
  },
  {
    label: '/volunteering/programs/{id}/shifts',
    method: 'GET',
    url: () => `/api/v1/volunteering/programs/${program.id}/shifts?when=all`,
    allowed: PROGRAM_PEOPLE,
    ok: 200,
  },
  {
    label: '/volunteering/programs/{id}/hours',
    method: 'GET',
    url: () => `/api/v1/volunteering/programs/${program.id}/hours`,
    allowed: PROGRAM_PEOPLE,
    ok: 200,
  },
  {
    label: '/volunteering/shifts/{id}/roster',
    method: 'GET',
    url: () => `/api/v1/volunteering/shifts/${program.shiftId}/roster`,
    allowed: PROGRAM_PEOPLE,
    ok: 200,
  },
  {
    label: '/me/credentials',
    method: 'GET',
    url: () => '/api/v1/me/credentials',
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/me/consents',
    method: 'GET',
    url: () => '/api/v1/me/consents',
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/me/data-exports',
    method: 'GET',
    url: () => '/api/v1/me/data-exports',
    allowed: EVERYONE.filter((w) => w !== 'guest'),
    ok: 200,
  },
  {
    label: '/admin/users/{id}/data-exports',
    method: 'GET',
    url: () => `/api/v1/admin/users/${users.resident.id}/data-exports`,
    allowed: ['city_admin'],
    ok: 200,
  },
  {
    label: '/credentials (the city’s)',
    method: 'GET',
    url: () => '/api/v1/credentials',
    allowed: ['city_admin'],
    ok: 200,
  },
  {
    label: '/credentials?organizationId (an organisation’s)',
    method: 'GET',
    url: () => `/api/v1/credentials?organizationId=${program.organizationId}`,
    allowed: ['ngo_owner', 'city_admin'],
    ok: 200,
  },
  {
    label: '/surveys (the surveys one manages)',
    method: 'GET',
    url: () => '/api/v1/surveys',
    allowed: ['hub_manager', 'city_admin'],
    ok: 200,
  },
  {
    label: '/surveys (a network survey)',
    method: 'POST',
    url: () => '/api/v1/surveys',
    payload: () => ({
      scope: 'network',
      title: { uk: 'Як вам мережа?', en: 'How is the network?' },
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
      questions: [{ kind: 'rating', text: { uk: 'Оцінка', en: 'Rating' } }],
    }),
    allowed: ['city_admin'],
    ok: 201,
  },
  {
    label: '/admin/users/{id}/roles',
    method: 'POST',
    url: () => `/api/v1/admin/users/${users.resident.id}/roles`,
    payload: () => ({ role: 'district_admin', district: 'desnianskyi' }),
    allowed: ['city_admin'],
    ok: 201,
  },
];

describe('every protected route against every role', () => {
  for (const route of MATRIX) {
    for (const who of EVERYONE) {
      const allowed = route.allowed.includes(who);
      it(`${route.method} ${route.label} as ${who} → ${allowed ? route.ok : who === 'guest' ? 401 : 403}`, async () => {
        const as = who === 'guest' ? null : users[who];
        const res = await inject(t, {
          method: route.method,
          url: route.url(),
          as,
          payload: route.payload?.(),
        });
        if (allowed) {
          expect(res.statusCode, res.body).toBe(route.ok);
        } else if (who === 'guest') {
          expectProblem(res, 401, 'unauthorized');
        } else {
          expectProblem(res, 403, 'forbidden');
        }
      });
    }
  }

  it('DELETE a role grant: only a city_admin may revoke', async () => {
    const target = await createUser(t, [{ role: 'district_admin', district: 'pecherskyi' }]);
    const grant = await t.db
      .selectFrom('roleGrants')
      .select('id')
      .where('userId', '=', target.id)
      .executeTakeFirstOrThrow();
    const url = `/api/v1/admin/users/${target.id}/roles/${grant.id}`;
    for (const who of EVERYONE.filter((w) => w !== 'city_admin')) {
      const res = await inject(t, { method: 'DELETE', url, as: who === 'guest' ? null : users[who] });
      expect(res.statusCode, who).toBe(who === 'guest' ? 401 : 403);
    }
    expect((await inject(t, { method: 'DELETE', url, as: users.city_admin })).statusCode).toBe(204);
    expect(
      await t.db.selectFrom('roleGrants').select('id').where('id', '=', grant.id).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('POST /credentials/{code}/revoke: only the issuing organisation’s owner and city admins', async () => {
    const v = await volunteer(t);
    await hoursOf(t, v, program.id, users.ngo_owner, 60, 3);
    const [first] = await certify(t, v, { programId: program.id });
    const revoke = (who: Who, code: string) =>
      inject(t, {
        method: 'POST',
        url: `/api/v1/credentials/${code}/revoke`,
        as: who === 'guest' ? null : users[who],
        payload: { reason: 'Помилка в годинах' },
      });
    for (const who of EVERYONE.filter((w) => w !== 'ngo_owner' && w !== 'city_admin')) {
      const res = await revoke(who, first!.code);
      if (who === 'guest') expectProblem(res, 401, 'unauthorized');
      else expectProblem(res, 403, 'forbidden');
    }
    const stillValid = await inject(t, { method: 'GET', url: `/api/v1/credentials/${first!.code}` });
    expect(stillValid.json().status).toBe('valid');
    expect((await revoke('ngo_owner', first!.code)).json().status).toBe('revoked');

    await hoursOf(t, v, program.id, users.ngo_owner, 30, 2);
    const [second] = await certify(t, v, { programId: program.id });
    expect((await revoke('city_admin', second!.code)).json().status).toBe('revoked');
  });

  it('a revoked role stops working at once, without a new token', async () => {
    const u = await createUser(t, [{ role: 'city_admin' }]);
    expect((await inject(t, { method: 'GET', url: '/api/v1/admin/users', as: u })).statusCode).toBe(200);
    await t.db.deleteFrom('roleGrants').where('userId', '=', u.id).execute();
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/admin/users', as: u }), 403, 'forbidden');
  });

  it('a deleted account’s token is refused', async () => {
    const u = await createUser(t);
    await t.db.deleteFrom('users').where('id', '=', u.id).execute();
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/me', as: u }), 401, 'unauthorized');
  });
});

describe('granting and revoking roles', () => {
  it('grants a hub_manager role for one hub; /me then shows that hub in the scopes', async () => {
    const hubId = await createHub(t);
    const u = await createUser(t);
    const res = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/roles`,
      as: users.city_admin,
      payload: { role: 'hub_manager', hubId },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'hub_manager', hubId, district: null, organizationId: null });
    expect(res.json().hubName).toBeTruthy();
    const me = await inject(t, { method: 'GET', url: '/api/v1/me', as: u });
    expect(me.json().scopes.hubIds).toEqual([hubId]);
    expect(me.json().roles).toEqual(['resident', 'hub_manager']);
    // The grant names the hub in both languages, for the English admin screens.
    const hub = (await inject(t, { method: 'GET', url: `/api/v1/hubs/${hubId}` })).json();
    expect(me.json().grants[0]).toMatchObject({ hubName: hub.name.uk, hubNameEn: hub.name.en });
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/admin/users/${u.id}/roles`,
        as: users.city_admin,
        payload: { role: 'hub_manager', hubId },
      }),
      409,
      'role_grant_exists',
    );
  });

  it('refuses a grant whose scope does not fit the role, and changes nothing', async () => {
    const u = await createUser(t);
    const hubId = await createHub(t);
    const orgId = await createOrganization(t);
    const cases = [
      { role: 'hub_manager', district: 'podilskyi' },
      { role: 'hub_manager' },
      { role: 'district_admin', district: 'podilskyi', hubId },
      { role: 'city_admin', organizationId: orgId },
      { role: 'ngo_member', hubId },
    ];
    for (const payload of cases) {
      const p = expectProblem(
        await inject(t, {
          method: 'POST',
          url: `/api/v1/admin/users/${u.id}/roles`,
          as: users.city_admin,
          payload,
        }),
        400,
        'invalid_scope',
      );
      expect(p.errors?.length).toBeGreaterThan(0);
    }
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/admin/users/${u.id}/roles`,
        as: users.city_admin,
        payload: { role: 'hub_manager', hubId: '00000000-0000-4000-8000-000000000000' },
      }),
      400,
      'invalid_scope',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/admin/users/${u.id}/roles`,
        as: users.city_admin,
        payload: { role: 'district_admin', district: 'atlantis' },
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles',
        as: users.city_admin,
        payload: { role: 'city_admin' },
      }),
      404,
      'not_found',
    );
    const grants = await t.db.selectFrom('roleGrants').select('id').where('userId', '=', u.id).execute();
    expect(grants).toEqual([]);
  });

  it('writes grants and revocations to the audit log with actor and address', async () => {
    const u = await createUser(t);
    const res = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/roles`,
      as: users.city_admin,
      payload: { role: 'district_admin', district: 'solomianskyi' },
      remoteAddress: '10.20.30.40',
    });
    const grantId = res.json().id;
    await inject(t, {
      method: 'DELETE',
      url: `/api/v1/admin/users/${u.id}/roles/${grantId}`,
      as: users.city_admin,
      remoteAddress: '10.20.30.41',
    });
    const log = await inject(t, {
      method: 'GET',
      url: `/api/v1/admin/audit?actorId=${users.city_admin.id}&limit=100`,
      as: users.city_admin,
    });
    const mine = log.json().items.filter((e: { targetId: string }) => e.targetId === u.id);
    expect(
      mine.map((e: { action: string; ip: string; actorEmail: string }) => [e.action, e.ip, e.actorEmail]),
    ).toEqual([
      ['role.revoked', '10.20.30.41', users.city_admin.email],
      ['role.granted', '10.20.30.40', users.city_admin.email],
    ]);
    // The log names the people, not only their ids.
    expect(mine[0]).toMatchObject({
      actorName: `Test ${users.city_admin.email}`,
      targetName: { uk: `Test ${u.email}`, en: `Test ${u.email}` },
    });
    const filtered = await inject(t, {
      method: 'GET',
      url: '/api/v1/admin/audit?action=role.revoked',
      as: users.city_admin,
    });
    expect(filtered.json().items.every((e: { action: string }) => e.action === 'role.revoked')).toBe(true);
  });

  it('finds accounts by part of the e-mail and pages the list', async () => {
    const marker = `find${Date.now()}`;
    for (let i = 0; i < 3; i++) await createUser(t, [], `${marker}-${i}@test.vcentri.kyiv.ua`);
    const page1 = await inject(t, {
      method: 'GET',
      url: `/api/v1/admin/users?q=${marker}&limit=2`,
      as: users.city_admin,
    });
    expect(page1.json().total).toBe(3);
    expect(page1.json().items).toHaveLength(2);
    const page2 = await inject(t, {
      method: 'GET',
      url: `/api/v1/admin/users?q=${marker}&limit=2&offset=2`,
      as: users.city_admin,
    });
    expect(page2.json().items).toHaveLength(1);
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/admin/users?limit=101', as: users.city_admin }),
      400,
      'validation_failed',
    );
  });
});

describe('deny by default', () => {
  it('refuses to start when an API route declares no access rule', async () => {
    const app = Fastify();
    await app.register(problemPlugin);
    await app.register(authPlugin, { config: t.config, db: t.db });
    expect(() => app.get('/api/v1/forgotten', async () => ({ secret: true }))).toThrow(
      /declares no config.access/,
    );
    await app.close();
  });
});

export type { TestUser };
