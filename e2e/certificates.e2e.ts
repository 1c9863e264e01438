// Journey, on a 390 px phone screen: the demo volunteer with the most approved hours asks for a
// certificate of their hours in «Оболонь разом»'s clean-ups and downloads its PDF (a real PDF that
// carries the printed name); a guest opens its verification address and reads «valid»; the
// organisation's owner revokes it with a reason; the guest reloads and reads «revoked» and why.
// No page is wider than the screen.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logInAs, snapshot, useServerAndBrowser } from './support';

const running = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };
const PROGRAM = 'Толоки на набережній Оболоні';
const REASON = 'Години затвердили помилково';

async function phonePage(errors: string[]): Promise<Page> {
  const page = await (
    await running.browser().newContext({ viewport: PHONE, acceptDownloads: true })
  ).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('certificates', () => {
  it('a volunteer gets a certificate and its PDF; a guest verifies it; the issuer revokes it; the guest sees why', async () => {
    const server = running.server();
    const errors: string[] = [];
    const name = `Богдан Кравчук ${String(Date.now()).slice(-4)}`;

    // The volunteer: from "my volunteering" to their certificates.
    const volunteer = await phonePage(errors);
    await logInAs(volunteer, server, 'volunteer1@demo.vcentri.kyiv.ua');
    await volunteer.goto(`${server.url}/my/volunteering`);
    await volunteer.getByRole('link', { name: 'Мої сертифікати' }).first().click();
    await volunteer.getByRole('heading', { level: 1, name: 'Мої сертифікати' }).waitFor();
    await volunteer.getByText('Сертифікатів ще немає.').waitFor();
    const printed = volunteer.getByLabel('Ім’я на сертифікаті');
    await expect.poll(() => printed.inputValue()).toContain('Богдан Кравчук');
    await printed.fill(name);
    // The program's option appears once "my volunteering" has answered.
    await volunteer.getByRole('option', { name: PROGRAM }).waitFor({ state: 'attached' });
    await volunteer.getByLabel('Програма', { exact: true }).selectOption({ label: PROGRAM });
    await expectNoSidewaysScroll(volunteer);
    await volunteer.getByRole('button', { name: 'Отримати сертифікат' }).click();
    await volunteer.getByText('Видано 1 сертифікат. Завантажте його нижче.').waitFor();
    const card = volunteer.getByRole('article', { name: /^Сертифікат: ГО «Оболонь разом»/ });
    await card.getByText('Дійсний', { exact: true }).waitFor();
    await expectNoSidewaysScroll(volunteer);
    await snapshot(volunteer, 'certificates-1-issued');

    const [download] = await Promise.all([
      volunteer.waitForEvent('download'),
      card.getByRole('button', { name: 'Завантажити PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificate-[A-Z2-9]{16}\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain(name);
    }

    const verifyUrl = await card.getByLabel('Адреса перевірки').inputValue();
    expect(verifyUrl).toMatch(new RegExp(`^${server.url}/verify/[A-Z2-9]{16}$`));

    // A guest scans the QR code: valid, and what it certifies.
    const guest = await phonePage(errors);
    await guest.goto(verifyUrl);
    await guest.getByText('Сертифікат дійсний').waitFor();
    await guest.getByTestId('certificate-name').getByText(name).waitFor();
    await guest.getByText(PROGRAM).waitFor();
    await expectNoSidewaysScroll(guest);
    await snapshot(guest, 'certificates-2-valid');

    // The organisation's owner revokes it, with a reason.
    const owner = await phonePage(errors);
    await logInAs(owner, server, 'ngo-owner@demo.vcentri.kyiv.ua');
    await owner.goto(`${server.url}/admin/certificates`);
    await owner.getByRole('heading', { level: 1, name: 'Видані сертифікати' }).waitFor();
    const issued = owner.getByRole('article', { name });
    await issued.getByRole('button', { name: `Відкликати ${name}` }).click();
    const dialog = owner.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Відкликати сертифікат' }).click();
    await dialog.getByText('Вкажіть причину (щонайменше 3 символи).').waitFor();
    await dialog.getByLabel('Причина').fill(REASON);
    await dialog.getByRole('button', { name: 'Відкликати сертифікат' }).click();
    await owner.getByText(`(${name}) відкликано.`).waitFor();
    await issued.getByText('Відкликано', { exact: true }).waitFor();
    await expectNoSidewaysScroll(owner);
    await snapshot(owner, 'certificates-3-revoked');

    // The guest looks again.
    await guest.reload();
    await guest.getByText('Сертифікат відкликано').waitFor();
    await guest.getByTestId('verify-verdict').getByText(`Причина: ${REASON}`, { exact: false }).waitFor();
    await expectNoSidewaysScroll(guest);
    await snapshot(guest, 'certificates-4-guest-sees-revoked');

    // And so does the volunteer.
    await volunteer.reload();
    await volunteer.getByText(`Причина: ${REASON}`, { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });
});
