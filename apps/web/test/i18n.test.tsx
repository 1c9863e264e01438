// The language switch: Ukrainian by default, English on request, remembered across visits and
// reflected in <html lang>.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LOCALE_STORAGE_KEY } from '../src/lib/i18n';
import { installFakeApi, json, sampleHub, signedOut } from './fake-api';
import { renderApp } from './render-app';

function hubsApi() {
  return { ...signedOut, 'GET /hubs': json({ items: [sampleHub()], total: 1 }) };
}

describe('language switch', () => {
  it('starts in Ukrainian', async () => {
    installFakeApi(hubsApi());
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Мережа Vcentri HUB' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Увійти' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('uk');
  });

  it('switches every text to English, including data and district names, and remembers the choice', async () => {
    installFakeApi(hubsApi());
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Vcentri HUB Оболонь' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'The Vcentri HUB network' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    const card = within(screen.getByRole('article'));
    expect(card.getByRole('link', { name: 'Vcentri HUB Obolon' })).toBeInTheDocument();
    expect(card.getByText('Obolonskyi')).toBeInTheDocument();
    expect(card.getByText('3 rooms')).toBeInTheDocument();
    expect(screen.queryByText('Мережа Vcentri HUB')).not.toBeInTheDocument();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    // The switch now offers the way back.
    await user.click(screen.getByRole('button', { name: 'Українська' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Мережа Vcentri HUB' })).toBeInTheDocument();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('uk');
  });

  it('reads the choice stored on a previous visit when the portal starts', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    vi.resetModules();
    const fresh = await import('../src/lib/i18n');
    // English is its own file, fetched before the first paint.
    await fresh.i18nReady;

    expect(fresh.i18n.language).toBe('en');
    expect(fresh.i18n.t('nav.login')).toBe('Log in');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a stored value it does not know and falls back to Ukrainian', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');
    vi.resetModules();
    const fresh = await import('../src/lib/i18n');

    expect(fresh.i18n.language).toBe('uk');
    expect(fresh.i18n.t('nav.login')).toBe('Увійти');
  });
});
