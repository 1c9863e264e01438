// The public and resident side of volunteering: the catalogue with its filters in the address bar
// and the API query, a program's page with its shifts, sign-up (a place or a waiting-list
// position), cancelling after confirmation, the briefing that comes first, API refusals in words,
// "my volunteering" with hours and waiting positions, and the volunteer profile form.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MyVolunteering } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { i18n } from '../src/lib/i18n';
import {
  installFakeApi,
  json,
  problem,
  type RecordedRequest,
  sampleMe,
  sampleOrganization,
  signedInAs,
  signedOut,
} from './fake-api';
import { renderApp } from './render-app';
import {
  emptyMine,
  FULL_SHIFT_ID,
  fullShift,
  PROGRAM_ID,
  SHIFT_ID,
  sampleHoursEntry,
  sampleProfile,
  sampleProgram,
  sampleShift,
} from './volunteering-data';

const me = sampleMe();
const programPage = `/volunteering/programs/${PROGRAM_ID}`;
const ORG_ID = '40000000-0000-4000-8000-000000000001';

function requestsTo(requests: RecordedRequest[], method: string, path: string) {
  return requests.filter((r) => r.method === method && r.path === path);
}

/** A signed-in volunteer with a profile; sign-ups change what "my volunteering" answers. */
function volunteerApi(options: { mine?: MyVolunteering; program?: ReturnType<typeof sampleProgram> } = {}) {
  let mine = options.mine ?? emptyMine();
  return {
    ...signedInAs(me),
    'GET /me/volunteer-profile': json(sampleProfile()),
    'GET /me/volunteering': () => json(mine),
    [`GET /volunteering/programs/${PROGRAM_ID}`]: json(options.program ?? sampleProgram()),
    'GET /volunteering/programs': json({ items: [options.program ?? sampleProgram()], total: 1 }),
    'GET /volunteering/shifts': json({ items: [sampleShift(), fullShift()], total: 2 }),
    setMine(next: MyVolunteering) {
      mine = next;
    },
  };
}

function withoutHelpers<T extends object>(api: T) {
  const { setMine: _unused, ...handlers } = api as T & { setMine?: unknown };
  return handlers as Omit<T, 'setMine'>;
}

