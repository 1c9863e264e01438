// Test setup for the web project: jest-dom matchers, a clean DOM, storage, session and language
// before every test, and no real network.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { setAccessToken } from '../src/lib/api-client';
import { i18n, i18nReady, loadTexts, NAMESPACES } from '../src/lib/i18n';

// The web suite shares two cores with the API suite in CI, and the machine may be busy besides:
// waiting for what a page shows may take much longer than Testing Library's default second
// without anything being wrong. findBy/waitFor poll for the condition, so a right page passes as
// soon as it shows; the limit only decides how long a wrong one takes to fail.
configure({ asyncUtilTimeout: 15_000 });

// A text the portal asks for and neither language has would show its key to a reader: every
// test fails on one (a component's key lost from the translations, a typo in a key).
const missing: string[] = [];
i18n.options.saveMissing = true;
i18n.on('missingKey', (_lngs: readonly string[], ns: string, key: string, fallback: unknown) => {
  // A call with its own defaultValue (equipment a hub typed in, say) handles the miss itself.
  if (fallback === undefined || fallback === key) missing.push(`${ns}:${key}`);
});

// jsdom does not scroll; the layout scrolls to the top after navigation.
window.scrollTo = () => {};

// In the portal a page brings its own texts and English comes when chosen (test/route-texts.test.tsx)
// checks each page asks for what it shows); tests render components alone and switch freely, so
// every namespace of both languages is loaded first.
beforeAll(async () => {
  await i18nReady;
  await loadTexts(NAMESPACES);
  await i18n.loadLanguages('en');
});

beforeEach(async () => {
  localStorage.clear();
  setAccessToken(null);
  // As after an earlier log-in in this browser: the portal asks the API whether the session is
  // still alive (the fake API decides). Tests of a first visit clear it.
  document.cookie = 'vcentri_session=1; path=/';
  await i18n.changeLanguage('uk');
  localStorage.clear();
});

// Preact runs effects after the next frame, behind a timer of up to 35 ms that calls the window's
// cancelAnimationFrame: the last of a file fire before its jsdom window goes, or the timer finds
// no window (an uncaught ReferenceError in whichever file runs then).
afterAll(() => new Promise((resolve) => setTimeout(resolve, 50)));

afterEach(() => {
  const lost = missing.splice(0);
  cleanup();
  if (lost.length) throw new Error(`Missing translations: ${[...new Set(lost)].join(', ')}`);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
