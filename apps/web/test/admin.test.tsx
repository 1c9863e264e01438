// The admin area: who gets in, what each role's navigation offers, and the city administrator's
// users & roles and audit pages.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdminUser, AuditEntry } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import {
  installFakeApi,
  json,
  problem,
  sampleAdminUser,
  sampleGrant,
  sampleHub,
  sampleMe,
  signedInAs,
  signedOut,
} from './fake-api';
import { changeLocale } from '../src/lib/i18n';
import { renderApp } from './render-app';

const cityAdmin = sampleMe([sampleGrant({ role: 'city_admin' })]);
const hubManager = sampleMe([
  sampleGrant({
    id: '10000000-0000-4000-8000-000000000002',
    role: 'hub_manager',
    hubId: '20000000-0000-4000-8000-000000000001',
    hubName: 'Vcentri HUB Оболонь',
    hubNameEn: 'Vcentri HUB Obolon',
  }),
]);
const resident = sampleMe([]);

function adminNav() {
  return screen.findByRole('navigation', { name: 'Розділи адміністрування' });
}

describe('admin navigation', () => {
  it('offers "Users & roles" and "Audit log" to a city administrator', async () => {
    installFakeApi(signedInAs(cityAdmin));
    renderApp('/admin');

    const nav = within(await adminNav());
    expect(nav.getByRole('link', { name: 'Огляд' })).toBeInTheDocument();
    expect(nav.getByRole('link', { name: 'Користувачі та ролі' })).toHaveAttribute('href', '/admin/users');
    expect(nav.getByRole('link', { name: 'Журнал аудиту' })).toHaveAttribute('href', '/admin/audit');
    expect(screen.getByRole('link', { name: 'Адміністрування' })).toBeInTheDocument();
  });

  it('hides them from a hub manager, who sees an overview of their hubs instead', async () => {
    installFakeApi(signedInAs(hubManager));
    renderApp('/admin');

    const nav = within(await adminNav());
    expect(nav.getByRole('link', { name: 'Огляд' })).toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Користувачі та ролі' })).not.toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Журнал аудиту' })).not.toBeInTheDocument();

    const hubs = within(screen.getByRole('region', { name: 'Ваші хаби' }));
    expect(hubs.getByRole('link', { name: 'Vcentri HUB Оболонь' })).toHaveAttribute(
      'href',
      '/admin/hubs/20000000-0000-4000-8000-000000000001',
    );
    expect(screen.queryByText(/з'являться/)).toBeNull();

    // In English the hub has its English name, in the overview and in the role.
    await changeLocale('en');
    const hubsEn = within(await screen.findByRole('region', { name: 'Your hubs' }));
    expect(hubsEn.getByRole('link', { name: 'Vcentri HUB Obolon' })).toBeInTheDocument();
    expect(screen.getByText('Vcentri HUB Obolon', { selector: '.grant__scope' })).toBeInTheDocument();
    await changeLocale('uk');
  });

  it('tells a hub manager who opens the users page directly that it is not for them', async () => {
    const { requests } = installFakeApi(signedInAs(hubManager));
    renderApp('/admin/users');

    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
    expect(requests.some((r) => r.path === '/admin/users')).toBe(false);
  });

  it('tells a resident without granted roles that there is no access, and hides the Admin link', async () => {
    installFakeApi(signedInAs(resident));
    renderApp('/admin');

    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Розділи адміністрування' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Адміністрування' })).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor to log in, and back afterwards', async () => {
    installFakeApi(signedOut);
    const { router } = renderApp('/admin/audit?action=role.granted');

    expect(await screen.findByRole('heading', { level: 1, name: 'Вхід' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(
      `?next=${encodeURIComponent('/admin/audit?action=role.granted')}`,
    );
  });
});

