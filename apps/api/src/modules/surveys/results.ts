// Survey results as totals per question. A question fewer than five people answered shows no
// figures; a count under five shows as hidden (null), and when that would leave a single hidden
// count recoverable from the total, the next smallest count is hidden with it. Free text goes to
// the survey's staff only, sorted so its order says nothing about who answered when.
import { SURVEY_MIN_GROUP, type QuestionResult, type SurveyResults } from '@vcentri/shared';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import { phaseOf, questionsOf, type SurveyRow } from './surveys.repository';

type Answers = Record<string, unknown>;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Hides counts under five; if exactly one non-zero count is hidden and the counts add up to the total, hides the next smallest too. */
function suppress(counts: number[], exhaustive: boolean): (number | null)[] {
  const out: (number | null)[] = counts.map((c) => (c < SURVEY_MIN_GROUP ? null : c));
  const hidden = out.flatMap((c, i) => (c === null ? [i] : []));
  // A lone hidden zero reveals nobody; a lone hidden 1–4 could be worked out from the total.
  if (exhaustive && hidden.length === 1 && counts[hidden[0]!]! > 0) {
    let smallest = -1;
    for (let i = 0; i < out.length; i++) {
      const c = out[i];
      if (c !== null && c !== undefined && (smallest < 0 || c < counts[smallest]!)) smallest = i;
    }
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

export function computeResults(row: SurveyRow, answers: Answers[], withTexts: boolean): SurveyResults {
  const questions: QuestionResult[] = questionsOf(row).map((q) => {
    const values = answers.map((a) => a[q.id]).filter((v) => v !== undefined && v !== null);
    const answered = values.length;
    const hidden = answered < SURVEY_MIN_GROUP;
    const base: QuestionResult = {
      questionId: q.id,
      kind: q.kind,
      text: { uk: q.textUk, en: q.textEn },
      answered: hidden ? null : answered,
      hidden,
      average: null,
      nps: null,
      counts: [],
    };
    if (q.kind === 'text') {
      if (withTexts) base.texts = (values as string[]).slice().sort((a, b) => a.localeCompare(b));
      return base;
    }
    let keys: { value: string; label: { uk: string; en: string } | null }[];
    let tally: number[];
    if (q.kind === 'rating' || q.kind === 'nps') {
      const scale = q.kind === 'rating' ? range(1, 5) : range(0, 10);
      keys = scale.map((v) => ({ value: String(v), label: null }));
      tally = scale.map((v) => values.filter((x) => x === v).length);
      if (!hidden) {
        const nums = values as number[];
        base.average = Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 100) / 100;
        if (q.kind === 'nps') {
          const promoters = nums.filter((x) => x >= 9).length;
          const detractors = nums.filter((x) => x <= 6).length;
          base.nps = Math.round(((promoters - detractors) / nums.length) * 1000) / 10;
        }
      }
    } else {
      keys = q.options.map((o) => ({ value: o.id, label: { uk: o.uk, en: o.en } }));
      tally = q.options.map(
        (o) => values.filter((x) => (Array.isArray(x) ? (x as string[]).includes(o.id) : x === o.id)).length,
      );
    }
    const shown = hidden ? tally.map(() => null) : suppress(tally, q.kind !== 'multiple');
    base.counts = keys.map((k, i) => ({ ...k, count: shown[i] ?? null }));
    return base;
  });
  return {
    surveyId: row.id,
    title: { uk: row.titleUk, en: row.titleEn },
    phase: phaseOf(row),
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    responses: answers.length < SURVEY_MIN_GROUP ? null : answers.length,
    questions,
  };
}

export async function responseAnswers(db: Kysely<DB>, surveyId: string): Promise<Answers[]> {
  const rows = await db
    .selectFrom('surveyResponses')
    .select(sql<Answers>`answers`.as('answers'))
    .where('surveyId', '=', surveyId)
    .execute();
  return rows.map((r) => r.answers);
}

/**
 * The public totals of a closed survey (no free text, small groups hidden), or null when there is
 * no such survey or it has not closed. For other code, e.g. an open-data dataset of survey results.
 */
export async function surveyResultsPublic(db: Kysely<DB>, surveyId: string): Promise<SurveyResults | null> {
  const row = await db.selectFrom('surveys').selectAll().where('id', '=', surveyId).executeTakeFirst();
  if (!row || phaseOf(row) !== 'closed') return null;
  return computeResults(row, await responseAnswers(db, surveyId), false);
}