describe('volunteering catalogue', () => {
  it('lists programs and round-trips every filter through the address bar and the API query', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /volunteering/programs': json({ items: [sampleProgram()], total: 1 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/volunteering');

    expect(await screen.findByRole('heading', { level: 1, name: 'Волонтерство' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Волонтерські програми' });
    const card = within(list).getByRole('article', { name: 'Чисті береги Дніпра' });
    expect(within(card).getByText('Довкілля')).toBeInTheDocument();
    expect(within(card).getByText('16+')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Чисті береги Дніпра' })).toHaveAttribute(
      'href',
      programPage,
    );
    // A guest cannot filter by age: it needs the profile's year of birth.
    expect(screen.getByLabelText('Лише те, що підходить за моїм віком')).toBeDisabled();

    await user.selectOptions(screen.getByLabelText('Напрям'), 'environment');
    await user.selectOptions(screen.getByLabelText('Район'), 'obolonskyi');
    await user.selectOptions(screen.getByLabelText('Мова'), 'en');
    await user.type(screen.getByLabelText('Навичка', { exact: false }), 'перша допомога');
    await user.click(screen.getByRole('button', { name: 'Шукати' }));

    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        cause: 'environment',
        district: 'obolonskyi',
        language: 'en',
        skill: 'перша допомога',
      }),
    );
    await waitFor(() =>
      expect(
        Object.fromEntries(requestsTo(requests, 'GET', '/volunteering/programs').at(-1)?.query ?? []),
      ).toEqual({
        cause: 'environment',
        district: 'obolonskyi',
        language: 'en',
        skill: 'перша допомога',
        limit: '20',
        offset: '0',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Скинути фільтри' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows upcoming shifts from a shared link, with dates and step-free access in the query', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      // As the API answers: step-free only when asked.
      'GET /volunteering/shifts': (r: RecordedRequest) => {
        const items = [sampleShift(), fullShift()].filter(
          (s) => r.query.get('stepFree') !== 'true' || s.stepFree,
        );
        return json({ items, total: items.length });
      },
    });
    const user = userEvent.setup();
    const { router } = renderApp(
      '/volunteering?view=shifts&from=2030-06-01&to=2030-06-30&district=obolonskyi',
    );

    const list = await screen.findByRole('list', { name: 'Найближчі зміни' });
    expect(within(list).getAllByRole('article')).toHaveLength(2);
    expect(screen.getByLabelText('З дати', { exact: false })).toHaveValue('2030-06-01');
    expect(screen.getByLabelText('Район')).toHaveValue('obolonskyi');
    expect(
      Object.fromEntries(requestsTo(requests, 'GET', '/volunteering/shifts').at(-1)?.query ?? []),
    ).toEqual({
      // Kyiv midnights (EEST, UTC+3); the "to" day is included to its end.
      from: '2030-05-31T21:00:00.000Z',
      to: '2030-06-30T21:00:00.000Z',
      district: 'obolonskyi',
      limit: '20',
      offset: '0',
    });
    // Kyiv time: 07:00 UTC in June is 10:00 in Kyiv.
    expect(within(list).getByText('15 черв. 2030 р., 10:00–13:00')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Лише з безбар’єрним доступом'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('stepFree')).toBe('1'));
    await waitFor(() => expect(within(list).getAllByRole('article')).toHaveLength(1));
    expect(within(list).getByText('Збирати сміття на пляжі')).toBeInTheDocument();
    expect(requestsTo(requests, 'GET', '/volunteering/shifts').at(-1)?.query.get('stepFree')).toBe('true');
  });

  it('filters by age with the profile’s year of birth', async () => {
    const teenOnly = sampleProgram({
      id: 'a0000000-0000-4000-8000-000000000002',
      title: { uk: 'Нічні чергування', en: 'Night watches' },
      minAge: 60,
    });
    const { requests } = installFakeApi({
      ...signedInAs(me),
      'GET /me/volunteer-profile': json(sampleProfile({ birthYear: 2000 })),
      // As the API answers: programs whose minimum age the given age meets.
      'GET /volunteering/programs': (r: RecordedRequest) => {
        const age = r.query.get('age');
        const items = [sampleProgram(), teenOnly].filter((p) => age === null || p.minAge <= Number(age));
        return json({ items, total: items.length });
      },
    });
    const user = userEvent.setup();
    renderApp('/volunteering');

    const list = await screen.findByRole('list', { name: 'Волонтерські програми' });
    expect(within(list).getAllByRole('article')).toHaveLength(2);
    const age = screen.getByLabelText('Лише те, що підходить за моїм віком');
    await waitFor(() => expect(age).toBeEnabled());
    await user.click(age);
    await waitFor(() => expect(within(list).queryByText('Нічні чергування')).toBeNull());
    expect(within(list).getByText('Чисті береги Дніпра')).toBeInTheDocument();
    // The age this Kyiv year, as the API counts it.
    const thisYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric' }).format(new Date()),
    );
    expect(requestsTo(requests, 'GET', '/volunteering/programs').at(-1)?.query.get('age')).toBe(
      String(thisYear - 2000),
    );
  });

  it('says so when nothing matches', async () => {
    installFakeApi({ ...signedOut, 'GET /volunteering/programs': json({ items: [], total: 0 }) });
    renderApp('/volunteering?cause=animals');
    expect(await screen.findByText('Немає програм, що відповідають обраним фільтрам.')).toBeInTheDocument();
    expect(screen.getByLabelText('Напрям')).toHaveValue('animals');
  });
});

