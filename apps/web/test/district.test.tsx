// The district view: per-hub booking statistics for a Kyiv date range (this week by default) and
// the district's bookings, read-only, filtered by hub and status.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, fromKyiv } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { kyivToday, mondayOf } from '../src/lib/kyiv-dates';
import { installFakeApi, json, sampleBooking, sampleGrant, sampleMe, signedInAs } from './fake-api';
import { renderApp } from './render-app';

const districtAdmin = sampleMe([
  sampleGrant({ id: '10000000-0000-4000-8000-000000000004', role: 'district_admin', district: 'obolonskyi' }),
]);
const stats = [
  {
    hubId: '20000000-0000-4000-8000-000000000001',
    hubName: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
    district: 'obolonskyi',
    bookings: 7,
    pending: 2,
    bookedHours: 15.5,
    organizations: 4,
  },
  {
    hubId: '20000000-0000-4000-8000-000000000002',
    hubName: { uk: 'Vcentri HUB Мінський', en: 'Vcentri HUB Minskyi' },
    district: 'obolonskyi',
    bookings: 3,
    pending: 0,
    bookedHours: 6,
    organizations: 2,
  },
];

describe('district view', () => {
  it('shows events, attendance and ratings per hub for the same window', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/bookings': json({ items: stats }),
      'GET /bookings': json({ items: [], total: 0 }),
      'GET /stats/events': json({
        items: [
          {
            hubId: stats[0]!.hubId,
            hubName: stats[0]!.hubName,
            district: 'obolonskyi',
            events: 3,
            registrations: 41,
            attended: 35,
            feedbackCount: 12,
            averageRating: 4.5,
          },
          {
            hubId: stats[1]!.hubId,
            hubName: stats[1]!.hubName,
            district: 'obolonskyi',
            events: 0,
            registrations: 0,
            attended: 0,
            feedbackCount: 0,
            averageRating: null,
          },
        ],
      }),
    });
    renderApp('/admin/district');
    const region = within(await screen.findByRole('region', { name: 'Події та відвідуваність' }));
    const row = within(await region.findByRole('row', { name: /Vcentri HUB Оболонь/ }));
    expect(row.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '3',
      '41',
      '35',
      '4,5 з 5 (12 відгуків)',
    ]);
    const quiet = within(region.getByRole('row', { name: /Мінський/ }));
    expect(quiet.getAllByRole('cell').at(-1)?.textContent).toBe('—');
    const eventsQuery = requests.find((r) => r.path === '/stats/events')!.query;
    const bookingsQuery = requests.find((r) => r.path === '/stats/bookings')!.query;
    expect(eventsQuery.get('from')).toBe(bookingsQuery.get('from'));
    expect(eventsQuery.get('district')).toBe('obolonskyi');
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
      'GET /stats/bookings': json({ items: stats }),
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
            hubId: stats[0]!.hubId,
            hubName: stats[0]!.hubName,
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
          { hubId: stats[1]!.hubId, hubName: stats[1]!.hubName, district: 'obolonskyi', ...figures({}) },
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
    const query = requests.find((r) => r.path === '/stats/volunteering')!.query;
    const bookingsQuery = requests.find((r) => r.path === '/stats/bookings')!.query;
    expect(query.get('from')).toBe(bookingsQuery.get('from'));
    expect(query.get('to')).toBe(bookingsQuery.get('to'));
    expect(query.get('district')).toBe('obolonskyi');
  });

  it('shows this week’s statistics per hub and the district’s bookings', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/bookings': json({ items: stats }),
      'GET /bookings': json({ items: [sampleBooking({ status: 'confirmed' })], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/district');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Мій район: Оболонський' }),
    ).toBeInTheDocument();
    const table = within(await screen.findByRole('table', { name: /^Бронювання хабів/ }));
    const obolon = within(table.getByRole('row', { name: /Vcentri HUB Оболонь/ }));
    expect(obolon.getAllByRole('cell').map((c) => c.textContent)).toEqual(['7', '2', '15,5', '4']);
    expect(
      within(table.getByRole('row', { name: /Разом/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '2', '21,5', '—']);

    // This week, Monday 00:00 to next Monday 00:00 on Kyiv clocks, for the admin's district.
    const monday = mondayOf(kyivToday());
    const statsQuery = requests.find((r) => r.path === '/stats/bookings')!.query;
    expect(statsQuery.get('from')).toBe(fromKyiv(monday, '00:00').toISOString());
    expect(statsQuery.get('to')).toBe(fromKyiv(addDays(monday, 7), '00:00').toISOString());
    expect(statsQuery.get('district')).toBe('obolonskyi');
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
      'GET /stats/bookings': json({ items: stats }),
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
          .filter((r) => r.path === '/stats/bookings')
          .at(-1)
          ?.query.get('district'),
      ).toBe('podilskyi'),
    );
  });

  it('says "more than" when the list’s count stopped at the cap, and still offers the next page', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(districtAdmin),
      'GET /stats/bookings': json({ items: stats }),
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
