// The NGO area: the list of one's organisations, applying (the form checks what the API checks,
// EDRPOU rules included, and shows the API's field errors next to the field), an organisation's
// page for its owner and its members (status, rejection reason, submitting, editing, archiving,
// history, people).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HistoryEntry, Organization, OrganizationInput } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import {
  installFakeApi,
  json,
  problem,
  sampleGrant,
  sampleMe,
  sampleMember,
  sampleOrganization,
  sampleUser,
  signedInAs,
  signedOut,
} from './fake-api';
import { renderApp } from './render-app';

const ORG_ID = '40000000-0000-4000-8000-000000000001';
const owner = sampleUser();
const memberUser = sampleUser({
  id: '00000000-0000-4000-8000-000000000002',
  email: 'taras@example.com',
  name: 'Тарас Мельник',
});
const ownerMe = sampleMe([
  sampleGrant({ role: 'ngo_owner', organizationId: ORG_ID, organizationName: 'Оболонь разом' }),
]);
const memberMe = sampleMe(
  [sampleGrant({ role: 'ngo_member', organizationId: ORG_ID, organizationName: 'Оболонь разом' })],
  memberUser,
);
const members = [
  sampleMember(),
  sampleMember({ userId: memberUser.id, email: memberUser.email, name: memberUser.name, role: 'ngo_member' }),
];

function organizationApi(organization: Organization, extra: Record<string, unknown> = {}) {
  return {
    [`GET /organizations/${ORG_ID}`]: json(organization),
    [`GET /organizations/${ORG_ID}/members`]: json({ items: members }),
    [`GET /organizations/${ORG_ID}/history`]: json({ items: [] }),
    ...extra,
  };
}

/** Fills the application (pasting rather than typing, since each keystroke re-renders the form). */
async function fillApplication(
  user: ReturnType<typeof userEvent.setup>,
  fields: { legalForm: string; edrpou?: string },
) {
  const fill = async (label: string | RegExp, text: string) => {
    await user.click(await screen.findByLabelText(label));
    await user.paste(text);
  };
  await fill('Назва українською', 'Лелеки Дніпра');
  await fill('Назва англійською', 'Storks of the Dnipro');
  await user.selectOptions(screen.getByLabelText('Організаційна форма'), fields.legalForm);
  if (fields.edrpou !== undefined) await fill(/^Код ЄДРПОУ/, fields.edrpou);
  await user.selectOptions(screen.getByLabelText('Район'), 'Оболонський');
  await fill('Адреса', 'вул. Героїв Дніпра, 1');
  const activities = within(screen.getByRole('group', { name: 'Напрями діяльності' }));
  await user.click(activities.getByRole('checkbox', { name: 'Довкілля' }));
  const groups = within(screen.getByRole('group', { name: 'Цільові групи' }));
  await user.click(groups.getByRole('checkbox', { name: 'Молодь' }));
  await fill('Опис українською', 'Охороняємо птахів.');
  await fill('Опис англійською', 'We protect birds.');
}

describe('my organisations', () => {
  it('lists my organisations with translated statuses and my role, and offers to apply', async () => {
    installFakeApi({
      ...signedInAs(ownerMe),
      'GET /me/organizations': json({
        items: [
          sampleOrganization({ status: 'rejected', myRole: 'ngo_owner' }),
          sampleOrganization({
            id: '40000000-0000-4000-8000-000000000002',
            nameUk: 'Зелений Поділ',
            status: 'submitted',
            myRole: 'ngo_member',
          }),
        ],
        total: 2,
      }),
    });
    renderApp('/my/organizations');

    const list = within(await screen.findByRole('list', { name: 'Мої організації' }));
    const first = within(list.getByRole('article', { name: 'Оболонь разом' }));
    expect(first.getByText('Відхилено')).toBeInTheDocument();
    expect(first.getByText('Власник організації')).toBeInTheDocument();
    const second = within(list.getByRole('article', { name: 'Зелений Поділ' }));
    expect(second.getByText('На перевірці')).toBeInTheDocument();
    expect(second.getByText('Учасник організації')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Подати заявку' })).toHaveAttribute(
      'href',
      '/my/organizations/new',
    );
    // The header links to this area for every signed-in account.
    expect(screen.getByRole('link', { name: 'Мої організації' })).toHaveAttribute('aria-current', 'page');
  });

  it('sends a signed-out visitor to log in first', async () => {
    installFakeApi(signedOut);
    const { router } = renderApp('/my/organizations/new');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/my/organizations/new')}`);
  });
});