describe('program page', () => {
  it('a link to one shift (from a reminder) opens its program with that shift in focus', async () => {
    const shift = fullShift();
    installFakeApi({
      ...signedOut,
      [`GET /volunteering/shifts/${shift.id}`]: json(shift),
      [`GET /volunteering/programs/${PROGRAM_ID}`]: json(sampleProgram()),
      [`GET /organizations/${ORG_ID}`]: json(sampleOrganization()),
      'GET /volunteering/shifts': json({ items: [sampleShift(), shift], total: 2 }),
      'GET /volunteering/shifts/b0000000-0000-4000-8000-00000000dead': problem(404, 'not_found'),
    });
    const { router } = renderApp(`/volunteering/shifts/${shift.id}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(programPage));
    expect(router.state.location.hash).toBe(`#shift-${shift.id}`);
    await waitFor(() => expect(document.getElementById(`shift-${shift.id}`)).toHaveFocus());

    renderApp('/volunteering/shifts/b0000000-0000-4000-8000-00000000dead');
    expect(await screen.findByRole('heading', { level: 1, name: 'Зміну не знайдено' })).toBeInTheDocument();
  });

  it('shows the program and its shifts; a guest is asked to log in to sign up', async () => {
    installFakeApi({
      ...signedOut,
      [`GET /volunteering/programs/${PROGRAM_ID}`]: json(sampleProgram()),
      [`GET /organizations/${ORG_ID}`]: json(sampleOrganization()),
      'GET /volunteering/shifts': json({ items: [sampleShift(), fullShift()], total: 2 }),
    });
    renderApp(programPage);

    expect(await screen.findByRole('heading', { level: 1, name: 'Чисті береги Дніпра' })).toBeInTheDocument();
    expect(screen.getByText('Від 16 років')).toBeInTheDocument();
    // Who runs it: the organisation, linked to its registry entry.
    expect(await screen.findByRole('link', { name: 'Оболонь разом' })).toHaveAttribute(
      'href',
      `/registry/${ORG_ID}`,
    );
    expect(screen.getByText('coordinator@example.org')).toBeInTheDocument();
    expect(screen.getByText('українська, англійська')).toBeInTheDocument();
    const shift = await screen.findByRole('article', { name: '15 черв. 2030 р., 10:00–13:00' });
    expect(within(shift).getByText('Лишилося 3 місця з 10.')).toBeInTheDocument();
    expect(within(shift).getByText('Пологий спуск до води.')).toBeInTheDocument();
    expect(within(shift).getByText('Без сходинок')).toBeInTheDocument();
    const full = screen.getByRole('article', { name: '22 черв. 2030 р., 10:00–13:00' });
    expect(
      within(full).getByText('Місць немає — можна стати в чергу. У черзі 2 людини.'),
    ).toBeInTheDocument();
    expect(within(shift).getByRole('link', { name: 'Увійдіть, щоб записатися' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent(programPage)}`,
    );
  });

  it('signs up for a place, joins the waiting list at its position, and cancels after confirming', async () => {
    const api = volunteerApi();
    const { requests } = installFakeApi({
      ...withoutHelpers(api),
      [`POST /volunteering/shifts/${SHIFT_ID}/signups`]: () => {
        api.setMine({
          ...emptyMine(),
          shifts: [{ signupId: 'd1', status: 'confirmed', position: null, shift: sampleShift() }],
        });
        return json({ id: 'd1', status: 'confirmed' }, 201);
      },
      [`POST /volunteering/shifts/${FULL_SHIFT_ID}/signups`]: json(
        { id: 'd2', status: 'waitlisted', position: 3 },
        201,
      ),
      [`DELETE /volunteering/shifts/${SHIFT_ID}/signups/me`]: () => {
        api.setMine(emptyMine());
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp(programPage);

    const shift = await screen.findByRole('article', { name: '15 черв. 2030 р., 10:00–13:00' });
    await user.click(await within(shift).findByRole('button', { name: 'Записатися' }));
    expect(await within(shift).findByText('У вас є місце на цій зміні.')).toBeInTheDocument();
    // Focus follows the answer, not lost with the button that went away.
    expect(within(shift).getByRole('status')).toHaveFocus();
    expect(
      requestsTo(requests, 'POST', `/volunteering/shifts/${SHIFT_ID}/signups`)[0]?.headers.get(
        'Idempotency-Key',
      ),
    ).toBeTruthy();

    const full = screen.getByRole('article', { name: '22 черв. 2030 р., 10:00–13:00' });
    await user.click(within(full).getByRole('button', { name: 'Стати в чергу' }));
    expect(await within(full).findByText('Ви №3 у черзі очікування.')).toBeInTheDocument();

    await user.click(within(shift).getByRole('button', { name: 'Скасувати запис' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Скасувати запис на зміну?' });
    await user.click(within(dialog).getByRole('button', { name: 'Так, скасувати' }));
    expect(await within(shift).findByText('Запис скасовано.')).toBeInTheDocument();
    expect(requestsTo(requests, 'DELETE', `/volunteering/shifts/${SHIFT_ID}/signups/me`)).toHaveLength(1);
    expect(await within(shift).findByRole('button', { name: 'Записатися' })).toBeInTheDocument();
  });

  it('asks for the briefing to be acknowledged before sign-up', async () => {
    const briefing = 'Беріть рукавички й воду. Не торкайтеся скла руками.';
    let acknowledged = false;
    const { requests } = installFakeApi({
      ...withoutHelpers(volunteerApi()),
      [`GET /volunteering/programs/${PROGRAM_ID}`]: () =>
        json(sampleProgram({ briefing, briefingAcknowledged: acknowledged })),
      [`POST /volunteering/programs/${PROGRAM_ID}/briefing/acknowledge`]: () => {
        acknowledged = true;
        return json(sampleProgram({ briefing, briefingAcknowledged: true }));
      },
    });
    const user = userEvent.setup();
    renderApp(programPage);

    expect(await screen.findByText(briefing)).toBeInTheDocument();
    const shift = await screen.findByRole('article', { name: '15 черв. 2030 р., 10:00–13:00' });
    expect(
      await within(shift).findByText('Спершу підтвердьте, що прочитали інструктаж.'),
    ).toBeInTheDocument();
    expect(within(shift).queryByRole('button', { name: 'Записатися' })).toBeNull();

    const confirm = screen.getByRole('button', { name: 'Підтвердити' });
    expect(confirm).toBeDisabled();
    await user.click(screen.getByLabelText('Я прочитав(-ла) інструктаж і дотримуватимуся його'));
    await user.click(confirm);

    expect(await screen.findByText('Ви ознайомилися з інструктажем.')).toBeInTheDocument();
    expect(
      requestsTo(requests, 'POST', `/volunteering/programs/${PROGRAM_ID}/briefing/acknowledge`),
    ).toHaveLength(1);
    expect(await within(shift).findByRole('button', { name: 'Записатися' })).toBeInTheDocument();
  });

  it('shows why the API refused a sign-up (an overlapping shift)', async () => {
    installFakeApi({
      ...withoutHelpers(volunteerApi()),
      [`POST /volunteering/shifts/${SHIFT_ID}/signups`]: problem(409, 'shift_overlap'),
    });
    const user = userEvent.setup();
    renderApp(programPage);

    const shift = await screen.findByRole('article', { name: '15 черв. 2030 р., 10:00–13:00' });
    await user.click(await within(shift).findByRole('button', { name: 'Записатися' }));
    expect(await within(shift).findByRole('alert')).toHaveTextContent(
      'Ви вже записані (або в листі очікування) на зміну, що перетинається з цією за часом.',
    );
  });

  it('leads a resident without a volunteer profile to the profile form', async () => {
    installFakeApi({
      ...withoutHelpers(volunteerApi()),
      'GET /me/volunteer-profile': problem(404, 'not_found'),
    });
    renderApp(programPage);

    const shift = await screen.findByRole('article', { name: '15 черв. 2030 р., 10:00–13:00' });
    expect(
      await within(shift).findByRole('link', { name: 'Заповніть профіль волонтера, щоб записатися' }),
    ).toHaveAttribute('href', `/my/volunteering/profile?next=${encodeURIComponent(programPage)}`);
  });

  it('shows the shifts in a calendar too', async () => {
    installFakeApi({ ...withoutHelpers(volunteerApi()) });
    const user = userEvent.setup();
    const { router } = renderApp(programPage);

    await screen.findByRole('article', { name: '15 черв. 2030 р., 10:00–13:00' });
    await user.click(screen.getByRole('button', { name: 'Календар' }));
    expect(new URLSearchParams(router.state.location.search).get('view')).toBe('calendar');
    const calendar = await screen.findByRole('region', { name: 'Календар змін програми' });
    expect(await within(calendar).findAllByText(/Збирати сміття на пляжі/)).not.toHaveLength(0);
  });
});

describe('my volunteering', () => {
  const mine: MyVolunteering = {
    shifts: [
      { signupId: 'd1', status: 'confirmed', position: null, shift: sampleShift() },
      { signupId: 'd2', status: 'waitlisted', position: 2, shift: fullShift() },
    ],
    hours: {
      approvedMinutes: 150,
      pendingMinutes: 90,
      entries: [
        sampleHoursEntry(),
        sampleHoursEntry({
          id: 'c0000000-0000-4000-8000-000000000002',
          minutes: 90,
          status: 'rejected',
          reason: 'Цього дня прибирання не було',
          date: '2030-05-25',
        }),
      ],
    },
  };

  it('shows upcoming shifts, the waiting position, hour totals and entries, and logs hours', async () => {
    const { requests } = installFakeApi({
      ...withoutHelpers(volunteerApi({ mine })),
      'POST /me/volunteering/hours': json(sampleHoursEntry({ status: 'pending' }), 201),
    });
    const user = userEvent.setup();
    renderApp('/my/volunteering');

    expect(await screen.findByRole('heading', { level: 1, name: 'Моє волонтерство' })).toBeInTheDocument();
    const upcoming = await screen.findByRole('list', { name: 'Мої найближчі зміни' });
    expect(within(upcoming).getByText('У вас є місце на цій зміні.')).toBeInTheDocument();
    const waiting = screen.getByRole('list', { name: 'У черзі очікування' });
    expect(within(waiting).getByText('Ви №2 у черзі очікування.')).toBeInTheDocument();
    expect(screen.getByTestId('hours-approved')).toHaveTextContent('2 год 30 хв');
    expect(screen.getByTestId('hours-pending')).toHaveTextContent('1 год 30 хв');
    // The code to say at a shift.
    expect(screen.getByTestId('volunteer-code')).toHaveTextContent('Ваш код волонтера: VK3M7Q');
    const entries = screen.getByRole('list', { name: 'Записи годин' });
    expect(within(entries).getByText('Цього дня прибирання не було')).toBeInTheDocument();
    expect(within(entries).getByText('Відхилено')).toBeInTheDocument();

    // Logging hours: a check before sending, then the API gets minutes.
    await user.click(screen.getByRole('button', { name: 'Надіслати на підтвердження' }));
    expect(await screen.findByText('Оберіть програму.', { selector: '.field__error' })).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', '/me/volunteering/hours')).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText('Програма'), PROGRAM_ID);
    fireEvent.input(screen.getByLabelText('День'), { target: { value: '2025-05-30' } });
    await user.type(screen.getByLabelText('Годин'), '2');
    await user.type(screen.getByLabelText('Хвилин'), '15');
    await user.type(screen.getByLabelText('Що ви робили', { exact: false }), 'Розносила листівки');
    await user.click(screen.getByRole('button', { name: 'Надіслати на підтвердження' }));
    await waitFor(() => expect(screen.getByText('Години надіслано координаторові.')).toHaveFocus());
    expect(requestsTo(requests, 'POST', '/me/volunteering/hours')[0]?.body).toEqual({
      programId: PROGRAM_ID,
      date: '2025-05-30',
      minutes: 135,
      description: 'Розносила листівки',
    });
  });

  it('shows the API’s refusal of logged hours next to the date', async () => {
    installFakeApi({
      ...withoutHelpers(volunteerApi()),
      'POST /me/volunteering/hours': problem(400, 'hours_in_future', [
        { path: '/date', code: 'maximum', message: 'not after today' },
      ]),
    });
    const user = userEvent.setup();
    renderApp('/my/volunteering');

    await screen.findByRole('heading', { level: 1, name: 'Моє волонтерство' });
    await user.selectOptions(await screen.findByLabelText('Програма'), PROGRAM_ID);
    fireEvent.input(screen.getByLabelText('День'), { target: { value: '2025-05-30' } });
    await user.type(screen.getByLabelText('Годин'), '1');
    await user.type(screen.getByLabelText('Що ви робили', { exact: false }), 'Розносила листівки');
    await user.click(screen.getByRole('button', { name: 'Надіслати на підтвердження' }));

    expect(
      await screen.findByText('Не можна записати години за майбутню дату.', {
        selector: '.error-summary__title',
      }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('День')).toHaveAccessibleDescription(
      'Дата не може бути пізніше сьогоднішньої.',
    );
  });

  it('leads to the catalogue when there is nothing yet, in English', async () => {
    await i18n.changeLanguage('en');
    installFakeApi({ ...withoutHelpers(volunteerApi()) });
    renderApp('/my/volunteering');

    expect(await screen.findByRole('heading', { level: 1, name: 'My volunteering' })).toBeInTheDocument();
    expect(await screen.findByText('You have not signed up for any shift yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse programs' })).toHaveAttribute('href', '/volunteering');
    expect(screen.getByTestId('hours-approved')).toHaveTextContent('0 min');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('Volunteering');
  });

  it('shows a program page in English, with the waiting position in words', async () => {
    await i18n.changeLanguage('en');
    installFakeApi({
      ...withoutHelpers(volunteerApi({ mine })),
    });
    renderApp(programPage);

    expect(await screen.findByRole('heading', { level: 1, name: 'Clean Dnipro banks' })).toBeInTheDocument();
    const full = await screen.findByRole('article', { name: '22 Jun 2030, 10:00–13:00' });
    expect(await within(full).findByText('You are #2 on the waiting list.')).toBeInTheDocument();
    expect(within(full).getByRole('button', { name: 'Leave the waiting list' })).toBeInTheDocument();
  });
});

describe('volunteer profile', () => {
  it('checks the year of birth, then saves the profile and goes back to the program', async () => {
    const { requests } = installFakeApi({
      ...withoutHelpers(volunteerApi()),
      'GET /me/volunteer-profile': problem(404, 'not_found'),
      'PUT /me/volunteer-profile': (request) => json({ ...sampleProfile(), ...(request.body as object) }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/my/volunteering/profile?next=${encodeURIComponent(programPage)}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Профіль волонтера' })).toBeInTheDocument();
    const save = await screen.findByRole('button', { name: 'Зберегти профіль' });
    await user.click(save);
    const year = screen.getByLabelText('Рік народження', { exact: false });
    expect(year).toHaveAttribute('aria-invalid', 'true');
    expect(year).toHaveAccessibleDescription(expect.stringContaining('Вкажіть рік народження.'));
    await user.type(year, '3000');
    await user.click(save);
    expect(year).toHaveAccessibleDescription(expect.stringMatching(/від 1900 до \d{4}/));
    expect(requestsTo(requests, 'PUT', '/me/volunteer-profile')).toHaveLength(0);

    await user.clear(year);
    await user.type(year, '1990');
    await user.type(
      screen.getByLabelText('Навички', { exact: false }),
      'Перша допомога, водіння, перша допомога',
    );
    const languages = screen.getByRole('group', { name: 'Мови, якими ви спілкуєтеся' });
    await user.click(within(languages).getByLabelText('англійська'));
    const districts = screen.getByRole('group', { name: 'Райони, де вам зручно' });
    await user.click(within(districts).getByLabelText('Подільський'));
    await user.click(screen.getByLabelText('Координатори можуть зв’язатися зі мною електронною поштою'));
    await user.click(save);

    await waitFor(() => expect(router.state.location.pathname).toBe(programPage));
    expect(requestsTo(requests, 'PUT', '/me/volunteer-profile')[0]?.body).toEqual({
      skills: ['перша допомога', 'водіння'],
      languages: ['uk', 'en'],
      districts: ['podilskyi'],
      birthYear: 1990,
      consentToContact: true,
    });
  });
});
