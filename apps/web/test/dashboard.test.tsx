// The public dashboard: the period and place come from the URL (the last whole quarter by
// default), each headline shows its change from the previous period, each chart has its table and
// a CSV of exactly the rows it shows, the definitions are on the page, in both languages.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Dashboard, DASHBOARD_FIGURE_KEYS, type DashboardFigures } from '@vcentri/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastQuarter } from '../src/features/dashboard/period';
import { changeLocale } from '../src/lib/i18n';
import { kyivToday } from '../src/lib/kyiv-dates';
import { installFakeApi, json, sampleHub, signedOut } from './fake-api';
import { renderApp } from './render-app';

afterEach(async () => {
  await changeLocale('uk');
  vi.restoreAllMocks();
});

const HUB = '20000000-0000-4000-8000-000000000001';
const zero = Object.fromEntries(DASHBOARD_FIGURE_KEYS.map((k) => [k, 0])) as DashboardFigures;
const figures = (over: Partial<DashboardFigures>): DashboardFigures => ({
  ...zero,
  utilisation: null,
  noShowRate: null,
  averageRating: null,
  ...over,
});

function sample(from: string, to: string, district: string | null): Dashboard {
  return {
    period: { from, to, days: 92 },
    previous: { from: '2026-04-01', to: '2026-06-30' },
    scope: { district, hubId: null, hubName: null },
    figures: figures({ bookings: 120, bookedHours: 300, openHours: 1200, utilisation: 0.25, events: 8 }),
    previousFigures: figures({
      bookings: 100,
      bookedHours: 240,
      openHours: 1200,
      utilisation: 0.2,
      events: 0,
    }),
    districts: [{ district: 'obolonskyi', ...figures({ utilisation: 0.25 }) }],
    hubs: [
      {
        hubId: HUB,
        name: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
        district: 'obolonskyi',
        ...figures({ bookings: 120, utilisation: 0.25 }),
      },
      {
        hubId: '20000000-0000-4000-8000-000000000002',
        name: { uk: 'Vcentri HUB Мінський', en: 'Vcentri HUB Minskyi' },
        district: 'obolonskyi',
        ...figures({ bookings: 0, utilisation: 0.125 }),
      },
    ],
    rooms: [],
    months: Array.from({ length: 12 }, (_, i) => ({
      month: `2025-${String(i + 1).padStart(2, '0')}`,
      ...figures({ bookings: i * 10 }),
    })),
    registry: {
      byDistrict: [{ key: 'obolonskyi', count: 7 }],
      byLegalForm: [{ key: 'public_association', count: 7 }],
      byActivity: [],
    },
  };
}

describe('the public dashboard', () => {
  it('asks for the last whole quarter by default and shows each figure with its change', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [sampleHub({ id: HUB })], total: 1 }),
      'GET /stats/dashboard': (r) =>
        json(sample(r.query.get('from')!, r.query.get('to')!, r.query.get('district'))),
    });
    renderApp('/dashboard?district=obolonskyi');
    expect(await screen.findByRole('heading', { level: 1, name: 'Хаби в цифрах' })).toBeInTheDocument();
    const card = (await screen.findByText('Бронювання', { selector: '.figure-card__name' })).closest('li')!;
    expect(within(card).getByText('120')).toBeInTheDocument();
    expect(within(card).getByText(/\+20 % до попереднього періоду/)).toBeInTheDocument();
    const events = screen.getByText('Події', { selector: '.figure-card__name' }).closest('li')!;
    expect(within(events).getByText(/нове/)).toBeInTheDocument();
    const utilisation = screen.getByText('Завантаженість', { selector: '.figure-card__name' }).closest('li')!;
    expect(within(utilisation).getByText(/\+5 в\. п\./)).toBeInTheDocument();

    const asked = requests.filter((r) => r.path === '/stats/dashboard').at(-1)!;
    const q = lastQuarter(kyivToday());
    const [year, n] = q.split('-Q').map(Number) as [number, number];
    expect(asked.query.get('from')).toBe(`${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`);
    expect(asked.query.get('district')).toBe('obolonskyi');
    // Every figure is defined on the page.
    const definitions = screen.getByRole('heading', { name: 'Що означають показники' }).closest('section')!;
    expect(within(definitions).getAllByRole('term')).toHaveLength(DASHBOARD_FIGURE_KEYS.length);
  });

  it('keeps the choices in the URL and downloads a chart as the CSV of its table', async () => {
    installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [sampleHub({ id: HUB })], total: 1 }),
      'GET /stats/dashboard': (r) =>
        json(sample(r.query.get('from')!, r.query.get('to')!, r.query.get('district'))),
    });
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: vi.fn((b: Blob) => {
          saved.push(b);
          return 'blob:csv';
        }),
        revokeObjectURL: vi.fn(),
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    const { router } = renderApp('/dashboard?quarter=2026-Q3&district=obolonskyi');
    const chart = (await screen.findByRole('heading', { name: 'Завантаженість за хабами' })).closest(
      'figure',
    )!;
    const table = within(chart).getByRole('table');
    const shown = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((c) => c.textContent));
    const percent = new Intl.NumberFormat('uk-UA', { style: 'percent', maximumFractionDigits: 1 });
    expect(shown).toEqual([
      ['Vcentri HUB Оболонь', percent.format(0.25)],
      ['Vcentri HUB Мінський', percent.format(0.125)],
    ]);
    await user.click(within(chart).getByRole('button', { name: /Завантажити CSV/ }));
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    // A byte-order mark first (spreadsheets then read UTF-8), then the table's rows as numbers.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      'Хаб,Завантаженість\r\nVcentri HUB Оболонь,0.25\r\nVcentri HUB Мінський,0.125\r\n',
    );

    await user.selectOptions(screen.getByLabelText('Період'), 'year');
    await waitFor(() => expect(router.state.location.search).toContain('year=2026'));
    expect(router.state.location.search).not.toContain('quarter=');
    await user.selectOptions(screen.getByLabelText('Хаб'), HUB);
    await waitFor(() => expect(router.state.location.search).toContain(`hub=${HUB}`));
  });

  it('speaks English', async () => {
    await changeLocale('en');
    installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /stats/dashboard': (r) =>
        json(sample(r.query.get('from')!, r.query.get('to')!, r.query.get('district'))),
    });
    renderApp('/dashboard?month=2026-09');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hubs in figures' })).toBeInTheDocument();
    expect(await screen.findByText('+20 % on the previous period')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Utilisation by district' })).toBeInTheDocument();
  });
});
