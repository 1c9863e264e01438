// The coordinator area of volunteer programs: the programs one manages, starting a program (the
// body sent, the messages shown), adding a weekly series of shifts with every Kyiv date previewed
// (across the March clock change), the roster with attendance, and deciding on hours.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HoursEntry, ProgramView, RosterEntry, ShiftView } from '@vcentri/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../src/lib/i18n';
import {
  installFakeApi,
  json,
  type RecordedRequest,
  sampleGrant,
  sampleMe,
  sampleOrganization,
  signedInAs,
} from './fake-api';
import { renderApp } from './render-app';

const ORG_ID = '40000000-0000-4000-8000-000000000001';
const PROGRAM_ID = 'a0000000-0000-4000-8000-000000000001';
const SHIFT_ID = 'b0000000-0000-4000-8000-000000000001';

const memberMe = sampleMe([
  sampleGrant({ role: 'ngo_member', organizationId: ORG_ID, organizationName: 'Оболонь разом' }),
]);
const residentMe = sampleMe();

function sampleProgram(overrides: Partial<ProgramView> = {}): ProgramView {
  return {
    id: PROGRAM_ID,
    runBy: 'organization',
    organizationId: ORG_ID,
    hubId: null,
    ownerDistrict: null,
    title: { uk: 'Прибирання набережної', en: 'Riverside clean-up' },
    description: { uk: 'Прибираємо береги Дніпра.', en: 'We clean the Dnipro banks.' },
    cause: 'environment',
    districts: ['obolonskyi'],
    skills: ['логістика'],
    languages: ['uk'],
    minAge: 16,
    briefing: null,
    contact: 'coordinator@example.com',
    status: 'published',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    canManage: true,
    briefingAcknowledged: false,
    ...overrides,
  };
}

/** A shift on 14 May 2025, 10:00–14:00 Kyiv time (EEST): it has started, so attendance is open. */
function sampleShift(overrides: Partial<ShiftView> = {}): ShiftView {
  return {
    id: SHIFT_ID,
    programId: PROGRAM_ID,
    programTitle: { uk: 'Прибирання набережної', en: 'Riverside clean-up' },
    cause: 'environment',
    minAge: 0,
    languages: ['uk'],
    seriesId: null,
    start: '2025-05-14T07:00:00.000Z',
    end: '2025-05-14T11:00:00.000Z',
    address: 'Оболонська набережна, 1',
    district: 'obolonskyi',
    roomId: null,
    bookingId: null,
    places: 10,
    task: 'Збирати сміття на березі',
    accessibilityNotes: '',
    stepFree: true,
    status: 'published',
    cancelReason: null,
    confirmed: 2,
    waitlisted: 1,
    placesLeft: 8,
    signupOpen: false,
    ...overrides,
  };
}

function rosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    signupId: 'c0000000-0000-4000-8000-000000000001',
    userId: '00000000-0000-4000-8000-000000000011',
    name: 'Тарас Мельник',
    code: 'TM4K7Q',
    email: 'taras@example.com',
    status: 'confirmed',
    position: null,
    present: null,
    signedUpAt: '2025-05-01T10:00:00.000Z',
    ...overrides,
  };
}