describe('application form', () => {
  it('refuses a bad EDRPOU before sending, then shows edrpou_taken from the API next to the field', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(sampleMe()),
      'POST /organizations': problem(409, 'edrpou_taken', [
        { path: '/edrpou', code: 'edrpou_taken', message: 'Already in the registry.' },
      ]),
    });
    const user = userEvent.setup();
    renderApp('/my/organizations/new');

    await fillApplication(user, { legalForm: 'Громадська організація', edrpou: '00022528' });
    const edrpou = screen.getByLabelText(/^Код ЄДРПОУ/);
    expect(edrpou).toHaveAttribute('inputmode', 'numeric');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Перевірте виділені поля.');
    expect(edrpou).toHaveAttribute('aria-invalid', 'true');
    expect(edrpou).toHaveAccessibleDescription(expect.stringContaining('Неправильний код ЄДРПОУ'));
    expect(requests.some((r) => r.method === 'POST' && r.path === '/organizations')).toBe(false);

    // The summary's link takes the keyboard to the field.
    await user.click(within(screen.getByRole('alert')).getByRole('link', { name: /^Код ЄДРПОУ:/ }));
    expect(edrpou).toHaveFocus();

    await user.clear(edrpou);
    await user.type(edrpou, '00022527');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));

    await waitFor(() =>
      expect(edrpou).toHaveAccessibleDescription(
        expect.stringContaining('Організацію з таким кодом ЄДРПОУ вже внесено до реєстру.'),
      ),
    );
    expect(screen.getByLabelText('Назва українською')).not.toHaveAttribute('aria-invalid');
    const body = requests.find((r) => r.method === 'POST' && r.path === '/organizations')?.body;
    expect(body).toEqual({
      nameUk: 'Лелеки Дніпра',
      nameEn: 'Storks of the Dnipro',
      legalForm: 'public_association',
      edrpou: '00022527',
      district: 'obolonskyi',
      address: 'вул. Героїв Дніпра, 1',
      activities: ['environment'],
      targetGroups: ['youth'],
      contacts: {},
      descriptionUk: 'Охороняємо птахів.',
      descriptionEn: 'We protect birds.',
      yearFounded: null,
    } satisfies OrganizationInput);
  });

  it('asks for a code when the legal form requires one, and for the required fields', async () => {
    const { requests } = installFakeApi({ ...signedInAs(sampleMe()) });
    const user = userEvent.setup();
    renderApp('/my/organizations/new');

    await user.selectOptions(await screen.findByLabelText('Організаційна форма'), 'Благодійний фонд');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Перевірте виділені поля.');
    expect(screen.getByLabelText(/^Код ЄДРПОУ/)).toHaveAccessibleDescription(
      expect.stringContaining('Для цієї організаційної форми потрібен код ЄДРПОУ'),
    );
    expect(screen.getByLabelText('Назва українською')).toHaveAccessibleDescription('Заповніть це поле.');
    expect(screen.getByRole('group', { name: 'Напрями діяльності' })).toHaveAccessibleDescription(
      expect.stringContaining('Оберіть щонайменше один напрям діяльності.'),
    );
    expect(requests.some((r) => r.method === 'POST' && r.path === '/organizations')).toBe(false);
  });

  it('disables the EDRPOU input for a civic initiative, creates the draft and reloads the session', async () => {
    const created = sampleOrganization({
      nameUk: 'Лелеки Дніпра',
      nameEn: 'Storks of the Dnipro',
      legalForm: 'civic_initiative',
      edrpou: null,
      status: 'draft',
      verifiedAt: null,
      submittedAt: null,
      myRole: 'ngo_owner',
    });
    const { requests } = installFakeApi({
      ...signedInAs(sampleMe()),
      'POST /organizations': json(created, 201),
      ...organizationApi(created),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/my/organizations/new');

    await user.type(await screen.findByLabelText(/^Код ЄДРПОУ/), '12345678');
    await fillApplication(user, { legalForm: 'Громадська ініціатива без статусу юридичної особи' });
    const edrpou = screen.getByLabelText(/^Код ЄДРПОУ/);
    expect(edrpou).toBeDisabled();
    expect(edrpou).toHaveValue('');
    expect(edrpou).toHaveAccessibleDescription('Організація без статусу юридичної особи не має коду ЄДРПОУ.');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Лелеки Дніпра' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/my/organizations/${ORG_ID}`);
    expect(screen.getByText(/Чернетку заявки збережено/)).toBeInTheDocument();
    const sent = requests.find((r) => r.method === 'POST' && r.path === '/organizations')?.body;
    expect(sent).toMatchObject({ legalForm: 'civic_initiative', edrpou: null });
    // /me is read again, so the new owner grant shows in the session.
    expect(requests.filter((r) => r.path === '/me')).toHaveLength(2);
  });

  it('labels every field in English too', async () => {
    installFakeApi({ ...signedInAs(sampleMe()) });
    const user = userEvent.setup();
    renderApp('/my/organizations/new');
    await screen.findByLabelText('Назва українською');

    await user.click(screen.getByRole('button', { name: 'English' }));

    for (const label of [
      'Name in Ukrainian',
      'Name in English',
      'Legal form',
      'District',
      'Address',
      'Description in Ukrainian',
      'Description in English',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByLabelText(/^EDRPOU code/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Fields of activity' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Target groups' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Civic initiative without legal status' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Veterans support' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });
});

describe('organisation page in the NGO area', () => {
  const rejected = sampleOrganization({
    status: 'rejected',
    rejectionReason: 'Додайте адресу офісу та опис англійською.',
    verifiedAt: null,
  });

  it('shows the owner the rejection reason and lets them resubmit', async () => {
    let current: Organization = { ...rejected, myRole: 'ngo_owner' };
    const { requests } = installFakeApi({
      ...signedInAs(ownerMe),
      ...organizationApi(current, {
        [`GET /organizations/${ORG_ID}`]: () => json(current),
        [`POST /organizations/${ORG_ID}/submit`]: () => {
          current = { ...current, status: 'submitted', rejectionReason: null };
          return json(current);
        },
      }),
    });
    const user = userEvent.setup();
    renderApp(`/my/organizations/${ORG_ID}`);

    const reason = await screen.findByRole('region', { name: 'Причина відхилення' });
    expect(reason).toHaveTextContent('Додайте адресу офісу та опис англійською.');
    expect(
      screen.getByText('Виправте дані з урахуванням причини й подайте заявку знову.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Подати на перевірку' }));

    expect(await screen.findByText('Готово. Новий статус: На перевірці.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Статус заявки' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Подати на перевірку' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Причина відхилення' })).not.toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/submit'))).toBe(true);
  });

  it('shows a member the reason but no resubmit, archive or history, and lets them leave', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(memberMe),
      ...organizationApi({ ...rejected, myRole: 'ngo_member' }),
      [`DELETE /organizations/${ORG_ID}/members/${memberUser.id}`]: { status: 204 },
      'GET /me/organizations': json({ items: [], total: 0 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/my/organizations/${ORG_ID}`);

    expect(await screen.findByRole('region', { name: 'Причина відхилення' })).toHaveTextContent(
      'Додайте адресу офісу',
    );
    expect(
      screen.getByText('Власник організації може виправити дані й подати заявку знову.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Подати на перевірку' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Архівувати' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Історія змін' })).not.toBeInTheDocument();
    expect(requests.some((r) => r.path.endsWith('/history'))).toBe(false);
    // A member still edits the details.
    expect(screen.getByRole('button', { name: 'Зберегти' })).toBeInTheDocument();

    const people = within(await screen.findByRole('list', { name: 'Учасники організації' }));
    expect(people.getByText('Олена Коваль')).toBeInTheDocument();
    expect(people.queryByRole('button', { name: /^Прибрати/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Покинути організацію' }));
    const dialog = within(screen.getByRole('alertdialog', { name: 'Покинути організацію?' }));
    await user.click(dialog.getByRole('button', { name: 'Так, покинути' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/my/organizations'));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('saves only the changed fields and shows a nested API error next to its field', async () => {
    const verified = sampleOrganization({ myRole: 'ngo_owner', contacts: { email: 'hello@obolon.org.ua' } });
    let answer = problem(400, 'validation_failed', [
      { path: '/contacts/website', code: 'format', message: 'must match format "uri"' },
    ]);
    const { requests } = installFakeApi({
      ...signedInAs(ownerMe),
      ...organizationApi(verified, {
        [`PATCH /organizations/${ORG_ID}`]: () => answer,
      }),
    });
    const user = userEvent.setup();
    renderApp(`/my/organizations/${ORG_ID}`);

    const name = await screen.findByLabelText('Назва українською');
    expect(name).toHaveValue('Оболонь разом');
    expect(screen.getByLabelText('Електронна пошта організації')).toHaveValue('hello@obolon.org.ua');
    expect(screen.getByRole('checkbox', { name: 'Громадянська освіта' })).toBeChecked();

    await user.type(screen.getByLabelText('Вебсайт'), 'https://obolon.org.ua');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));

    const website = screen.getByLabelText('Вебсайт');
    await waitFor(() => expect(website).toHaveAttribute('aria-invalid', 'true'));
    expect(website).toHaveAccessibleDescription(
      expect.stringContaining('Вкажіть повну адресу, що починається з http:// або https://.'),
    );
    expect(within(screen.getByRole('alert')).getByRole('link', { name: /^Вебсайт:/ })).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      contacts: { email: 'hello@obolon.org.ua', website: 'https://obolon.org.ua' },
    });

    answer = json({
      ...verified,
      contacts: { email: 'hello@obolon.org.ua', website: 'https://obolon.org.ua' },
    });
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(
      await screen.findByText('Зміни збережено. Адміністрація міста перегляне зміни публічних даних.'),
    ).toBeInTheDocument();
  });

  it('archives only after confirmation, then shows the form as read-only', async () => {
    let current = sampleOrganization({ status: 'draft', myRole: 'ngo_owner', verifiedAt: null });
    const { requests } = installFakeApi({
      ...signedInAs(ownerMe),
      ...organizationApi(current, {
        [`GET /organizations/${ORG_ID}`]: () => json(current),
        [`POST /organizations/${ORG_ID}/archive`]: () => {
          current = { ...current, status: 'archived' };
          return json(current);
        },
      }),
    });
    const user = userEvent.setup();
    renderApp(`/my/organizations/${ORG_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Архівувати' }));
    let dialog = within(screen.getByRole('alertdialog', { name: 'Архівувати організацію?' }));
    expect(dialog.getByRole('button', { name: 'Скасувати' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Скасувати' }));
    expect(requests.some((r) => r.path.endsWith('/archive'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Архівувати' }));
    dialog = within(screen.getByRole('alertdialog'));
    await user.click(dialog.getByRole('button', { name: 'Так, архівувати' }));

    expect(await screen.findByText('Готово. Новий статус: В архіві.')).toBeInTheDocument();
    expect(screen.getByText('Архівовану організацію не можна редагувати.')).toBeInTheDocument();
    expect(screen.getByLabelText('Назва українською')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Зберегти' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Архівувати' })).not.toBeInTheDocument();
  });

  it('shows the owner the history with actors, Kyiv time, statuses, reasons and changed fields in words', async () => {
    const history: HistoryEntry[] = [
      {
        id: '70000000-0000-4000-8000-000000000001',
        // 07:00 UTC in March is 09:00 in Kyiv (EET).
        at: '2026-03-01T07:00:00Z',
        actorId: owner.id,
        actorName: 'Олена Коваль',
        action: 'created',
        fromStatus: null,
        toStatus: 'draft',
        reason: null,
        changes: [],
      },
      {
        id: '70000000-0000-4000-8000-000000000002',
        at: '2026-03-02T07:00:00Z',
        actorId: owner.id,
        actorName: 'Олена Коваль',
        action: 'updated',
        fromStatus: null,
        toStatus: null,
        reason: null,
        changes: [
          { field: 'district', old: 'podilskyi', new: 'obolonskyi' },
          { field: 'activities', old: ['culture'], new: ['culture', 'youth_work'] },
        ],
      },
      {
        id: '70000000-0000-4000-8000-000000000003',
        at: '2026-03-05T12:15:00Z',
        actorId: '00000000-0000-4000-8000-000000000009',
        actorName: 'Адміністраторка Міста',
        action: 'reject',
        fromStatus: 'submitted',
        toStatus: 'rejected',
        reason: 'Бракує опису.',
        changes: [],
      },
    ];
    installFakeApi({
      ...signedInAs(ownerMe),
      ...organizationApi(sampleOrganization({ status: 'rejected', myRole: 'ngo_owner' }), {
        [`GET /organizations/${ORG_ID}/history`]: json({ items: history }),
      }),
    });
    renderApp(`/my/organizations/${ORG_ID}`);

    const timeline = within(await screen.findByRole('list', { name: 'Історія змін, найновіші спочатку' }));
    const entries = timeline.getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    const rejection = within(entries[0]!);
    expect(rejection.getByText('Відхилено', { selector: '.timeline__action' })).toBeInTheDocument();
    expect(rejection.getByText('Адміністраторка Міста')).toBeInTheDocument();
    expect(rejection.getByText(/14:15/)).toBeInTheDocument();
    expect(rejection.getByText('На перевірці')).toBeInTheDocument();
    expect(rejection.getByText('Бракує опису.')).toBeInTheDocument();
    const update = within(entries[1]!);
    expect(update.getByText('Змінено дані')).toBeInTheDocument();
    expect(update.getByText('Район')).toBeInTheDocument();
    expect(update.getByText('Подільський')).toBeInTheDocument();
    expect(update.getByText('Оболонський')).toBeInTheDocument();
    expect(update.getByText('Напрями діяльності')).toBeInTheDocument();
    expect(update.getByText('Культура і мистецтво, Робота з молоддю')).toBeInTheDocument();
    expect(within(entries[2]!).getByText(/09:00/)).toBeInTheDocument();
    expect(within(entries[2]!).getByText('Чернетка')).toBeInTheDocument();
  });

  it('lets the owner add a member by e-mail, with account_not_found next to the field', async () => {
    let answer = problem(404, 'account_not_found', [
      { path: '/email', code: 'account_not_found', message: 'No account has this e-mail.' },
    ]);
    const { requests } = installFakeApi({
      ...signedInAs(ownerMe),
      ...organizationApi(sampleOrganization({ myRole: 'ngo_owner' }), {
        [`POST /organizations/${ORG_ID}/members`]: () => answer,
      }),
    });
    const user = userEvent.setup();
    renderApp(`/my/organizations/${ORG_ID}`);

    const email = await screen.findByLabelText('Електронна пошта учасника');
    await user.type(email, 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Додати учасника' }));
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        expect.stringContaining('Облікового запису з такою адресою не знайдено.'),
      ),
    );

    answer = json(
      sampleMember({
        userId: '00000000-0000-4000-8000-000000000003',
        email: 'ira@example.com',
        name: 'Ірина',
      }),
      201,
    );
    await user.clear(email);
    await user.type(email, 'ira@example.com');
    await user.click(screen.getByRole('button', { name: 'Додати учасника' }));
    await waitFor(() => expect(email).toHaveValue(''));
    expect(requests.filter((r) => r.method === 'POST' && r.path.endsWith('/members')).at(-1)?.body).toEqual({
      email: 'ira@example.com',
    });
    // The owner can remove or promote the other members, after confirmation.
    expect(screen.getByRole('button', { name: 'Прибрати Тарас Мельник з організації' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Передати права власника учаснику Тарас Мельник' }));
    expect(screen.getByRole('alertdialog', { name: 'Передати права власника?' })).toHaveTextContent(
      'Тарас Мельник (taras@example.com) стане власником організації',
    );
  });
});
