// Journey: a resident finds an event on the public events page, registers and sees their place;
// the event is full, so a second resident is waitlisted, and moves up when the first cancels.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fromKyiv, toKyiv, weekdayOf } from '../packages/shared/src';
import {
  callApi,
  DEMO_PASSWORD,
  launchBrowser,
  logInAs,
  type RunningServer,
  snapshot,
  startServer,
} from './support';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PASSWORD = DEMO_PASSWORD;
const api = <T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  callApi<T>(server, path, init);
const logIn = (page: Page, email: string) => logInAs(page, server, email);

describe('events', () => {
  it('register, get a place; the next person waits; a cancellation moves them up', async () => {
    // The hub manager books a room and publishes a one-place event in one step.
    const { accessToken } = await api<{ accessToken: string }>('/auth/login', {
      method: 'POST',
      body: { email: 'manager@demo.vcentri.kyiv.ua', password: PASSWORD },
    });
    const hubs = await api<{ items: { id: string; name: { uk: string } }[] }>('/hubs?limit=100');
    const obolon = hubs.items.find((h) => h.name.uk === 'Vcentri HUB Оболонь')!;
    const rooms = await api<{ items: { id: string; name: { uk: string } }[] }>(`/hubs/${obolon.id}/rooms`);
    const meeting = rooms.items.find((r) => r.name.uk.startsWith('Переговорна'))!;
    const orgs = await api<{ items: { id: string; nameUk: string }[] }>(
      '/organizations?q=%D0%BE%D0%B1%D0%BE%D0%BB%D0%BE%D0%BD%D1%8C%20%D1%80%D0%B0%D0%B7%D0%BE%D0%BC',
    );
    let date = addDays(toKyiv(new Date()).date, 3);
    while (weekdayOf(date) > 5) date = addDays(date, 1);
    const title = `Майстерня з фасилітації ${Date.now() % 100000}`;
    const event = await api<{ id: string }>('/events', {
      method: 'POST',
      token: accessToken,
      body: {
        booking: {
          roomId: meeting.id,
          organizationId: orgs.items[0]!.id,
          start: fromKyiv(date, '14:00').toISOString(),
          end: fromKyiv(date, '15:30').toISOString(),
        },
        title: { uk: title, en: `Facilitation workshop ${title.slice(-5)}` },
        category: 'workshop',
        capacity: 1,
      },
    });

    // The first resident finds it among the events and registers.
    const first = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    first.on('pageerror', (e) => errors.push(e.message));
    await logIn(first, 'resident1@demo.vcentri.kyiv.ua');
    await first.getByRole('link', { name: 'Події', exact: true }).click();
    await first.getByRole('link', { name: title }).first().click();
    await first.waitForURL(new RegExp(`/events/${event.id}`));
    await first.getByRole('button', { name: 'Зареєструватися' }).click();
    await first.getByText('Ваше місце підтверджено').waitFor();
    const code = await first.getByTestId('registration-code').innerText();
    expect(code).toMatch(/[A-Z2-9]{6}/);
    await snapshot(first, 'events-1-confirmed');

    // The event is full: the second resident waits, first in line.
    const second = await (await browser.newContext()).newPage();
    await logIn(second, 'resident2@demo.vcentri.kyiv.ua');
    await second.goto(`${server.url}/events/${event.id}`);
    await second.getByRole('button', { name: 'Зареєструватися' }).click();
    await second.getByText('Ви в листі очікування: №1').waitFor();
    await snapshot(second, 'events-2-waitlisted');

    // The first cancels; the second now holds the place.
    await first.getByRole('button', { name: 'Скасувати реєстрацію' }).click();
    await first.getByRole('button', { name: 'Так, скасувати' }).click();
    await first.getByText('Вашу реєстрацію скасовано.').waitFor();
    await second.reload();
    await second.getByText('Ваше місце підтверджено').waitFor();
    await snapshot(second, 'events-3-moved-up');
    expect(errors).toEqual([]);
  });
});
