// Journey: a hub manager, on a 390 px phone screen, starts a volunteer program for their hub,
// publishes it, and adds a weekly series of shifts after checking every date in the preview; the
// page never scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toKyiv, weekdayOf } from '../packages/shared/src';
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

const PASSWORD = 'Vcentri-demo-2026';

async function logIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByTestId('current-user').waitFor();
}

// The page's sideways overflow in pixels (0 when nothing sticks out); run in the browser, where
// `document` exists (the e2e project has no DOM types).
const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('coordinating volunteers', () => {
  it('a hub manager starts a program and adds a weekly series of shifts on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, 'manager@demo.vcentri.kyiv.ua');

    await page.goto(`${server.url}/admin/volunteering`);
    await page.getByRole('heading', { level: 1, name: 'Волонтерські програми' }).waitFor();
    await page.getByRole('button', { name: 'Нова програма' }).click();
    const form = page.getByRole('form', { name: 'Нова програма' });
    expect(await form.getByLabel('Хто проводить програму').inputValue()).toMatch(/^hub:/);
    const title = `Сортування допомоги ${Date.now() % 100000}`;
    await form.getByLabel('Назва українською').fill(title);
    await form.getByLabel('Назва англійською').fill('Sorting aid');
    await form.getByLabel('Напрям').selectOption('humanitarian_aid');
    await form.getByLabel('Оболонський').check();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await form.getByRole('button', { name: 'Опублікувати' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Програму опубліковано.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Додати зміни' }).click();
    const shifts = page.getByRole('form', { name: 'Додати зміни' });
    let date = addDays(toKyiv(new Date()).date, 7);
    while (weekdayOf(date) !== 2) date = addDays(date, 1);
    await shifts.getByLabel('Дата').fill(date);
    await shifts.getByLabel('Початок').fill('10:00');
    await shifts.getByLabel('Кінець').fill('13:00');
    await shifts.getByLabel('Повторювати').selectOption('weekly');
    await shifts.getByLabel('Кількість змін').fill('3');
    const preview = shifts.getByRole('table', { name: 'Буде створено 3 зміни' });
    await preview.waitFor();
    expect(await preview.getByRole('row').count()).toBe(4);
    expect(await preview.getByText('10:00–13:00').count()).toBe(3);
    await shifts.getByLabel('Адреса').fill('вул. Героїв полку Азов, 12');
    await shifts.getByLabel('Завдання', { exact: true }).fill('Сортувати одяг і ліки');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'volunteering-admin-series-390');
    await shifts.getByRole('button', { name: 'Додати 3 зміни' }).click();

    await page.getByText('Додано 3 зміни.').waitFor();
    const upcoming = page.getByRole('table', { name: 'Майбутні зміни (3)' });
    await upcoming.waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'volunteering-admin-program-390');

    // The shift's roster opens from the list, empty for now.
    await upcoming
      .getByRole('link', { name: /10:00–13:00/ })
      .first()
      .click();
    await page.getByText('На цю зміну ще ніхто не записався.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
