// The home page: the hub network as a visitor sees it, and what they see when there is nothing
// to show or the API fails.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi, json, problem, sampleHub, signedOut } from './fake-api';
import { renderApp } from './render-app';

const obolon = sampleHub({
  id: '20000000-0000-4000-8000-000000000001',
  name: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
  district: 'obolonskyi',
  address: { uk: 'вул. Героїв Дніпра, 1', en: '1 Heroiv Dnipra St' },
  roomCount: 3,
  isDemo: true,
  // Wednesdays only, two intervals.
  openingHours: [
    { weekday: 3, opens: '14:00', closes: '20:00' },
    { weekday: 3, opens: '09:00', closes: '12:00' },
  ],
});
const podil = sampleHub({
  id: '20000000-0000-4000-8000-000000000002',
  name: { uk: 'Vcentri HUB Поділ', en: 'Vcentri HUB Podil' },
  district: 'podilskyi',
  address: { uk: 'вул. Сагайдачного, 5', en: '5 Sahaidachnoho St' },
  roomCount: 1,
  isDemo: false,
  openingHours: [{ weekday: 3, opens: '10:00', closes: '18:00' }],
});

describe('home page', () => {
  afterEach(() => vi.useRealTimers());

  it('lists the hubs with district, address, rooms, today’s hours and a demo badge', async () => {
    // Wednesday 2026-03-04, 10:00 in Kyiv.
    vi.useFakeTimers({ now: new Date('2026-03-04T08:00:00Z'), toFake: ['Date'] });
    installFakeApi({ ...signedOut, 'GET /hubs': json({ items: [obolon, podil], total: 2 }) });
    renderApp('/');

    const list = await screen.findByRole('list', { name: 'Хаби' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(2);

    const first = within(cards[0]!);
    expect(first.getByRole('link', { name: 'Vcentri HUB Оболонь' })).toHaveAttribute(
      'href',
      '/hubs/20000000-0000-4000-8000-000000000001',
    );
    expect(first.getByText('Оболонський')).toBeInTheDocument();
    expect(first.getByText('вул. Героїв Дніпра, 1')).toBeInTheDocument();
    expect(first.getByText('3 кімнати')).toBeInTheDocument();
    expect(first.getByText('09:00–12:00, 14:00–20:00')).toBeInTheDocument();
    expect(first.getByText('Демонстраційні дані')).toBeInTheDocument();

    const second = within(cards[1]!);
    expect(second.getByText('Подільський')).toBeInTheDocument();
    expect(second.getByText('1 кімната')).toBeInTheDocument();
    expect(second.queryByText('Демонстраційні дані')).not.toBeInTheDocument();
    expect(screen.getByText('2 хаби')).toBeInTheDocument();
  });

  it('says a hub is closed today when it has no hours on this weekday in Kyiv', async () => {
    // Sunday 2026-03-08 00:30 in Kyiv is still Saturday in UTC: the Kyiv weekday must win.
    vi.useFakeTimers({ now: new Date('2026-03-07T22:30:00Z'), toFake: ['Date'] });
    const saturdayOnly = sampleHub({ openingHours: [{ weekday: 6, opens: '10:00', closes: '18:00' }] });
    installFakeApi({ ...signedOut, 'GET /hubs': json({ items: [saturdayOnly], total: 1 }) });
    renderApp('/');

    const card = await screen.findByRole('article');
    expect(within(card).getByText('Зачинено')).toBeInTheDocument();
  });

  it('shows an empty state when the network has no hubs', async () => {
    installFakeApi({ ...signedOut, 'GET /hubs': json({ items: [], total: 0 }) });
    renderApp('/');

    expect(await screen.findByText('У мережі поки немає жодного хабу.')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('filters by district through the API and says when a district has none', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /hubs': (request) =>
        request.query.get('district') === 'darnytskyi'
          ? json({ items: [], total: 0 })
          : json({ items: [obolon], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('article');

    await user.selectOptions(screen.getByLabelText('Район'), 'Дарницький');

    expect(await screen.findByText('У цьому районі поки немає хабів.')).toBeInTheDocument();
    expect(
      requests
        .filter((r) => r.path === '/hubs')
        .at(-1)
        ?.query.get('district'),
    ).toBe('darnytskyi');
  });

  it('shows a translated error with a retry when the API fails', async () => {
    let calls = 0;
    installFakeApi({
      ...signedOut,
      'GET /hubs': () =>
        ++calls === 1 ? problem(503, 'service_unavailable') : json({ items: [podil], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не вдалося завантажити список хабів.');
    expect(alert).toHaveTextContent('Сервіс тимчасово недоступний. Спробуйте пізніше.');

    await user.click(within(alert).getByRole('button', { name: 'Спробувати ще раз' }));
    expect(await screen.findByRole('link', { name: 'Vcentri HUB Поділ' })).toBeInTheDocument();
  });
});
