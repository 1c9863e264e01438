// Personal data in the portal: the privacy page drawn from the one list of categories, the
// account's consents, archives and deletion, and a city administrator acting on a written request.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CONSENT_KINDS,
  CONSENT_WORDING,
  type Consent,
  DATA_CATEGORIES,
  type DataExport,
  type PrivacyInfo,
} from '@vcentri/shared';
import { describe, expect, it, vi } from 'vitest';
import { getAccessToken } from '../src/lib/api-client';
import { fillRetention } from '../src/features/privacy/labels';
import { changeLocale } from '../src/lib/i18n';
import {
  installFakeApi,
  json,
  problem,
  sampleAdminUser,
  sampleGrant,
  sampleMe,
  signedInAs,
  signedOut,
} from './fake-api';
import { renderApp } from './render-app';

const RETENTION = { auditIpDays: 91, exportDays: 7, unusedAccountDays: 366 };

const privacyInfo: PrivacyInfo = {
  categories: DATA_CATEGORIES.map((c) => ({ ...c })),
  retention: RETENTION,
  consents: CONSENT_KINDS.map((kind) => ({
    kind,
    version: CONSENT_WORDING[kind].version,
    text: { uk: CONSENT_WORDING[kind].uk, en: CONSENT_WORDING[kind].en },
  })),
};

const EXPORT_ID = '80000000-0000-4000-8000-000000000001';

function sampleExport(overrides: Partial<DataExport> = {}): DataExport {
  return {
    id: EXPORT_ID,
    status: 'pending',
    requestedAt: '2026-12-02T10:00:00.000Z',
    readyAt: null,
    expiresAt: null,
    bytes: null,
    byStaff: false,
    downloadUrl: null,
    ...overrides,
  };
}

const readyExport = sampleExport({
  status: 'ready',
  readyAt: '2026-12-02T10:01:00.000Z',
  // 22:01 UTC on 8 December is already 9 December in Kyiv.
  expiresAt: '2026-12-08T22:01:00.000Z',
  bytes: 14_540,
  downloadUrl: `/api/v1/data-exports/${EXPORT_ID}/archive.zip`,
});

const never = (kind: Consent['kind']): Consent => ({ kind, given: false, version: null, at: null });

/** A signed-in person's account page with nothing decided and no archives yet. */
function accountApi(me = sampleMe()) {
  return {
    ...signedInAs(me),
    'GET /privacy': json(privacyInfo),
    'GET /me/consents': json({ items: CONSENT_KINDS.map(never) }),
    'GET /me/data-exports': json({ items: [] }),
  };
}

describe('retention periods in words', () => {
  it('agree with their number in both languages', () => {
    const text = (n: number, lang: 'uk' | 'en') =>
      fillRetention(
        lang === 'uk' ? 'видаляються через {auditIpDays} днів.' : 'dropped after {auditIpDays} days.',
        {
          ...RETENTION,
          auditIpDays: n,
        },
      );
    expect([1, 2, 5, 11, 21, 22, 90, 91, 92, 365].map((n) => text(n, 'uk'))).toEqual([
      'видаляються через 1 день.',
      'видаляються через 2 дні.',
      'видаляються через 5 днів.',
      'видаляються через 11 днів.',
      'видаляються через 21 день.',
      'видаляються через 22 дні.',
      'видаляються через 90 днів.',
      'видаляються через 91 день.',
      'видаляються через 92 дні.',
      'видаляються через 365 днів.',
    ]);
    expect([1, 90].map((n) => text(n, 'en'))).toEqual(['dropped after 1 day.', 'dropped after 90 days.']);
  });
});

