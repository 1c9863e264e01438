// The Open Government page: each indicator's progress towards its target in words, as a progress
// bar and a chart with a text alternative, the per-quarter table with notes, an earlier quarter on
// request, the empty state; and the city admin's editor recording a value and deleting one only
// after a confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ActionPlanView, type IndicatorView, quarterOf } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../src/lib/i18n';
import { installFakeApi, json, problem, sampleGrant, sampleMe, signedInAs, signedOut } from './fake-api';
import { renderApp } from './render-app';

const COMMITMENT_ID = 'a0000000-0000-4000-8000-000000000001';
const HUBS_ID = 'b0000000-0000-4000-8000-000000000001';
const DAYS_ID = 'b0000000-0000-4000-8000-000000000002';
const NEW_ID = 'b0000000-0000-4000-8000-000000000003';

const value = (quarter: string, v: number, progress: number, note = { uk: '', en: '' }) => ({
  quarter,
  value: v,
  note,
  progress,
  recordedAt: '2026-10-02T07:30:00.000Z',
});

const hubs: IndicatorView = {
  id: HUBS_ID,
  commitmentId: COMMITMENT_ID,
  title: { uk: 'Просторів Vcentri HUB працює', en: 'Vcentri HUB spaces open' },
  unit: { uk: 'просторів', en: 'spaces' },
  baseline: 5,
  target: 15,
  targetQuarter: '2026-Q4',
  higherIsBetter: true,
  position: 0,
  values: [
    value('2026-Q2', 7, 20),
    value('2026-Q3', 8.5, 35, { uk: 'Відкрито простір на Троєщині', en: 'A space opened in Troieshchyna' }),
  ],
  latest: value('2026-Q3', 8.5, 35, {
    uk: 'Відкрито простір на Троєщині',
    en: 'A space opened in Troieshchyna',
  }),
  progress: 35,
};

const days: IndicatorView = {
  id: DAYS_ID,
  commitmentId: COMMITMENT_ID,
  title: { uk: 'Днів до публікації', en: 'Days to publication' },
  unit: { uk: 'днів', en: 'days' },
  baseline: 40,
  target: 10,
  targetQuarter: '2026-Q4',
  higherIsBetter: false,
  position: 1,
  values: [value('2026-Q3', 2, 100)],
  latest: value('2026-Q3', 2, 100),
  progress: 100,
};

const fresh: IndicatorView = {
  ...days,
  id: NEW_ID,
  title: { uk: 'Консультацій проведено', en: 'Consultations held' },
  unit: { uk: 'консультацій', en: 'consultations' },
  baseline: 0,
  target: 24,
  higherIsBetter: true,
  values: [],
  latest: null,
  progress: null,
};

function plan(
  indicators: IndicatorView[] = [hubs, days, fresh],
  asOf = quarterOf(new Date()),
): ActionPlanView {
  return {
    asOf,
    currentQuarter: quarterOf(new Date()),
    commitments: [
      {
        id: COMMITMENT_ID,
        title: { uk: 'Розширення мережі Vcentri HUB', en: 'Expanding the Vcentri HUB network' },
        description: { uk: 'Відкриті простори в районах.', en: 'Open spaces in the districts.' },
        department: { uk: 'Департамент суспільних комунікацій', en: 'Department of Public Communications' },
        position: 0,
        isDemo: true,
        indicators,
      },
    ],
  };
}

