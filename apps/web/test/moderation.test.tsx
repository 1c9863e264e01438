// Registry moderation as a city administrator uses it: the queue by status, an application with
// the decisions its status allows, reasons that are required, and who sees the area at all.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Organization } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import {
  installFakeApi,
  json,
  problem,
  sampleGrant,
  sampleMe,
  sampleMember,
  sampleOrganization,
  signedInAs,
} from './fake-api';
import { renderApp } from './render-app';

const ORG_ID = '40000000-0000-4000-8000-000000000001';
const cityAdmin = sampleMe([sampleGrant({ role: 'city_admin' })]);
const ngoOwner = sampleMe([
  sampleGrant({ role: 'ngo_owner', organizationId: ORG_ID, organizationName: 'Оболонь разом' }),
]);
const submitted = sampleOrganization({ status: 'submitted', verifiedAt: null });

function reviewApi(organization: () => Organization, extra: Record<string, unknown> = {}) {
  return {
    ...signedInAs(cityAdmin),
    [`GET /organizations/${ORG_ID}`]: () => json(organization()),
    [`GET /organizations/${ORG_ID}/history`]: json({ items: [] }),
    [`GET /organizations/${ORG_ID}/members`]: json({ items: [sampleMember()] }),
    ...extra,
  };
}

describe('moderation navigation', () => {
  it('shows "Registry moderation" to a city administrator only', async () => {
    installFakeApi(signedInAs(cityAdmin));
    renderApp('/admin');
    const nav = within(await screen.findByRole('navigation', { name: 'Розділи адміністрування' }));
    expect(nav.getByRole('link', { name: 'Модерація реєстру' })).toHaveAttribute('href', '/admin/moderation');
  });

  it('hides it from an organisation owner, who is told the page is not for them', async () => {
    const { requests } = installFakeApi(signedInAs(ngoOwner));
    renderApp('/admin/moderation');

    const nav = within(await screen.findByRole('navigation', { name: 'Розділи адміністрування' }));
    expect(nav.queryByRole('link', { name: 'Модерація реєстру' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
    expect(requests.some((r) => r.path.startsWith('/moderation'))).toBe(false);
  });
});

describe('moderation queue', () => {
  it('lists submitted applications by default, and switches status and "changed after verification"', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /moderation/organizations': (request) =>
        request.query.get('status') === 'submitted'
          ? json({ items: [submitted], total: 1 })
          : json({ items: [], total: 0 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/moderation');

    const table = within(await screen.findByRole('table'));
    expect(table.getByRole('link', { name: 'Оболонь разом' })).toHaveAttribute(
      'href',
      `/admin/moderation/${ORG_ID}`,
    );
    expect(table.getByText('Громадська організація')).toBeInTheDocument();
    expect(table.getByText('00022527')).toBeInTheDocument();
    expect(table.getByText('На перевірці')).toBeInTheDocument();
    // 10:00 UTC on 10 March is 12:00 in Kyiv.
    expect(table.getByText(/12:00/)).toBeInTheDocument();
    expect(screen.getByText('Знайдено: 1')).toBeInTheDocument();
    const moderation = () => requests.filter((r) => r.path === '/moderation/organizations').at(-1)?.query;
    expect(moderation()?.get('status')).toBe('submitted');

    const tabs = within(screen.getByRole('navigation', { name: 'Заявки за статусом' }));
    expect(tabs.getByRole('link', { name: 'На перевірці' })).toHaveAttribute('aria-current', 'page');
    await user.click(tabs.getByRole('link', { name: 'Відхилені' }));
    expect(await screen.findByText('Заявок немає.')).toBeInTheDocument();
    expect(moderation()?.get('status')).toBe('rejected');
    expect(router.state.location.search).toBe('?status=rejected');

    await user.click(tabs.getByRole('link', { name: 'Змінені після верифікації' }));
    await waitFor(() => expect(moderation()?.get('changed')).toBe('true'));
    expect(moderation()?.has('status')).toBe(false);

    await user.type(screen.getByRole('searchbox', { name: 'Пошук за назвою або кодом ЄДРПОУ' }), '0002');
    await user.click(screen.getByRole('button', { name: 'Шукати' }));
    await waitFor(() => expect(moderation()?.get('q')).toBe('0002'));
    expect(moderation()?.get('changed')).toBe('true');
  });
});

describe('reviewing an application', () => {
  it('offers Verify and Reject for a submitted application; Reject needs a reason', async () => {
    let current = submitted;
    const { requests } = installFakeApi(
      reviewApi(() => current, {
        [`POST /organizations/${ORG_ID}/reject`]: (request: { body: unknown }) => {
          current = {
            ...current,
            status: 'rejected',
            rejectionReason: (request.body as { reason: string }).reason,
          };
          return json(current);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/moderation/${ORG_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Оболонь разом' })).toBeInTheDocument();
    const decision = within(screen.getByRole('region', { name: 'Рішення' }));
    expect(decision.getByRole('button', { name: 'Верифікувати' })).toBeInTheDocument();
    expect(decision.queryByRole('button', { name: 'Призупинити' })).not.toBeInTheDocument();
    expect(decision.queryByRole('button', { name: 'Поновити' })).not.toBeInTheDocument();
    // The full application is on the page.
    const application = within(screen.getByRole('region', { name: 'Заявка' }));
    expect(application.getByText('Civic education for young people in Obolon.')).toBeInTheDocument();
    expect(application.getByText('Громадська освіта для молоді Оболоні.')).toBeInTheDocument();

    await user.click(decision.getByRole('button', { name: 'Відхилити' }));
    const dialog = within(screen.getByRole('alertdialog', { name: 'Відхилити заявку?' }));
    const reason = dialog.getByLabelText('Причина');
    expect(reason).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Так, відхилити' }));
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('Вкажіть причину: щонайменше 3 символи.'),
    );
    expect(requests.some((r) => r.path.endsWith('/reject'))).toBe(false);

    await user.type(reason, 'Бракує опису англійською.');
    await user.click(dialog.getByRole('button', { name: 'Так, відхилити' }));

    expect(await screen.findByText('Готово. Новий статус: Відхилено.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Рішення' })).toHaveFocus();
    expect(requests.find((r) => r.path.endsWith('/reject'))?.body).toEqual({
      reason: 'Бракує опису англійською.',
    });
    expect(screen.queryByRole('button', { name: 'Верифікувати' })).not.toBeInTheDocument();
    expect(screen.getByText('Бракує опису англійською.')).toBeInTheDocument();
  });

  it('verifies after confirmation, and shows a refused action in words', async () => {
    let answer = problem(409, 'invalid_transition');
    installFakeApi(reviewApi(() => submitted, { [`POST /organizations/${ORG_ID}/verify`]: () => answer }));
    const user = userEvent.setup();
    renderApp(`/admin/moderation/${ORG_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Верифікувати' }));
    const dialog = within(screen.getByRole('alertdialog', { name: 'Верифікувати організацію?' }));
    await user.click(dialog.getByRole('button', { name: 'Так, верифікувати' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'Цю дію не можна виконати в поточному статусі організації.',
    );

    answer = json({ ...submitted, status: 'verified', verifiedAt: '2026-04-01T09:00:00Z' });
    await user.click(dialog.getByRole('button', { name: 'Так, верифікувати' }));
    expect(await screen.findByText('Готово. Новий статус: Верифіковано.')).toBeInTheDocument();
  });

  it('offers no Verify or Reject for a verified organisation, but Suspend, Archive and Mark changes reviewed', async () => {
    let current = sampleOrganization({ changedSinceVerification: true });
    const { requests } = installFakeApi(
      reviewApi(() => current, {
        [`POST /organizations/${ORG_ID}/acknowledge-changes`]: () => {
          current = { ...current, changedSinceVerification: false };
          return json(current);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/moderation/${ORG_ID}`);

    const decision = within(await screen.findByRole('region', { name: 'Рішення' }));
    expect(decision.queryByRole('button', { name: 'Верифікувати' })).not.toBeInTheDocument();
    expect(decision.queryByRole('button', { name: 'Відхилити' })).not.toBeInTheDocument();
    expect(decision.getByRole('button', { name: 'Призупинити' })).toBeInTheDocument();
    expect(decision.getByRole('button', { name: 'Архівувати' })).toBeInTheDocument();
    expect(decision.getByText(/змінила публічні дані після верифікації/)).toBeInTheDocument();

    // Suspending needs a reason too.
    await user.click(decision.getByRole('button', { name: 'Призупинити' }));
    let dialog = within(screen.getByRole('alertdialog', { name: 'Призупинити організацію?' }));
    await user.click(dialog.getByRole('button', { name: 'Так, призупинити' }));
    expect(dialog.getByLabelText('Причина')).toHaveAttribute('aria-invalid', 'true');
    await user.click(dialog.getByRole('button', { name: 'Скасувати' }));

    await user.click(decision.getByRole('button', { name: 'Позначити зміни переглянутими' }));
    dialog = within(screen.getByRole('alertdialog'));
    await user.click(dialog.getByRole('button', { name: 'Так, переглянуто' }));
    expect(await screen.findByText('Зміни позначено переглянутими.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/acknowledge-changes'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Позначити зміни переглянутими' })).not.toBeInTheDocument();
  });

  it('reads in English', async () => {
    installFakeApi(reviewApi(() => submitted));
    const user = userEvent.setup();
    renderApp(`/admin/moderation/${ORG_ID}`);
    await screen.findByRole('button', { name: 'Верифікувати' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('button', { name: 'Verify' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Registry moderation' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(screen.getByRole('alertdialog', { name: 'Reject the application?' })).toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toHaveFocus();
  });
});
