// Events for the people who run them: the list of their hubs' and organisations' events, the
// "Publish an event" form in a confirmed booking, the door list with check-in by code and by row,
// search, cancelling an event with a reason, and the feedback summary.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Registrant } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import {
  EVENT_ID,
  futureBooking,
  HUB_ID,
  ORG_ID,
  pastEvent,
  renderEvents,
  sampleEvent,
  sampleRegistrant,
} from './events-harness';
import { installFakeApi, json, problem, sampleGrant, sampleMe, signedInAs } from './fake-api';

const memberMe = sampleMe([
  sampleGrant({ role: 'ngo_member', organizationId: ORG_ID, organizationName: 'Оболонь разом' }),
]);
const managerMe = sampleMe([
  sampleGrant({ role: 'hub_manager', hubId: HUB_ID, hubName: 'Vcentri HUB Оболонь' }),
]);
const residentMe = sampleMe();

const NEW_ID = '80000000-0000-4000-8000-000000000002';
const emptySummary = {
  count: 0,
  average: null,
  distribution: [0, 0, 0, 0, 0],
  comments: [],
  attended: 0,
  confirmed: 0,
};

describe('staff events list', () => {
  it('lists the events of my hubs, upcoming and past, cancelled ones included', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(managerMe),
      'GET /events': json({
        items: [
          sampleEvent({ confirmed: 20, placesLeft: 0, waitlisted: 4 }),
          pastEvent({
            id: NEW_ID,
            title: { uk: 'Дебати про транспорт', en: 'Transport debate' },
            category: 'debate',
            status: 'cancelled',
          }),
        ],
        total: 2,
      }),
    });
    renderEvents('/admin/events');

    const upcoming = await screen.findByRole('table', { name: 'Майбутні події (1)' });
    const row = within(upcoming).getByRole('row', { name: /Майстерня громадського бюджету/ });
    expect(within(row).getByRole('cell', { name: /20 з 20/ })).toHaveTextContent('20 з 20в очікуванні: 4');
    expect(within(row).getByRole('link', { name: 'Майстерня громадського бюджету' })).toHaveAttribute(
      'href',
      `/admin/events/${EVENT_ID}`,
    );
    const past = screen.getByRole('table', { name: 'Минулі події (1)' });
    expect(within(past).getByText('Скасовано')).toBeInTheDocument();

    const query = requests.find((r) => r.path === '/events')?.query;
    expect(query?.get('hubId')).toBe(HUB_ID);
    expect(query?.get('includeCancelled')).toBe('true');
    expect(query?.get('limit')).toBe('500');
  });

  it('is closed to residents without a hub or an organisation', async () => {
    installFakeApi(signedInAs(residentMe));
    renderEvents('/admin/events');
    expect(await screen.findByTestId('no-access')).toBeInTheDocument();
  });
});

