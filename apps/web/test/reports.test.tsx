// The public reports: the list, a report page with captioned tables, the change against the
// previous period, the narratives and the checksum check; a report not published says so; and the
// city admin's editor, which saves the narratives and publishes only after a confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DashboardFigures, Report } from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../src/lib/i18n';
import { installFakeApi, json, problem, sampleGrant, sampleMe, signedInAs, signedOut } from './fake-api';
import { renderApp } from './render-app';

const figures = (over: Partial<DashboardFigures> = {}): DashboardFigures => ({
  bookings: 120,
  pending: 2,
  bookedHours: 340.5,
  openHours: 1200,
  closedHours: 0,
  utilisation: 0.284,
  organizations: 40,
  events: 30,
  registrations: 500,
  attended: 410,
  noShowRate: 0.18,
  feedbackCount: 80,
  averageRating: 4.5,
  volunteerShifts: 12,
  volunteers: 30,
  volunteerHours: 98.5,
  applications: 10,
  verifications: 8,
  verifiedOrganizations: 220,
  ...over,
});

const empty = { uk: '', en: '' };
const HASH = 'ab'.repeat(32);

function sampleReport(over: Partial<Report> = {}): Report {
  return {
    period: '2026-Q3',
    kind: 'quarter',
    from: '2026-07-01',
    to: '2026-09-30',
    status: 'published',
    builtAt: '2026-10-02T07:00:00.000Z',
    publishedAt: '2026-10-03T07:00:00.000Z',
    hash: HASH,
    hashAlgorithm: 'sha256',
    narratives: {
      summary: { uk: 'Квартал зростання.', en: 'A quarter of growth.' },
      districts: empty,
      hubs: empty,
      events: empty,
      volunteering: empty,
      actionPlan: empty,
    },
    snapshot: {
      period: '2026-Q3',
      kind: 'quarter',
      from: '2026-07-01',
      to: '2026-09-30',
      previous: { from: '2026-04-01', to: '2026-06-30' },
      builtAt: '2026-10-02T07:00:00.000Z',
      figures: figures(),
      previousFigures: figures({ bookings: 100, utilisation: 0.25 }),
      districts: [{ district: 'obolonskyi', ...figures() }],
      hubs: [
        {
          hubId: 'h1',
          name: { uk: 'Хаб «Оболонь»', en: 'Obolon hub' },
          district: 'obolonskyi',
          ...figures(),
        },
      ],
      notableEvents: [
        {
          eventId: 'e1',
          title: { uk: 'Толока в парку', en: 'Park clean-up' },
          category: 'meeting',
          startsAt: '2026-08-01T07:00:00.000Z',
          endsAt: '2026-08-01T09:00:00.000Z',
          hubId: 'h1',
          hubName: { uk: 'Хаб «Оболонь»', en: 'Obolon hub' },
          district: 'obolonskyi',
          attended: 55,
        },
      ],
      actionPlan: [],
    },
    ...over,
  };
}