describe('privacy page', () => {
  it('lists every category of personal data with the configured periods, in both languages', async () => {
    installFakeApi({ ...signedOut, 'GET /privacy': json(privacyInfo) });
    renderApp('/privacy');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ваші персональні дані' })).toBeVisible();
    const list = within(await screen.findByRole('list', { name: 'Категорії персональних даних' }));
    for (const category of DATA_CATEGORIES) {
      const card = within(list.getByRole('article', { name: category.title.uk }));
      expect(card.getByText(category.what.uk)).toBeInTheDocument();
      expect(card.getByText(category.onErasure.uk)).toBeInTheDocument();
    }
    expect(list.getAllByRole('article')).toHaveLength(DATA_CATEGORIES.length);
    const audit = within(screen.getByRole('article', { name: 'Журнал дій' }));
    expect(audit.getByText('Записи лишаються; IP-адреси видаляються через 91 день.')).toBeInTheDocument();
    expect(screen.getByText(/видаляються через 366 днів/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\{\w+Days\}/);
    // The consents' current wording, and how to exercise each right.
    expect(screen.getByText(CONSENT_WORDING.volunteer_contact.uk)).toBeInTheDocument();
    expect(screen.getByText(/протягом 7 днів/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Завантажити мої дані' })).toHaveAttribute(
      'href',
      '/account#data-export',
    );
    expect(screen.getByRole('link', { name: 'Видалити мій обліковий запис' })).toHaveAttribute(
      'href',
      '/account#delete-account',
    );
    expect(screen.getByRole('heading', { name: 'Звернутися письмово' })).toBeInTheDocument();

    await changeLocale('en');
    const english = within(await screen.findByRole('list', { name: 'Categories of personal data' }));
    for (const category of DATA_CATEGORIES)
      expect(english.getByRole('article', { name: category.title.en })).toBeInTheDocument();
    expect(screen.getByText('Entries stay; IP addresses are dropped after 91 days.')).toBeInTheDocument();
    expect(screen.getByText(CONSENT_WORDING.email_notifications.en)).toBeInTheDocument();
  });

  it('is linked from the footer and from the registration form', async () => {
    installFakeApi(signedOut);
    renderApp('/register');

    expect(await screen.findByRole('link', { name: 'Як ми обробляємо ваші дані' })).toHaveAttribute(
      'href',
      '/privacy',
    );
    expect(
      within(screen.getByRole('contentinfo')).getByRole('link', {
        name: 'Ваші персональні дані: як ми їх обробляємо',
      }),
    ).toHaveAttribute('href', '/privacy');
  });
});

describe('account: consents', () => {
  it('gives a consent with the version of the wording shown, and withdraws it', async () => {
    let current = never('volunteer_contact');
    const { requests } = installFakeApi({
      ...accountApi(),
      'GET /me/consents': () => json({ items: [current, never('email_notifications')] }),
      'PUT /me/consents/volunteer_contact': (request) => {
        const body = request.body as { given: boolean; version: string };
        current = { kind: 'volunteer_contact', ...body, at: '2026-12-02T12:30:00.000Z' };
        return json(current);
      },
    });
    const user = userEvent.setup();
    renderApp('/account');

    const consent = within(await screen.findByTestId('consent-volunteer_contact'));
    expect(consent.getByText(CONSENT_WORDING.volunteer_contact.uk)).toBeInTheDocument();
    expect(consent.getByText('Не надано.')).toBeInTheDocument();
    await user.click(consent.getByRole('button', { name: 'Надати згоду: Зв’язок щодо волонтерства' }));

    await waitFor(() => expect(screen.getByText('Згоду надано: Зв’язок щодо волонтерства.')).toHaveFocus());
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      given: true,
      version: CONSENT_WORDING.volunteer_contact.version,
    });
    // 12:30 UTC is 14:30 in Kyiv.
    expect(await consent.findByText(/^Надано 2 груд\. 2026 р\., 14:30\.$/)).toBeInTheDocument();

    await user.click(consent.getByRole('button', { name: 'Відкликати згоду: Зв’язок щодо волонтерства' }));
    await waitFor(() =>
      expect(screen.getByText('Згоду відкликано: Зв’язок щодо волонтерства.')).toHaveFocus(),
    );
    expect(requests.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({
      given: false,
      version: CONSENT_WORDING.volunteer_contact.version,
    });
  });

  it('asks to decide again when the consent was given to an earlier wording', async () => {
    const { requests } = installFakeApi({
      ...accountApi(),
      'GET /me/consents': json({
        items: [
          { kind: 'email_notifications', given: true, version: '2026-01-01', at: '2026-01-01T10:00:00Z' },
          never('volunteer_contact'),
        ],
      }),
      'PUT /me/consents/email_notifications': problem(409, 'consent_outdated'),
    });
    const user = userEvent.setup();
    renderApp('/account');

    const consent = within(await screen.findByTestId('consent-email_notifications'));
    expect(consent.getByText(/попередню редакцію \(1 січня 2026 р\.\)/)).toBeInTheDocument();
    await user.click(
      consent.getByRole('button', { name: 'Погодитися на чинну редакцію: Сповіщення електронною поштою' }),
    );
    expect(await consent.findByRole('alert')).toHaveTextContent('Формулювання, на яке ви погоджувалися');
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      given: true,
      version: CONSENT_WORDING.email_notifications.version,
    });
  });
  it('shows a consent that is on by default, and where to make a volunteer profile first', async () => {
    installFakeApi({
      ...accountApi(),
      'GET /me/consents': json({
        items: [
          never('volunteer_contact'),
          { kind: 'email_notifications', given: true, version: null, at: null },
        ],
      }),
      'PUT /me/consents/volunteer_contact': problem(403, 'volunteer_profile_required'),
    });
    const user = userEvent.setup();
    renderApp('/account');

    const email = within(await screen.findByTestId('consent-email_notifications'));
    expect(email.getByText(/^Увімкнено за замовчуванням/)).toBeInTheDocument();
    expect(email.queryByText(/попередню редакцію/)).not.toBeInTheDocument();
    expect(
      email.getByRole('button', { name: 'Погодитися на чинну редакцію: Сповіщення електронною поштою' }),
    ).toBeInTheDocument();
    expect(
      email.getByRole('button', { name: 'Відкликати згоду: Сповіщення електронною поштою' }),
    ).toBeInTheDocument();

    const contact = within(screen.getByTestId('consent-volunteer_contact'));
    await user.click(contact.getByRole('button', { name: 'Надати згоду: Зв’язок щодо волонтерства' }));
    expect(await contact.findByRole('alert')).toHaveTextContent('Спершу заповніть профіль волонтера.');
    expect(contact.getByRole('link', { name: 'Заповнити профіль волонтера' })).toHaveAttribute(
      'href',
      '/my/volunteering/profile',
    );
  });
});

