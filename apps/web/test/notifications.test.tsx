// Notifications: the header bell shows the unread count (and polls it); the page lists them in
// the UI language, links to what they are about, and marks them read one by one or all at once.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Notification } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../src/lib/i18n';
import { unreadCountQueryOptions } from '../src/features/notifications/api/get-notifications';
import { installFakeApi, json, sampleGrant, sampleMe, signedInAs, signedOut } from './fake-api';
import { renderApp } from './render-app';

const member = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000003',
    role: 'ngo_member',
    organizationId: '40000000-0000-4000-8000-000000000001',
    organizationName: 'Оболонь разом',
  }),
]);

const confirmed: Notification = {
  id: 'a0000000-0000-4000-8000-000000000001',
  kind: 'booking.confirmed',
  title: { uk: 'Бронювання підтверджено: Зустріч волонтерів', en: 'Booking confirmed: Volunteer meeting' },
  body: {
    uk: 'Vcentri HUB Оболонь, Велика зала, 2027-03-30 18:00.',
    en: 'Vcentri HUB Obolon, Main hall, 2027-03-30 18:00.',
  },
  link: '/my/bookings/70000000-0000-4000-8000-000000000001',
  createdAt: '2027-03-20T10:00:00.000Z',
  read: false,
};
const disrupted: Notification = {
  ...confirmed,
  id: 'a0000000-0000-4000-8000-000000000002',
  kind: 'booking.disrupted',
  title: { uk: 'Приміщення закрито: Зустріч волонтерів', en: 'Room closed: Volunteer meeting' },
  read: true,
};

describe('notifications', () => {
  it('shows the unread count on the bell, polled every minute and on focus', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(member),
      'GET /me/notifications': json({ items: [confirmed], total: 5, unread: 3 }),
    });
    renderApp('/');

    const bell = await screen.findByRole('link', { name: 'Сповіщення: 3 непрочитані' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(within(bell).getByText('3')).toBeInTheDocument();
    const poll = requests.find((r) => r.path === '/me/notifications');
    expect(poll?.query.get('unread')).toBe('true');
    const options = unreadCountQueryOptions();
    expect(options.refetchInterval).toBe(60_000);
    expect(options.refetchOnWindowFocus).toBe(true);
    expect(screen.getByRole('link', { name: 'Мої бронювання' })).toHaveAttribute('href', '/my/bookings');
  });

  it('has no bell for a visitor who is not signed in', async () => {
    installFakeApi(signedOut);
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Увійти' })).toBeInTheDocument();
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
  });

  it('lists notifications in the UI language, marks one and then all read', async () => {
    let items = [confirmed, { ...disrupted, read: false }];
    const { requests } = installFakeApi({
      ...signedInAs(member),
      'GET /me/notifications': () =>
        json({ items, total: items.length, unread: items.filter((n) => !n.read).length }),
      [`POST /me/notifications/${confirmed.id}/read`]: () => {
        items = items.map((n) => (n.id === confirmed.id ? { ...n, read: true } : n));
        return { status: 204 };
      },
      'POST /me/notifications/read-all': () => {
        items = items.map((n) => ({ ...n, read: true }));
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/notifications');

    const list = within(await screen.findByRole('list', { name: 'Сповіщення' }));
    const first = within(list.getByRole('article', { name: 'Бронювання підтверджено: Зустріч волонтерів' }));
    expect(first.getByText('Нове')).toBeInTheDocument();
    expect(first.getByText('Підтвердження')).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'Бронювання підтверджено: Зустріч волонтерів' })).toHaveAttribute(
      'href',
      '/my/bookings/70000000-0000-4000-8000-000000000001',
    );
    expect(list.getByText('Закриття приміщення')).toBeInTheDocument();
    expect(screen.getByText('2 непрочитані.')).toBeInTheDocument();

    await user.click(
      first.getByRole('button', {
        name: 'Позначити прочитаним «Бронювання підтверджено: Зустріч волонтерів»',
      }),
    );
    expect(await screen.findByText('1 непрочитане.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Сповіщення: 1 непрочитане' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Позначити всі прочитаними' }));
    expect(await screen.findByText('0 непрочитаних.')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/me/notifications/read-all')).toHaveLength(1);
    expect(screen.queryByText('Нове')).not.toBeInTheDocument();

    await changeLocale('en');
    expect(
      await screen.findByRole('article', { name: 'Booking confirmed: Volunteer meeting' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Room closed')).toBeInTheDocument();
  });
});
