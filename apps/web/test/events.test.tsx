// The public events: the calendar's list with its filters in the address bar and in the API
// query, the iCalendar feed, an event's page with registration (confirmed or on the waiting
// list), cancelling it after confirmation, a guest's way to log in, and feedback afterwards.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fromKyiv } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { i18n } from '../src/lib/i18n';
import { kyivToday } from '../src/lib/kyiv-dates';
import { EVENT_ID, HUB_ID, pastEvent, renderEvents, sampleEvent } from './events-harness';
import {
  installFakeApi,
  json,
  problem,
  type RecordedRequest,
  sampleHub,
  sampleMe,
  signedInAs,
  signedOut,
} from './fake-api';

const PODIL_HUB = sampleHub({
  id: '20000000-0000-4000-8000-000000000002',
  name: { uk: 'Vcentri HUB Поділ', en: 'Vcentri HUB Podil' },
  district: 'podilskyi',
});

function listRequests(requests: RecordedRequest[]) {
  return requests.filter((r) => r.method === 'GET' && r.path === '/events');
}

describe('events page', () => {
  it('lists upcoming events and puts every filter in the address bar and the API query', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [sampleHub(), PODIL_HUB], total: 2 }),
      'GET /events': json({ items: [sampleEvent()], total: 1 }),
    });
    const user = userEvent.setup();
    const { router } = renderEvents('/events');

    expect(await screen.findByRole('heading', { level: 1, name: 'Події' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Події' });
    const card = within(list).getByRole('article', { name: 'Майстерня громадського бюджету' });
    expect(within(card).getByText('Майстерня')).toBeInTheDocument();
    // 15:00 UTC in June is 18:00 in Kyiv.
    expect(within(card).getByText('12 черв. 2030 р., 18:00–20:00')).toBeInTheDocument();
    expect(within(card).getByText('Вільних місць: 8 з 20.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Майстерня громадського бюджету' })).toHaveAttribute(
      'href',
      `/events/${EVENT_ID}`,
    );
    // Without dates, the list starts at the beginning of today in Kyiv.
    const first = listRequests(requests)[0];
    expect(first?.query.get('from')).toBe(fromKyiv(kyivToday(), '00:00').toISOString());
    expect(first?.query.get('limit')).toBe('20');
    expect(first?.query.has('hubId')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Район'), 'podilskyi');
    // Within a district only its hubs are offered.
    expect(
      within(screen.getByLabelText('Хаб')).queryByRole('option', { name: 'Vcentri HUB Оболонь' }),
    ).toBeNull();
    await user.selectOptions(screen.getByLabelText('Хаб'), PODIL_HUB.id);
    await user.selectOptions(screen.getByLabelText('Категорія'), 'debate');
    fireEvent.input(screen.getByLabelText('З дати'), { target: { value: '2030-06-01' } });
    fireEvent.input(screen.getByLabelText('По дату'), { target: { value: '2030-06-30' } });

    await waitFor(() => {
      const search = new URLSearchParams(router.state.location.search);
      expect(Object.fromEntries(search)).toEqual({
        district: 'podilskyi',
        hubId: PODIL_HUB.id,
        category: 'debate',
        from: '2030-06-01',
        to: '2030-06-30',
      });
    });
    await waitFor(() => {
      const last = listRequests(requests).at(-1);
      expect(Object.fromEntries(last?.query ?? [])).toEqual({
        district: 'podilskyi',
        hubId: PODIL_HUB.id,
        category: 'debate',
        // Kyiv midnights (EEST, UTC+3); the "to" day is included to its end.
        from: '2030-05-31T21:00:00.000Z',
        to: '2030-06-30T21:00:00.000Z',
        limit: '20',
        offset: '0',
      });
    });

    // The feed follows the hub, district and category.
    const feed = screen.getByRole('link', { name: 'Підписатися на календар подій' });
    const feedUrl = new URL(feed.getAttribute('href') ?? '');
    expect(feedUrl.protocol).toBe('webcal:');
    expect(feedUrl.pathname).toBe('/api/v1/events/calendar.ics');
    expect(Object.fromEntries(feedUrl.searchParams)).toEqual({
      hubId: PODIL_HUB.id,
      district: 'podilskyi',
      category: 'debate',
    });
    expect(screen.getByRole('link', { name: 'Завантажити файл .ics' }).getAttribute('href')).toMatch(
      /^http:\/\/localhost(:\d+)?\/api\/v1\/events\/calendar\.ics\?hubId=/,
    );

    await user.click(screen.getByRole('button', { name: 'Скинути фільтри' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows the same events in a calendar, fetched for the range it shows', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [sampleHub()], total: 1 }),
      'GET /events': json({ items: [sampleEvent()], total: 1 }),
    });
    const user = userEvent.setup();
    const { router } = renderEvents('/events?category=workshop&from=2030-06-01');

    await screen.findByRole('list', { name: 'Події' });
    await user.click(screen.getByRole('button', { name: 'Календар' }));
    expect(new URLSearchParams(router.state.location.search).get('view')).toBe('calendar');
    expect(screen.getByRole('button', { name: 'Календар' })).toHaveAttribute('aria-pressed', 'true');
    // The dates belong to the list; the calendar opens on the chosen month and has its own navigation.
    expect(screen.queryByLabelText('По дату')).not.toBeInTheDocument();

    const calendar = await screen.findByRole('region', { name: 'Календар подій' });
    expect(await within(calendar).findByText(/Майстерня громадського бюджету/)).toBeInTheDocument();
    const query = listRequests(requests).at(-1)?.query;
    expect(query?.get('category')).toBe('workshop');
    expect(query?.get('limit')).toBe('500');
    // June 2030's month grid, Monday 27 May to Monday 8 July, midnight in Kyiv.
    expect(query?.get('from')).toBe('2030-05-26T21:00:00.000Z');
    expect(query?.get('to')).toBe('2030-07-07T21:00:00.000Z');

    // An event opens its page.
    await user.click(within(calendar).getByText(/Майстерня громадського бюджету/));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/events/${EVENT_ID}`));
  });

  it('reads its filters from a shared link', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [sampleHub()], total: 1 }),
      'GET /events': json({ items: [], total: 0 }),
    });
    renderEvents(`/events?category=consultation&district=obolonskyi&hubId=${HUB_ID}&category=x`);

    expect(await screen.findByText('Немає подій, що відповідають обраним фільтрам.')).toBeInTheDocument();
    expect(screen.getByLabelText('Категорія')).toHaveValue('consultation');
    expect(screen.getByLabelText('Район')).toHaveValue('obolonskyi');
    await waitFor(() => expect(screen.getByLabelText('Хаб')).toHaveValue(HUB_ID));
    const query = listRequests(requests)[0]?.query;
    expect(query?.get('category')).toBe('consultation');
    expect(query?.get('district')).toBe('obolonskyi');
    expect(query?.get('hubId')).toBe(HUB_ID);
  });

  it('says so when the events cannot be loaded, and when the date range is backwards', async () => {
    installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /events': problem(500, 'internal_error'),
    });
    const { unmount } = renderEvents('/events');
    expect(await screen.findByText('Не вдалося завантажити події.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Спробувати ще раз' })).toBeInTheDocument();
    unmount();

    const { requests } = installFakeApi({
      ...signedOut,
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /events': json({ items: [], total: 0 }),
    });
    renderEvents('/events?from=2030-06-10&to=2030-06-01');
    expect(await screen.findByText('Кінцева дата не може бути раніше за початкову.')).toBeInTheDocument();
    expect(listRequests(requests)).toHaveLength(0);
  });
});

/** An event whose registration state follows what the fake API was asked. */
function registrationApi(result: { status: 'confirmed' } | { status: 'waitlisted'; position: number }) {
  let registered = false;
  return {
    ...signedInAs(sampleMe()),
    [`GET /events/${EVENT_ID}`]: () =>
      json(
        sampleEvent({
          placesLeft: result.status === 'confirmed' ? 8 : 0,
          myRegistration: registered
            ? {
                id: 'a0000000-0000-4000-8000-000000000001',
                status: result.status,
                position: result.status === 'waitlisted' ? result.position : null,
                code: 'K7P2QX',
                checkedIn: false,
                feedbackGiven: false,
              }
            : null,
        }),
      ),
    [`POST /events/${EVENT_ID}/registrations`]: () => {
      registered = true;
      return json({ id: 'a0000000-0000-4000-8000-000000000001', code: 'K7P2QX', ...result }, 201);
    },
    [`DELETE /events/${EVENT_ID}/registrations/me`]: () => {
      registered = false;
      return { status: 204 };
    },
  };
}

describe('event page', () => {
  it('shows the event in the UI language and Kyiv time, with a way to add it to a calendar', async () => {
    installFakeApi({ ...signedOut, [`GET /events/${EVENT_ID}`]: json(sampleEvent()) });
    renderEvents(`/events/${EVENT_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Майстерня громадського бюджету' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Як подати проєкт до громадського бюджету Києва.')).toBeInTheDocument();
    expect(screen.getByText('12 черв. 2030 р., 18:00–20:00')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Vcentri HUB Оболонь' })).toHaveAttribute(
      'href',
      `/hubs/${HUB_ID}`,
    );
    expect(screen.getByText('просп. Героїв Сталінграду, 10')).toBeInTheDocument();
    expect(screen.getByText('Оболонський')).toBeInTheDocument();
    expect(screen.getByText('Оболонь разом')).toBeInTheDocument();
    expect(screen.getByText('українська, українська жестова')).toBeInTheDocument();
    expect(screen.getByText('Вхід без сходинок, укриття в підвалі.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Додати до календаря' })).toHaveAttribute(
      'href',
      `/api/v1/events/${EVENT_ID}/calendar.ics`,
    );
  });

  it('lets a guest log in to register, and come back here', async () => {
    installFakeApi({ ...signedOut, [`GET /events/${EVENT_ID}`]: json(sampleEvent()) });
    const user = userEvent.setup();
    const { router } = renderEvents(`/events/${EVENT_ID}`);

    const login = await screen.findByRole('link', { name: 'Увійдіть, щоб зареєструватися' });
    expect(login).toHaveAttribute('href', `/login?next=${encodeURIComponent(`/events/${EVENT_ID}`)}`);
    expect(screen.queryByRole('button', { name: 'Зареєструватися' })).not.toBeInTheDocument();

    await user.click(login);
    expect(await screen.findByRole('heading', { name: 'Log-in page' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent(`/events/${EVENT_ID}`)}`);
  });

  it('registers a resident and confirms the place, with the code for the door', async () => {
    const { requests } = installFakeApi(registrationApi({ status: 'confirmed' }));
    const user = userEvent.setup();
    renderEvents(`/events/${EVENT_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Зареєструватися' }));

    expect(await screen.findByText('Ваше місце підтверджено')).toBeInTheDocument();
    expect(screen.getByTestId('registration-code')).toHaveTextContent('K7P2QX');
    expect(screen.getByText('Покажіть цей код на вході.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Зареєструватися' })).not.toBeInTheDocument();
    // The button went away with the answer: focus is on the answer, not lost to the page.
    expect(screen.getByTestId('registration-status').parentElement).toHaveFocus();
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/events'))).toHaveLength(1);
  });

  it('puts a resident on the waiting list and says which position', async () => {
    installFakeApi(registrationApi({ status: 'waitlisted', position: 3 }));
    const user = userEvent.setup();
    renderEvents(`/events/${EVENT_ID}`);

    expect(
      await screen.findByText('Вільних місць немає: після реєстрації ви станете в лист очікування.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Зареєструватися' }));

    const status = await screen.findByTestId('registration-status');
    expect(status).toHaveTextContent('Ви в листі очікування: №3');
    expect(screen.queryByText('Ваше місце підтверджено')).not.toBeInTheDocument();
  });

  it('says the same in English', async () => {
    installFakeApi(registrationApi({ status: 'waitlisted', position: 2 }));
    const user = userEvent.setup();
    await i18n.changeLanguage('en');
    renderEvents(`/events/${EVENT_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Participatory budget workshop' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Ukrainian, Ukrainian Sign Language')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('You are on the waiting list: No. 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel registration' })).toBeInTheDocument();
  });

  it('cancels a registration only after confirmation', async () => {
    const api = registrationApi({ status: 'confirmed' });
    const { requests } = installFakeApi(api);
    const user = userEvent.setup();
    renderEvents(`/events/${EVENT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Зареєструватися' }));
    await screen.findByText('Ваше місце підтверджено');

    await user.click(screen.getByRole('button', { name: 'Скасувати реєстрацію' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Скасувати реєстрацію?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ні, залишити' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    expect(screen.getByText('Ваше місце підтверджено')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Скасувати реєстрацію' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Скасувати реєстрацію?' });
    await user.click(within(dialog).getByRole('button', { name: 'Так, скасувати' }));

    expect(await screen.findByText('Вашу реєстрацію скасовано.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/events/${EVENT_ID}/registrations/me`,
    ]);
    expect(await screen.findByRole('button', { name: 'Зареєструватися' })).toBeInTheDocument();
    expect(screen.queryByText('Ваше місце підтверджено')).not.toBeInTheDocument();
  });

  it('shows why a registration failed', async () => {
    installFakeApi({
      ...signedInAs(sampleMe()),
      [`GET /events/${EVENT_ID}`]: json(sampleEvent()),
      [`POST /events/${EVENT_ID}/registrations`]: problem(409, 'registration_closed'),
    });
    const user = userEvent.setup();
    renderEvents(`/events/${EVENT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Зареєструватися' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Реєстрацію на подію закрито.');
  });

  it('shows a cancelled event with its reason and no registration', async () => {
    installFakeApi({
      ...signedInAs(sampleMe()),
      [`GET /events/${EVENT_ID}`]: json(
        sampleEvent({
          status: 'cancelled',
          cancelReason: 'Планове вимкнення світла',
          registrationOpen: false,
        }),
      ),
    });
    renderEvents(`/events/${EVENT_ID}`);

    const banner = await screen.findByTestId('event-cancelled');
    expect(banner).toHaveTextContent('Подію скасовано.');
    expect(banner).toHaveTextContent('Причина: Планове вимкнення світла');
    expect(screen.queryByRole('button', { name: 'Зареєструватися' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Додати до календаря' })).not.toBeInTheDocument();
  });

  it('says the event is not there', async () => {
    installFakeApi({ ...signedOut, [`GET /events/${EVENT_ID}`]: problem(404, 'not_found') });
    renderEvents(`/events/${EVENT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Подію не знайдено' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Усі події' })).toHaveAttribute('href', '/events');
  });
});

describe('feedback after an event', () => {
  const attended = {
    id: 'a0000000-0000-4000-8000-000000000001',
    status: 'confirmed' as const,
    position: null,
    code: 'K7P2QX',
    checkedIn: true,
    feedbackGiven: false,
  };

  it('asks a checked-in attendee for a rating and a comment, once', async () => {
    let given = false;
    const { requests } = installFakeApi({
      ...signedInAs(sampleMe()),
      [`GET /events/${EVENT_ID}`]: () =>
        json(pastEvent({ myRegistration: { ...attended, feedbackGiven: given } })),
      [`POST /events/${EVENT_ID}/feedback`]: () => {
        given = true;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderEvents(`/events/${EVENT_ID}`);

    const rating = await screen.findByRole('group', { name: 'Оцінка' });
    // Sending without a rating is stopped before the API.
    await user.click(screen.getByRole('button', { name: 'Надіслати відгук' }));
    expect(await screen.findByText('Оберіть оцінку від 1 до 5.')).toBeInTheDocument();
    expect(requests.some((r) => r.path.endsWith('/feedback'))).toBe(false);

    await user.click(within(rating).getByRole('radio', { name: '4 — добре' }));
    await user.type(screen.getByLabelText('Коментар'), 'Корисно й по суті');
    await user.click(screen.getByRole('button', { name: 'Надіслати відгук' }));

    expect(await screen.findByText('Дякуємо за відгук')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/feedback'))?.body).toEqual({
      rating: 4,
      comment: 'Корисно й по суті',
    });
    expect(screen.queryByRole('group', { name: 'Оцінка' })).not.toBeInTheDocument();
  });

  it('thanks those who already gave feedback', async () => {
    installFakeApi({
      ...signedInAs(sampleMe()),
      [`GET /events/${EVENT_ID}`]: json(pastEvent({ myRegistration: { ...attended, feedbackGiven: true } })),
    });
    renderEvents(`/events/${EVENT_ID}`);
    expect(await screen.findByText('Дякуємо за відгук')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Оцінка' })).not.toBeInTheDocument();
  });

  it.each([
    ['not checked in', pastEvent({ myRegistration: { ...attended, checkedIn: false } })],
    ['before the start', sampleEvent({ myRegistration: { ...attended, checkedIn: true } })],
    ['not registered', pastEvent()],
  ])('is not offered to someone %s', async (_case, event) => {
    installFakeApi({ ...signedInAs(sampleMe()), [`GET /events/${EVENT_ID}`]: json(event) });
    renderEvents(`/events/${EVENT_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Майстерня громадського бюджету' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Оцінка' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Надіслати відгук' })).not.toBeInTheDocument();
  });
});
