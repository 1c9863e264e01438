/// <reference lib="dom" />
// Every page of the portal, as each role sees it, in both languages, on a 390 px phone and a
// 1366 px screen: no page is wider than the screen on the phone, every control on the phone is at
// least 44 × 44 px to tap, its calendars show a list or a day, a list's filters leave room for the
// list, and axe finds no violation.
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
    out.push(...(await page.evaluate(smallTargets)));
    out.push(...(await page.evaluate(calendarViews)));
    out.push(...(await page.evaluate(crowdedFirstScreen)));
  }
  const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
  if (shift >= 0.1) out.push(`layout shift ${shift.toFixed(3)} (0.1 at most)`);
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

/**
 * Every control a finger can reach is at least 44 × 44 px (WCAG 2.5.5), except a link inside a
 * line of text (WCAG's "inline" exception: the element flows in a block together with other text).
 * A checkbox or radio counts together with its label. One line per kind of control, with its
 * smallest size and how many there are. Runs inside the page.
 */
function smallTargets(): string[] {
  const MIN = 43.5; // 44 px, less rounding of fractional layout
  const CONTROLS =
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]';
  const block = (el: Element): Element => {
    let at: Element | null = el.parentElement;
    while (at && getComputedStyle(at).display.startsWith('inline')) at = at.parentElement;
    return at ?? document.body;
  };
  // Inline in running text: laid out inline, in a block that has text of its own besides the control.
  const inRunningText = (el: Element): boolean => {
    if (getComputedStyle(el).display !== 'inline') return false;
    const container = block(el);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (el.contains(node) || !node.textContent?.trim()) continue;
      const holder = node.parentElement;
      if (holder && !holder.closest(CONTROLS) && holder.checkVisibility()) return true;
    }
    return false;
  };
  const sizeOf = (el: Element): { w: number; h: number } => {
    const r = el.getBoundingClientRect();
    let best = { w: r.width, h: r.height };
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      for (const label of el.labels ?? []) {
        const l = label.getBoundingClientRect();
        if (l.height >= best.h && l.width >= best.w) best = { w: l.width, h: l.height };
        else if (l.height * l.width > best.h * best.w) best = { w: l.width, h: l.height };
      }
    }
    return best;
  };
  const nameOf = (el: Element): string => {
    const classes = [...el.classList].filter((c) => !/^(is-|fc-(state|button-active))/.test(c));
    const own = `${el.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')}`;
    const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
    const parent = el.parentElement;
    const context = parent
      ? `${parent.tagName.toLowerCase()}${[...parent.classList].map((c) => `.${c}`).join('')} > `
      : '';
    return context + own + type;
  };
  const small = new Map<string, { w: number; h: number; count: number; text: string }>();
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (el.closest('[aria-hidden="true"], [inert]')) continue;
    const { w, h } = sizeOf(el);
    if (w === 0 || h === 0) continue;
    if (w >= MIN && h >= MIN) continue;
    if (inRunningText(el)) continue;
    const key = nameOf(el);
    const seen = small.get(key);
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    if (!seen) small.set(key, { w, h, count: 1, text });
    else {
      seen.count += 1;
      if (w * h < seen.w * seen.h) Object.assign(seen, { w, h, text });
    }
  }
  return [...small].map(
    ([key, s]) =>
      `target ${Math.round(s.w)}×${Math.round(s.h)} px: ${key}${s.text ? ` «${s.text}»` : ''}${s.count > 1 ? ` (×${s.count})` : ''}`,
  );
}

/** A calendar on a phone shows a list or a single day, and its toolbar fits. Runs inside the page. */
function calendarViews(): string[] {
  const out: string[] = [];
  for (const view of document.querySelectorAll('.fc-view')) {
    const name = [...view.classList].find((c) => /^fc-\w+-view$/.test(c) && c !== 'fc-view') ?? '?';
    if (!/^fc-(list\w*|timeGridDay)-view$/.test(name)) out.push(`calendar: ${name} on a phone`);
  }
  for (const bar of document.querySelectorAll('.fc-header-toolbar')) {
    const r = bar.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 || bar.scrollWidth > bar.clientWidth + 1)
      out.push(`calendar: toolbar ${Math.round(bar.scrollWidth)} px wide`);
  }
  return out;
}

/**
 * A list's filters take at most half of the first screen below the site's header, so some of the
 * list shows without scrolling. Runs inside the page.
 */