describe('account: download my data', () => {
  it('requests an archive, shows it being prepared until it is ready, then downloads it', async () => {
    let items: DataExport[] = [];
    let reads = 0;
    const { requests } = installFakeApi({
      ...accountApi(),
      'GET /me/data-exports': () => {
        // The background job finishes on the second look after the request.
        if (items[0]?.status === 'pending' && ++reads > 1) items = [readyExport];
        return json({ items });
      },
      'POST /me/data-exports': () => {
        items = [sampleExport()];
        return json(items[0], 202);
      },
      [`GET /data-exports/${EXPORT_ID}/archive.zip`]: json({ zip: true }),
    });
    const createObjectURL = vi.fn(() => 'blob:archive');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderApp('/account');

    const section = within(await screen.findByRole('region', { name: 'Завантажити мої дані' }));
    expect(await section.findByText('Ви ще не запитували архів.')).toBeInTheDocument();
    expect(section.getByText(/протягом 7 днів/)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Запросити мої дані' }));

    await waitFor(() => expect(section.getByText(/Ми готуємо ваш архів/)).toHaveFocus());
    expect(
      requests
        .find((r) => r.path === '/me/data-exports' && r.method === 'POST')
        ?.headers.get('Idempotency-Key'),
    ).toBeTruthy();
    const archive = within(await section.findByTestId('data-export'));
    expect(archive.getByText('Готується')).toBeInTheDocument();
    expect(archive.getByText(/перевіряє його стан/)).toBeInTheDocument();
    expect(section.getByRole('button', { name: 'Запросити мої дані' })).toBeDisabled();

    // Polled every few seconds while pending.
    expect(await archive.findByText('Готовий', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByText('Ваш архів готовий до завантаження.')).toBeInTheDocument();
    expect(archive.getByText('9 груд. 2026 р., 00:01')).toBeInTheDocument();
    expect(archive.getByText('14,2 КБ')).toBeInTheDocument();
    await user.click(archive.getByRole('button', { name: 'Завантажити архів від 2 груд. 2026 р., 12:00' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    const download = requests.find((r) => r.path.endsWith('/archive.zip'));
    expect(download?.headers.get('Authorization')).toBe('Bearer access-1');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^vcentri-data-\d{4}-\d{2}-\d{2}\.zip$/,
    );
  });

  it('says so when an archive has expired before it was downloaded', async () => {
    installFakeApi({
      ...accountApi(),
      'GET /me/data-exports': json({ items: [readyExport] }),
      [`GET /data-exports/${EXPORT_ID}/archive.zip`]: problem(404, 'not_found'),
    });
    const user = userEvent.setup();
    renderApp('/account#data-export');

    const section = await screen.findByRole('region', { name: 'Завантажити мої дані' });
    // The notification's link brings the section into view and focus.
    await waitFor(() => expect(section).toHaveFocus());
    await user.click(await within(section).findByRole('button', { name: /^Завантажити архів/ }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('Термін цього архіву минув.');
  });
});

describe('account: delete my account', () => {
  const owner = sampleMe([
    sampleGrant({
      id: '10000000-0000-4000-8000-000000000005',
      role: 'ngo_owner',
      organizationId: '40000000-0000-4000-8000-000000000001',
      organizationName: 'Оболонь разом',
    }),
  ]);

  async function deleteWith(password: string) {
    const user = userEvent.setup();
    const section = within(await screen.findByRole('region', { name: 'Видалити мій обліковий запис' }));
    const field = section.getByLabelText('Ваш пароль');
    await user.clear(field);
    await user.type(field, password);
    await user.click(section.getByRole('button', { name: 'Видалити мій обліковий запис…' }));
    const dialog = within(screen.getByRole('alertdialog', { name: 'Видалити обліковий запис назавжди?' }));
    // The confirmation names the consequences.
    expect(dialog.getByText('Зроблені бронювання лишаються за організацією.')).toBeInTheDocument();
    expect(dialog.getByText(/Майбутні реєстрації на події та записи на зміни/)).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Ні, залишити' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Так, видалити обліковий запис' }));
    return section;
  }

  it('shows a wrong password next to the field, and an only owner where to hand ownership over', async () => {
    let answer = problem(403, 'invalid_credentials');
    const { requests } = installFakeApi({ ...accountApi(owner), 'DELETE /me': () => answer });
    renderApp('/account');

    let section = await deleteWith('wrong-password');
    await waitFor(() => expect(section.getByRole('alert')).toHaveFocus());
    expect(section.getByRole('alert')).toHaveTextContent('Неправильний пароль.');
    expect(section.getByLabelText('Ваш пароль')).toHaveAccessibleDescription(/Неправильний пароль\./);
    expect(requests.find((r) => r.method === 'DELETE')?.body).toEqual({ password: 'wrong-password' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    answer = problem(409, 'owner_must_transfer');
    section = await deleteWith('right-password');
    expect(await section.findByText(/Передайте власність іншому учасникові/)).toBeInTheDocument();
    expect(section.getByRole('link', { name: 'Оболонь разом' })).toHaveAttribute(
      'href',
      '/my/organizations/40000000-0000-4000-8000-000000000001',
    );
    expect(screen.getByTestId('current-user')).toBeInTheDocument();
  });

  it('signs out and says so on the home page once the account is deleted', async () => {
    const { requests } = installFakeApi({
      ...accountApi(),
      'DELETE /me': { status: 204 },
      'POST /auth/logout': { status: 204 },
      'GET /hubs': json({ items: [], total: 0 }),
    });
    const { router } = renderApp('/account');

    await deleteWith('right-password');
    const notice = await screen.findByText(/Ваш обліковий запис видалено, ви вийшли з системи/);
    expect(router.state.location.pathname).toBe('/');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(await screen.findByRole('link', { name: 'Увійти' })).toBeInTheDocument();
    expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
    expect(getAccessToken()).toBeNull();
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('asks for the password before confirming', async () => {
    const { requests } = installFakeApi(accountApi());
    const user = userEvent.setup();
    renderApp('/account');

    const section = within(await screen.findByRole('region', { name: 'Видалити мій обліковий запис' }));
    await user.click(section.getByRole('button', { name: 'Видалити мій обліковий запис…' }));
    expect(await section.findByRole('alert')).toHaveTextContent('Ваш пароль');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
  });
});

describe('users & roles: a written request', () => {
  const cityAdmin = sampleMe([sampleGrant({ role: 'city_admin' })]);
  const ivan = sampleAdminUser();
  const IVAN = '30000000-0000-4000-8000-000000000001';

  function adminApi(handlers: Parameters<typeof installFakeApi>[0] = {}) {
    return installFakeApi({
      ...signedInAs(cityAdmin),
      'GET /admin/users': json({ items: [ivan], total: 1 }),
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /organizations': json({ items: [], total: 0 }),
      ...handlers,
    });
  }

  it('erases an account only with the request written down and after naming the consequences', async () => {
    const { requests } = adminApi({ [`POST /admin/users/${IVAN}/erase`]: { status: 204 } });
    const user = userEvent.setup();
    renderApp('/admin/users');

    const card = within(await screen.findByRole('article', { name: 'Іван Петренко' }));
    await user.click(
      card.getByRole('button', { name: 'Стерти обліковий запис користувача ivan@example.com' }),
    );
    const dialog = within(
      screen.getByRole('alertdialog', { name: 'Стерти обліковий запис Іван Петренко (ivan@example.com)?' }),
    );
    expect(dialog.getByText(/Видані сертифікати й надалі перевіряються/)).toBeInTheDocument();
    expect(dialog.getByLabelText('Письмовий запит')).toHaveFocus();
    await user.type(dialog.getByLabelText('Письмовий запит'), 'Лист');
    await user.click(dialog.getByRole('button', { name: 'Так, стерти обліковий запис' }));
    expect(dialog.getByText('Вкажіть письмовий запит (щонайменше 5 символів).')).toBeInTheDocument();
    expect(requests.some((r) => r.path.endsWith('/erase'))).toBe(false);

    await user.type(dialog.getByLabelText('Письмовий запит'), ' від 1 грудня 2026, № 12/345');
    await user.click(dialog.getByRole('button', { name: 'Так, стерти обліковий запис' }));
    await waitFor(() => expect(screen.getByText('Обліковий запис ivan@example.com стерто.')).toHaveFocus());
    expect(requests.find((r) => r.path.endsWith('/erase'))?.body).toEqual({
      reason: 'Лист від 1 грудня 2026, № 12/345',
    });
  });

  it('prepares an archive on a written request and shows its state', async () => {
    let items: DataExport[] = [];
    const { requests } = adminApi({
      [`GET /admin/users/${IVAN}/data-exports`]: () => json({ items }),
      [`POST /admin/users/${IVAN}/data-exports`]: () => {
        items = [{ ...readyExport, byStaff: true }];
        return json(sampleExport({ byStaff: true }), 202);
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/users');

    const card = within(await screen.findByRole('article', { name: 'Іван Петренко' }));
    await user.click(card.getByRole('button', { name: 'Вивантажити дані користувача ivan@example.com' }));
    const dialog = within(screen.getByRole('alertdialog'));
    await user.type(dialog.getByLabelText('Письмовий запит'), 'Лист № 12/346');
    await user.click(dialog.getByRole('button', { name: 'Підготувати архів' }));

    await waitFor(() =>
      expect(screen.getByText('Архів користувача ivan@example.com готується.')).toHaveFocus(),
    );
    expect(requests.find((r) => r.path.endsWith('/data-exports') && r.method === 'POST')?.body).toEqual({
      reason: 'Лист № 12/346',
    });
    const archives = within(await card.findByRole('list', { name: 'Архіви користувача ivan@example.com' }));
    expect(
      await archives.findByText('Запитано адміністрацією міста на письмовий запит.'),
    ).toBeInTheDocument();
    expect(archives.getByRole('button', { name: /^Завантажити архів/ })).toBeInTheDocument();
  });
});
