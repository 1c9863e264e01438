// The district view: per-hub booking statistics for a Kyiv date range (this week by default) and
// the district's bookings, read-only, filtered by hub and status.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  addDays,
  type Dashboard,
  DASHBOARD_FIGURE_KEYS,
  type DashboardFigures,
  fromKyiv,
} from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { kyivToday, mondayOf } from '../src/lib/kyiv-dates';
import { installFakeApi, json, sampleBooking, sampleGrant, sampleMe, signedInAs } from './fake-api';
import { renderApp } from './render-app';

const districtAdmin = sampleMe([
  sampleGrant({ id: '10000000-0000-4000-8000-000000000004', role: 'district_admin', district: 'obolonskyi' }),
]);
const HUB_A = '20000000-0000-4000-8000-000000000001';
const HUB_B = '20000000-0000-4000-8000-000000000002';
const zero = Object.fromEntries(DASHBOARD_FIGURE_KEYS.map((k) => [k, 0])) as DashboardFigures;
const figures = (over: Partial<DashboardFigures> = {}): DashboardFigures => ({
  ...zero,
  utilisation: null,
  noShowRate: null,
  averageRating: null,
  ...over,
});
/** The dashboard's answer for the district (per hub as the API gives it) for the asked days. */
function dashboardOf(from: string, to: string, district: string | null): Dashboard {
  const hubs = [
    {
      hubId: HUB_A,
      name: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
      district: 'obolonskyi',
      ...figures({
        bookings: 7,
        bookedHours: 15.5,
        openHours: 62,
        utilisation: 0.25,
        organizations: 4,
        events: 3,
        attended: 35,
        averageRating: 4.5,
      }),
    },
    {
      hubId: HUB_B,
      name: { uk: 'Vcentri HUB Мінський', en: 'Vcentri HUB Minskyi' },
      district: 'obolonskyi',
      ...figures({ bookings: 3, bookedHours: 6, openHours: 60, utilisation: 0.1, organizations: 2 }),
    },
  ];
  return {
    period: { from, to, days: 7 },
    previous: { from, to },
    scope: { district, hubId: null, hubName: null },
    figures: figures({ bookings: 10, bookedHours: 21.5, organizations: 5, events: 3, attended: 35 }),
    previousFigures: figures(),
    districts: [],
    hubs,
    rooms: [],
    months: [],
    registry: { byDistrict: [], byLegalForm: [], byActivity: [] },
    organizations: [
      {
        organizationId: '30000000-0000-4000-8000-000000000001',
        name: { uk: 'ГО «Оболонь разом»', en: 'Obolon Together' },
        bookings: 6,
        bookedHours: 12,
      },
    ],
  };
}
const dashboardReply = (r: { query: URLSearchParams }) =>
  json(dashboardOf(r.query.get('from')!, r.query.get('to')!, r.query.get('district')));