describe('users & roles', () => {
  const ivan = sampleAdminUser({
    grants: [
      sampleGrant({
        id: '10000000-0000-4000-8000-000000000009',
        role: 'district_admin',
        district: 'podilskyi',
      }),
    ],
  });

  it('lists users with their grants and grants a hub role chosen from the hub list', async () => {
    let users: AdminUser[] = [ivan];
    const { requests } = installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /admin/users': () => json({ items: users, total: users.length }),
      'GET /hubs': json({ items: [sampleHub()], total: 1 }),
      'GET /organizations': problem(404, 'not_found'),
      'POST /admin/users/30000000-0000-4000-8000-000000000001/roles': (request) => {
        const grant = sampleGrant({
          id: '10000000-0000-4000-8000-000000000010',
          role: 'hub_manager',
          hubId: (request.body as { hubId: string }).hubId,
          hubName: 'Vcentri HUB Оболонь',
        });
        users = [{ ...ivan, grants: [...ivan.grants, grant] }];
        return json(grant, 201);
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/users');

    const card = within(await screen.findByRole('article', { name: 'Іван Петренко' }));
    expect(card.getByText('ivan@example.com')).toBeInTheDocument();
    expect(card.getByText('Адміністратор району')).toBeInTheDocument();
    expect(card.getByText('Подільський')).toBeInTheDocument();

    await user.click(card.getByRole('button', { name: 'Надати роль користувачу ivan@example.com' }));
    const form = within(screen.getByRole('form', { name: 'Надання ролі' }));
    await user.selectOptions(form.getByLabelText('Роль'), 'Менеджер хабу');
    await user.selectOptions(await form.findByLabelText('Хаб'), 'Vcentri HUB Оболонь');
    await user.click(form.getByRole('button', { name: 'Надати' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Надання ролі' })).not.toBeInTheDocument());
    expect(await card.findByText('Менеджер хабу')).toBeInTheDocument();
    expect(card.getByText('Vcentri HUB Оболонь')).toBeInTheDocument();
    expect(screen.getByRole('status', { hidden: true })).toHaveTextContent('Роль надано.');
    expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/roles'))?.body).toEqual({
      role: 'hub_manager',
      hubId: '20000000-0000-4000-8000-000000000001',
    });
  });

  it('revokes a grant only after confirmation, and shows why the API refused', async () => {
    let revokeAnswer = problem(409, 'last_city_admin');
    const { requests } = installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /admin/users': json({ items: [ivan], total: 1 }),
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /organizations': json({ items: [], total: 0 }),
      'DELETE /admin/users/30000000-0000-4000-8000-000000000001/roles/10000000-0000-4000-8000-000000000009':
        () => revokeAnswer,
    });
    const user = userEvent.setup();
    renderApp('/admin/users');

    const revokeButton = await screen.findByRole('button', {
      name: 'Відкликати роль «Адміністратор району (Подільський)» у ivan@example.com',
    });
    await user.click(revokeButton);
    let dialog = within(screen.getByRole('alertdialog', { name: 'Відкликати роль?' }));
    expect(dialog.getByText(/Іван Петренко \(ivan@example.com\) втратить роль/)).toBeInTheDocument();
    // Focus starts on the safe choice; Escape closes without calling the API.
    expect(dialog.getByRole('button', { name: 'Скасувати' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(revokeButton).toHaveFocus();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(revokeButton);
    dialog = within(screen.getByRole('alertdialog'));
    await user.click(dialog.getByRole('button', { name: 'Так, відкликати' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'Не можна відкликати роль в останнього адміністратора міста.',
    );

    revokeAnswer = { status: 204 };
    await user.click(dialog.getByRole('button', { name: 'Так, відкликати' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });

  it('asks for an organisation id when the registry list is not available', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /admin/users': json({ items: [ivan], total: 1 }),
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /organizations': problem(404, 'not_found'),
      'POST /admin/users/30000000-0000-4000-8000-000000000001/roles': problem(400, 'invalid_scope'),
    });
    const user = userEvent.setup();
    renderApp('/admin/users');

    await user.click(await screen.findByRole('button', { name: 'Надати роль користувачу ivan@example.com' }));
    const form = within(screen.getByRole('form', { name: 'Надання ролі' }));
    await user.selectOptions(form.getByLabelText('Роль'), 'Учасник організації');
    const idInput = form.getByLabelText('Ідентифікатор організації (UUID)');

    await user.type(idInput, 'not-a-uuid');
    await user.click(form.getByRole('button', { name: 'Надати' }));
    expect(idInput).toHaveAccessibleDescription(expect.stringContaining('має бути у форматі UUID'));
    expect(requests.some((r) => r.path.endsWith('/roles'))).toBe(false);

    await user.clear(idInput);
    await user.type(idInput, '40000000-0000-4000-8000-000000000001');
    await user.click(form.getByRole('button', { name: 'Надати' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'Для цієї ролі потрібно вказати правильну область',
    );
    expect(requests.find((r) => r.path.endsWith('/roles'))?.body).toEqual({
      role: 'ngo_member',
      organizationId: '40000000-0000-4000-8000-000000000001',
    });
  });

  it('searches by e-mail or name through the API', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /admin/users': (request) =>
        request.query.get('q') === 'nobody'
          ? json({ items: [], total: 0 })
          : json({ items: [ivan], total: 1 }),
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /organizations': json({ items: [], total: 0 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/users');
    await screen.findByRole('article', { name: 'Іван Петренко' });

    await user.type(
      screen.getByRole('searchbox', { name: "Пошук за електронною поштою або ім'ям" }),
      'nobody',
    );
    await user.click(screen.getByRole('button', { name: 'Шукати' }));

    expect(await screen.findByText('За запитом «nobody» нікого не знайдено.')).toBeInTheDocument();
    expect(
      requests
        .filter((r) => r.path === '/admin/users')
        .at(-1)
        ?.query.get('q'),
    ).toBe('nobody');
  });
});

describe('audit log', () => {
  it('reads as sentences: Kyiv time, who by name, what happened to which object (linked), no raw ids', async () => {
    const entry: AuditEntry = {
      id: '50000000-0000-4000-8000-000000000001',
      // 12:30 UTC in July is 15:30 in Kyiv (EEST, UTC+3).
      at: '2026-07-01T12:30:00Z',
      actorId: cityAdmin.user.id,
      actorEmail: 'olena@example.com',
      actorName: 'Олена Петренко',
      action: 'organization.verify',
      targetType: 'organization',
      targetId: '30000000-0000-4000-8000-000000000001',
      targetName: { uk: 'Оболонь разом', en: 'Obolon Together' },
      ip: '203.0.113.7',
      details: { from: 'submitted', to: 'verified' },
    };
    const grant: AuditEntry = {
      ...entry,
      id: '50000000-0000-4000-8000-000000000002',
      action: 'role.granted',
      targetType: 'user',
      targetId: '30000000-0000-4000-8000-000000000009',
      targetName: { uk: 'Тарас Мельник', en: 'Тарас Мельник' },
      details: { role: 'hub_manager', organizationId: '30000000-0000-4000-8000-000000000001' },
    };
    const consent: AuditEntry = {
      ...grant,
      id: '50000000-0000-4000-8000-000000000003',
      action: 'privacy.consent_given',
      details: { kind: 'volunteer_contact', version: '2026-12-01' },
    };
    const { requests } = installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /admin/audit': json({ items: [entry, grant, consent], total: 3 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/audit');

    const table = await screen.findByRole('table');
    const [, first, second, third] = within(table).getAllByRole('row');
    const row = within(first!);
    expect(row.getByText(/15:30/)).toBeInTheDocument();
    expect(first).toHaveTextContent('Олена Петренкоolena@example.com');
    expect(first).toHaveTextContent('Верифікація — організація «Оболонь разом»');
    expect(row.getByRole('link', { name: '«Оболонь разом»' })).toHaveAttribute(
      'href',
      '/admin/moderation/30000000-0000-4000-8000-000000000001',
    );
    expect(first).toHaveTextContent('На перевірці → Верифіковано');
    expect(row.getByText('203.0.113.7')).toBeInTheDocument();
    expect(second).toHaveTextContent('Надання ролі — користувач «Тарас Мельник»');
    expect(second).toHaveTextContent('роль: Менеджер хабу');
    // A consent by its name and its wording's date, not the stored key.
    expect(third).toHaveTextContent('згода: Зв’язок щодо волонтерства; редакція: 1 грудня 2026 р.');
    expect(table.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(table.textContent).not.toContain('volunteer_contact');

    await changeLocale('en');
    expect(await within(table).findByText(/Verified —/)).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: '«Obolon Together»' })).toBeInTheDocument();
    await changeLocale('uk');

    await user.selectOptions(screen.getByLabelText('Дія'), 'Невдала спроба входу');
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.path === '/admin/audit')
          .at(-1)
          ?.query.get('action'),
      ).toBe('auth.login_failed'),
    );
  });
});
