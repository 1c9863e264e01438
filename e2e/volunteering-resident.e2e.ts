// Journey, on a 390 px phone screen: a resident finds a volunteer program in the catalogue, fills in
// the volunteer profile it asks for, acknowledges the briefing and takes the shift's only place; a
// second resident joins the waiting list at #1, and holds the place once the first cancels from
// "my volunteering". The second logs other work; the coordinator approves it from the hours queue,
// and once the shift has begun finds the volunteer in the roster by their code and marks them
// present; the volunteer sees both in their total. No page is wider than the screen.
// Sign-up closes when the shift starts and attendance opens then: the shift is tomorrow while the
// residents sign up, however long that takes on a busy machine, and the coordinator moves it to
// begin a few seconds from now before marking attendance.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toKyiv } from '../packages/shared/src';
import { callApi, DEMO_PASSWORD, logInAs, snapshot, useServerAndBrowser } from './support';

const running = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };

async function phonePage(errors: string[]): Promise<Page> {
  const page = await (await running.browser().newContext({ viewport: PHONE })).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('volunteering', () => {
  it('profile, briefing, a place; the next waits and moves up; hours approved, attendance marked, total shown', {
    timeout: 600_000,
  }, async () => {
    const server = running.server();
    const { accessToken } = await callApi<{ accessToken: string }>(server, '/auth/login', {
      method: 'POST',
      body: { email: 'admin@demo.vcentri.kyiv.ua', password: DEMO_PASSWORD },
    });
    const tag = String(Date.now()).slice(-5);
    const title = `Чисті береги Дніпра ${tag}`;
    const program = await callApi<{ id: string }>(server, '/volunteering/programs', {
      method: 'POST',
      token: accessToken,
      body: {
        title: { uk: title, en: `Clean Dnipro banks ${tag}` },
        description: { uk: 'Прибираємо береги на Оболоні.', en: 'We clean the banks in Obolon.' },
        cause: 'environment',
        districts: ['obolonskyi'],
        languages: ['uk'],
        minAge: 16,
        briefing: 'Беріть рукавички й воду. Не торкайтеся скла руками.',
        contact: 'coordinator@example.org',
        status: 'published',
      },
    });
    // Tomorrow on a whole minute, for an hour.
    const startsAt = new Date(Math.ceil((Date.now() + 24 * 3_600_000) / 60_000) * 60_000);
    const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
    const shift = await callApi<{ items: { id: string }[] }>(
      server,
      `/volunteering/programs/${program.id}/shifts`,
      {
        method: 'POST',
        token: accessToken,
        body: {
          start: startsAt.toISOString(),
          end: endsAt.toISOString(),
          address: 'Наддніпрянська набережна, 1',
          district: 'obolonskyi',
          places: 1,
          task: 'Збирати сміття на пляжі',
          stepFree: true,
        },
      },
    );

    const errors: string[] = [];
    const first = await phonePage(errors);
    await logInAs(first, server, 'resident1@demo.vcentri.kyiv.ua');
    await first.getByRole('link', { name: 'Волонтерство', exact: true }).click();
    await first.getByRole('link', { name: title }).click();
    await first.waitForURL(new RegExp(`/volunteering/programs/${program.id}`));
    await expectNoSidewaysScroll(first);

    // No volunteer profile yet: the page leads to the form, and back.
    await first.getByRole('link', { name: 'Заповнити профіль' }).click();
    await first.getByLabel('Рік народження').fill('1992');
    await first.getByLabel('Навички').fill('перша допомога');
    await expectNoSidewaysScroll(first);
    await first.getByRole('button', { name: 'Зберегти профіль' }).click();
    await first.waitForURL(new RegExp(`/volunteering/programs/${program.id}`));

    // The briefing comes first, then the place.
    await first.getByText('Спершу підтвердьте, що прочитали інструктаж.').waitFor();
    await first.getByLabel('Я прочитав(-ла) інструктаж і дотримуватимуся його').check();
    await first.getByRole('button', { name: 'Підтвердити' }).click();
    await first.getByRole('button', { name: 'Записатися' }).click();
    await first.getByText('У вас є місце на цій зміні.').waitFor();
    await snapshot(first, 'volunteering-1-place');

    // The shift is full: the second resident waits, first in line.
    const second = await phonePage(errors);
    await logInAs(second, server, 'resident2@demo.vcentri.kyiv.ua');
    await second.goto(`${server.url}/my/volunteering/profile`);
    await second.getByLabel('Рік народження').fill('1988');
    await second.getByRole('button', { name: 'Зберегти профіль' }).click();
    await second.getByText('Профіль збережено.').waitFor();
    await second.goto(`${server.url}/volunteering/programs/${program.id}`);
    await second.getByLabel('Я прочитав(-ла) інструктаж і дотримуватимуся його').check();
    await second.getByRole('button', { name: 'Підтвердити' }).click();
    await second.getByRole('button', { name: 'Стати в чергу' }).click();
    await second.getByText('Ви №1 у черзі очікування.').waitFor();
    await snapshot(second, 'volunteering-2-waiting');

    // The first cancels from "my volunteering"; the second now holds the place.
    // On a phone the account's links sit under «Меню».
    await first.getByRole('button', { name: 'Меню' }).click();
    await first.getByRole('link', { name: 'Моє волонтерство' }).click();
    await first.getByText('У вас є місце на цій зміні.').waitFor();
    await expectNoSidewaysScroll(first);
    await first.getByRole('button', { name: 'Скасувати запис' }).click();
    await first.getByRole('button', { name: 'Так, скасувати' }).click();
    await first.getByText('Ви ще не записалися на жодну зміну.').waitFor();
    await second.goto(`${server.url}/my/volunteering`);
    await second.getByText('У вас є місце на цій зміні.').waitFor();
    await expectNoSidewaysScroll(second);
    await snapshot(second, 'volunteering-3-moved-up');
    const code = (await second.getByTestId('volunteer-code').locator('strong').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    // Other work in the program, logged for the coordinator to approve: an hour and a half today.
    await second.getByLabel('Програма', { exact: true }).selectOption({ label: title });
    await second.getByLabel('День', { exact: true }).fill(toKyiv(new Date()).date);
    await second.getByLabel('Годин', { exact: true }).fill('1');
    await second.getByLabel('Хвилин', { exact: true }).fill('30');
    await second.getByLabel('Що ви робили').fill('Готувала мішки й рукавички для прибирання');
    await second.getByRole('button', { name: 'Надіслати на підтвердження' }).click();
    await second.getByText('Години надіслано координаторові.').waitFor();

    // The coordinator (the city runs this program) approves the hours from the queue.
    const coordinator = await phonePage(errors);
    await logInAs(coordinator, server, 'admin@demo.vcentri.kyiv.ua');
    await coordinator.goto(`${server.url}/admin/volunteering/${program.id}`);
    await coordinator.getByRole('heading', { level: 1, name: title }).waitFor();
    await coordinator.getByLabel('Позначити всі, що чекають рішення').check();
    await coordinator.getByRole('button', { name: 'Затвердити позначені (1)' }).click();
    await coordinator.getByText('Затверджено записів: 1.').waitFor();
    await expectNoSidewaysScroll(coordinator);

    // Attendance opens when the shift begins: the coordinator moves it to start 15 s from now,
    // for an hour, and the journey waits for that moment (the server's clock is this machine's).
    const begins = new Date(Date.now() + 15_000);
    await callApi(server, `/volunteering/shifts/${shift.items[0]!.id}`, {
      method: 'PATCH',
      token: accessToken,
      body: { start: begins.toISOString(), end: new Date(begins.getTime() + 60 * 60_000).toISOString() },
    });
    await new Promise((r) => setTimeout(r, Math.max(0, begins.getTime() - Date.now() + 1_000)));
    await coordinator.goto(`${server.url}/admin/volunteering/shifts/${shift.items[0]!.id}`);
    await coordinator.getByLabel('Пошук волонтера').fill(code.toLowerCase());
    const row = coordinator.getByRole('row', { name: new RegExp(code) });
    await row.getByLabel('Присутність').check();
    await coordinator.getByRole('button', { name: 'Зберегти відвідування (1)' }).click();
    await coordinator.getByText('Відвідування збережено. Присутнім нараховано години.').waitFor();
    await expectNoSidewaysScroll(coordinator);
    await snapshot(coordinator, 'volunteering-4-attendance');

    // The volunteer's total: the shift's hour and the approved hour and a half.
    await second.reload();
    await expect
      .poll(() => second.getByTestId('hours-approved').innerText(), { timeout: 60_000 })
      .toBe('2 год 30 хв');
    await snapshot(second, 'volunteering-5-total');
    expect(errors).toEqual([]);
  });
});
