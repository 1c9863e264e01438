// A hub's own page (rooms, weekly hours) and the signed-in user's account page.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Room } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { getAccessToken } from '../src/lib/api-client';
import { LOCALE_STORAGE_KEY } from '../src/lib/i18n';
import {
  installFakeApi,
  json,
  problem,
  sampleGrant,
  sampleHub,
  sampleMe,
  sampleUser,
  signedInAs,
  signedOut,
} from './fake-api';
import { renderApp } from './render-app';

const hub = sampleHub({
  id: '20000000-0000-4000-8000-000000000001',
  isDemo: true,
  shelterNotes: { uk: 'Укриття в підвалі, 40 місць.', en: 'Basement shelter, 40 places.' },
  openingHours: [
    { weekday: 1, opens: '09:00', closes: '18:00' },
    { weekday: 6, opens: '10:00', closes: '14:00' },
  ],
});
const room: Room = {
  id: '60000000-0000-4000-8000-000000000001',
  hubId: hub.id,
  name: { uk: 'Велика зала', en: 'Main hall' },
  capacity: 25,
  equipment: ['projector', 'flipchart', 'holograph'],
  accessibilityFeatures: ['step_free'],
  rules: {
    minMinutes: 30,
    maxMinutes: 480,
    leadMinutes: 60,
    horizonDays: 90,
    bufferMinutes: 15,
    requiresApproval: true,
    monthlyQuotaHours: null,
  },
  isDemo: true,
};

describe('hub page', () => {
  it('shows the rooms with capacity and equipment, and the week’s opening hours', async () => {
    installFakeApi({
      ...signedOut,
      [`GET /hubs/${hub.id}`]: json(hub),
      [`GET /hubs/${hub.id}/rooms`]: json({ items: [room], total: 1 }),
    });
    renderApp(`/hubs/${hub.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Vcentri HUB Оболонь' })).toBeInTheDocument();
    expect(screen.getByText('Укриття в підвалі, 40 місць.')).toBeInTheDocument();

    const rooms = within(screen.getByRole('region', { name: 'Кімнати' }));
    expect(await rooms.findByRole('heading', { name: 'Велика зала' })).toBeInTheDocument();
    expect(rooms.getByText('до 25 осіб')).toBeInTheDocument();
    // Known equipment is translated; an unknown word is shown as the API sent it.
    expect(rooms.getByText('проєктор, фліпчарт, holograph')).toBeInTheDocument();
    expect(rooms.getByText('вхід без сходинок')).toBeInTheDocument();

    const hours = within(screen.getByRole('table', { name: 'Години роботи за київським часом' }));
    expect(hours.getByRole('row', { name: 'Понеділок 09:00–18:00' })).toBeInTheDocument();
    expect(hours.getByRole('row', { name: 'Субота 10:00–14:00' })).toBeInTheDocument();
    expect(hours.getByRole('row', { name: 'Неділя Зачинено' })).toBeInTheDocument();
  });

  it('says so when the hub does not exist', async () => {
    installFakeApi({ ...signedOut, [`GET /hubs/${hub.id}`]: problem(404, 'not_found') });
    renderApp(`/hubs/${hub.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Хаб не знайдено' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Усі хаби' })).toHaveAttribute('href', '/');
  });
});

describe('account page', () => {
  it('shows the user, their translated roles, and saves a new name and language', async () => {
    const me = sampleMe(
      [sampleGrant({ role: 'district_admin', district: 'podilskyi' })],
      sampleUser({ name: 'Олена Коваль', email: 'olena@example.com' }),
    );
    const { requests } = installFakeApi({
      ...signedInAs(me),
      'PATCH /me': (request) => {
        const body = request.body as { name: string; locale: 'uk' | 'en' };
        return json({ ...me, user: { ...me.user, ...body } });
      },
    });
    const user = userEvent.setup();
    renderApp('/account');

    const profile = within(await screen.findByRole('region', { name: 'Профіль' }));
    expect(profile.getByText('olena@example.com')).toBeInTheDocument();
    expect(profile.getByText('Мешканець')).toBeInTheDocument();
    expect(profile.getAllByText('Адміністратор району').length).toBeGreaterThan(0);
    expect(profile.getByText('Подільський')).toBeInTheDocument();

    const name = screen.getByLabelText("Ім'я");
    await user.clear(name);
    await user.type(name, 'Olena Koval');
    await user.selectOptions(screen.getByLabelText('Бажана мова'), 'English');
    const email = within(screen.getByRole('group', { name: 'Надсилати мені листи про' }));
    expect(email.getByLabelText('Підтвердження бронювань')).toBeChecked();
    await user.click(email.getByLabelText('Скасовані події'));
    await user.click(screen.getByRole('button', { name: 'Зберегти зміни' }));

    // Focus lands on the result, not on the page body.
    await waitFor(() => expect(screen.getByText('Your changes have been saved.')).toHaveFocus());
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      name: 'Olena Koval',
      locale: 'en',
      emailOptOut: ['event.cancelled'],
    });
    expect(screen.getByTestId('current-user')).toHaveTextContent('Olena Koval');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('sends a signed-out visitor to log in first', async () => {
    installFakeApi(signedOut);
    const { router } = renderApp('/account');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });

  it('logs out from the header and forgets the session', async () => {
    const { requests } = installFakeApi({ ...signedInAs(sampleMe()), 'POST /auth/logout': { status: 204 } });
    const user = userEvent.setup();
    const { router } = renderApp('/account');

    await user.click(await screen.findByRole('button', { name: 'Вийти' }));

    expect(await screen.findByRole('link', { name: 'Увійти' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(requests.some((r) => r.path === '/auth/logout')).toBe(true);
    // The access token is gone from memory too: nothing sent afterwards carries it.
    expect(getAccessToken()).toBeNull();
  });
});
