// Surveys in the portal: a resident takes the one-time token, answers in accessible fieldsets and
// the answer goes WITHOUT the account; results show a table per question with hidden small groups.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SurveyResults, SurveyView } from '@vcentri/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeApi, json, problem, sampleGrant, sampleMe, signedInAs, signedOut } from './fake-api';
import { renderApp } from './render-app';

const ID = 'b0000000-0000-4000-8000-000000000001';

const survey: SurveyView = {
  id: ID,
  scope: 'event',
  hubId: 'c0000000-0000-4000-8000-000000000001',
  eventId: 'd0000000-0000-4000-8000-000000000001',
  shiftId: null,
  district: 'obolonskyi',
  subject: { uk: 'Дебати про парки', en: 'Debate on parks' },
  title: { uk: 'Як пройшли дебати?', en: 'How was the debate?' },
  intro: { uk: '', en: '' },
  opensAt: '2027-03-20T08:00:00.000Z',
  closesAt: '2099-03-27T19:00:00.000Z',
  phase: 'open',
  closedEarly: false,
  canManage: false,
  invitation: 'available',
  questions: [
    { id: 'q1', kind: 'rating', text: { uk: 'Ваша оцінка', en: 'Your rating' }, required: true, options: [] },
    {
      id: 'q2',
      kind: 'single',
      text: { uk: 'Як дізналися?', en: 'How did you hear?' },
      required: false,
      options: [
        { id: 'o1', text: { uk: 'Друзі', en: 'Friends' } },
        { id: 'o2', text: { uk: 'Сайт', en: 'Website' } },
      ],
    },
    { id: 'q3', kind: 'text', text: { uk: 'Коментар', en: 'Comment' }, required: false, options: [] },
  ],
};

afterEach(() => localStorage.clear());

describe('answering a survey', () => {
  it('takes the token, checks required questions, sends the answer without the account and thanks', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(sampleMe()),
      [`GET /surveys/${ID}`]: json(survey),
      [`POST /surveys/${ID}/invitation`]: json({ token: 'tok-abcdefghijklmnopqrstuvwxyz0123456789' }, 201),
      [`POST /surveys/${ID}/responses`]: json({ answeredOn: '2027-03-21' }, 201),
    });
    renderApp(`/surveys/${ID}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Відповісти на опитування' }));
    expect(localStorage.getItem(`vcentri.survey-token.${ID}`)).toBe(
      'tok-abcdefghijklmnopqrstuvwxyz0123456789',
    );

    const rating = await screen.findByRole('group', { name: /Ваша оцінка/ });
    await userEvent.click(screen.getByRole('button', { name: 'Надіслати відповідь' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('обов’язкове питання');
    expect(rating).toHaveAccessibleDescription(/Це питання потребує відповіді/);
    expect(requests.some((r) => r.path.endsWith('/responses'))).toBe(false);

    await userEvent.click(within(rating).getByRole('radio', { name: '4' }));
    await userEvent.click(
      within(screen.getByRole('group', { name: /Як дізналися/ })).getByRole('radio', { name: 'Сайт' }),
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Коментар' }), 'Дякую');
    await userEvent.click(screen.getByRole('button', { name: 'Надіслати відповідь' }));

    expect(await screen.findByText(/Дякуємо! Вашу відповідь збережено анонімно/)).toBeInTheDocument();
    const sent = requests.find((r) => r.path === `/surveys/${ID}/responses`)!;
    expect(sent.headers.get('authorization')).toBeNull();
    expect(sent.body).toEqual({
      token: 'tok-abcdefghijklmnopqrstuvwxyz0123456789',
      answers: [
        { questionId: 'q1', value: 4 },
        { questionId: 'q2', value: 'o2' },
        { questionId: 'q3', value: 'Дякую' },
      ],
    });
    expect(localStorage.getItem(`vcentri.survey-token.${ID}`)).toBeNull();
  });

  it('says so when the answer was already given, and asks a visitor to sign in', async () => {
    localStorage.setItem(`vcentri.survey-token.${ID}`, 'tok-used-0000000000000000000000');
    installFakeApi({
      ...signedInAs(sampleMe()),
      [`GET /surveys/${ID}`]: json({ ...survey, invitation: 'issued' }),
      [`POST /surveys/${ID}/responses`]: problem(409, 'invitation_used'),
    });
    const first = renderApp(`/surveys/${ID}`);
    await userEvent.click(await screen.findByRole('radio', { name: '5' }));
    await userEvent.click(screen.getByRole('button', { name: 'Надіслати відповідь' }));
    expect(await screen.findByText(/Ви вже відповіли на це опитування/)).toBeInTheDocument();
    first.unmount();

    installFakeApi({ ...signedOut, [`GET /surveys/${ID}`]: json({ ...survey, invitation: null }) });
    renderApp(`/surveys/${ID}`);
    const notice = await screen.findByText(/Увійдіть, щоб відповісти/);
    expect(within(notice).getByRole('link', { name: 'Увійти' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent(`/surveys/${ID}`)}`,
    );
  });
});

