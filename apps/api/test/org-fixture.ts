import type { OrganizationInput } from '@vcentri/shared';
import type { LightMyRequestResponse } from 'fastify';
import { inject, type TestApp, type TestUser, unique } from './helper';

let edrpouSeq = Math.floor(Math.random() * 2_000_000);

/** A fresh, valid EDRPOU code (below 30000000, weights 1..7, with the repeated-remainder rule). */
export function nextEdrpou(): string {
  for (;;) {
    edrpouSeq = (edrpouSeq + 7919) % 29_000_000;
    const seven = String(edrpouSeq).padStart(7, '0');
    const d = [...seven].map(Number);
    let s = d.reduce((a, x, i) => a + x * (i + 1), 0) % 11;
    if (s === 10) s = d.reduce((a, x, i) => a + x * (i + 3), 0) % 11;
    if (s === 10) s = 0;
    return `${seven}${s}`;
  }
}

export function orgInput(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  const tag = unique('org');
  return {
    nameUk: `Громадська організація ${tag}`,
    nameEn: `Civic organisation ${tag}`,
    legalForm: 'public_association',
    edrpou: nextEdrpou(),
    district: 'podilskyi',
    address: 'вул. Костянтинівська, 1',
    activities: ['education'],
    targetGroups: ['youth'],
    contacts: { email: 'info@example.org', website: 'https://example.org' },
    descriptionUk: 'Опис діяльності організації.',
    descriptionEn: 'What the organisation does.',
    yearFounded: 2015,
    ...overrides,
  };
}

export async function applyAs(t: TestApp, owner: TestUser, overrides: Partial<OrganizationInput> = {}) {
  const res = await inject(t, {
    method: 'POST',
    url: '/api/v1/organizations',
    as: owner,
    payload: orgInput(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`apply failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; nameUk: string; nameEn: string; status: string; edrpou: string | null };
}

export async function act(
  t: TestApp,
  as: TestUser | null,
  id: string,
  action: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return inject(t, {
    method: 'POST',
    url: `/api/v1/organizations/${id}/${action}`,
    as,
    ...(payload ? { payload } : {}),
  });
}

/** Applies as the owner, submits, and verifies as the admin. */
export async function verifiedOrg(
  t: TestApp,
  owner: TestUser,
  admin: TestUser,
  overrides: Partial<OrganizationInput> = {},
) {
  const org = await applyAs(t, owner, overrides);
  for (const [who, action] of [
    [owner, 'submit'],
    [admin, 'verify'],
  ] as const) {
    const res = await act(t, who, org.id, action);
    if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  }
  return org;
}
