// A room's public page: its rules in plain words, its week (free, booked, closed) as a list next
// to the calendar, calendar feeds to subscribe to, and booking only for verified organisations.
import { screen, within } from '@testing-library/react';
import { fromKyiv } from '@vcentri/shared';
import { describe, expect, it, vi } from 'vitest';
import { formatLocalDate } from '../src/lib/format';
import { kyivDaysRange, kyivToday, mondayOf } from '../src/lib/kyiv-dates';
import { NARROW_SCREEN } from '../src/lib/narrow-screen';
import {
  installFakeApi,
  json,
  sampleGrant,
  sampleHub,
  sampleMe,
  sampleOrganization,
  sampleRoom,
  signedInAs,
  signedOut,
} from './fake-api';
import { renderApp } from './render-app';

const hub = sampleHub();
const room = sampleRoom();
const monday = mondayOf(kyivToday());
const at = (time: string) => fromKyiv(monday, time).toISOString();
const availability = {
  roomId: room.id,
  open: [{ start: at('09:00'), end: at('21:00') }],
  free: [
    { start: at('09:00'), end: at('10:00') },
    { start: at('16:15'), end: at('21:00') },
  ],
  busy: [
    {
      start: at('10:00'),
      end: at('12:00'),
      kind: 'booking',
      status: 'confirmed',
      bookingId: null,
      title: null,
    },
    { start: at('12:00'), end: at('12:15'), kind: 'buffer', status: null, bookingId: null, title: null },
    { start: at('13:00'), end: at('16:00'), kind: 'closure', status: null, bookingId: null, title: 'Ремонт' },
  ],
};

const publicHandlers = {
  [`GET /rooms/${room.id}`]: json(room),
  [`GET /hubs/${hub.id}`]: json(hub),
  [`GET /rooms/${room.id}/availability`]: json(availability),
};

describe('room page', () => {
  it('asks a phone for the one day its calendar shows, not a whole week', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === NARROW_SCREEN,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const { requests } = installFakeApi({ ...signedOut, ...publicHandlers });
    renderApp(`/rooms/${room.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Велика зала' })).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Зайнятість за днями' });
    const asked = requests.filter((r) => r.path.endsWith('/availability'));
    const today = kyivDaysRange(kyivToday(), 1);
    expect(asked[0]?.query.get('from')).toBe(today.from.toISOString());
    expect(asked[0]?.query.get('to')).toBe(today.to.toISOString());
  });

  it('shows the rules in plain words, the week as a list and the calendar feeds', async () => {
    const { requests } = installFakeApi({ ...signedOut, ...publicHandlers });
    renderApp(`/rooms/${room.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Велика зала' })).toBeInTheDocument();
    const rules = within(screen.getByRole('region', { name: 'Правила бронювання' }));
    for (const text of [
      'Тривалість бронювання: щонайменше 30 хвилин, щонайбільше 4 години.',
      'Між запитом і початком має минути щонайменше 2 години.',
      'Бронювати можна не далі ніж на 60 днів наперед.',
      'Перерва після кожного бронювання (на прибирання й підготовку): 15 хвилин.',
      'Кожен запит підтверджує менеджер хабу.',
      'Одна організація може мати тут до 20 годин бронювань на місяць.',
    ])
      expect(rules.getByText(text)).toBeInTheDocument();

    const days = within(await screen.findByRole('region', { name: 'Зайнятість за днями' }));
    const day = within(
      (await days.findByRole('heading', { name: formatLocalDate(monday, 'uk') })).closest('li')!,
    );
    expect(day.getByText(/09:00–10:00/).closest('li')).toHaveTextContent('Вільно');
    expect(day.getByText(/10:00–12:00/).closest('li')).toHaveTextContent('Зайнято');
    expect(day.getByText(/12:00–12:15/).closest('li')).toHaveTextContent('Перерва між бронюваннями');
    expect(day.getByText(/13:00–16:00/).closest('li')).toHaveTextContent('Закрито: Ремонт');
    const query = requests.find((r) => r.path.endsWith('/availability'))!.query;
    expect(query.get('from')).toBe(at('00:00'));
    // The hub is asked for once the room names it — never with an empty id (the whole list).
    expect(requests.filter((r) => r.path.startsWith('/hubs')).map((r) => r.path)).toEqual([
      `/hubs/${hub.id}`,
    ]);

    const feeds = within(screen.getByRole('region', { name: 'Підписатися на календар' }));
    expect(feeds.getByLabelText('Адреса календаря кімнати «Велика зала»')).toHaveValue(
      `${window.location.origin}/api/v1/rooms/${room.id}/calendar.ics`,
    );
    expect(feeds.getByLabelText('Адреса календаря хабу «Vcentri HUB Оболонь»')).toHaveValue(
      `${window.location.origin}/api/v1/hubs/${hub.id}/calendar.ics`,
    );
    expect(
      feeds.getByRole('link', { name: 'Відкрити календар «Велика зала» у застосунку календаря' }),
    ).toHaveAttribute('href', `webcal://${window.location.host}/api/v1/rooms/${room.id}/calendar.ics`);

    // A visitor is asked to log in rather than offered the booking form.
    expect(screen.getByText(/Щоб забронювати кімнату, увійдіть/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Забронювати' })).not.toBeInTheDocument();
  });

  it('does not offer booking to a member of an organisation that is not verified yet', async () => {
    const me = sampleMe([
      sampleGrant({
        id: '10000000-0000-4000-8000-000000000003',
        role: 'ngo_owner',
        organizationId: '40000000-0000-4000-8000-000000000001',
      }),
    ]);
    installFakeApi({
      ...signedInAs(me),
      ...publicHandlers,
      'GET /me/organizations': json({ items: [sampleOrganization({ status: 'submitted' })], total: 1 }),
    });
    renderApp(`/rooms/${room.id}`);

    expect(
      await screen.findByText('Бронювати можуть учасники організацій, верифікованих у реєстрі.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Забронювати' })).not.toBeInTheDocument();
  });

  it('is linked from the hub page', async () => {
    installFakeApi({
      ...signedOut,
      ...publicHandlers,
      [`GET /hubs/${hub.id}/rooms`]: json({ items: [room], total: 1 }),
    });
    renderApp(`/hubs/${hub.id}`);
    expect(await screen.findByRole('link', { name: 'Велика зала' })).toHaveAttribute(
      'href',
      `/rooms/${room.id}`,
    );
    expect(screen.getByRole('link', { name: 'Розклад і бронювання Велика зала' })).toHaveAttribute(
      'href',
      `/rooms/${room.id}`,
    );
  });
});
