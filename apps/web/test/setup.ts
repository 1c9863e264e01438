// Test setup for the web project: jest-dom matchers, a clean DOM, storage, session and language
// before every test, and no real network.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { setAccessToken } from '../src/lib/api-client';
import { i18n } from '../src/lib/i18n';

// The web suite shares two cores with the API suite in CI: waiting for what a page shows may take
// longer than Testing Library's default second without anything being wrong.
configure({ asyncUtilTimeout: 5000 });

// jsdom does not scroll; the layout scrolls to the top after navigation.
window.scrollTo = () => {};

beforeEach(async () => {
  localStorage.clear();
  setAccessToken(null);
  // As after an earlier log-in in this browser: the portal asks the API whether the session is
  // still alive (the fake API decides). Tests of a first visit clear it.
  document.cookie = 'vcentri_session=1; path=/';
  await i18n.changeLanguage('uk');
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
