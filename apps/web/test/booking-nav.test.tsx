// Who sees what: the admin navigation's booking items per role, and the header's "My bookings".
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, sampleGrant, sampleHub, sampleMe, signedInAs } from './fake-api';
import { renderApp } from './render-app';

const hubManager = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000002',
    role: 'hub_manager',
    hubId: '20000000-0000-4000-8000-000000000001',
    hubName: 'Vcentri HUB Оболонь',
  }),
]);
const districtAdmin = sampleMe([
  sampleGrant({ id: '10000000-0000-4000-8000-000000000004', role: 'district_admin', district: 'obolonskyi' }),
]);
const cityAdmin = sampleMe([sampleGrant({ role: 'city_admin' })]);
const member = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000003',
    role: 'ngo_member',
    organizationId: '40000000-0000-4000-8000-000000000001',
    organizationName: 'Оболонь разом',
  }),
]);

async function adminNav() {
  return within(await screen.findByRole('navigation', { name: 'Розділи адміністрування' }));
}

describe('booking items in the admin navigation', () => {
  it('gives a hub manager the hub calendar and hub management, not the district', async () => {
    installFakeApi(signedInAs(hubManager));
    renderApp('/admin');
    const nav = await adminNav();
    expect(nav.getByRole('link', { name: 'Календар хабу' })).toHaveAttribute('href', '/admin/calendar');
    expect(nav.getByRole('link', { name: 'Хаби' })).toHaveAttribute('href', '/admin/hubs');
    expect(nav.queryByRole('link', { name: 'Мій район' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Мої бронювання' })).not.toBeInTheDocument();
  });

  it('gives a district administrator their district, not the hub calendar', async () => {
    installFakeApi(signedInAs(districtAdmin));
    renderApp('/admin');
    const nav = await adminNav();
    expect(nav.getByRole('link', { name: 'Мій район' })).toHaveAttribute('href', '/admin/district');
    expect(nav.queryByRole('link', { name: 'Календар хабу' })).not.toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Хаби' })).not.toBeInTheDocument();
  });

  it('gives a city administrator all three', async () => {
    installFakeApi({ ...signedInAs(cityAdmin), 'GET /hubs': json({ items: [sampleHub()], total: 1 }) });
    renderApp('/admin');
    const nav = await adminNav();
    for (const name of ['Календар хабу', 'Хаби', 'Мій район'])
      expect(nav.getByRole('link', { name })).toBeInTheDocument();
  });

  it('gives a resident neither, and no admin area at all', async () => {
    installFakeApi(signedInAs(sampleMe([])));
    renderApp('/admin/calendar');
    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Календар хабу' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Мій район' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Мої бронювання' })).not.toBeInTheDocument();
  });

  it('tells an organisation member who opens the hub calendar that it is not for them', async () => {
    const { requests } = installFakeApi(signedInAs(member));
    renderApp('/admin/calendar');
    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Мої бронювання' })).toHaveAttribute('href', '/my/bookings');
    expect(requests.some((r) => r.path === '/bookings')).toBe(false);
  });
});
