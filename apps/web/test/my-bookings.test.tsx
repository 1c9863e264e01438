// The organiser's bookings: a booking disrupted by a closure shows the closure and its free
// alternatives; moving there calls the API, and a room taken meanwhile (409) refreshes the list
// with a translated message; a series can be cancelled from one date on.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Alternative, Booking } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, problem, sampleBooking, sampleGrant, sampleMe, signedInAs } from './fake-api';
import { renderApp } from './render-app';

const member = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000003',
    role: 'ngo_member',
    organizationId: '40000000-0000-4000-8000-000000000001',
    organizationName: 'Оболонь разом',
  }),
]);
const disrupted = sampleBooking({
  status: 'disrupted',
  disruption: {
    closureId: '80000000-0000-4000-8000-000000000001',
    reason: 'Планове відключення світла',
    kind: 'power_cut',
    start: '2027-03-30T14:00:00.000Z',
    end: '2027-03-30T18:00:00.000Z',
  },
});
const small: Alternative = {
  roomId: '60000000-0000-4000-8000-000000000002',
  roomName: { uk: 'Мала кімната', en: 'Small room' },
  hubId: '20000000-0000-4000-8000-000000000001',
  hubName: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
  capacity: 15,
  sameHub: true,
  distanceKm: 0,
  requiresApproval: false,
};
const podil: Alternative = {
  roomId: '60000000-0000-4000-8000-000000000009',
  roomName: { uk: 'Зала', en: 'Hall' },
  hubId: '20000000-0000-4000-8000-000000000009',
  hubName: { uk: 'Vcentri HUB Поділ', en: 'Vcentri HUB Podil' },
  capacity: 30,
  sameHub: false,
  distanceKm: 4.2,
  requiresApproval: true,
};

describe('my bookings', () => {
  it('shows a disrupted booking’s closure and alternatives, and moves it after a lost race', async () => {
    let bookings: Booking[] = [disrupted];
    let alternatives = [small, podil];
    let moveAnswer = problem(409, 'booking_conflict', undefined, { conflicts: [] });
    const { requests } = installFakeApi({
      ...signedInAs(member),
      'GET /bookings': () => json({ items: bookings, total: bookings.length }),
      [`GET /bookings/${disrupted.id}/alternatives`]: () => json({ items: alternatives }),
      [`POST /bookings/${disrupted.id}/move`]: () => moveAnswer,
    });
    const user = userEvent.setup();
    renderApp('/my/bookings');

    const card = within(await screen.findByRole('article', { name: 'Зустріч волонтерів' }));
    expect(card.getByText('Порушено закриттям')).toBeInTheDocument();
    expect(card.getByText('Приміщення закрито: Відключення електроенергії')).toBeInTheDocument();
    expect(card.getByText('Причина: Планове відключення світла')).toBeInTheDocument();
    expect(card.getByText('Закрито: 30 бер. 2027 р., 17:00–21:00.')).toBeInTheDocument();

    const list = within(await card.findByRole('region', { name: 'Вільні альтернативи' }));
    expect(await list.findByText(/до 15 осіб · у тому самому хабі/)).toBeInTheDocument();
    expect(
      list.getByText(/до 30 осіб · 4,2 км звідси · потрібне підтвердження менеджера/),
    ).toBeInTheDocument();

    // Someone takes the small room first: the list is read again and says why.
    alternatives = [podil];
    await user.click(list.getByRole('button', { name: 'Перенести сюди: Мала кімната, Vcentri HUB Оболонь' }));
    expect(
      await list.findByText('Цю кімнату щойно зайняли. Ми оновили список — оберіть іншу.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(list.queryByRole('button', { name: /Мала кімната/ })).not.toBeInTheDocument());
    expect(requests.filter((r) => r.path.endsWith('/alternatives')).length).toBeGreaterThan(1);

    moveAnswer = json({ ...disrupted, roomId: podil.roomId, status: 'pending', disruption: null });
    bookings = [
      {
        ...disrupted,
        roomId: podil.roomId,
        roomName: podil.roomName,
        hubName: podil.hubName,
        status: 'pending',
        disruption: null,
      },
    ];
    await user.click(list.getByRole('button', { name: 'Перенести сюди: Зала, Vcentri HUB Поділ' }));

    await waitFor(() =>
      expect(
        screen.getByText(
          'Бронювання перенесено: Зала, Vcentri HUB Поділ. Воно очікує підтвердження менеджера хабу.',
          {
            selector: '[role="status"]',
          },
        ),
      ).toBeInTheDocument(),
    );
    const moves = requests.filter((r) => r.path.endsWith('/move'));
    expect(moves.map((r) => r.body)).toEqual([{ roomId: small.roomId }, { roomId: podil.roomId }]);
    const moved = within(await screen.findByRole('article', { name: 'Зустріч волонтерів' }));
    expect(await moved.findByText('Очікує підтвердження')).toBeInTheDocument();
    expect(moved.queryByRole('region', { name: 'Вільні альтернативи' })).not.toBeInTheDocument();
  });

  it('cancels a date and the rest of its series after confirmation', async () => {
    const series = sampleBooking({ status: 'confirmed', seriesId: '90000000-0000-4000-8000-000000000001' });
    const { requests } = installFakeApi({
      ...signedInAs(member),
      'GET /bookings': json({ items: [series], total: 1 }),
      [`POST /bookings/${series.id}/cancel`]: json({
        items: [
          { ...series, status: 'cancelled' },
          { ...series, id: '70000000-0000-4000-8000-000000000005', status: 'cancelled' },
        ],
      }),
    });
    const user = userEvent.setup();
    renderApp('/my/bookings');

    await user.click(
      await screen.findByRole('button', { name: 'Скасувати бронювання «Зустріч волонтерів»' }),
    );
    const dialog = within(screen.getByRole('alertdialog', { name: 'Скасувати бронювання?' }));
    expect(dialog.getByRole('radio', { name: 'Лише це бронювання' })).toBeChecked();
    await user.click(dialog.getByRole('radio', { name: 'Це й усі наступні в серії' }));
    await user.type(dialog.getByLabelText("Причина (необов'язково)"), 'Захід перенесено');
    await user.click(dialog.getByRole('button', { name: 'Так, скасувати' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requests.find((r) => r.path.endsWith('/cancel'))?.body).toEqual({
      scope: 'following',
      reason: 'Захід перенесено',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Мої бронювання' })).toHaveFocus();
    expect(
      screen.getByText(/Скасовано 2 бронювання, перше — 30 бер\. 2027 р\., 18:00–20:00\./, {
        selector: '[role="status"]',
      }),
    ).toBeInTheDocument();
  });

  it('shows one booking in detail, as the notifications link to it', async () => {
    const declined = sampleBooking({
      status: 'declined',
      decisionReason: 'Зала на ремонті',
      canCancel: false,
    });
    installFakeApi({ ...signedInAs(member), [`GET /bookings/${declined.id}`]: json(declined) });
    renderApp(`/my/bookings/${declined.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Зустріч волонтерів' })).toBeInTheDocument();
    expect(screen.getByText('Відхилено')).toBeInTheDocument();
    expect(screen.getByText('Зала на ремонті')).toBeInTheDocument();
    expect(screen.getByText('30 бер. 2027 р., 18:00–20:00')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Скасувати бронювання' })).not.toBeInTheDocument();
  });
});
