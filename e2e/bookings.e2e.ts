// Journeys: an NGO member books a free slot from a room's page, the hub manager approves it, it
// shows as booked on the public room page and in the room's feed; then the manager closes the
// room and the organiser moves the booking to an alternative in one click.
import { addDays, toKyiv, weekdayOf } from '../packages/shared/src';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, snapshot, startServer } from './support';

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

async function logIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill('Vcentri-demo-2026');
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** A weekday at least ten days ahead (the demo bookings fill the next week). */
function freeWeekday(): string {
  let d = addDays(toKyiv(new Date()).date, 10);
  while (weekdayOf(d) > 5) d = addDays(d, 1);
  return d;
}

describe('booking a hub room', () => {
  it('member requests from the room page → manager approves → public page and feed show it → closure → alternative', async () => {
    const date = freeWeekday();
    const title = `Зустріч ініціативи ${Date.now() % 100000}`;
    const hubs = (await (await fetch(`${server.url}/api/v1/hubs?limit=100`)).json()) as {
      items: { id: string; name: { uk: string } }[];
    };
    const obolon = hubs.items.find((h) => h.name.uk === 'Vcentri HUB Оболонь')!;
    const rooms = (await (await fetch(`${server.url}/api/v1/hubs/${obolon.id}/rooms`)).json()) as {
      items: { id: string; name: { uk: string } }[];
    };
    const hall = rooms.items.find((r) => r.name.uk === 'Велика зала')!;

    // 1. The NGO member finds the room and asks for 14:00–16:00.
    const memberCtx = await browser.newContext();
    const member = await memberCtx.newPage();
    const errors: string[] = [];
    member.on('pageerror', (e) => errors.push(e.message));
    await logIn(member, 'ngo-member@demo.vcentri.kyiv.ua');
    await member.goto(`${server.url}/hubs/${obolon.id}`);
    await member.getByRole('link', { name: 'Велика зала' }).first().click();
    await member.waitForURL(/\/rooms\//);
    const quick = member.getByRole('form', { name: 'Забронювати' });
    await quick.getByLabel('Дата').fill(date);
    await quick.getByLabel('Початок').fill('14:00');
    await quick.getByLabel('Кінець').fill('16:00');
    await quick.getByRole('button', { name: 'Забронювати' }).click();
    const request = member.getByRole('form', { name: 'Запит на бронювання' });
    await request.waitFor();
    await request.getByLabel('Організація').selectOption({ index: 1 });
    await request.getByLabel('Назва').fill(title);
    await request.getByLabel('Кількість учасників').fill('10');
    await request.getByRole('button', { name: 'Перевірити' }).click();
    await member.getByRole('region', { name: 'Результат перевірки' }).waitFor();
    await request.getByRole('button', { name: 'Надіслати запит' }).click();
    await member.getByRole('region', { name: 'Запит надіслано' }).waitFor();
    await snapshot(member, 'bookings-1-requested');

    // 2. The hub manager approves it from the hub calendar.
    const managerCtx = await browser.newContext();
    const manager = await managerCtx.newPage();
    await logIn(manager, 'manager@demo.vcentri.kyiv.ua');
    await manager.goto(`${server.url}/admin/calendar?hubId=${obolon.id}&date=${date}`);
    const details = manager.getByRole('button', { name: `Деталі бронювання «${title}»` });
    await details.first().waitFor();
    await details.first().click();
    await manager
      .getByRole('complementary', { name: title })
      .getByRole('button', { name: 'Підтвердити' })
      .click();
    await manager.getByText(`Запит «${title}» підтверджено.`).first().waitFor();
    await snapshot(manager, 'bookings-2-approved');

    // 3. Anyone sees the slot taken on the room page (no title), and the feed carries it.
    const guestCtx = await browser.newContext();
    const guest = await guestCtx.newPage();
    await guest.goto(`${server.url}/rooms/${hall.id}?date=${date}`);
    await guest.getByText('Зайнято').first().waitFor();
    expect(await guest.content()).not.toContain(title);
    const ics = await (await fetch(`${server.url}/api/v1/rooms/${hall.id}/calendar.ics`)).text();
    const start = `${date.replace(/-/g, '')}T`;
    expect(ics).toContain(`DTSTART:${start}`);
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).not.toContain(title);

    // 4. A power cut: the manager closes the hall for the afternoon.
    await manager.getByRole('button', { name: 'Закрити приміщення' }).first().click();
    const closure = manager.getByRole('form', { name: 'Закрити приміщення' });
    await closure.getByLabel('Приміщення').selectOption({ label: 'Велика зала' });
    await closure.getByLabel('Тип закриття').selectOption('power_cut');
    await closure.getByLabel('Дата початку').fill(date);
    await closure.getByLabel('Час початку').fill('13:00');
    await closure.getByLabel('Дата завершення').fill(date);
    await closure.getByLabel('Час завершення').fill('17:00');
    await closure.getByLabel('Причина').fill('Планове відключення світла');
    await closure.getByRole('button', { name: 'Закрити приміщення' }).click();
    await manager.getByRole('button', { name: 'Так, закрити' }).click();
    await manager.getByRole('region', { name: 'Приміщення закрито' }).waitFor();
    await snapshot(manager, 'bookings-3-closed');

    // 5. The organiser is told, sees alternatives and moves there in one click.
    await member.goto(`${server.url}/my/bookings`);
    const alternatives = member.getByRole('region', { name: 'Вільні альтернативи' }).first();
    await alternatives.waitFor();
    const move = alternatives.getByRole('button', { name: /^Перенести сюди/ }).first();
    const label = (await move.getAttribute('aria-label')) ?? (await move.innerText());
    await move.click();
    await member
      .getByText(/Бронювання перенесено/)
      .first()
      .waitFor();
    await snapshot(member, 'bookings-4-moved');
    expect(label).toMatch(/Vcentri HUB/);
    expect(errors).toEqual([]);
    await Promise.all([memberCtx.close(), managerCtx.close(), guestCtx.close()]);
  });
});