function hoursEntry(overrides: Partial<HoursEntry> = {}): HoursEntry {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    userId: '00000000-0000-4000-8000-000000000011',
    volunteerName: 'Тарас Мельник',
    programId: PROGRAM_ID,
    programTitle: { uk: 'Чисті береги Дніпра', en: 'Clean Dnipro banks' },
    shiftId: null,
    date: '2026-11-20',
    minutes: 150,
    description: 'Сортування одягу',
    source: 'self_reported',
    status: 'pending',
    reason: null,
    decidedAt: null,
    createdAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

const NO_TOTALS = { approvedMinutes: 0, pendingMinutes: 0, volunteers: 0 };

function programPageApi(extra: Record<string, unknown> = {}) {
  return {
    ...signedInAs(memberMe),
    'GET /me/organizations': json({ items: [sampleOrganization()], total: 1 }),
    [`GET /volunteering/programs/${PROGRAM_ID}`]: json(sampleProgram()),
    [`GET /volunteering/programs/${PROGRAM_ID}/shifts`]: json({ items: [], total: 0 }),
    [`GET /volunteering/programs/${PROGRAM_ID}/hours`]: json({ items: [], total: 0, totals: NO_TOTALS }),
    ...extra,
  } as Parameters<typeof installFakeApi>[0];
}

const sent = (requests: RecordedRequest[], method: string, path: string) =>
  requests.filter((r) => r.method === method && r.path === path);

afterEach(async () => {
  await changeLocale('uk');
});

describe('the programs I coordinate', () => {
  it('lists the programs I manage, drafts too, and is in the admin navigation', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(memberMe),
      'GET /volunteering/programs': json({
        items: [
          sampleProgram(),
          sampleProgram({
            id: 'a0000000-0000-4000-8000-000000000002',
            title: { uk: 'Чернетка програми', en: 'A draft program' },
            status: 'draft',
          }),
        ],
        total: 2,
      }),
    });
    renderApp('/admin/volunteering');

    const table = await screen.findByRole('table', { name: 'Ваші програми (2)' });
    // The API lists the caller's own programs in every status.
    expect(sent(requests, 'GET', '/volunteering/programs')[0]?.query.get('managed')).toBe('true');
    expect(
      within(within(table).getByRole('row', { name: /Чернетка програми/ })).getByText('Чернетка'),
    ).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /Прибирання набережної/ });
    expect(within(row).getByRole('link', { name: 'Прибирання набережної' })).toHaveAttribute(
      'href',
      `/admin/volunteering/${PROGRAM_ID}`,
    );
    expect(within(row).getByText('Опубліковано')).toBeInTheDocument();
    expect(within(row).getByText('Довкілля')).toBeInTheDocument();
    // The wide table scrolls inside a named region the keyboard can reach.
    expect(screen.getByRole('region', { name: 'Ваші програми (2)' })).toHaveAttribute('tabindex', '0');
    const nav = screen.getByRole('navigation', { name: /адмін/i });
    expect(within(nav).getByRole('link', { name: 'Волонтерські програми' })).toBeInTheDocument();
  });

  it('is closed to residents who coordinate nothing', async () => {
    installFakeApi(signedInAs(residentMe));
    renderApp('/admin/volunteering');
    expect(await screen.findByRole('heading', { name: 'Немає доступу' })).toBeInTheDocument();
  });
});

