/// <reference lib="dom" />
// Every page of the portal, as each role sees it, in both languages, on a 390 px phone and a
// 1366 px screen: no page is wider than the screen on the phone, and axe finds no violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './support';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'Vcentri-demo-2026';

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

async function api<T>(path: string, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

interface Finding {
  route: string;
  who: string;
  lang: string;
  width: number;
  what: string;
}

async function inspect(page: Page, width: number): Promise<string[]> {
  const out: string[] = [];
  if (width <= 400) {
    const wide = await page.evaluate(() => {
      const w = document.documentElement.scrollWidth;
      if (w <= window.innerWidth) return null;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((el) => !el.closest('.table-scroll, [data-scroll-region]'))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      return `${w}px wide (${culprits.join(', ')})`;
    });
    if (wide) out.push(`overflow: ${wide}`);
  }
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) =>
        `axe ${v.id}: ${v.nodes
          .slice(0, 2)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  });
  return [...out, ...violations];
}

async function signedIn(email: string | null, lang: string, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: width <= 400 ? 844 : 900 },
    deviceScaleFactor: 1,
    bypassCSP: true,
    isMobile: width <= 400,
    hasTouch: width <= 400,
  });
  await context.addInitScript((l) => localStorage.setItem('vcentri.locale', l), lang);
  if (email) {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('current-user').waitFor();
    await page.close();
  }
  return context;
}

describe('every page on a phone and a screen, in both languages', () => {
  it('fits the screen and passes axe', { timeout: 1_200_000 }, async () => {
    const hubs = await api<{ items: { id: string; name: { uk: string } }[] }>('/hubs?limit=100');
    // The demo hub manager's hub.
    const hubId = hubs.items.find((h) => h.name.uk === 'Vcentri HUB Оболонь')!.id;
    const rooms = await api<{ items: { id: string }[] }>(`/hubs/${hubId}/rooms`);
    const events = await api<{ items: { id: string }[] }>('/events?limit=5');
    const orgs = await api<{ items: { id: string }[] }>('/organizations?limit=5');
    const programs = await api<{ items: { id: string }[] }>('/volunteering/programs?limit=5');
    const { accessToken } = (await (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ngo-owner@demo.vcentri.kyiv.ua', password: PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const own = await api<{ items: { id: string }[] }>('/volunteering/programs?managed=true', accessToken);
    const ownShifts = await api<{ items: { id: string }[] }>(
      `/volunteering/programs/${own.items[0]!.id}/shifts?when=all`,
      accessToken,
    );
    const roomId = rooms.items[0]!.id;
    const eventId = events.items[0]!.id;
    const orgId = orgs.items[0]!.id;
    const publicRoutes = [
      '/',
      `/hubs/${hubId}`,
      `/rooms/${roomId}`,
      '/events',
      `/events/${eventId}`,
      '/registry',
      `/registry/${orgId}`,
      '/open-data',
      '/volunteering',
      '/volunteering?view=shifts',
      `/volunteering/programs/${programs.items[0]!.id}`,
      `/volunteering/programs/${programs.items[0]!.id}?view=calendar`,
      '/login',
      '/register',
      '/no-such-page',
    ];
    const signedInRoutes = [
      '/account',
      '/notifications',
      '/my/organizations',
      '/my/bookings',
      '/my/volunteering',
      '/my/volunteering/profile',
    ];
    const who: [string, string | null, string[]][] = [
      ['visitor', null, publicRoutes],
      ['resident', 'resident@demo.vcentri.kyiv.ua', signedInRoutes],
      ['volunteer', 'volunteer1@demo.vcentri.kyiv.ua', ['/my/volunteering', '/my/volunteering/profile']],
      [
        'ngo_owner',
        'ngo-owner@demo.vcentri.kyiv.ua',
        [
          `/rooms/${roomId}/book`,
          '/my/organizations',
          '/my/bookings',
          '/admin/events',
          '/admin/volunteering',
          '/admin/volunteering?new=1',
          `/admin/volunteering/${own.items[0]!.id}`,
          ...ownShifts.items.slice(0, 2).map((x) => `/admin/volunteering/shifts/${x.id}`),
        ],
      ],
      [
        'hub_manager',
        'manager@demo.vcentri.kyiv.ua',
        [
          '/admin',
          '/admin/calendar',
          '/admin/hubs',
          `/admin/hubs/${hubId}`,
          '/admin/events',
          `/admin/events/${eventId}`,
        ],
      ],
      ['district_admin', 'district@demo.vcentri.kyiv.ua', ['/admin/district']],
      [
        'city_admin',
        'admin@demo.vcentri.kyiv.ua',
        ['/admin', '/admin/moderation', '/admin/users', '/admin/audit', '/admin/hubs/new'],
      ],
    ];
    const findings: Finding[] = [];
    for (const width of [390, 1366]) {
      for (const lang of ['uk', 'en']) {
        for (const [role, email, routes] of who) {
          const context = await signedIn(email, lang, width);
          const page = await context.newPage();
          for (const route of routes) {
            await page.goto(server.url + route, { waitUntil: 'networkidle' });
            const heading = await page
              .locator('main h1')
              .first()
              .waitFor()
              .then(() => null)
              .catch(() => 'no h1 appeared');
            if (heading) findings.push({ route, who: role, lang, width, what: heading });
            for (const what of await inspect(page, width))
              findings.push({ route, who: role, lang, width, what });
          }
          await context.close();
        }
      }
    }
    const lines = findings.map(
      (f) => `${f.width} ${f.lang} ${f.who.padEnd(14)} ${f.route.padEnd(48)} ${f.what}`,
    );
    console.log(lines.join('\n'));
    expect(lines).toEqual([]);
  });
});
