// The header on a phone: the account's links fold under one «Меню» button, which says whether it
// is open and closes again when the reader goes to another page.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, sampleMe, signedInAs } from './fake-api';
import { renderApp } from './render-app';

describe('the header menu', () => {
  it('opens the account links, names what it controls, and closes on the next page', async () => {
    installFakeApi({
      ...signedInAs(sampleMe([])),
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /me/volunteering': json({
        shifts: [],
        hours: { approvedMinutes: 0, pendingMinutes: 0, entries: [] },
      }),
      'GET /me/volunteer-profile': json(null, 404),
      'GET /volunteering/programs': json({ items: [], total: 0 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/');

    const toggle = await screen.findByRole('button', { name: 'Меню' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const menu = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(menu).toHaveAccessibleName('Обліковий запис користувача');
    expect(menu).not.toHaveClass('is-open');

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveClass('is-open');

    await user.click(screen.getByRole('link', { name: 'Моє волонтерство' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/my/volunteering'));
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'false'));
  });
});
