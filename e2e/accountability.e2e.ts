// Journey, on a 390 px phone screen: a guest opens the dashboard for last quarter in one district
// (no axe violation, no sideways scroll), downloads a chart's CSV — the same rows as the chart's
// table — opens the published quarterly report and its PDF; a demo resident who attended a past
// event answers that event's survey (four other attendees answer through the API); once the survey
// closes, the guest sees its results. The reports list, the action plan's page, the open data and
// the staff's editors (reports, surveys, action plan) pass axe as well.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, toKyiv } from '../packages/shared/src';
import {
  callApi,
  DEMO_PASSWORD,
  logInAs,
  type RunningServer,
  snapshot,
  useServerAndBrowser,
} from './support';

const running = useServerAndBrowser();

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const PAST_EVENT = 'Громадські консультації: бюджет участі';

/** The quarter before the one holding today (Kyiv), e.g. `2026-Q3`. */
function lastQuarter(): string {
  const [y, m] = toKyiv(new Date()).date.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

async function phonePage(errors: string[], options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const context = await running.browser().newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    // bypassCSP: axe is injected as an inline script, which the portal's policy refuses.
    bypassCSP: true,
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate('document.documentElement.scrollWidth'), page.url()).toBeLessThanOrEqual(
    PHONE.width,
  );
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

async function tokenOf(server: RunningServer, email: string): Promise<string> {
  return (
    await callApi<{ accessToken: string }>(server, '/auth/login', {
      method: 'POST',
      body: { email, password: DEMO_PASSWORD },
    })
  ).accessToken;
}

describe('public accountability', () => {
  it('a guest reads the dashboard, its CSV and the quarterly report; attendees answer a survey and the guest sees its results', async () => {
    const server = running.server();
    const quarter = lastQuarter();
    const admin = await tokenOf(server, 'admin@demo.vcentri.kyiv.ua');

    // The city admin publishes last quarter's report (the portal's admin page is tested elsewhere).
    await callApi(server, `/reports/${quarter}/draft`, { method: 'POST', token: admin });
    await callApi(server, `/reports/${quarter}/draft`, {
      method: 'PATCH',
      token: admin,
      body: {
        narratives: {
          summary: { uk: 'Хаби працювали попри тривоги.', en: 'The hubs worked despite the alerts.' },
        },
      },
    });
    await callApi(server, `/reports/${quarter}/publish`, { method: 'POST', token: admin });

    // A survey about a past demo event, open now: its eight checked-in attendees are invited.
    const today = toKyiv(new Date()).date;
    const events = await callApi<{ items: { id: string; title: { uk: string } }[] }>(
      server,
      `/events?from=${new Date(`${addDays(today, -120)}T00:00:00Z`).toISOString()}&to=${new Date().toISOString()}&limit=100`,
    );
    const event = events.items.find((e) => e.title.uk === PAST_EVENT);
    expect(event, 'the demo past event').toBeDefined();
    const survey = await callApi<{ id: string; questions: { id: string }[] }>(server, '/surveys', {
      method: 'POST',
      token: admin,
      body: {
        scope: 'event',
        eventId: event!.id,
        title: { uk: 'Як пройшли консультації?', en: 'How did the consultations go?' },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        questions: [{ kind: 'rating', text: { uk: 'Оцініть подію', en: 'Rate the event' }, required: true }],
      },
    });
    await callApi(server, `/surveys/${survey.id}/publish`, { method: 'POST', token: admin });
    const question = survey.questions[0]!.id;

    // Four other attendees answer through the API: a token with the account, the answer without.
    let answered = 0;
    for (let i = 2; i <= 10 && answered < 4; i++) {
      const token = await tokenOf(server, `resident${i}@demo.vcentri.kyiv.ua`);
      const res = await fetch(`${server.url}/api/v1/surveys/${survey.id}/invitation`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 201 && res.status !== 200) continue; // not checked in at that event
      const { token: invitation } = (await res.json()) as { token: string };
      await callApi(server, `/surveys/${survey.id}/responses`, {
        method: 'POST',
        body: { token: invitation, answers: [{ questionId: question, value: 4 }] },
      });
      answered++;
    }
    expect(answered).toBe(4);

    const errors: string[] = [];
    const guest = await phonePage(errors, { acceptDownloads: true });

    // The dashboard for last quarter in Obolonskyi district.
    await guest.goto(`${server.url}/dashboard?quarter=${quarter}&district=obolonskyi`);
    await guest.getByRole('heading', { level: 1, name: 'Хаби в цифрах' }).waitFor();
    await guest.getByText('Бронювання', { exact: true }).first().waitFor();
    expect(await guest.getByTestId('dashboard-scope').textContent()).toContain('Оболонський');
    await expectNoSidewaysScroll(guest);
    expect(await axeViolations(guest)).toEqual([]);
    await snapshot(guest, 'accountability-1-dashboard');

    // The twelve months' bookings: the CSV holds exactly the chart's table.
    const chart = guest.locator('figure[data-chart="trend"]');
    const shown = await chart
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r): [string, string] => [
          r.children[0]?.textContent ?? '',
          r.children[1]?.textContent ?? '',
        ]),
      );
    expect(shown).toHaveLength(12);
    const [download] = await Promise.all([
      guest.waitForEvent('download'),
      chart.getByRole('button', { name: /Завантажити CSV/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Місяць,Бронювання');
    expect(lines.slice(1).map((l) => l.split(','))).toEqual(
      shown.map(([month, value]) => [month, value.replace(/\D/g, '')]),
    );
    expect(shown.some(([, value]) => Number(value.replace(/\D/g, '')) > 0)).toBe(true);

    // The published report and its PDF.
    await guest.goto(`${server.url}/reports`);
    await guest.locator(`main a[href="/reports/${quarter}"]`).first().click();
    await guest.waitForURL(`**/reports/${quarter}`);
    await guest.getByText('Хаби працювали попри тривоги.').waitFor();
    await expectNoSidewaysScroll(guest);
    expect(await axeViolations(guest)).toEqual([]);
    await snapshot(guest, 'accountability-2-report');
    const pdfHref = await guest
      .getByRole('link', { name: 'Завантажити PDF (українською)' })
      .getAttribute('href');
    const pdf = await guest.request.get(new URL(pdfHref!, server.url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // A resident who was there answers on their phone.
    const residentErrors: string[] = [];
    const resident = await phonePage(residentErrors);
    await logInAs(resident, server, 'resident1@demo.vcentri.kyiv.ua');
    await resident.goto(`${server.url}/surveys/${survey.id}`);
    await resident.getByRole('button', { name: 'Відповісти на опитування' }).click();
    await resident
      .getByRole('group', { name: /Оцініть подію/ })
      .getByRole('radio', { name: '5' })
      .check();
    await resident.getByRole('button', { name: 'Надіслати відповідь' }).click();
    await resident.getByText('Дякуємо! Вашу відповідь збережено анонімно.').first().waitFor();
    await expectNoSidewaysScroll(resident);
    expect(await axeViolations(resident)).toEqual([]);
    await snapshot(resident, 'accountability-3-survey-answered');

    // Closed: the guest sees the totals of five answers.
    await callApi(server, `/surveys/${survey.id}/close`, { method: 'POST', token: admin });
    await guest.goto(`${server.url}/surveys/${survey.id}/results`);
    await guest.getByText('Відповіли 5 людей.').waitFor();
    expect(await guest.getByText(/середня 4,2/).count()).toBeGreaterThan(0);
    await expectNoSidewaysScroll(guest);
    expect(await axeViolations(guest)).toEqual([]);
    await snapshot(guest, 'accountability-4-survey-results');

    // The other public pages of the section, and the staff's editors, pass axe on a phone too.
    for (const path of ['/reports', '/open-government', `/open-data#dataset-hub-activity`]) {
      await guest.goto(`${server.url}${path}`);
      await guest.locator('h1').first().waitFor();
      await guest.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(guest);
      expect(await axeViolations(guest), path).toEqual([]);
    }
    const staffErrors: string[] = [];
    const staff = await phonePage(staffErrors);
    await logInAs(staff, server, 'admin@demo.vcentri.kyiv.ua');
    for (const path of [
      '/admin/reports',
      '/admin/surveys',
      `/admin/surveys/${survey.id}`,
      '/admin/action-plan',
    ]) {
      await staff.goto(`${server.url}${path}`);
      await staff.locator('h1').first().waitFor();
      await staff.waitForLoadState('networkidle');
      expect(await axeViolations(staff), path).toEqual([]);
    }
    await snapshot(staff, 'accountability-5-action-plan-editor');

    expect(errors).toEqual([]);
    expect(residentErrors).toEqual([]);
    expect(staffErrors).toEqual([]);
  });
});
