// Managing a hub (its manager): weekly hours replaced whole, dated exceptions added and removed,
// rooms' booking rules edited.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HubException } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, sampleGrant, sampleHub, sampleMe, sampleRoom, signedInAs } from './fake-api';
import { renderApp } from './render-app';

const hub = sampleHub({ openingHours: [{ weekday: 1, opens: '09:00', closes: '18:00' }] });
const room = sampleRoom();
const manager = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000002',
    role: 'hub_manager',
    hubId: hub.id,
    hubName: 'Vcentri HUB Оболонь',
  }),
]);

describe('hub management', () => {
  it('saves the week’s hours, adds and removes an exception, and edits a room’s rules', async () => {
    let exceptions: HubException[] = [
      {
        id: 'b0000000-0000-4000-8000-000000000001',
        date: '2099-08-24',
        opens: null,
        closes: null,
        note: 'День Незалежності',
      },
    ];
    const { requests } = installFakeApi({
      ...signedInAs(manager),
      [`GET /hubs/${hub.id}`]: json(hub),
      [`GET /hubs/${hub.id}/rooms`]: json({ items: [room], total: 1 }),
      [`GET /hubs/${hub.id}/exceptions`]: () => json({ items: exceptions }),
      [`PATCH /hubs/${hub.id}`]: (r) => json({ ...hub, ...(r.body as object) }),
      [`POST /hubs/${hub.id}/exceptions`]: (r) => {
        const e = {
          id: 'b0000000-0000-4000-8000-000000000002',
          opens: null,
          closes: null,
          note: '',
          ...(r.body as object),
        } as HubException;
        exceptions = [...exceptions, e];
        return json(e, 201);
      },
      [`DELETE /hubs/${hub.id}/exceptions/b0000000-0000-4000-8000-000000000001`]: () => {
        exceptions = exceptions.filter((e) => e.id !== 'b0000000-0000-4000-8000-000000000001');
        return { status: 204 };
      },
      [`PATCH /rooms/${room.id}`]: (r) => json({ ...room, ...(r.body as object) }),
    });
    const user = userEvent.setup();
    renderApp(`/admin/hubs/${hub.id}`);

    const hours = within(await screen.findByRole('region', { name: 'Години роботи за тиждень' }));
    await user.click(hours.getByRole('button', { name: 'Додати проміжок (Субота)' }));
    await user.click(hours.getByRole('button', { name: 'Зберегти години роботи' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PATCH' && r.path === `/hubs/${hub.id}`)?.body).toEqual({
        openingHours: [
          { weekday: 1, opens: '09:00', closes: '18:00' },
          { weekday: 6, opens: '09:00', closes: '18:00' },
        ],
      }),
    );
    expect(await hours.findByText('Години роботи збережено.')).toBeInTheDocument();

    const section = within(screen.getByRole('region', { name: 'Винятки в розкладі' }));
    expect(await section.findByText(/зачинено весь день — День Незалежності/)).toBeInTheDocument();
    await user.type(section.getByLabelText('Дата винятку'), '2099-12-31');
    await user.click(section.getByLabelText('Зачинено весь день'));
    await user.type(section.getByLabelText('Відчиняється'), '10:00');
    await user.type(section.getByLabelText('Зачиняється'), '15:00');
    await user.click(section.getByRole('button', { name: 'Додати виняток' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/exceptions'))?.body).toEqual({
        date: '2099-12-31',
        opens: '10:00',
        closes: '15:00',
      }),
    );
    expect(await section.findByText(/працює 10:00–15:00/)).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: /^Прибрати виняток .*24 серпня 2099/ }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Прибрати виняток?' })).getByRole('button', {
        name: 'Так, прибрати',
      }),
    );
    await waitFor(() =>
      expect(section.queryByText(/зачинено весь день — День Незалежності/)).not.toBeInTheDocument(),
    );

    const rooms = within(screen.getByRole('region', { name: 'Кімнати' }));
    await user.click(rooms.getByRole('button', { name: 'Редагувати Велика зала' }));
    const buffer = rooms.getByLabelText('Перерва після бронювання');
    await user.clear(buffer);
    await user.type(buffer, '30');
    await user.clear(rooms.getByLabelText('Місячна квота організації (годин)'));
    await user.click(rooms.getByLabelText('Кожен запит підтверджує менеджер'));
    await user.click(rooms.getByRole('button', { name: 'Зберегти кімнату' }));
    await waitFor(() => {
      const patch = requests.find((r) => r.method === 'PATCH' && r.path === `/rooms/${room.id}`)?.body as {
        rules: object;
        capacity: number;
      };
      expect(patch.capacity).toBe(25);
      expect(patch.rules).toEqual({
        minMinutes: 30,
        maxMinutes: 240,
        leadMinutes: 120,
        horizonDays: 60,
        bufferMinutes: 30,
        requiresApproval: false,
        monthlyQuotaHours: null,
      });
    });
  });

  it('is not for a manager of another hub', async () => {
    installFakeApi({
      ...signedInAs(manager),
      'GET /hubs/20000000-0000-4000-8000-000000000009': json(sampleHub()),
    });
    renderApp('/admin/hubs/20000000-0000-4000-8000-000000000009');
    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
  });
});
