// The hub manager's calendar: pending requests stand out, the panel approves and declines (a
// reason is required), and the keyboard closure form closes a room and lists what it hit.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Booking, ClosureInput, ClosureResult } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import {
  installFakeApi,
  json,
  sampleBooking,
  sampleGrant,
  sampleHub,
  sampleMe,
  sampleRoom,
  signedInAs,
} from './fake-api';
import { renderApp } from './render-app';

const hub = sampleHub();
const hall = sampleRoom();
const small = sampleRoom({
  id: '60000000-0000-4000-8000-000000000002',
  name: { uk: 'Мала кімната', en: 'Small room' },
});
const manager = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000002',
    role: 'hub_manager',
    hubId: hub.id,
    hubName: 'Vcentri HUB Оболонь',
  }),
]);
const request = sampleBooking({ canManage: true });
const confirmed = sampleBooking({
  id: '70000000-0000-4000-8000-000000000002',
  roomId: small.id,
  roomName: small.name,
  title: 'Курс громадянської освіти',
  status: 'confirmed',
  start: '2027-03-31T07:00:00.000Z',
  end: '2027-03-31T09:00:00.000Z',
  canManage: true,
});

function handlers(bookings: () => Booking[], extra: Record<string, unknown> = {}) {
  return {
    ...signedInAs(manager),
    [`GET /hubs/${hub.id}`]: json(hub),
    [`GET /hubs/${hub.id}/rooms`]: json({ items: [hall, small], total: 2 }),
    'GET /bookings': () => json({ items: bookings(), total: bookings().length }),
    [`GET /rooms/${hall.id}/availability`]: json({ roomId: hall.id, open: [], free: [], busy: [] }),
    [`GET /rooms/${small.id}/availability`]: json({ roomId: small.id, open: [], free: [], busy: [] }),
    ...extra,
  } as Parameters<typeof installFakeApi>[0];
}

async function bookingTable() {
  return within(
    await screen.findByRole('table', { name: 'Бронювання хабу «Vcentri HUB Оболонь» за період' }),
  );
}

