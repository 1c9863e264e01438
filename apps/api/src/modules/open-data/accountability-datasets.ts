// Open data of public accountability: `survey-results` (the public totals of every closed survey,
// small groups hidden exactly as on the results page) and `report-figures` (every figure of every
// published quarterly and annual report, frozen with the report's hash).
import { DASHBOARD_FIGURE_KEYS, type DashboardFigures, type ReportSnapshot } from '@vcentri/shared';
import { sql } from 'kysely';
import { surveyResultsPublic } from '../surveys/results';
import type { Dataset } from './datasets';
import { f } from './field';

export const surveyResultsDataset: Dataset = {
  id: 'survey-results',
  title: { uk: 'Результати опитувань мешканців', en: 'Resident survey results' },
  description: {
    uk: 'Підсумки кожного закритого опитування про мережу, хаб, подію чи волонтерську зміну: для кожного питання й кожної відповіді — скільки людей її обрали, середня оцінка, NPS. Групи з менше ніж п’яти відповідей приховано (порожні клітинки), вільні відповіді не публікуються. Відповіді анонімні.',
    en: 'The totals of every closed survey about the network, a hub, an event or a volunteer shift: for each question and each answer, how many chose it, the average rating, NPS. Groups of fewer than five answers are hidden (empty cells); free-text answers are not published. Answers are anonymous.',
  },
  updateFrequency: 'IRREG',
  keywords: {
    uk: ['опитування', 'зворотний зв’язок', 'громадські хаби', 'Київ'],
    en: ['surveys', 'feedback', 'community hubs', 'Kyiv'],
  },
  tables: [],
  fields: [
    f('survey_id', 'uuid', 'Ідентифікатор опитування', 'Survey identifier'),
    f('survey_title_uk', 'string', 'Назва опитування українською', 'Survey title in Ukrainian'),
    f('survey_title_en', 'string', 'Назва опитування англійською', 'Survey title in English'),
    f('scope', 'string', 'Про що: network, hub, event, shift', 'About: network, hub, event, shift'),
    f('hub_id', 'uuid', 'Хаб (для опитування про хаб)', 'The hub (a hub survey)'),
    f('event_id', 'uuid', 'Подія (для опитування про подію)', 'The event (an event survey)'),
    f('closes_at', 'date-time', 'Коли опитування закрилося', 'When the survey closed'),
    f(
      'responses',
      'integer',
      'Скільки людей відповіли (порожньо, якщо менше п’яти)',
      'How many answered (empty under five)',
    ),
    f('question_id', 'string', 'Ідентифікатор питання', 'Question identifier'),
    f('question_uk', 'string', 'Питання українською', 'The question in Ukrainian'),
    f('question_en', 'string', 'Питання англійською', 'The question in English'),
    f(
      'kind',
      'string',
      'Вид: rating (1–5), nps (0–10), single, multiple, text',
      'Kind: rating (1–5), nps (0–10), single, multiple, text',
    ),
    f(
      'answered',
      'integer',
      'Скільки відповіли на питання (порожньо, якщо менше п’яти)',
      'How many answered the question (empty under five)',
    ),
    f('average', 'number', 'Середня оцінка (rating, nps)', 'Average (rating, nps)'),
    f('nps', 'number', 'NPS: прихильники мінус критики, % (nps)', 'NPS: promoters minus detractors, % (nps)'),
    f('value', 'string', 'Оцінка або варіант відповіді', 'The rating or the option'),
    f('label_uk', 'string', 'Варіант відповіді українською', 'The option in Ukrainian'),
    f('label_en', 'string', 'Варіант відповіді англійською', 'The option in English'),
    f(
      'count',
      'integer',
      'Скільки обрали (порожньо, якщо приховано)',
      'How many chose it (empty when hidden)',
    ),
  ],
  lastModified: async (db) =>
    (
      await sql<{
        at: Date | null;
      }>`select max(closes_at) as at from surveys where status <> 'draft' and closes_at <= now()`.execute(db)
    ).rows[0]?.at ?? new Date(0),
  records: async (db) => {
    const surveys = await sql<{ id: string; scope: string; hubId: string | null; eventId: string | null }>`
      select id, scope, hub_id, event_id from surveys
      where status <> 'draft' and opens_at <= now()
      order by closes_at desc, id`.execute(db);
    const out: Record<string, unknown>[] = [];
    for (const s of surveys.rows) {
      const results = await surveyResultsPublic(db, s.id);
      if (!results) continue;
      for (const q of results.questions) {
        const base = {
          survey_id: s.id,
          survey_title_uk: results.title.uk,
          survey_title_en: results.title.en,
          scope: s.scope,
          hub_id: s.hubId,
          event_id: s.eventId,
          closes_at: results.closesAt,
          responses: results.responses,
          question_id: q.questionId,
          question_uk: q.text.uk,
          question_en: q.text.en,
          kind: q.kind,
          answered: q.answered,
          average: q.average,
          nps: q.nps,
        };
        if (q.counts.length === 0)
          out.push({ ...base, value: null, label_uk: null, label_en: null, count: null });
        for (const c of q.counts)
          out.push({
            ...base,
            value: c.value,
            label_uk: c.label?.uk ?? null,
            label_en: c.label?.en ?? null,
            count: c.count,
          });
      }
    }
    return out;
  },
};

