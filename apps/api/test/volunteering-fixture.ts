import type { LightMyRequestResponse } from 'fastify';
import { at, kyivDate } from './booking-fixture';
import { createOrganization, createUser, inject, type TestApp, type TestUser, unique } from './helper';

export { at, kyivDate };

export async function ok(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode} ${r.body}`);
  return r.body ? r.json() : null;
}

export function programInput(overrides: Record<string, unknown> = {}) {
  const tag = unique('prog');
  return {
    title: { uk: `Програма ${tag}`, en: `Program ${tag}` },
    description: { uk: 'Допомога сусідам', en: 'Helping neighbours' },
    cause: 'elderly',
    districts: ['obolonskyi'],
    skills: ['driving'],
    languages: ['uk'],
    contact: 'coordinator@example.org',
    ...overrides,
  };
}

export async function createProgram(t: TestApp, as: TestUser, overrides: Record<string, unknown> = {}) {
  return (await ok(
    inject(t, { method: 'POST', url: '/api/v1/volunteering/programs', as, payload: programInput(overrides) }),
    201,
  )) as { id: string; status: string };
}

export async function publish(t: TestApp, as: TestUser, id: string) {
  return ok(
    inject(t, {
      method: 'PATCH',
      url: `/api/v1/volunteering/programs/${id}`,
      as,
      payload: { status: 'published' },
    }),
  );
}

export function shiftInput(date: string, from: string, to: string, overrides: Record<string, unknown> = {}) {
  return {
    start: at(date, from),
    end: at(date, to),
    address: 'вул. Героїв Дніпра, 10',
    district: 'obolonskyi',
    places: 5,
    task: 'Розносити продуктові набори',
    stepFree: true,
    ...overrides,
  };
}

export async function createShift(
  t: TestApp,
  as: TestUser,
  programId: string,
  input: Record<string, unknown>,
): Promise<{ id: string; start: string; end: string }> {
  const body = await ok(
    inject(t, {
      method: 'POST',
      url: `/api/v1/volunteering/programs/${programId}/shifts`,
      as,
      payload: input,
    }),
    201,
  );
  return body.items[0];
}

export async function volunteer(t: TestApp, birthYear = 1990): Promise<TestUser> {
  const u = await createUser(t);
  await ok(
    inject(t, {
      method: 'PUT',
      url: '/api/v1/me/volunteer-profile',
      as: u,
      payload: {
        skills: ['driving'],
        languages: ['uk'],
        districts: ['obolonskyi'],
        birthYear,
        consentToContact: true,
      },
    }),
  );
  return u;
}

export function signUp(t: TestApp, as: TestUser, shiftId: string) {
  return inject(t, { method: 'POST', url: `/api/v1/volunteering/shifts/${shiftId}/signups`, as });
}

/** A verified organisation with an owner, and a published program of it with one shift in 10 days. */
export async function ngoWithProgram(t: TestApp, overrides: Record<string, unknown> = {}) {
  const orgId = await createOrganization(t);
  const owner = await createUser(t, [{ role: 'ngo_owner', organizationId: orgId }]);
  const program = await createProgram(t, owner, { organizationId: orgId, ...overrides });
  await publish(t, owner, program.id);
  return { orgId, owner, programId: program.id };
}