describe('the public reports', () => {
  it('lists the published reports and links each to its page', async () => {
    installFakeApi({
      ...signedOut,
      'GET /reports': json({
        items: [
          {
            period: '2026-Q3',
            kind: 'quarter',
            from: '2026-07-01',
            to: '2026-09-30',
            status: 'published',
            builtAt: '2026-10-02T07:00:00.000Z',
            publishedAt: '2026-10-03T07:00:00.000Z',
            hash: HASH,
          },
        ],
        total: 1,
      }),
      'GET /reports/2026-Q3': json(sampleReport()),
    });
    const { router } = renderApp('/reports');
    const table = await screen.findByRole('table', { name: 'Опубліковані звіти, від найновішого' });
    await userEvent.click(
      within(table).getByRole('link', { name: 'Відкрити звіт за III квартал 2026 року' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports/2026-Q3'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Звіт: III квартал 2026 року' }),
    ).toBeVisible();
  });

  it('shows the figures against the previous period, the tables with captions and verifies the checksum', async () => {
    const api = installFakeApi({
      ...signedOut,
      'GET /reports/2026-Q3': json(sampleReport()),
      'GET /reports/2026-Q3/verify': json({ period: '2026-Q3', hash: HASH, computed: HASH, valid: true }),
    });
    renderApp('/reports/2026-Q3');
    const summary = await screen.findByRole('table', {
      name: 'Головні показники: III квартал 2026 року, порівняно з попереднім періодом',
    });
    const bookings = within(summary).getByRole('row', { name: /Підтверджені бронювання/ });
    expect(bookings).toHaveTextContent('120');
    expect(bookings).toHaveTextContent('100');
    expect(bookings).toHaveTextContent('+20 (+20 %)');
    expect(within(summary).getByRole('row', { name: /Завантаженість/ })).toHaveTextContent('+3,4 в. п.');
    expect(screen.getByText('Квартал зростання.')).toBeVisible();
    expect(
      screen.getByRole('table', { name: 'Показники за хабами: III квартал 2026 року' }),
    ).toHaveTextContent('Хаб «Оболонь»');
    expect(screen.getByRole('table', { name: /з найбільшою кількістю відвідувачів/ })).toHaveTextContent(
      'Толока в парку',
    );
    expect(screen.getByRole('link', { name: 'Завантажити PDF (українською)' })).toHaveAttribute(
      'href',
      '/api/v1/reports/2026-Q3.pdf',
    );
    expect(screen.getByRole('link', { name: 'Завантажити PDF (англійською)' })).toHaveAttribute(
      'href',
      '/api/v1/reports/2026-Q3.pdf?lang=en',
    );
    expect(screen.getByTestId('report-hash')).toHaveTextContent(HASH);
    await userEvent.click(screen.getByRole('button', { name: 'Перевірити контрольну суму' }));
    expect(await screen.findByTestId('report-verdict')).toHaveTextContent('Контрольна сума збігається');
    expect(api.requests.some((r) => r.path === '/reports/2026-Q3/verify')).toBe(true);

    await changeLocale('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Report: Q3 2026' })).toBeVisible();
    expect(screen.getByText('A quarter of growth.')).toBeVisible();
  });

  it('says when a report is not published', async () => {
    installFakeApi({ ...signedOut, 'GET /reports/2025-Q1': problem(404, 'not_found') });
    renderApp('/reports/2025-Q1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Цей звіт не опубліковано' })).toBeVisible();
  });
});

describe('the reports editor', () => {
  const admin = sampleMe([sampleGrant()]);

  it('saves the narratives and publishes only after a confirmation', async () => {
    const draft = sampleReport({ status: 'draft', hash: null, publishedAt: null });
    const api = installFakeApi({
      ...signedInAs(admin),
      'GET /reports/2026-Q3/draft': json(draft),
      'PATCH /reports/2026-Q3/draft': (r) =>
        json({
          ...draft,
          narratives: { ...draft.narratives, ...(r.body as { narratives: object }).narratives },
        }),
      'POST /reports/2026-Q3/publish': json(sampleReport()),
    });
    renderApp('/admin/reports?period=2026-Q3');
    const field = await screen.findByLabelText('За хабами — українською');
    await userEvent.click(field);
    await userEvent.paste('Хаби працювали щодня.');
    await userEvent.click(screen.getByRole('button', { name: 'Опублікувати…' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Опублікувати звіт за III квартал 2026 року?',
    });
    expect(api.requests.some((r) => r.method === 'POST' && r.path.startsWith('/reports'))).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Опублікувати' }));
    expect(await screen.findByText('Звіт за III квартал 2026 року опубліковано.')).toBeVisible();
    const patch = api.requests.find((r) => r.method === 'PATCH')?.body as
      | { narratives: Report['narratives'] }
      | undefined;
    expect(patch?.narratives.hubs.uk).toBe('Хаби працювали щодня.');
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/reports/2026-Q3/publish')).toBe(true);
  });

  it('shows why a period cannot be built yet', async () => {
    installFakeApi({
      ...signedInAs(admin),
      'GET /admin/reports': json({ items: [], total: 0 }),
      [`POST /reports/${new Date().getFullYear()}-Q1/draft`]: problem(400, 'period_incomplete'),
      [`POST /reports/${new Date().getFullYear()}/draft`]: problem(400, 'period_incomplete'),
    });
    renderApp('/admin/reports');
    expect(await screen.findByText('Звітів ще немає: сформуйте першу чернетку вище.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Сформувати чернетку' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Період ще не завершився/);
  });
});
