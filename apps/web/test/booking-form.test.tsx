// Requesting a room: the keyboard way from the room page, the per-date check with translated
// reasons and clashing times in Kyiv time, the instants sent for a Kyiv date and time (across the
// 28 March 2027 clock change), and what a booking_conflict answer shows.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BookingInput, BookingPreview } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import {
  installFakeApi,
  json,
  problem,
  sampleBooking,
  sampleGrant,
  sampleHub,
  sampleMe,
  sampleOrganization,
  sampleRoom,
  signedInAs,
} from './fake-api';
import { renderApp } from './render-app';

const hub = sampleHub();
const room = sampleRoom();
const organization = sampleOrganization({ myRole: 'ngo_member' });
const member = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000003',
    role: 'ngo_member',
    organizationId: organization.id,
    organizationName: 'Оболонь разом',
  }),
]);

const base = {
  ...signedInAs(member),
  [`GET /rooms/${room.id}`]: json(room),
  [`GET /hubs/${hub.id}`]: json(hub),
  'GET /me/organizations': json({
    items: [
      organization,
      sampleOrganization({ id: '40000000-0000-4000-8000-000000000002', nameUk: 'Чернетка', status: 'draft' }),
    ],
    total: 2,
  }),
  [`GET /rooms/${room.id}/availability`]: json({ roomId: room.id, open: [], free: [], busy: [] }),
};

async function fillRequest(user: ReturnType<typeof userEvent.setup>) {
  const form = within(await screen.findByRole('form', { name: 'Запит на бронювання' }));
  await user.selectOptions(form.getByLabelText('Організація'), 'Оболонь разом');
  await user.type(form.getByLabelText('Назва'), 'Зустріч волонтерів');
  await user.type(form.getByLabelText('Мета'), 'Планування тижня');
  await user.type(form.getByLabelText('Кількість учасників'), '12');
  return form;
}