const LEVELS = ['city', 'district', 'hub'] as const;

export const reportFiguresDataset: Dataset = {
  id: 'report-figures',
  title: { uk: 'Показники опублікованих звітів', en: 'Figures of the published reports' },
  description: {
    uk: 'Кожен показник кожного опублікованого квартального й річного звіту — для міста, кожного району й кожного хабу — з показником попереднього періоду (для міста) і контрольною сумою звіту. Звіт після публікації незмінний: ці рядки не змінюються, коли змінюються дані.',
    en: 'Every figure of every published quarterly and annual report — for the city, each district and each hub — with the previous period’s (for the city) and the report’s checksum. A published report is frozen: these rows do not change when the data changes.',
  },
  updateFrequency: 'QUARTERLY',
  keywords: {
    uk: ['звіти', 'показники', 'громадські хаби', 'підзвітність', 'Київ'],
    en: ['reports', 'indicators', 'community hubs', 'accountability', 'Kyiv'],
  },
  tables: [],
  fields: [
    f('period', 'string', 'Період звіту: 2026-Q3 або 2026', 'The report’s period: 2026-Q3 or 2026'),
    f('period_from', 'string', 'Перший день періоду (РРРР-ММ-ДД)', 'First day of the period (YYYY-MM-DD)'),
    f('period_to', 'string', 'Останній день періоду (РРРР-ММ-ДД)', 'Last day of the period (YYYY-MM-DD)'),
    f('level', 'string', 'Рівень: city, district, hub', 'Level: city, district, hub'),
    f('district', 'string', 'Район (код) для district і hub', 'District (code) for district and hub'),
    f('hub_id', 'uuid', 'Хаб для hub', 'The hub for hub'),
    f(
      'figure',
      'string',
      'Показник (визначення — на сторінці /dashboard)',
      'The figure (defined on the /dashboard page)',
    ),
    f('value', 'number', 'Значення (порожньо, якщо не визначене)', 'The value (empty when undefined)'),
    f(
      'previous_value',
      'number',
      'Значення за попередній період (лише для city)',
      'The previous period’s value (city only)',
    ),
    f('hash', 'string', 'Контрольна сума SHA-256 звіту', 'The report’s SHA-256 checksum'),
    f('published_at', 'date-time', 'Коли звіт опубліковано', 'When the report was published'),
  ],
  lastModified: async (db) =>
    (
      await sql<{
        at: Date | null;
      }>`select max(published_at) as at from public_reports where status = 'published'`.execute(db)
    ).rows[0]?.at ?? new Date(0),
  records: async (db) => {
    const reports = await sql<{ period: string; snapshot: ReportSnapshot; hash: string; publishedAt: Date }>`
      select period, snapshot, hash, published_at from public_reports
      where status = 'published' order by period_to desc, period_from, period`.execute(db);
    const out: Record<string, unknown>[] = [];
    for (const r of reports.rows) {
      const s = r.snapshot;
      const row = (
        level: (typeof LEVELS)[number],
        district: string | null,
        hubId: string | null,
        figures: DashboardFigures,
        previous: DashboardFigures | null,
      ) => {
        for (const k of DASHBOARD_FIGURE_KEYS)
          out.push({
            period: r.period,
            period_from: s.from,
            period_to: s.to,
            level,
            district,
            hub_id: hubId,
            figure: k,
            value: figures[k],
            previous_value: previous ? previous[k] : null,
            hash: r.hash,
            published_at: r.publishedAt.toISOString(),
          });
      };
      row('city', null, null, s.figures, s.previousFigures);
      for (const d of s.districts) row('district', d.district, null, d, null);
      for (const h of s.hubs) row('hub', h.district, h.hubId, h, null);
    }
    return out;
  },
};