describe('starting a program', () => {
  it('shows what is missing, then sends the organisation, both titles, cause, districts, skills and age', async () => {
    const NEW_ID = 'a0000000-0000-4000-8000-000000000009';
    const { requests } = installFakeApi({
      ...programPageApi(),
      'GET /volunteering/programs': json({ items: [], total: 0 }),
      'POST /volunteering/programs': json(sampleProgram({ id: NEW_ID, status: 'draft' }), 201),
      [`GET /volunteering/programs/${NEW_ID}`]: json(sampleProgram({ id: NEW_ID, status: 'draft' })),
      [`GET /volunteering/programs/${NEW_ID}/hours`]: json({ items: [], total: 0, totals: NO_TOTALS }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/volunteering');

    await user.click(await screen.findByRole('button', { name: 'Нова програма' }));
    const form = within(await screen.findByRole('form', { name: 'Нова програма' }));
    // The only organisation is chosen already.
    expect(form.getByLabelText(/Хто проводить програму/)).toHaveValue(`org:${ORG_ID}`);

    await user.type(form.getByLabelText('Назва українською'), 'Пр');
    await user.click(form.getByRole('button', { name: 'Зберегти чернетку' }));
    const summary = within(await screen.findByRole('alert'));
    expect(summary.getByText('Перевірте виділені поля.')).toBeInTheDocument();
    expect(form.getByLabelText('Назва українською')).toHaveAccessibleDescription(
      'Назва має містити щонайменше 3 символи.',
    );
    expect(form.getByLabelText('Назва англійською')).toHaveAccessibleDescription('Заповніть це поле.');
    expect(form.getByLabelText('Напрям')).toHaveAccessibleDescription('Оберіть напрям програми.');
    expect(sent(requests, 'POST', '/volunteering/programs')).toHaveLength(0);

    await user.type(form.getByLabelText('Назва українською'), 'ибирання набережної');
    await user.type(form.getByLabelText('Назва англійською'), 'Riverside clean-up');
    await user.selectOptions(form.getByLabelText('Напрям'), 'environment');
    await user.click(form.getByLabelText('Оболонський'));
    await user.type(form.getByLabelText('Потрібні навички'), 'логістика, перша допомога, логістика');
    await user.clear(form.getByLabelText('Мінімальний вік волонтера'));
    await user.type(form.getByLabelText('Мінімальний вік волонтера'), '16');
    await user.click(form.getByRole('button', { name: 'Зберегти чернетку' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/admin/volunteering/${NEW_ID}`));
    const [post] = sent(requests, 'POST', '/volunteering/programs');
    expect(post?.body).toEqual({
      organizationId: ORG_ID,
      title: { uk: 'Прибирання набережної', en: 'Riverside clean-up' },
      description: { uk: '', en: '' },
      cause: 'environment',
      districts: ['obolonskyi'],
      skills: ['логістика', 'перша допомога'],
      languages: ['uk'],
      minAge: 16,
      briefing: null,
      contact: '',
      status: 'draft',
    });
    expect(await screen.findByText(/Чернетку збережено/)).toBeInTheDocument();
  });

  it('publishes at once with the Publish button', async () => {
    const { requests } = installFakeApi({
      ...programPageApi(),
      'GET /volunteering/programs': json({ items: [], total: 0 }),
      'POST /volunteering/programs': json(sampleProgram(), 201),
    });
    const user = userEvent.setup();
    renderApp('/admin/volunteering?new=1');
    const form = within(await screen.findByRole('form', { name: 'Нова програма' }));
    await user.type(form.getByLabelText('Назва українською'), 'Прибирання набережної');
    await user.type(form.getByLabelText('Назва англійською'), 'Riverside clean-up');
    await user.selectOptions(form.getByLabelText('Напрям'), 'environment');
    await user.click(form.getByRole('button', { name: 'Опублікувати' }));
    await waitFor(() => expect(sent(requests, 'POST', '/volunteering/programs')).toHaveLength(1));
    expect(sent(requests, 'POST', '/volunteering/programs')[0]?.body).toMatchObject({ status: 'published' });
  });
});

describe('adding shifts', () => {
  it('previews every Kyiv date of a weekly series across the March clock change, then sends it', async () => {
    const created = [
      sampleShift({ start: '2027-03-22T08:00:00.000Z', end: '2027-03-22T12:00:00.000Z' }),
      sampleShift({
        id: 'b0000000-0000-4000-8000-000000000002',
        start: '2027-03-29T07:00:00.000Z',
        end: '2027-03-29T11:00:00.000Z',
      }),
      sampleShift({
        id: 'b0000000-0000-4000-8000-000000000003',
        start: '2027-04-05T07:00:00.000Z',
        end: '2027-04-05T11:00:00.000Z',
      }),
    ];
    let stored: typeof created = [];
    const { requests } = installFakeApi(
      programPageApi({
        [`GET /volunteering/programs/${PROGRAM_ID}/shifts`]: (r: RecordedRequest) =>
          json(
            r.query.get('when') === 'past'
              ? { items: [], total: 0 }
              : { items: stored, total: stored.length },
          ),
        [`POST /volunteering/programs/${PROGRAM_ID}/shifts`]: () => {
          stored = created;
          return json({ items: created }, 201);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Додати зміни' }));
    const form = within(await screen.findByRole('form', { name: 'Додати зміни' }));
    const date = form.getByLabelText('Дата');
    await user.type(date, '2027-03-22');
    await user.type(form.getByLabelText('Початок'), '10:00');
    await user.type(form.getByLabelText('Кінець'), '14:00');
    await user.selectOptions(form.getByLabelText('Повторювати'), 'weekly');
    await user.clear(form.getByLabelText('Кількість змін'));
    await user.type(form.getByLabelText('Кількість змін'), '3');

    const preview = form.getByRole('table', { name: 'Буде створено 3 зміни' });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'понеділок, 22 березня 2027 р.10:00–14:00',
      'понеділок, 29 березня 2027 р.10:00–14:00',
      'понеділок, 5 квітня 2027 р.10:00–14:00',
    ]);

    await user.type(form.getByLabelText('Адреса'), 'Оболонська набережна, 1');
    await user.type(form.getByLabelText(/^Завдання/), 'Збирати сміття на березі');
    await user.click(form.getByLabelText('Місце доступне без сходинок'));
    await user.click(form.getByRole('button', { name: 'Додати 3 зміни' }));

    await waitFor(() =>
      expect(sent(requests, 'POST', `/volunteering/programs/${PROGRAM_ID}/shifts`)).toHaveLength(1),
    );
    expect(sent(requests, 'POST', `/volunteering/programs/${PROGRAM_ID}/shifts`)[0]?.body).toEqual({
      // 10:00 in Kyiv is 08:00 UTC before the change (EET) — the series keeps 10:00 after it.
      start: '2027-03-22T08:00:00.000Z',
      end: '2027-03-22T12:00:00.000Z',
      recurrence: { frequency: 'weekly', count: 3 },
      address: 'Оболонська набережна, 1',
      district: 'obolonskyi',
      places: 5,
      task: 'Збирати сміття на березі',
      stepFree: true,
    });
    expect(await screen.findByText('Додано 3 зміни.')).toBeInTheDocument();
    const upcoming = await screen.findByRole('table', { name: 'Майбутні зміни (3)' });
    expect(within(upcoming).getByRole('link', { name: '29 бер. 2027 р., 10:00–14:00' })).toHaveAttribute(
      'href',
      `/admin/volunteering/shifts/${SHIFT_ID.replace(/1$/, '2')}`,
    );
  });
});

describe('managing a program and its shifts', () => {
  it('closes the program after confirmation', async () => {
    let program = sampleProgram();
    const { requests } = installFakeApi(
      programPageApi({
        [`GET /volunteering/programs/${PROGRAM_ID}`]: () => json(program),
        [`PATCH /volunteering/programs/${PROGRAM_ID}`]: () => {
          program = sampleProgram({ status: 'closed' });
          return json(program);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Закрити програму' }));
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Закрити програму?' }));
    // Focus starts on the safe choice.
    expect(dialog.getByRole('button', { name: 'Не зараз' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Закрити програму' }));

    await waitFor(() =>
      expect(sent(requests, 'PATCH', `/volunteering/programs/${PROGRAM_ID}`)).toHaveLength(1),
    );
    expect(sent(requests, 'PATCH', `/volunteering/programs/${PROGRAM_ID}`)[0]?.body).toEqual({
      status: 'closed',
    });
    expect(await screen.findByText('Програму закрито.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Додати зміни' })).not.toBeInTheDocument();
  });

  it('cancels a shift with the reason the volunteers are told', async () => {
    let upcoming = sampleShift({ start: '2030-06-12T07:00:00.000Z', end: '2030-06-12T10:00:00.000Z' });
    const past = sampleShift({
      id: 'b0000000-0000-4000-8000-000000000099',
      start: '2025-06-12T07:00:00.000Z',
      end: '2025-06-12T10:00:00.000Z',
    });
    const { requests } = installFakeApi(
      programPageApi({
        [`GET /volunteering/programs/${PROGRAM_ID}/shifts`]: (r: RecordedRequest) =>
          r.query.get('when') === 'past'
            ? json({ items: [past], total: 1 })
            : json({ items: [upcoming], total: 1 }),
        [`POST /volunteering/shifts/${SHIFT_ID}/cancel`]: () => {
          upcoming = { ...upcoming, status: 'cancelled', cancelReason: 'Повітряна тривога' };
          return json(upcoming);
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);

    const table = await screen.findByRole('table', { name: 'Майбутні зміни (1)' });
    // Past shifts are listed too, from the program's own list.
    expect(
      within(screen.getByRole('table', { name: 'Минулі зміни (1)' })).getByText(/12 черв\. 2025 р\./),
    ).toBeInTheDocument();
    expect(
      sent(requests, 'GET', `/volunteering/programs/${PROGRAM_ID}/shifts`)
        .map((r) => r.query.get('when'))
        .sort(),
    ).toEqual(['past', 'upcoming']);
    await user.click(
      within(table).getByRole('button', { name: 'Скасувати зміну 12 черв. 2030 р., 10:00–13:00' }),
    );
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Скасувати зміну?' }));
    expect(dialog.getByText(/Записаних і тих, хто в очікуванні \(3\)/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Скасувати зміну' }));
    expect(dialog.getByLabelText('Причина скасування')).toHaveAccessibleDescription(
      'Її побачать волонтери. Щонайменше 3 символи. Вкажіть причину (щонайменше 3 символи).',
    );
    await user.type(dialog.getByLabelText('Причина скасування'), 'Повітряна тривога');
    await user.click(dialog.getByRole('button', { name: 'Скасувати зміну' }));

    await waitFor(() =>
      expect(sent(requests, 'POST', `/volunteering/shifts/${SHIFT_ID}/cancel`)).toHaveLength(1),
    );
    expect(sent(requests, 'POST', `/volunteering/shifts/${SHIFT_ID}/cancel`)[0]?.body).toEqual({
      reason: 'Повітряна тривога',
    });
    expect(await screen.findByText(/Зміну скасовано; записаним волонтерам повідомлено/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Майбутні зміни (1)' })).getByText('Скасовано'),
    ).toBeInTheDocument();
  });
});

describe('roster and attendance', () => {
  it('lists confirmed and waiting volunteers, finds one by name, and sends the marks', async () => {
    const first = rosterEntry();
    const second = rosterEntry({
      signupId: 'c0000000-0000-4000-8000-000000000002',
      name: 'Ірина Бондар',
      code: 'IB7X2P',
      email: null,
      present: true,
    });
    const waiting = rosterEntry({
      signupId: 'c0000000-0000-4000-8000-000000000003',
      name: 'Олег Шевчук',
      status: 'waitlisted',
      position: 1,
    });
    const { requests } = installFakeApi({
      ...signedInAs(memberMe),
      [`GET /volunteering/shifts/${SHIFT_ID}`]: json(sampleShift()),
      [`GET /volunteering/shifts/${SHIFT_ID}/roster`]: json({ items: [first, second, waiting] }),
      [`POST /volunteering/shifts/${SHIFT_ID}/attendance`]: json({
        items: [{ ...first, present: true }, { ...second, present: false }, waiting],
      }),
    });
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/shifts/${SHIFT_ID}`);

    const confirmed = await screen.findByRole('table', { name: 'Підтверджені (2)' });
    const waitingTable = screen.getByRole('table', { name: 'Лист очікування (1)' });
    expect(within(waitingTable).getByRole('row', { name: /Олег Шевчук/ })).toHaveTextContent('1');
    // Already recorded marks are shown.
    const irynaRow = within(confirmed).getByRole('row', { name: /Ірина Бондар/ });
    expect(irynaRow).toHaveTextContent('присутність');
    expect(within(irynaRow).getByLabelText('Присутність')).toBeChecked();

    await user.type(screen.getByLabelText('Пошук волонтера'), 'тарас');
    expect(screen.getByRole('table', { name: 'Підтверджені (1)' })).toBeInTheDocument();
    expect(screen.queryByText('Ірина Бондар')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Пошук волонтера'));
    // Or by the code the volunteer reads out.
    await user.type(screen.getByLabelText('Пошук волонтера'), 'ib7x2p');
    expect(
      within(screen.getByRole('table', { name: 'Підтверджені (1)' })).getByText('IB7X2P'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Тарас Мельник')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Пошук волонтера'));

    const tarasRow = within(screen.getByRole('table', { name: 'Підтверджені (2)' })).getByRole('row', {
      name: /Тарас Мельник/,
    });
    await user.click(within(tarasRow).getByLabelText('Присутність'));
    const iryna = within(screen.getByRole('table', { name: 'Підтверджені (2)' })).getByRole('row', {
      name: /Ірина Бондар/,
    });
    await user.click(within(iryna).getByLabelText('Неявка'));
    await user.click(screen.getByRole('button', { name: 'Зберегти відвідування (2)' }));

    await waitFor(() =>
      expect(sent(requests, 'POST', `/volunteering/shifts/${SHIFT_ID}/attendance`)).toHaveLength(1),
    );
    expect(sent(requests, 'POST', `/volunteering/shifts/${SHIFT_ID}/attendance`)[0]?.body).toEqual({
      entries: [
        { signupId: first.signupId, present: true },
        { signupId: second.signupId, present: false },
      ],
    });
    expect(await screen.findByText(/Відвідування збережено/)).toBeInTheDocument();
  });
});

describe('deciding on hours', () => {
  const a = hoursEntry();
  const b = hoursEntry({
    id: 'd0000000-0000-4000-8000-000000000002',
    volunteerName: 'Ірина Бондар',
    minutes: 60,
  });

  it('approves the ticked entries at once', async () => {
    const { requests } = installFakeApi(
      programPageApi({
        [`GET /volunteering/programs/${PROGRAM_ID}/hours`]: json({
          items: [a, b],
          total: 2,
          totals: { approvedMinutes: 725, pendingMinutes: 210, volunteers: 4 },
        }),
        'POST /volunteering/hours/decisions': json({
          items: [a, b].map((h) => ({ ...h, status: 'approved' })),
        }),
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);

    const table = await screen.findByRole('table', { name: 'Записи годин (2)' });
    expect(screen.getByTestId('program-hours-totals')).toHaveTextContent(
      'Затверджено в програмі: 12 год 5 хв, волонтерів: 4. Чекають вашого рішення: 3 год 30 хв.',
    );
    expect(within(table).getByRole('row', { name: /Тарас Мельник/ })).toHaveTextContent('2 год 30 хв');
    expect(sent(requests, 'GET', `/volunteering/programs/${PROGRAM_ID}/hours`)[0]?.query.get('status')).toBe(
      'pending',
    );
    await user.click(within(table).getByLabelText('Позначити всі, що чекають рішення'));
    await user.click(screen.getByRole('button', { name: 'Затвердити позначені (2)' }));

    await waitFor(() => expect(sent(requests, 'POST', '/volunteering/hours/decisions')).toHaveLength(1));
    expect(sent(requests, 'POST', '/volunteering/hours/decisions')[0]?.body).toEqual({
      ids: [a.id, b.id],
      decision: 'approve',
    });
    expect(await screen.findByText('Затверджено записів: 2.')).toBeInTheDocument();
  });

  it('asks for a reason before rejecting one entry', async () => {
    const { requests } = installFakeApi(
      programPageApi({
        [`GET /volunteering/programs/${PROGRAM_ID}/hours`]: json({
          items: [a, b],
          total: 2,
          totals: NO_TOTALS,
        }),
        [`POST /volunteering/hours/${a.id}/reject`]: json({
          ...a,
          status: 'rejected',
          reason: 'Не було зміни',
        }),
      }),
    );
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);

    await user.click(
      await screen.findByRole('button', { name: /^Відхилити: Тарас Мельник, .*20 листопада 2026/ }),
    );
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Відхилити години (1)?' }));
    await user.click(dialog.getByRole('button', { name: 'Відхилити' }));
    expect(dialog.getByLabelText('Причина відхилення')).toHaveAccessibleDescription(
      'Щонайменше 3 символи. Вкажіть причину (щонайменше 3 символи).',
    );
    expect(sent(requests, 'POST', `/volunteering/hours/${a.id}/reject`)).toHaveLength(0);

    await user.type(dialog.getByLabelText('Причина відхилення'), 'Не було зміни');
    await user.click(dialog.getByRole('button', { name: 'Відхилити' }));
    await waitFor(() => expect(sent(requests, 'POST', `/volunteering/hours/${a.id}/reject`)).toHaveLength(1));
    expect(sent(requests, 'POST', `/volunteering/hours/${a.id}/reject`)[0]?.body).toEqual({
      reason: 'Не було зміни',
    });
    expect(await screen.findByText('Години відхилено.')).toBeInTheDocument();
  });
});

describe('in English', () => {
  it('shows the program page, its shifts form and the hours queue in English', async () => {
    installFakeApi(
      programPageApi({
        [`GET /volunteering/programs/${PROGRAM_ID}/hours`]: json({
          items: [hoursEntry()],
          total: 1,
          totals: NO_TOTALS,
        }),
      }),
    );
    await changeLocale('en');
    const user = userEvent.setup();
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Riverside clean-up' })).toBeInTheDocument();
    expect(await screen.findByText('Organisation “Obolon Together”')).toBeInTheDocument();
    expect(screen.getByText('16 or older')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Hour entries (1)' });
    expect(within(table).getByRole('row', { name: /Тарас Мельник/ })).toHaveTextContent('2 h 30 min');
    expect(within(table).getByText('Friday, 20 November 2026')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add shifts' }));
    const form = within(await screen.findByRole('form', { name: 'Add shifts' }));
    expect(form.getByRole('group', { name: 'Time (Kyiv)' })).toBeInTheDocument();
    expect(form.getByLabelText('Step-free', { exact: false })).not.toBeChecked();
    expect(screen.queryByText('Години волонтерів')).not.toBeInTheDocument();
  });
});