describe('survey results', () => {
  it('shows a table per question with hidden small groups and no free text for the public', async () => {
    const results: SurveyResults = {
      surveyId: ID,
      title: survey.title,
      phase: 'closed',
      opensAt: survey.opensAt,
      closesAt: '2027-03-27T19:00:00.000Z',
      responses: 7,
      questions: [
        {
          questionId: 'q1',
          kind: 'rating',
          text: survey.questions[0]!.text,
          answered: 7,
          hidden: false,
          average: 4.71,
          nps: null,
          counts: [
            { value: '1', label: null, count: null },
            { value: '2', label: null, count: null },
            { value: '3', label: null, count: null },
            { value: '4', label: null, count: null },
            { value: '5', label: null, count: 5 },
          ],
        },
        {
          questionId: 'q2',
          kind: 'single',
          text: survey.questions[1]!.text,
          answered: null,
          hidden: true,
          average: null,
          nps: null,
          counts: [],
        },
        {
          questionId: 'q3',
          kind: 'text',
          text: survey.questions[2]!.text,
          answered: 7,
          hidden: false,
          average: null,
          nps: null,
          counts: [],
        },
      ],
    };
    installFakeApi({ ...signedOut, [`GET /surveys/${ID}/results`]: json(results) });
    renderApp(`/surveys/${ID}/results`);
    const table = await screen.findByRole('table', { name: /Ваша оцінка/ });
    const five = within(table).getByRole('row', { name: /^5/ });
    expect(within(five).getByRole('cell')).toHaveTextContent('5');
    expect(within(within(table).getByRole('row', { name: /^1/ })).getByRole('cell')).toHaveTextContent(
      'приховано (менше 5)',
    );
    expect(screen.getByText(/На це питання відповіли менше п’яти людей/)).toBeInTheDocument();
    expect(screen.getByText(/Вільні відповіді бачать лише організатори/)).toBeInTheDocument();
  });
});

describe('writing a survey', () => {
  it('a city admin builds the questions, is told what is missing, creates the draft and publishes it after confirming', async () => {
    const admin = sampleMe([sampleGrant({ id: '10000000-0000-4000-8000-000000000009', role: 'city_admin' })]);
    let created: SurveyView | null = null;
    const { requests } = installFakeApi({
      ...signedInAs(admin),
      'GET /hubs': json({ items: [], total: 0 }),
      'GET /surveys': json({ items: [], total: 0 }),
      'POST /surveys': (r) => {
        const body = r.body as { title: SurveyView['title']; opensAt: string; closesAt: string };
        created = {
          ...survey,
          scope: 'network',
          hubId: null,
          eventId: null,
          district: null,
          subject: null,
          title: body.title,
          opensAt: body.opensAt,
          closesAt: body.closesAt,
          phase: 'draft',
          canManage: true,
          invitation: 'none',
          counts: { invited: 0, responses: 0 },
        };
        return json(created, 201);
      },
      [`GET /surveys/${ID}`]: () => json(created),
      [`POST /surveys/${ID}/publish`]: () => {
        created = { ...created!, phase: 'scheduled' };
        return json(created);
      },
      [`GET /surveys/${ID}/results`]: () =>
        json({
          surveyId: ID,
          title: created!.title,
          phase: 'scheduled',
          opensAt: created!.opensAt,
          closesAt: created!.closesAt,
          responses: null,
          questions: [],
        }),
    });
    renderApp('/admin/surveys');
    expect(await screen.findByText('Опитувань ще немає. Створіть перше.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Нове опитування' }));
    await userEvent.click(screen.getByRole('button', { name: 'Створити чернетку' }));
    expect(await screen.findByRole('link', { name: /Назва українською/ })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.path === '/surveys')).toBe(false);

    await userEvent.type(screen.getByLabelText('Назва українською'), 'Як вам мережа?');
    await userEvent.type(screen.getByLabelText('Назва англійською'), 'How is the network?');
    const first = screen.getByRole('group', { name: 'Питання 1' });
    await userEvent.type(within(first).getByLabelText('Питання українською'), 'Оцінка');
    await userEvent.type(within(first).getByLabelText('Питання англійською'), 'Rating');
    const second = screen.getByRole('group', { name: 'Питання 2' });
    await userEvent.type(within(second).getByLabelText('Питання українською'), 'Коментар');
    await userEvent.type(within(second).getByLabelText('Питання англійською'), 'Comment');
    await userEvent.click(screen.getByRole('button', { name: 'Додати питання' }));
    const third = screen.getByRole('group', { name: 'Питання 3' });
    expect(within(third).getByLabelText('Вид питання')).toHaveValue('single');
    await userEvent.type(within(third).getByLabelText('Питання українською'), 'Звідки?');
    await userEvent.type(within(third).getByLabelText('Питання англійською'), 'From where?');
    await userEvent.type(within(third).getByLabelText('Варіант 1 українською'), 'Друзі');
    await userEvent.type(within(third).getByLabelText('Варіант 1 англійською'), 'Friends');
    await userEvent.type(within(third).getByLabelText('Варіант 2 українською'), 'Сайт');
    await userEvent.type(within(third).getByLabelText('Варіант 2 англійською'), 'Website');
    await userEvent.click(screen.getByRole('button', { name: 'Створити чернетку' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Як вам мережа?' })).toBeInTheDocument();
    const sent = requests.find((r) => r.method === 'POST' && r.path === '/surveys')!;
    expect(sent.body).toMatchObject({
      scope: 'network',
      title: { uk: 'Як вам мережа?', en: 'How is the network?' },
      questions: [
        { kind: 'rating', text: { uk: 'Оцінка', en: 'Rating' }, required: true },
        { kind: 'text', text: { uk: 'Коментар', en: 'Comment' }, required: false },
        {
          kind: 'single',
          options: [
            { uk: 'Друзі', en: 'Friends' },
            { uk: 'Сайт', en: 'Website' },
          ],
        },
      ],
    });
    // Opening 09:00 Kyiv time: 06:00 or 07:00 UTC depending on the season.
    expect(new Date((sent.body as { opensAt: string }).opensAt).getUTCMinutes()).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Опублікувати' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Опублікувати опитування?' });
    expect(requests.some((r) => r.path.endsWith('/publish'))).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Опублікувати' }));
    expect(await screen.findByText(/Опубліковано\. Учасників буде запрошено/)).toBeInTheDocument();
    expect(requests.filter((r) => r.path.endsWith('/publish'))).toHaveLength(1);
  });
});
