// Journey: a guest opens the portal in Ukrainian, switches to English, registers, logs in, sees
// the account page, logs out — against the built system on a fresh embedded database.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('a guest becomes a signed-in resident', () => {
  it('opens in Ukrainian, switches to English, registers, logs in, sees the account, logs out', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));

    await page.goto(server.url);
    // Ukrainian first, whatever the browser prefers; the demo network is listed from the API.
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await page.getByRole('heading', { name: 'Vcentri HUB Оболонь' }).waitFor();
    await page.getByText('Оболонський').filter({ visible: true }).first().waitFor();
    await snapshot(page, 'foundation-1-home-uk');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Vcentri HUB Obolon' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Vcentri HUB Obolon' }).waitFor();

    const email = `resident-${Date.now()}@example.org`;
    const password = 'a long and private passphrase';
    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Name').fill('Оксана Тестова');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().innerText()).toMatch(/10/);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).waitFor();

    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a wrong passphrase!!');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText(/wrong/i).first().waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByText(email).waitFor();
    await page.getByText('Resident').first().waitFor();
    await snapshot(page, 'foundation-2-account-en');

    // The session survives a reload (refresh cookie), and ends with log-out.
    await page.reload();
    await page.getByText(email).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });

  it('serves the API documentation and the OpenAPI document under the CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    const res = await page.goto(`${server.url}/api/v1/openapi.json`);
    expect(res?.status()).toBe(200);
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('Vcentri API').first().waitFor();
    await snapshot(page, 'foundation-3-api-docs');
    expect(blocked).toEqual([]);
    await context.close();
  });
});

// CI points this at a fresh PostgreSQL database: the same build, on a server instead of PGlite.
const pgUrl = process.env.E2E_DATABASE_URL;
describe.runIf(pgUrl)('the same build on a PostgreSQL server', () => {
  it('migrates, creates the first city admin, serves the portal and keeps data across a restart', async () => {
    const env = {
      DATABASE_URL: pgUrl!,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      CREDENTIAL_SIGNING_KEY: JSON.stringify({
        ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
        kid: 'e2e',
      }),
      ADMIN_EMAIL: 'first.admin@example.org',
      ADMIN_PASSWORD: 'first admin passphrase',
    };
    let pgServer = await startServer(env);
    try {
      expect(pgServer.output()).toContain('PostgreSQL server (DATABASE_URL)');
      expect(pgServer.output()).toContain('City administrator created: first.admin@example.org');
      const health = await fetch(`${pgServer.url}/api/v1/health`);
      expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
      // No demo data unless asked for.
      const hubs = (await (await fetch(`${pgServer.url}/api/v1/hubs`)).json()) as { total: number };
      expect(hubs.total).toBe(0);
      await pgServer.stop();
      pgServer = await startServer(env);
      expect(pgServer.output()).not.toContain('City administrator created');
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${pgServer.url}/login`);
      await page.getByLabel('Електронна пошта').fill(env.ADMIN_EMAIL);
      await page.getByLabel('Пароль').fill(env.ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Увійти' }).click();
      await page.getByRole('link', { name: 'Адміністрування' }).click();
      await page
        .getByRole('link', { name: /Користувачі/ })
        .first()
        .waitFor();
      await context.close();
    } finally {
      await pgServer.stop();
    }
  });
});
