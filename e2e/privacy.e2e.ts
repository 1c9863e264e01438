// Journey, on a 390 px phone screen: a guest reads the privacy page (both languages, no axe
// violation); a demo resident who went to a past event opens their account page (both languages,
// no axe violation), asks for their data and downloads the archive — a real zip whose account.json
// has their e-mail and whose registrations.json has the event — then deletes their account with
// their password. The portal signs them out and says so; logging in again fails; the registry and
// the past event's page still show what is public, and the event's attendance count is unchanged.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from '../packages/shared/src';
import { callApi, DEMO_PASSWORD, logInAs, snapshot, useServerAndBrowser } from './support';

const running = useServerAndBrowser();

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const PERSON = 'resident1@demo.vcentri.kyiv.ua';
const PAST_EVENT = 'Громадські консультації: бюджет участі';

async function phonePage(errors: string[]): Promise<Page> {
  const context = await running
    .browser()
    // bypassCSP: axe is injected as an inline script, which the portal's policy refuses.
    .newContext({ viewport: PHONE, isMobile: true, hasTouch: true, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** axe's WCAG 2.1 A and AA findings on the page as it is now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
  });
}

/** Switches the portal's language the way the language switch remembers it, and reloads. */
async function showIn(page: Page, lang: 'uk' | 'en') {
  await page.evaluate((l) => localStorage.setItem('vcentri.locale', l), lang);
  await page.reload();
}

/** The files of a zip archive (stored or deflated), by name, as text. */
function unzip(archive: Buffer): Record<string, string> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const packed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + packed);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return files;
}

describe('your personal data', () => {
  it('a person downloads their data and deletes their account; the public record stays', async () => {
    const server = running.server();
    const errors: string[] = [];

    // The past event the person attended, and its attendance as the city administrator reads it.
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const events = await callApi<{ items: { id: string; title: { uk: string } }[] }>(
      server,
      `/events?from=${encodeURIComponent(from)}&limit=100`,
    );
    const pastEvent = events.items.find((e) => e.title.uk === PAST_EVENT);
    expect(pastEvent).toBeDefined();
    const admin = await callApi<{ accessToken: string }>(server, '/auth/login', {
      method: 'POST',
      body: { email: 'admin@demo.vcentri.kyiv.ua', password: DEMO_PASSWORD },
    });
    const attendance = () =>
      callApi<{ attended: number; confirmed: number }>(server, `/events/${pastEvent?.id}/feedback`, {
        token: admin.accessToken,
      });
    const attendedBefore = (await attendance()).attended;
    expect(attendedBefore).toBeGreaterThan(0);

    // A guest reads what is kept, why and for how long, in both languages.
    const guest = await phonePage(errors);
    await guest.goto(`${server.url}/`);
    await guest
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Ваші персональні дані: як ми їх обробляємо' })
      .click();
    await guest.getByRole('heading', { level: 1, name: 'Ваші персональні дані' }).waitFor();
    await guest
      .getByRole('article', { name: 'Журнал дій' })
      .getByText(/через 90 днів/)
      .waitFor();
    expect(
      await guest.getByRole('list', { name: 'Категорії персональних даних' }).getByRole('article').count(),
    ).toBe(DATA_CATEGORIES.length);
    await expectNoSidewaysScroll(guest);
    expect(await axeViolations(guest)).toEqual([]);
    await snapshot(guest, 'privacy-1-page');
    await showIn(guest, 'en');
    await guest
      .getByRole('article', { name: 'Audit log' })
      .getByText(/after 90 days/)
      .waitFor();
    await expectNoSidewaysScroll(guest);
    expect(await axeViolations(guest)).toEqual([]);
    await showIn(guest, 'uk');

    // The person's account page, in both languages.
    const person = await phonePage(errors);
    await logInAs(person, server, PERSON);
    await person.goto(`${server.url}/account`);
    const exports = person.getByRole('region', { name: 'Завантажити мої дані' });
    await exports.getByText('Ви ще не запитували архів.').waitFor();
    await person.getByTestId('consent-volunteer_contact').getByText('Не надано.').waitFor();
    await expectNoSidewaysScroll(person);
    expect(await axeViolations(person)).toEqual([]);
    await showIn(person, 'en');
    await person.getByRole('region', { name: 'Download my data' }).getByText('You have not asked').waitFor();
    await person.getByTestId('consent-volunteer_contact').getByText('Not given.').waitFor();
    await expectNoSidewaysScroll(person);
    expect(await axeViolations(person)).toEqual([]);
    await showIn(person, 'uk');

    // Download my data: asked for, prepared in the background, downloaded.
    await exports.getByRole('button', { name: 'Запросити мої дані' }).click();
    await exports.getByText(/Ми готуємо ваш архів/).waitFor();
    await exports.getByText('Готовий', { exact: true }).waitFor();
    await snapshot(person, 'privacy-2-archive-ready');
    const [download] = await Promise.all([
      person.waitForEvent('download'),
      exports.getByRole('button', { name: /^Завантажити архів/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vcentri-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const archive = readFileSync(await download.path());
    expect(archive.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const files = unzip(archive);
    expect(files['account.json']).toContain(PERSON);
    expect(files['registrations.json']).toContain(PAST_EVENT);

    // Delete my account: the password, then a confirmation naming the consequences.
    const erase = person.getByRole('region', { name: 'Видалити мій обліковий запис' });
    await erase.getByLabel('Ваш пароль').fill(DEMO_PASSWORD);
    await erase.getByRole('button', { name: 'Видалити мій обліковий запис…' }).click();
    const dialog = person.getByRole('alertdialog', { name: 'Видалити обліковий запис назавжди?' });
    await dialog.getByText('Кількість присутніх на минулих подіях не зміниться.').waitFor();
    await expectNoSidewaysScroll(person);
    await snapshot(person, 'privacy-3-confirm');
    await dialog.getByRole('button', { name: 'Так, видалити обліковий запис' }).click();
    await person.getByText(/Ваш обліковий запис видалено, ви вийшли з системи/).waitFor();
    expect(new URL(person.url()).pathname).toBe('/');
    await person.getByRole('link', { name: 'Увійти' }).waitFor();
    await snapshot(person, 'privacy-4-deleted');

    // The account is gone: logging in fails, and a reload does not bring the session back.
    await person.goto(`${server.url}/login`);
    await person.getByLabel('Електронна пошта').fill(PERSON);
    await person.getByLabel('Пароль').fill(DEMO_PASSWORD);
    await person.getByRole('button', { name: 'Увійти' }).click();
    await person.getByText('Неправильна електронна пошта або пароль.').first().waitFor();
    expect(await person.getByTestId('current-user').count()).toBe(0);

    // What is public stays: the registry, the past event's page, its attendance count.
    await guest.goto(`${server.url}/registry`);
    await guest
      .getByRole('link', { name: /Оболонь разом/ })
      .first()
      .waitFor();
    await guest.goto(`${server.url}/events/${pastEvent?.id}`);
    await guest.getByRole('heading', { level: 1, name: PAST_EVENT }).waitFor();
    await expectNoSidewaysScroll(guest);
    expect((await attendance()).attended).toBe(attendedBefore);
    expect(errors).toEqual([]);
  });
});