describe('publishing an event', () => {
  function publishApi() {
    return {
      ...signedInAs(memberMe),
      'GET /events': json({ items: [], total: 0 }),
      'GET /bookings': json({
        items: [
          futureBooking(),
          // Already over: not offered.
          futureBooking({
            id: '70000000-0000-4000-8000-000000000008',
            start: '2025-01-10T10:00:00.000Z',
            end: '2025-01-10T12:00:00.000Z',
          }),
        ],
        total: 2,
      }),
      'POST /events': json(sampleEvent({ id: NEW_ID, canManage: true }), 201),
      [`GET /events/${NEW_ID}`]: json(sampleEvent({ id: NEW_ID, canManage: true })),
      [`GET /events/${NEW_ID}/registrations`]: json({ items: [] }),
      [`GET /events/${NEW_ID}/feedback`]: json(emptySummary),
    };
  }

  it('sends the booking, both titles and descriptions, category, languages and places', async () => {
    const { requests } = installFakeApi(publishApi());
    const user = userEvent.setup();
    const { router } = renderEvents('/admin/events');

    await user.click(await screen.findByRole('button', { name: 'Опублікувати подію' }));
    const form = await screen.findByRole('form', { name: 'Опублікувати подію' });
    const bookingQuery = requests.find((r) => r.path === '/bookings')?.query;
    expect(bookingQuery?.get('status')).toBe('confirmed');
    expect(bookingQuery?.get('organizationId')).toBe(ORG_ID);

    const booking = within(form).getByLabelText('Бронювання');
    // Only the booking still ahead is offered (its Kyiv time: 17:00–21:00).
    expect(within(booking).getAllByRole('option')).toHaveLength(2);
    await user.selectOptions(booking, futureBooking().id);
    expect(within(form).getByTestId('chosen-booking')).toHaveTextContent('20 черв. 2030 р., 17:00–21:00');
    // Places start at the booking's number of people.
    expect(within(form).getByLabelText('Кількість місць')).toHaveValue(15);

    await user.type(within(form).getByLabelText('Назва українською'), 'Дебати про парки');
    await user.type(within(form).getByLabelText('Назва англійською'), 'Debate on parks');
    await user.type(within(form).getByLabelText('Опис українською'), 'Які парки потрібні Оболоні?');
    await user.selectOptions(within(form).getByLabelText('Категорія'), 'debate');
    await user.click(within(form).getByRole('checkbox', { name: 'англійська' }));
    await user.type(within(form).getByLabelText('Для кого'), 'Усі охочі');
    await user.clear(within(form).getByLabelText('Кількість місць'));
    await user.type(within(form).getByLabelText('Кількість місць'), '12');
    await user.click(within(form).getByRole('checkbox', { name: /Потрібна реєстрація/ }));
    await user.type(within(form).getByLabelText('Початок'), '18:00');
    await user.type(within(form).getByLabelText('Кінець'), '20:00');
    await user.click(within(form).getByRole('button', { name: 'Опублікувати' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/admin/events/${NEW_ID}`));
    expect(requests.find((r) => r.method === 'POST' && r.path === '/events')?.body).toEqual({
      bookingId: futureBooking().id,
      title: { uk: 'Дебати про парки', en: 'Debate on parks' },
      description: { uk: 'Які парки потрібні Оболоні?', en: '' },
      category: 'debate',
      languages: ['uk', 'en'],
      audience: 'Усі охочі',
      capacity: 12,
      registrationRequired: false,
      // 18:00 and 20:00 in Kyiv on 20 June 2030 (EEST, UTC+3).
      start: '2030-06-20T15:00:00.000Z',
      end: '2030-06-20T17:00:00.000Z',
    });
    expect(await screen.findByText('Подію опубліковано.')).toBeInTheDocument();
  });

  it('checks the form before sending, and shows the API’s answer next to the field', async () => {
    const { requests } = installFakeApi({
      ...publishApi(),
      'POST /events': problem(400, 'over_capacity', [
        { path: '/capacity', code: 'over_capacity', message: 'At most 10.' },
      ]),
    });
    const user = userEvent.setup();
    renderEvents('/admin/events?publish=1');

    const form = await screen.findByRole('form', { name: 'Опублікувати подію' });
    // The only booking still ahead is chosen already.
    expect(within(form).getByLabelText('Бронювання')).toHaveValue(futureBooking().id);
    await user.click(within(form).getByRole('button', { name: 'Опублікувати' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('Перевірте виділені поля.');
    expect(summary).toHaveTextContent('Назва українською: Заповніть це поле.');
    expect(summary).toHaveTextContent('Категорія: Оберіть категорію події.');
    expect(within(form).getByLabelText('Назва англійською')).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((r) => r.method === 'POST' && r.path === '/events')).toBe(false);

    await user.type(within(form).getByLabelText('Назва українською'), 'Дебати про парки');
    await user.type(within(form).getByLabelText('Назва англійською'), 'Debate on parks');
    await user.selectOptions(within(form).getByLabelText('Категорія'), 'debate');
    await user.click(within(form).getByRole('button', { name: 'Опублікувати' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Кількість місць: Учасників більше, ніж вміщує кімната.',
    );
    const capacity = within(form).getByLabelText('Кількість місць');
    expect(capacity).toHaveAttribute('aria-invalid', 'true');
    expect(capacity).toHaveAccessibleDescription(/Учасників більше, ніж вміщує кімната\./);
    // Without times, the event takes the whole booking: none are sent.
    const body = requests.find((r) => r.method === 'POST' && r.path === '/events')?.body as Record<
      string,
      unknown
    >;
    expect(body).not.toHaveProperty('start');
    expect(body).not.toHaveProperty('description');
    expect(body.capacity).toBe(15);
    expect(body.registrationRequired).toBe(true);
  });

  it.each([
    ['event_overlap', '/start', 'Початок', 'У цьому бронюванні вже є подія в цей час.'],
    ['event_places_exceeded', '/capacity', 'Кількість місць', 'Разом з іншими подіями цього бронювання'],
  ])('shows %s from the API next to its field', async (code, path, label, message) => {
    installFakeApi({
      ...publishApi(),
      'POST /events': problem(409, code, [{ path, code, message: 'x' }]),
    });
    const user = userEvent.setup();
    renderEvents('/admin/events?publish=1');
    const form = await screen.findByRole('form', { name: 'Опублікувати подію' });
    await user.type(within(form).getByLabelText('Назва українською'), 'Дебати про парки');
    await user.type(within(form).getByLabelText('Назва англійською'), 'Debate on parks');
    await user.selectOptions(within(form).getByLabelText('Категорія'), 'debate');
    await user.click(within(form).getByRole('button', { name: 'Опублікувати' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(message);
    const field = within(form).getByLabelText(label);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(new RegExp(message));
  });
});

describe('staff event page', () => {
  const taras = sampleRegistrant();
  const olena = sampleRegistrant({
    id: '90000000-0000-4000-8000-000000000002',
    userId: '00000000-0000-4000-8000-000000000003',
    name: 'Олена Коваль',
    email: 'olena@example.com',
    code: 'M4N8RT',
  });
  const waiting = sampleRegistrant({
    id: '90000000-0000-4000-8000-000000000003',
    userId: '00000000-0000-4000-8000-000000000004',
    name: 'Ігор Бондар',
    email: 'ihor@example.com',
    code: 'Z9Y8X7',
    status: 'waitlisted',
    position: 1,
  });

  function staffApi(extra: Record<string, unknown> = {}) {
    const people: Registrant[] = [taras, olena, waiting];
    return {
      ...signedInAs(managerMe),
      [`GET /events/${EVENT_ID}`]: json(sampleEvent({ canManage: true })),
      [`GET /events/${EVENT_ID}/registrations`]: (request: { query: URLSearchParams }) => {
        const q = (request.query.get('q') ?? '').toLowerCase();
        return json({
          items: people.filter((p) => !q || `${p.name} ${p.email} ${p.code}`.toLowerCase().includes(q)),
        });
      },
      [`POST /events/${EVENT_ID}/check-in`]: (request: { body: unknown }) => {
        const by = request.body as { code?: string; registrationId?: string };
        const found = people.find((p) => p.code === by.code || p.id === by.registrationId);
        if (found?.status !== 'confirmed') return problem(404, 'not_found');
        // 15:05 UTC is 18:05 in Kyiv.
        found.checkedInAt = '2030-06-12T15:05:00.000Z';
        return json(found);
      },
      [`GET /events/${EVENT_ID}/feedback`]: json(emptySummary),
      ...extra,
    };
  }

  it('checks an attendee in by code and updates their row and the count', async () => {
    taras.checkedInAt = null;
    olena.checkedInAt = null;
    const { requests } = installFakeApi(staffApi());
    const user = userEvent.setup();
    renderEvents(`/admin/events/${EVENT_ID}`);

    const table = await screen.findByRole('table', { name: 'Зареєстровані (3)' });
    expect(screen.getByTestId('attendance')).toHaveTextContent('Присутні: 0 з 2 підтверджених.');
    expect(within(table).getByRole('row', { name: /Ігор Бондар/ })).toHaveTextContent('Лист очікування, №1');

    // A code nobody confirmed has: said so, nothing changes.
    await user.type(screen.getByLabelText('Код реєстрації'), 'z9y8x7');
    await user.click(screen.getByRole('button', { name: 'Відмітити' }));
    expect(await screen.findByText('Немає підтвердженої реєстрації з таким кодом.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Код реєстрації'));
    await user.type(screen.getByLabelText('Код реєстрації'), 'k7p2qx');
    await user.click(screen.getByRole('button', { name: 'Відмітити' }));

    expect(await screen.findByText('Присутність відмічено: Тарас Мельник (K7P2QX).')).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /Тарас Мельник/ });
    expect(within(row).getByText('Присутність відмічено о 18:05')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('attendance')).toHaveTextContent('Присутні: 1 з 2 підтверджених.');
    expect(screen.getByLabelText('Код реєстрації')).toHaveValue('');
    expect(requests.filter((r) => r.path.endsWith('/check-in')).map((r) => r.body)).toEqual([
      { code: 'Z9Y8X7' },
      { code: 'K7P2QX' },
    ]);

    // Or from the row.
    await user.click(within(table).getByRole('button', { name: 'Відмітити присутність: Олена Коваль' }));
    expect(await within(table).findAllByText('Присутність відмічено о 18:05')).toHaveLength(2);
    expect(requests.filter((r) => r.path.endsWith('/check-in')).at(-1)?.body).toEqual({
      registrationId: olena.id,
    });
    expect(screen.getByTestId('attendance')).toHaveTextContent('Присутні: 2 з 2 підтверджених.');
  });

  it('says when check-in opens when the door is not open yet, and marks nobody', async () => {
    taras.checkedInAt = null;
    olena.checkedInAt = null;
    const { requests } = installFakeApi(
      staffApi({
        // 13:00 UTC on 12 June 2030 is 16:00 in Kyiv.
        [`POST /events/${EVENT_ID}/check-in`]: problem(409, 'check_in_not_open', undefined, {
          opensAt: '2030-06-12T13:00:00.000Z',
        }),
      }),
    );
    const user = userEvent.setup();
    renderEvents(`/admin/events/${EVENT_ID}`);
    const table = await screen.findByRole('table', { name: 'Зареєстровані (3)' });

    await user.type(screen.getByLabelText('Код реєстрації'), 'k7p2qx');
    await user.click(screen.getByRole('button', { name: 'Відмітити' }));

    expect(await screen.findByText(/^Відмічати присутність можна з .*16:00/)).toBeInTheDocument();
    expect(within(table).queryByText(/Присутність відмічено о/)).not.toBeInTheDocument();
    expect(screen.getByTestId('attendance')).toHaveTextContent('Присутні: 0 з 2 підтверджених.');
    expect(requests.filter((r) => r.path.endsWith('/check-in'))).toHaveLength(1);
  });

  it('finds a registrant by name, e-mail or code', async () => {
    const { requests } = installFakeApi(staffApi());
    const user = userEvent.setup();
    renderEvents(`/admin/events/${EVENT_ID}`);
    await screen.findByRole('table', { name: 'Зареєстровані (3)' });

    await user.type(screen.getByRole('searchbox', { name: 'Пошук учасника' }), 'olena');
    await user.click(screen.getByRole('button', { name: 'Знайти' }));

    expect(await screen.findByRole('table', { name: 'Зареєстровані (1)' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Олена Коваль/ })).toBeInTheDocument();
    expect(requests.some((r) => r.path.endsWith('/registrations') && r.query.get('q') === 'olena')).toBe(
      true,
    );
    // The count is of everyone, not of the search.
    expect(screen.getByTestId('attendance')).toHaveTextContent('з 2 підтверджених');
  });

  it('cancels the event with a reason, after confirmation', async () => {
    let cancelled = false;
    const event = () =>
      cancelled
        ? sampleEvent({ canManage: true, status: 'cancelled', cancelReason: 'Повітряна тривога' })
        : sampleEvent({ canManage: true });
    const { requests } = installFakeApi(
      staffApi({
        [`GET /events/${EVENT_ID}`]: () => json(event()),
        [`POST /events/${EVENT_ID}/cancel`]: () => {
          cancelled = true;
          return json(event());
        },
      }),
    );
    const user = userEvent.setup();
    renderEvents(`/admin/events/${EVENT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Скасувати подію' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Скасувати подію?' });
    await user.click(within(dialog).getByRole('button', { name: 'Так, скасувати подію' }));
    expect(await within(dialog).findByText('Вкажіть причину: щонайменше 3 символи.')).toBeInTheDocument();
    expect(requests.some((r) => r.path.endsWith('/cancel'))).toBe(false);

    await user.type(within(dialog).getByLabelText(/Причина/), 'Повітряна тривога');
    await user.click(within(dialog).getByRole('button', { name: 'Так, скасувати подію' }));

    expect(await screen.findByText('Подію скасовано. Зареєстрованих повідомлено.')).toBeInTheDocument();
    expect(requests.find((r) => r.path.endsWith('/cancel'))?.body).toEqual({ reason: 'Повітряна тривога' });
    expect(screen.getByTestId('event-cancelled')).toHaveTextContent('Причина: Повітряна тривога');
    expect(screen.queryByRole('button', { name: 'Скасувати подію' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Відмітити' })).not.toBeInTheDocument();
  });

  it('edits the event', async () => {
    const { requests } = installFakeApi(
      staffApi({
        [`PATCH /events/${EVENT_ID}`]: (request: { body: unknown }) =>
          json(sampleEvent({ canManage: true, capacity: (request.body as { capacity: number }).capacity })),
      }),
    );
    const user = userEvent.setup();
    renderEvents(`/admin/events/${EVENT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Редагувати подію' }));
    const form = await screen.findByRole('form', { name: 'Редагувати подію' });
    expect(within(form).getByLabelText('Початок')).toHaveValue('18:00');
    await user.clear(within(form).getByLabelText('Кількість місць'));
    await user.type(within(form).getByLabelText('Кількість місць'), '25');
    await user.click(within(form).getByRole('button', { name: 'Зберегти зміни' }));

    expect(await screen.findByText('Зміни збережено.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      capacity: 25,
      category: 'workshop',
      languages: ['uk', 'sign'],
      start: '2030-06-12T15:00:00.000Z',
      end: '2030-06-12T17:00:00.000Z',
    });
  });

  it('shows the feedback: average, distribution and comments', async () => {
    installFakeApi(
      staffApi({
        [`GET /events/${EVENT_ID}`]: json(pastEvent({ canManage: true })),
        [`GET /events/${EVENT_ID}/feedback`]: json({
          count: 4,
          average: 4.25,
          distribution: [0, 0, 1, 1, 2],
          comments: [{ rating: 5, comment: 'Чудова модерація', at: '2025-05-14T18:00:00.000Z' }],
          attended: 5,
          confirmed: 6,
        }),
      }),
    );
    renderEvents(`/admin/events/${EVENT_ID}`);

    expect(await screen.findByTestId('feedback-average')).toHaveTextContent(
      'Середня оцінка: 4,25 з 5 (відгуків: 4).',
    );
    const distribution = screen.getByRole('table', { name: 'Розподіл оцінок' });
    expect(within(distribution).getByRole('row', { name: '5 — чудово 2' })).toBeInTheDocument();
    expect(within(distribution).getByRole('row', { name: '1 — дуже погано 0' })).toBeInTheDocument();
    expect(screen.getByText('Чудова модерація')).toBeInTheDocument();
    expect(screen.getByText('Були присутні: 5 з 6 підтверджених.')).toBeInTheDocument();
  });

  it('is closed to someone who cannot manage the event', async () => {
    installFakeApi({ ...signedInAs(memberMe), [`GET /events/${EVENT_ID}`]: json(sampleEvent()) });
    renderEvents(`/admin/events/${EVENT_ID}`);
    expect(await screen.findByTestId('no-access')).toBeInTheDocument();
  });
});