describe('the Open Government page', () => {
  it('shows each indicator’s progress in words, as a bar, a chart with a text alternative and a table', async () => {
    installFakeApi({ ...signedOut, 'GET /action-plan': json(plan()) });
    renderApp('/open-government');

    expect(await screen.findByRole('heading', { level: 1, name: 'Відкрите урядування' })).toBeVisible();
    expect(
      await screen.findByRole('heading', { level: 2, name: /Розширення мережі Vcentri HUB/ }),
    ).toBeVisible();
    expect(screen.getByText('Відповідальний: Департамент суспільних комунікацій')).toBeVisible();

    const card = within(screen.getByRole('article', { name: 'Просторів Vcentri HUB працює' }));
    expect(card.getByText('Пройдено 35 % шляху від базового значення до цілі')).toBeVisible();
    expect(
      card.getByRole('progressbar', { name: 'Поступ показника «Просторів Vcentri HUB працює» до цілі' }),
    ).toHaveAttribute('aria-valuenow', '35');
    expect(card.getByText('8,5 просторів (III кв. 2026)')).toBeVisible();
    expect(card.getByText('15 просторів до IV кв. 2026')).toBeVisible();
    const chart = card.getByRole('img', { name: /Просторів Vcentri HUB працює: значення за кварталами/ });
    expect(chart).toHaveAccessibleDescription('II кв. 2026: 7 просторів. III кв. 2026: 8,5 просторів.');
    const rows = within(
      card.getByRole('table', { name: 'Значення за кварталами: Просторів Vcentri HUB працює' }),
    )
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['II кв. 2026720 %—', 'III кв. 20268,535 %Відкрито простір на Троєщині']);
    // Kyiv time: 07:30 UTC is 10:30 in Kyiv in October.
    expect(card.getByText(/Останнє значення внесено .*10:30/)).toBeVisible();

    const lower = within(screen.getByRole('article', { name: 'Днів до публікації' }));
    expect(lower.getByText('Краще менше')).toBeVisible();
    expect(lower.getByText('Пройдено 100 % шляху від базового значення до цілі')).toBeVisible();

    const none = within(screen.getByRole('article', { name: 'Консультацій проведено' }));
    expect(none.getByText('Значень ще не внесено.')).toBeVisible();
    expect(none.queryByRole('progressbar')).toBeNull();
    expect(none.queryByRole('table')).toBeNull();

    await changeLocale('en');
    const english = within(await screen.findByRole('article', { name: 'Vcentri HUB spaces open' }));
    expect(english.getByText('35 % of the way from baseline to target')).toBeVisible();
    expect(english.getByText('8.5 spaces (Q3 2026)')).toBeVisible();
    expect(screen.getByText('demo')).toBeVisible();
  });

  it('reads the plan as of an earlier quarter when asked', async () => {
    const api = installFakeApi({
      ...signedOut,
      'GET /action-plan': (request) =>
        json(plan([hubs], request.query.get('quarter') ?? quarterOf(new Date()))),
    });
    renderApp('/open-government');
    const select = await screen.findByLabelText('Стан на кінець кварталу');
    await userEvent.selectOptions(select, 'I кв. 2025');
    expect(await screen.findByText('Стан на I кв. 2025.')).toBeVisible();
    expect(api.requests.some((r) => r.path === '/action-plan' && r.query.get('quarter') === '2025-Q1')).toBe(
      true,
    );
  });

  it('says so when the plan has no commitments yet, and is linked from the footer', async () => {
    installFakeApi({ ...signedOut, 'GET /action-plan': json({ ...plan(), commitments: [] }) });
    const { router } = renderApp('/');
    await userEvent.click(
      await screen.findByRole('link', { name: 'Відкрите урядування: виконання плану дій' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/open-government'));
    expect(await screen.findByText(/Зобов’язань плану дій ще не внесено/)).toBeVisible();
  });
});

describe('the action plan editor', () => {
  const admin = sampleMe([sampleGrant()]);

  it('records a value for a quarter and shows the API’s refusal next to the field', async () => {
    let attempts = 0;
    const api = installFakeApi({
      ...signedInAs(admin),
      'GET /action-plan': json(plan([fresh])),
      [`PUT /action-plan/indicators/${NEW_ID}/values/${quarterOf(new Date())}`]: () =>
        ++attempts === 1
          ? problem(400, 'quarter_in_future', [{ path: '/quarter', code: 'quarter_in_future', message: 'x' }])
          : json(fresh),
    });
    renderApp('/admin/action-plan');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Внести значення — Консультацій проведено' }),
    );
    const form = within(screen.getByRole('form', { name: 'Значення за квартал: Консультацій проведено' }));
    await userEvent.click(form.getByRole('button', { name: 'Зберегти значення' }));
    expect(form.getByLabelText('Значення, консультацій')).toHaveAccessibleDescription(
      'Вкажіть число, наприклад 12 або 12,5.',
    );
    await userEvent.type(form.getByLabelText('Значення, консультацій'), '4,5');
    await userEvent.type(form.getByLabelText('Примітка українською'), 'Перші консультації');
    await userEvent.click(form.getByRole('button', { name: 'Зберегти значення' }));
    expect(await form.findByRole('alert')).toHaveTextContent(/Цей квартал ще не почався/);
    await userEvent.click(form.getByRole('button', { name: 'Зберегти значення' }));
    expect(await screen.findByText('Значення збережено.')).toBeVisible();
    const put = api.requests.filter((r) => r.method === 'PUT');
    expect(put.at(-1)?.body).toEqual({ value: 4.5, note: { uk: 'Перші консультації', en: '' } });
  });

  it('deletes a value only after a confirmation', async () => {
    const api = installFakeApi({
      ...signedInAs(admin),
      'GET /action-plan': json(plan([hubs])),
      [`DELETE /action-plan/indicators/${HUBS_ID}/values/2026-Q2`]: { status: 204 },
    });
    renderApp('/admin/action-plan');
    await userEvent.click(await screen.findByRole('button', { name: 'Видалити II кв. 2026' }));
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Видалити значення?' }));
    expect(
      dialog.getByText('Значення показника «Просторів Vcentri HUB працює» за II кв. 2026 буде видалено.'),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Скасувати' }));
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Видалити II кв. 2026' }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Видалити' }),
    );
    expect(await screen.findByText('Видалено.')).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/action-plan/indicators/${HUBS_ID}/values/2026-Q2`,
    ]);
  });
});