describe('district view', () => {
  it('shows the dashboard’s figures per hub for the same days, with the organisations served', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/dashboard': dashboardReply,
      'GET /bookings': json({ items: [], total: 0 }),
    });
    renderApp('/admin/district');
    const hubs = within(await screen.findByRole('region', { name: 'Усі хаби' }));
    const row = within(hubs.getByRole('row', { name: /Vcentri HUB Оболонь/ }));
    // Bookings, booked and open hours, utilisation, organisations, events, attended, rating, volunteer hours.
    const percent = new Intl.NumberFormat('uk-UA', { style: 'percent', maximumFractionDigits: 1 });
    expect(row.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '7',
      '15,5',
      '62',
      percent.format(0.25),
      '4',
      '3',
      '35',
      '4,5',
      '0',
    ]);
    const served = within(screen.getByRole('region', { name: 'Організації, що користувалися хабами' }));
    expect(served.getByRole('rowheader', { name: 'ГО «Оболонь разом»' })).toBeInTheDocument();
    // This week, Monday to Sunday (Kyiv days), for the admin's district.
    const monday = mondayOf(kyivToday());
    const asked = requests.find((r) => r.path === '/stats/dashboard')!.query;
    expect(asked.get('from')).toBe(monday);
    expect(asked.get('to')).toBe(addDays(monday, 6));
    expect(asked.get('district')).toBe('obolonskyi');
  });

  it('shows volunteering per hub and organisation for the same window, in tables that scroll by keyboard', async () => {
    const figures = (over: Record<string, number | null>) => ({
      programs: 0,
      shifts: 0,
      places: 0,
      signups: 0,
      volunteers: 0,
      present: 0,
      noShows: 0,
      attendanceRate: null,
      approvedMinutes: 0,
      ...over,
    });
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/dashboard': dashboardReply,
      'GET /bookings': json({ items: [], total: 0 }),
      'GET /stats/volunteering': json({
        district: 'obolonskyi',
        totals: figures({
          programs: 3,
          shifts: 4,
          places: 13,
          signups: 5,
          volunteers: 3,
          present: 3,
          noShows: 1,
          attendanceRate: 0.75,
          approvedMinutes: 180,
        }),
        hubs: [
          {
            hubId: HUB_A,
            hubName: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
            district: 'obolonskyi',
            ...figures({
              programs: 2,
              shifts: 2,
              places: 9,
              signups: 2,
              volunteers: 2,
              present: 2,
              attendanceRate: 1,
              approvedMinutes: 150,
            }),
          },
          {
            hubId: HUB_B,
            hubName: { uk: 'Vcentri HUB Мінський', en: 'Vcentri HUB Minskyi' },
            district: 'obolonskyi',
            ...figures({}),
          },
        ],
        organizations: [
          {
            organizationId: '30000000-0000-4000-8000-000000000001',
            organizationName: { uk: 'ГО «Сусіди»', en: 'Neighbours NGO' },
            ...figures({
              programs: 1,
              shifts: 2,
              places: 7,
              signups: 3,
              volunteers: 3,
              present: 2,
              noShows: 1,
              attendanceRate: 2 / 3,
              approvedMinutes: 120,
            }),
          },
        ],
      }),
    });
    renderApp('/admin/district');
    const section = within(await screen.findByRole('region', { name: 'Волонтерство' }));
    const byHub = await section.findByRole('region', { name: 'Волонтерство за хабами' });
    expect(byHub).toHaveAttribute('tabindex', '0');
    expect(within(byHub).getByRole('table')).toBeInTheDocument();
    expect(
      within(within(byHub).getByRole('row', { name: /Vcentri HUB Оболонь/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '2', '9', '2', '2', '100%', '0', '2,5']);
    expect(
      within(within(byHub).getByRole('row', { name: /Мінський/ }))
        .getAllByRole('cell')
        .at(5)?.textContent,
    ).toBe('—');
    const byOrg = section.getByRole('region', { name: 'Волонтерство за організаціями' });
    expect(byOrg).toHaveAttribute('tabindex', '0');
    expect(
      within(within(byOrg).getByRole('row', { name: /Сусіди/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '2', '7', '3', '3', '67%', '1', '2']);
    expect(section.getByText('Затверджені години', { selector: 'dt' }).nextSibling?.textContent).toBe('3');
    // Every table of the page scrolls inside a named region a keyboard reaches (a 390 px phone).
    for (const table of screen.getAllByRole('table'))
      expect(table.closest('section.table-scroll[tabindex="0"][aria-label]')).not.toBeNull();
    // The same days as the figures: this week's Monday 00:00 to the next Monday 00:00, Kyiv clocks.
    const query = requests.find((r) => r.path === '/stats/volunteering')!.query;
    const days = requests.find((r) => r.path === '/stats/dashboard')!.query;
    expect(query.get('from')).toBe(fromKyiv(days.get('from')!, '00:00').toISOString());
    expect(query.get('to')).toBe(fromKyiv(addDays(days.get('to')!, 1), '00:00').toISOString());
    expect(query.get('district')).toBe('obolonskyi');
  });

  it('shows this week’s statistics per hub and the district’s bookings', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/dashboard': dashboardReply,
      'GET /bookings': json({ items: [sampleBooking({ status: 'confirmed' })], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/district');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Мій район: Оболонський' }),
    ).toBeInTheDocument();
    const hubs = within(await screen.findByRole('region', { name: 'Усі хаби' }));
    expect(hubs.getByRole('row', { name: /Vcentri HUB Оболонь/ })).toBeInTheDocument();
    const monday = mondayOf(kyivToday());
    expect(screen.getByLabelText('Від')).toHaveValue(monday);
    expect(screen.getByLabelText('До')).toHaveValue(addDays(monday, 6));

    const bookings = within(screen.getByRole('region', { name: 'Бронювання в районі' }));
    expect(bookings.getByRole('rowheader', { name: 'Зустріч волонтерів' })).toBeInTheDocument();
    expect(bookings.getByText('Підтверджено', { selector: '.badge' })).toBeInTheDocument();
    expect(bookings.queryByRole('button')).not.toBeInTheDocument();

    await user.selectOptions(bookings.getByLabelText('Хаб'), 'Vcentri HUB Мінський');
    await user.selectOptions(bookings.getByLabelText('Статус'), 'Очікує підтвердження');
    await waitFor(() => {
      const last = requests.filter((r) => r.path === '/bookings').at(-1)!.query;
      expect(last.get('hubId')).toBe('20000000-0000-4000-8000-000000000002');
      expect(last.get('status')).toBe('pending');
      expect(last.get('district')).toBe('obolonskyi');
    });
  });

  it('lets a city administrator choose the district', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(sampleMe([sampleGrant({ role: 'city_admin' })])),
      'GET /stats/dashboard': dashboardReply,
      'GET /bookings': json({ items: [], total: 0 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/district');

    await user.selectOptions(await screen.findByLabelText('Район'), 'Подільський');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Мій район: Подільський' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.path === '/stats/dashboard')
          .at(-1)
          ?.query.get('district'),
      ).toBe('podilskyi'),
    );
  });

  it('says "more than" when the list’s count stopped at the cap, and still offers the next page', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/dashboard': dashboardReply,
      'GET /bookings': json({
        items: [sampleBooking({ status: 'confirmed' })],
        total: 1000,
        totalExact: false,
      }),
    });
    const user = userEvent.setup();
    renderApp('/admin/district');

    const region = within(await screen.findByRole('region', { name: 'Бронювання в районі' }));
    expect(await region.findByText('Знайдено понад 1 000 бронювань.')).toBeInTheDocument();
    expect(region.getByText('Сторінка 1, знайдено понад 1 000')).toBeInTheDocument();
    await user.click(region.getByRole('button', { name: 'Наступна' }));
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.path === '/bookings')
          .at(-1)!
          .query.get('offset'),
      ).toBe('50'),
    );
  });
});