function crowdedFirstScreen(): string[] {
  const header = Math.max(0, document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0);
  const room = window.innerHeight - header;
  let top = Number.POSITIVE_INFINITY;
  let bottom = 0;
  for (const el of document.querySelectorAll('.filters')) {
    const r = el.getBoundingClientRect();
    if (!el.checkVisibility() || r.top >= window.innerHeight) continue;
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  const tall = Math.round(bottom - top);
  return tall > room / 2
    ? [`filters ${tall} px tall, more than half of the first screen (${Math.round(room)} px)`]
    : [];
}

/**
 * A calendar is drawn as it comes near the screen (components/calendar, 150 px ahead). Scrolls
 * down as a reader does, 100 px at a time, waiting at each calendar until it is drawn, so that
 * everything a page can show is checked; then back to the first screen. A calendar that appeared
 * inside the screen would push what is below it and count as layout shift.
 */
async function scrollToCalendars(page: Page): Promise<void> {
  for (let step = 0; step < 200; step++) {
    const next = await page.evaluate(() => {
      const pending = document.querySelector('.kyiv-calendar-pending');
      if (!pending) return 'done';
      if (pending.getBoundingClientRect().top <= window.innerHeight + 150) return 'wait';
      window.scrollBy(0, 100);
      return 'scrolled';
    });
    if (next === 'done') break;
    if (next === 'wait')
      await page.waitForFunction(
        () =>
          ![...document.querySelectorAll('.kyiv-calendar-pending')].some(
            (pending) => pending.getBoundingClientRect().top <= window.innerHeight + 150,
          ),
      );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
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
  // Cumulative layout shift as browsers and Lighthouse define it: shifts not caused by the reader,
  // grouped into windows (a gap under 1 s, 5 s at most), the largest window's sum.
  await context.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    let windowSum = 0;
    let windowStart = -Infinity;
    let last = -Infinity;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        startTime: number;
      }[]) {
        if (entry.hadRecentInput) continue;
        if (entry.startTime - last > 1000 || entry.startTime - windowStart > 5000) {
          windowSum = 0;
          windowStart = entry.startTime;
        }
        windowSum += entry.value;
        last = entry.startTime;
        w.layoutShift = Math.max(w.layoutShift, windowSum);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
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
  it('fits the screen, is easy to tap and passes axe', { timeout: 1_200_000 }, async () => {
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
    // A certificate to verify: volunteer1@'s approved hours, one certificate per issuer.
    const volunteer = (await (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'volunteer1@demo.vcentri.kyiv.ua', password: PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const certificates = (await (
      await fetch(`${server.url}/api/v1/me/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${volunteer.accessToken}` },
        body: JSON.stringify({ locale: 'uk', printedName: 'Богдан Кравчук' }),
      })
    ).json()) as { items: { code: string }[] };
    const certificateCode = certificates.items[0]!.code;
    const roomId = rooms.items[0]!.id;
    const eventId = events.items[0]!.id;
    const orgId = orgs.items[0]!.id;
    const publicRoutes = [
      '/',
      `/hubs/${hubId}`,
      `/rooms/${roomId}`,
      '/events',
      '/events?view=calendar',
      `/events/${eventId}`,
      '/registry',
      `/registry/${orgId}`,
      '/open-data',
      '/privacy',
      '/volunteering',
      '/volunteering?view=shifts',
      `/volunteering/programs/${programs.items[0]!.id}`,
      `/volunteering/programs/${programs.items[0]!.id}?view=calendar`,
      `/verify/${certificateCode}`,
      '/verify/NOSUCHCERTIFICATE',
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
      '/my/certificates',
    ];
    const who: [string, string | null, string[]][] = [
      ['visitor', null, publicRoutes],
      ['resident', 'resident@demo.vcentri.kyiv.ua', signedInRoutes],
      [
        'volunteer',
        'volunteer1@demo.vcentri.kyiv.ua',
        ['/my/volunteering', '/my/volunteering/profile', '/my/certificates'],
      ],
      [
        'ngo_owner',
        'ngo-owner@demo.vcentri.kyiv.ua',
        [
          `/rooms/${roomId}/book`,
          '/my/organizations',
          '/my/bookings',
          '/my/bookings?view=calendar',
          '/admin/events',
          '/admin/volunteering',
          '/admin/volunteering?new=1',
          `/admin/volunteering/${own.items[0]!.id}`,
          '/admin/certificates',
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
        [
          '/admin',
          '/admin/moderation',
          '/admin/users',
          '/admin/audit',
          '/admin/hubs/new',
          '/admin/certificates',
        ],
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
            await scrollToCalendars(page);
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
