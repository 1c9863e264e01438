// The portal on a phone: a catalogue's filters fold behind one «Фільтри» button that tells how many
// are in use (and are simply shown on a wide screen), and calendars offer only views that fit.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { viewsFor } from '../src/components/calendar/full-calendar';
import { i18n } from '../src/lib/i18n';
import { NARROW_SCREEN } from '../src/lib/narrow-screen';
import { renderEvents, sampleEvent } from './events-harness';
import { installFakeApi, json, samplePublicOrganization, sampleHub, signedOut } from './fake-api';
import { renderApp } from './render-app';

function onAPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === NARROW_SCREEN,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

describe('filters on a phone', () => {
  it('folds the events filters behind a button that counts the chosen ones', async () => {
    onAPhone();
    installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [sampleHub()], total: 1 }),
      'GET /events': json({ items: [sampleEvent()], total: 1 }),
    });
    const user = userEvent.setup();
    renderEvents('/events?district=podilskyi&category=workshop');

    const toggle = await screen.findByRole('button', { name: 'Фільтри (обрано: 2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByLabelText('Район')).not.toBeVisible();
    expect(await screen.findByRole('list', { name: 'Події' })).toBeInTheDocument();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Район')).toBeVisible();
    expect(screen.getByLabelText('Район')).toHaveValue('podilskyi');
    await user.click(toggle);
    expect(screen.getByLabelText('Район')).not.toBeVisible();
  });

  it('names the button in English and without a count when nothing is chosen', async () => {
    onAPhone();
    installFakeApi({
      ...signedOut,
      'GET /organizations': json({ items: [samplePublicOrganization()], total: 1 }),
    });
    await i18n.changeLanguage('en');
    renderApp('/registry');

    const toggle = await screen.findByRole('button', { name: 'Filters' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // The search box stays in view; only the filters fold.
    expect(within(screen.getByRole('search')).getByRole('searchbox')).toBeVisible();
    expect(screen.getByLabelText('District')).not.toBeVisible();
  });

  it('shows the filters without a button on a wide screen', async () => {
    installFakeApi({ ...signedOut, 'GET /organizations': json({ items: [], total: 0 }) });
    renderApp('/registry');

    expect(await screen.findByLabelText('Район')).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Фільтри/ })).not.toBeInTheDocument();
  });
});

describe('calendar views on a phone', () => {
  it('keeps a single day where a screen has one, a list otherwise', () => {
    expect(viewsFor(['week', 'day', 'list'], undefined, true)).toEqual({
      views: ['day', 'list'],
      initial: 'day',
    });
    expect(viewsFor(['month', 'week', 'list'], 'month', true)).toEqual({ views: ['list'], initial: 'list' });
    expect(viewsFor(['month', 'week'], 'month', true)).toEqual({ views: ['list'], initial: 'list' });
  });

  it('leaves a wide screen’s views as they are', () => {
    expect(viewsFor(['month', 'week', 'list'], 'month', false)).toEqual({
      views: ['month', 'week', 'list'],
      initial: 'month',
    });
  });
});
