import { createHub, createOrganization, createUser, type TestApp } from './helper';

/** One account per role, each with its own scope. */
export async function prepareRoles(t: TestApp) {
  const hubId = await createHub(t);
  const orgId = await createOrganization(t);
  return {
    resident: await createUser(t),
    district_admin: await createUser(t, [{ role: 'district_admin', district: 'obolonskyi' }]),
    hub_manager: await createUser(t, [{ role: 'hub_manager', hubId }]),
    ngo_owner: await createUser(t, [{ role: 'ngo_owner', organizationId: orgId }]),
    ngo_member: await createUser(t, [{ role: 'ngo_member', organizationId: orgId }]),
    city_admin: await createUser(t, [{ role: 'city_admin' }]),
  };
}