describe('hub calendar', () => {
  it('lists the hub’s bookings with pending ones marked, and approves from the panel', async () => {
    let current = [request, confirmed];
    const { requests } = installFakeApi(
      handlers(() => current, {
        [`POST /bookings/${request.id}/approve`]: () => {
          current = [{ ...request, status: 'confirmed' }, confirmed];
          return json(current[0]);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/admin/calendar');

    const table = await bookingTable();
    const pendingRow = (await table.findByRole('rowheader', { name: 'Зустріч волонтерів' })).closest('tr')!;
    expect(pendingRow).toHaveTextContent('Очікує підтвердження');
    expect(pendingRow).toHaveTextContent('30 бер. 2027 р., 18:00–20:00');
    expect(pendingRow).toHaveTextContent('Велика зала');
    expect(screen.getByText(/Очікує рішення: 1\./)).toBeInTheDocument();
    // The hub query is what the manager's grant allows.
    expect(requests.find((r) => r.path === '/bookings')?.query.get('hubId')).toBe(hub.id);

    await user.click(
      within(pendingRow).getByRole('button', { name: 'Деталі бронювання «Зустріч волонтерів»' }),
    );
    const panel = within(screen.getByRole('complementary', { name: 'Зустріч волонтерів' }));
    expect(panel.getByText('Оболонь разом')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Зустріч волонтерів', level: 2 })).toHaveFocus();

    await user.click(panel.getByRole('button', { name: 'Підтвердити' }));
    await waitFor(() =>
      expect(requests.some((r) => r.path === `/bookings/${request.id}/approve`)).toBe(true),
    );
    await waitFor(() =>
      expect(screen.getAllByText('Запит «Зустріч волонтерів» підтверджено.').length).toBeGreaterThan(0),
    );
    expect(await panel.findByText('Підтверджено')).toBeInTheDocument();
    expect(panel.queryByRole('button', { name: 'Підтвердити' })).not.toBeInTheDocument();
  });

  it('names the calendar’s previous and next buttons for screen readers', async () => {
    installFakeApi(handlers(() => [request]));
    renderApp('/admin/calendar');
    for (const name of ['Попередній період', 'Наступний період']) {
      const button = await screen.findByRole('button', { name });
      expect(button.querySelector('.fc-icon')).toHaveAttribute('aria-hidden', 'true');
    }
    expect(screen.queryAllByRole('img')).toEqual([]);
  });

  it('declines only with a reason', async () => {
    let current = [request];
    const { requests } = installFakeApi(
      handlers(() => current, {
        [`POST /bookings/${request.id}/decline`]: (r: { body: unknown }) => {
          current = [
            { ...request, status: 'declined', decisionReason: (r.body as { reason: string }).reason },
          ];
          return json(current[0]);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/calendar?hubId=${hub.id}`);

    const table = await bookingTable();
    await user.click(await table.findByRole('button', { name: 'Деталі бронювання «Зустріч волонтерів»' }));
    await user.click(screen.getByRole('button', { name: 'Відхилити' }));

    const dialog = within(screen.getByRole('alertdialog', { name: 'Відхилити запит?' }));
    const reason = dialog.getByLabelText('Причина відмови');
    expect(reason).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Відхилити запит' }));
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('Вкажіть причину: щонайменше 3 символи.'),
    );
    expect(requests.some((r) => r.path.endsWith('/decline'))).toBe(false);

    await user.type(reason, 'Зала зайнята під ремонт');
    await user.click(dialog.getByRole('button', { name: 'Відхилити запит' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requests.find((r) => r.path.endsWith('/decline'))?.body).toEqual({
      reason: 'Зала зайнята під ремонт',
    });
  });

  it('closes a room from the keyboard form and shows the bookings it hit', async () => {
    let sent: ClosureInput | undefined;
    const result: ClosureResult = {
      closure: {
        id: '80000000-0000-4000-8000-000000000001',
        hubId: hub.id,
        roomId: hall.id,
        start: '2027-03-30T14:00:00.000Z',
        end: '2027-03-30T18:00:00.000Z',
        kind: 'power_cut',
        reason: 'Планове відключення',
        createdAt: '2027-03-29T10:00:00.000Z',
      },
      affected: [
        {
          booking: { ...request, status: 'disrupted' },
          alternatives: [
            {
              roomId: small.id,
              roomName: small.name,
              hubId: hub.id,
              hubName: hub.name,
              capacity: 25,
              sameHub: true,
              distanceKm: 0,
              requiresApproval: false,
            },
            {
              roomId: '60000000-0000-4000-8000-000000000009',
              roomName: { uk: 'Зала', en: 'Hall' },
              hubId: '20000000-0000-4000-8000-000000000009',
              hubName: { uk: 'Vcentri HUB Поділ', en: 'Vcentri HUB Podil' },
              capacity: 30,
              sameHub: false,
              distanceKm: 4.2,
              requiresApproval: true,
            },
          ],
        },
      ],
    };
    installFakeApi(
      handlers(() => [request], {
        [`POST /hubs/${hub.id}/closures`]: (r: { body: unknown }) => {
          sent = r.body as ClosureInput;
          return json(result, 201);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp('/admin/calendar');

    await user.click(await screen.findByRole('button', { name: 'Закрити приміщення' }));
    const form = within(screen.getByRole('form', { name: 'Закрити приміщення' }));
    await user.selectOptions(form.getByLabelText('Приміщення'), 'Велика зала');
    await user.selectOptions(form.getByLabelText('Тип закриття'), 'Відключення електроенергії');
    for (const [label, value] of [
      ['Дата початку', '2027-03-30'],
      ['Час початку', '17:00'],
      ['Дата завершення', '2027-03-30'],
      ['Час завершення', '21:00'],
    ] as const) {
      const input = form.getByLabelText(label);
      await user.clear(input);
      await user.type(input, value);
    }
    await user.type(form.getByLabelText('Причина'), 'Планове відключення');
    await user.click(form.getByRole('button', { name: 'Закрити приміщення' }));

    const dialog = within(screen.getByRole('alertdialog', { name: 'Закрити приміщення?' }));
    expect(dialog.getByText(/Велика зала буде закрито: 30 бер\. 2027 р\., 17:00–21:00/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Так, закрити' }));

    const outcome = within(await screen.findByRole('region', { name: 'Приміщення закрито' }));
    expect(outcome.getByText('Порушено 1 бронювання.')).toBeInTheDocument();
    expect(outcome.getByText(/Зустріч волонтерів/)).toBeInTheDocument();
    expect(outcome.getByText(/2 вільні альтернативи\./)).toBeInTheDocument();
    // 17:00–21:00 Kyiv summer time is 14:00–18:00 UTC.
    expect(sent).toEqual({
      roomId: hall.id,
      start: '2027-03-30T14:00:00.000Z',
      end: '2027-03-30T18:00:00.000Z',
      kind: 'power_cut',
      reason: 'Планове відключення',
    });
  });
});
