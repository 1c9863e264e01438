// Journey: an NGO applies, a city admin verifies it, and the organisation appears in the public
// registry search in both languages — the built system, a fresh embedded database, real Chromium.
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

const PASSWORD = 'Vcentri-demo-2026';

async function logIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByTestId('current-user').waitFor();
}

describe('the registry', () => {
  it('an NGO applies, a city admin verifies, the public finds it in Ukrainian and English', async () => {
    const tag = String(Date.now()).slice(-6);
    const nameUk = `ГО «Сонячний двір ${tag}»`;
    const nameEn = `Sunny Courtyard ${tag}`;

    // The applicant.
    const ngo = await browser.newContext();
    const page = await ngo.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, 'ngo-owner@demo.vcentri.kyiv.ua');
    await page.getByRole('link', { name: 'Мої організації' }).click();
    await page.getByRole('link', { name: 'Подати заявку' }).click();
    await page.getByLabel('Назва українською').fill(nameUk);
    await page.getByLabel('Назва англійською').fill(nameEn);
    await page.getByLabel('Організаційна форма').selectOption('public_association');
    await page.getByLabel('Код ЄДРПОУ').fill('14360571');
    await page.getByLabel('Район', { exact: true }).selectOption('solomianskyi');
    await page.getByLabel('Адреса').fill('вул. Солом’янська, 7');
    await page.getByRole('group', { name: 'Напрями діяльності' }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: 'Цільові групи' }).getByRole('checkbox').first().check();
    await page.getByLabel('Опис українською').fill('Облаштовуємо двори разом із сусідами.');
    await page.getByLabel('Опис англійською').fill('We improve courtyards together with neighbours.');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    // A wrong check digit is caught before anything is sent.
    await page
      .getByText(/ЄДРПОУ/)
      .filter({ visible: true })
      .first()
      .waitFor();
    expect(page.url()).toContain('/my/organizations/new');
    await page.getByLabel('Код ЄДРПОУ').fill('14360570');
    await page.getByRole('button', { name: 'Зберегти' }).click();
    await page.getByRole('button', { name: 'Подати на перевірку' }).click();
    await page.getByText('На перевірці').first().waitFor();
    await snapshot(page, 'registry-1-submitted');

    // The city admin verifies it from the moderation queue.
    const staff = await browser.newContext();
    const admin = await staff.newPage();
    await logIn(admin, 'admin@demo.vcentri.kyiv.ua');
    await admin.goto(`${server.url}/admin/moderation`);
    await admin.getByRole('link', { name: nameUk }).click();
    await admin.getByRole('button', { name: 'Верифікувати', exact: true }).click();
    await admin.getByRole('button', { name: /^Так/ }).click();
    await admin.getByText('Верифіковано').first().waitFor();
    await snapshot(admin, 'registry-2-verified');

    // Anyone finds it, with a typo, in Ukrainian...
    const guest = await browser.newContext();
    const pub = await guest.newPage();
    await pub.goto(`${server.url}/registry`);
    await pub.getByRole('searchbox', { name: 'Пошук' }).fill(`Сонячни двір ${tag}`);
    await pub.getByRole('button', { name: 'Знайти' }).click();
    await pub.getByRole('link', { name: new RegExp(`Сонячний двір ${tag}`) }).waitFor();
    expect(pub.url()).toContain('q=');
    await snapshot(pub, 'registry-3-search-uk');
    // ...and in English, on its public page too.
    await pub.getByRole('button', { name: 'English' }).click();
    await pub.getByRole('searchbox', { name: 'Search' }).fill(`sunny courtyard ${tag}`);
    await pub.getByRole('button', { name: 'Find' }).click();
    await pub.getByRole('link', { name: new RegExp(nameEn) }).click();
    await pub.getByRole('heading', { name: new RegExp(nameEn) }).waitFor();
    await pub.getByText('14360570').waitFor();
    await snapshot(pub, 'registry-4-organisation-en');
    expect(errors).toEqual([]);
    await Promise.all([ngo.close(), staff.close(), guest.close()]);
  });
});