describe('booking a room', () => {
  it('starts from the room page with the keyboard form and carries the time over', async () => {
    installFakeApi(base);
    const user = userEvent.setup();
    const { router } = renderApp(`/rooms/${room.id}`);

    const quick = within(await screen.findByRole('form', { name: 'Забронювати' }));
    const date = quick.getByLabelText('Дата');
    await user.clear(date);
    await user.type(date, '2027-03-23');
    await user.type(quick.getByLabelText('Початок'), '18:00');
    await user.type(quick.getByLabelText('Кінець'), '20:00');
    await user.click(quick.getByRole('button', { name: 'Забронювати' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/rooms/${room.id}/book`));
    expect(router.state.location.search).toBe('?date=2027-03-23&start=18%3A00&end=20%3A00');
    const form = within(await screen.findByRole('form', { name: 'Запит на бронювання' }));
    expect(form.getByLabelText('Дата')).toHaveValue('2027-03-23');
    expect(form.getByLabelText('Початок')).toHaveValue('18:00');
    expect(form.getByLabelText('Кінець')).toHaveValue('20:00');
    // Only verified organisations can book, so the draft one is not offered.
    expect(within(form.getByLabelText('Організація')).queryByRole('option', { name: 'Чернетка' })).toBeNull();
  });

  it('checks each date of a weekly series and says why one is not possible, in Kyiv time', async () => {
    const previewed: BookingInput[] = [];
    const answer: BookingPreview = {
      status: 'pending',
      occurrences: [
        {
          date: '2027-03-23',
          start: '2027-03-23T16:00:00.000Z',
          end: '2027-03-23T18:00:00.000Z',
          ok: true,
          code: null,
          detail: null,
          conflicts: [],
          problems: [],
        },
        {
          date: '2027-03-30',
          start: '2027-03-30T15:00:00.000Z',
          end: '2027-03-30T17:00:00.000Z',
          ok: false,
          code: 'booking_conflict',
          detail: 'The room is taken at that time.',
          // 14:30–16:00 UTC is 17:30–19:00 in Kyiv once summer time has begun.
          conflicts: [{ start: '2027-03-30T14:30:00.000Z', end: '2027-03-30T16:00:00.000Z' }],
          problems: [
            {
              code: 'booking_conflict',
              detail: 'The room is taken at that time.',
              conflicts: [{ start: '2027-03-30T14:30:00.000Z', end: '2027-03-30T16:00:00.000Z' }],
            },
          ],
        },
      ],
    };
    installFakeApi({
      ...base,
      'POST /bookings/preview': (request) => {
        previewed.push(request.body as BookingInput);
        return json(answer);
      },
    });
    const user = userEvent.setup();
    renderApp(`/rooms/${room.id}/book?date=2027-03-23&start=18:00&end=20:00`);

    const form = await fillRequest(user);
    await user.selectOptions(form.getByLabelText('Повторювати'), 'Щотижня');
    const count = form.getByLabelText('Скільки разів');
    await user.clear(count);
    await user.type(count, '2');
    await user.click(form.getByRole('button', { name: 'Перевірити' }));

    const result = within(await screen.findByRole('region', { name: 'Результат перевірки' }));
    expect(result.getByText(/Вільно 1 з 2 дат\./)).toBeInTheDocument();
    // All or nothing with one date taken: the form says so and does not offer to send.
    expect(result.getByText(/Забронювати можна лише вільні дати/)).toBeInTheDocument();
    expect(form.getByRole('button', { name: 'Надіслати запит' })).toBeDisabled();
    expect(form.getByRole('button', { name: 'Надіслати запит' })).toHaveAccessibleDescription(
      'Тут поки нічого не можна забронювати: див. результат перевірки.',
    );
    const rows = result.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('вівторок, 23 березня 2027 р.');
    expect(rows[1]).toHaveTextContent('18:00–20:00');
    expect(rows[1]).toHaveTextContent('Вільно');
    // The second Tuesday falls after the clock change: still 18:00–20:00 on the wall clock.
    expect(rows[2]).toHaveTextContent('вівторок, 30 березня 2027 р.');
    expect(rows[2]).toHaveTextContent('18:00–20:00');
    expect(rows[2]).toHaveTextContent('Неможливо:Цей час уже заброньовано.');
    expect(rows[2]).toHaveTextContent('Зайнято: 30 бер. 2027 р., 17:30–19:00.');

    // 18:00 on 23 March is winter time in Kyiv (UTC+2).
    expect(previewed).toEqual([
      {
        roomId: room.id,
        organizationId: organization.id,
        start: '2027-03-23T16:00:00.000Z',
        end: '2027-03-23T18:00:00.000Z',
        title: 'Зустріч волонтерів',
        purpose: 'Планування тижня',
        attendees: 12,
        recurrence: { frequency: 'weekly', count: 2 },
        mode: 'all',
      },
    ]);
  });

  it('lists every rule a request breaks at once, and sends nothing when no date is free', async () => {
    const at = (h: string) => `2027-03-23T${h}:00.000Z`;
    const problems = [
      { code: 'over_capacity', detail: 'The room holds 40 people.', conflicts: [] },
      { code: 'outside_opening_hours', detail: 'The hub is not open.', conflicts: [] },
      {
        code: 'booking_conflict',
        detail: 'The room is taken at that time.',
        conflicts: [{ start: at('19:00'), end: at('20:00') }],
      },
    ] as const;
    installFakeApi({
      ...base,
      'POST /bookings/preview': json({
        status: 'pending',
        occurrences: [
          {
            date: '2027-03-23',
            start: at('18:00'),
            end: at('21:30'),
            ok: false,
            ...problems[0],
            problems,
          },
        ],
      }),
    });
    const user = userEvent.setup();
    renderApp(`/rooms/${room.id}/book?date=2027-03-23&start=20:00&end=23:30`);
    const form = await fillRequest(user);
    await user.click(form.getByRole('button', { name: 'Перевірити' }));

    const result = within(await screen.findByRole('region', { name: 'Результат перевірки' }));
    expect(
      result.getByText(
        'Жодну з дат забронювати не можна: змініть час, дату чи кількість людей і перевірте ще раз.',
      ),
    ).toBeInTheDocument();
    expect(result.queryByText(/буде заброньовано/)).toBeNull();
    const reasons = within(result.getAllByRole('row')[1]!).getAllByRole('listitem');
    expect(reasons).toHaveLength(3);
    expect(reasons[2]).toHaveTextContent('Зайнято: 23 бер. 2027 р., 21:00–22:00.');
    const send = form.getByRole('button', { name: 'Надіслати запит' });
    expect(send).toBeDisabled();
    expect(send).toHaveAccessibleDescription(
      'Тут поки нічого не можна забронювати: див. результат перевірки.',
    );

    // Changing the request clears the old check, and sending is possible again.
    await user.clear(form.getByLabelText('Кількість учасників'));
    await user.type(form.getByLabelText('Кількість учасників'), '10');
    expect(send).toBeEnabled();
  });

  it('sends summer-time instants after the clock change and shows the pending result', async () => {
    const sent: BookingInput[] = [];
    installFakeApi({
      ...base,
      'POST /bookings': (request) => {
        sent.push(request.body as BookingInput);
        return json({ items: [sampleBooking()], skipped: [] }, 201);
      },
    });
    const user = userEvent.setup();
    renderApp(`/rooms/${room.id}/book?date=2027-03-30&start=18:00&end=20:00`);

    const form = await fillRequest(user);
    await user.click(form.getByRole('button', { name: 'Надіслати запит' }));

    const result = within(await screen.findByRole('region', { name: 'Запит надіслано' }));
    expect(
      result.getByText('Запит очікує підтвердження менеджера хабу. Ми повідомимо вас про рішення.'),
    ).toBeInTheDocument();
    expect(result.getByRole('link', { name: '30 бер. 2027 р., 18:00–20:00' })).toHaveAttribute(
      'href',
      '/my/bookings/70000000-0000-4000-8000-000000000001',
    );
    expect(result.getByText('Очікує підтвердження')).toBeInTheDocument();
    // 18:00 on 30 March is summer time in Kyiv (UTC+3): one hour less to add back.
    expect(sent[0]?.start).toBe('2027-03-30T15:00:00.000Z');
    expect(sent[0]?.end).toBe('2027-03-30T17:00:00.000Z');
    expect(sent[0]?.recurrence).toBeUndefined();
  });

  it('shows the clashing times when the room is taken', async () => {
    installFakeApi({
      ...base,
      'POST /bookings': problem(409, 'booking_conflict', undefined, {
        conflicts: [{ start: '2027-03-30T14:30:00.000Z', end: '2027-03-30T16:00:00.000Z' }],
      }),
    });
    const user = userEvent.setup();
    renderApp(`/rooms/${room.id}/book?date=2027-03-30&start=18:00&end=20:00`);

    const form = await fillRequest(user);
    await user.click(form.getByRole('button', { name: 'Надіслати запит' }));

    expect(await form.findByRole('alert')).toHaveTextContent('Цей час уже заброньовано.');
    expect(form.getByTestId('booking-problem')).toHaveTextContent('Зайнято: 30 бер. 2027 р., 17:30–19:00.');
  });

  it('checks the form before sending anything', async () => {
    const { requests } = installFakeApi(base);
    const user = userEvent.setup();
    renderApp(`/rooms/${room.id}/book?date=2027-03-30&start=20:00&end=18:00`);

    const form = within(await screen.findByRole('form', { name: 'Запит на бронювання' }));
    await user.click(form.getByRole('button', { name: 'Надіслати запит' }));

    expect(await form.findByRole('alert')).toHaveTextContent('Перевірте виділені поля.');
    expect(form.getByLabelText('Назва')).toHaveAccessibleDescription(
      expect.stringContaining('Заповніть це поле.'),
    );
    expect(form.getByLabelText('Кінець')).toHaveAccessibleDescription('Кінець має бути пізніше за початок.');
    expect(requests.some((r) => r.path.startsWith('/bookings'))).toBe(false);
  });
});
