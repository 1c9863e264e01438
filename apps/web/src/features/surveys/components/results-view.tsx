// Survey results: one table per question (accessible: a caption, header cells, the count as
// text), with a plain CSS bar beside each count. Hidden groups say so instead of a number.
import type { QuestionResult, SurveyResults } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

function QuestionTable({ q, index }: { q: QuestionResult; index: number }) {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const title = `${index + 1}. ${localized(q.text, locale)}`;
  if (q.kind === 'text') {
    return (
      <section className="survey-result">
        <h3>{title}</h3>
        {q.texts === undefined ? (
          <p className="muted">{t('results.textPrivate')}</p>
        ) : q.texts.length === 0 ? (
          <p className="muted">{t('results.noTexts')}</p>
        ) : (
          <ul className="survey-texts" aria-label={t('results.textsLabel')}>
            {q.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const max = Math.max(1, ...q.counts.map((c) => c.count ?? 0));
  return (
    <section className="survey-result">
      <h3>{title}</h3>
      {q.hidden ? (
        <p className="muted">{t('results.hiddenQuestion')}</p>
      ) : (
        <>
          <p>
            {t('results.answered', { count: q.answered ?? 0 })}
            {q.average !== null
              ? ` · ${t('results.average', { value: formatDecimal(q.average, locale) })}`
              : ''}
            {q.nps !== null ? ` · ${t('results.nps', { value: formatDecimal(q.nps, locale) })}` : ''}
          </p>
          <table className="table survey-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.columns.answer')}</th>
                <th scope="col">{t('results.columns.count')}</th>
              </tr>
            </thead>
            <tbody>
              {q.counts.map((c) => (
                <tr key={c.value}>
                  <th scope="row">{c.label ? localized(c.label, locale) : c.value}</th>
                  <td className="survey-count">
                    <span>{c.count === null ? t('results.hiddenCount') : formatCount(c.count, locale)}</span>
                    <span
                      aria-hidden="true"
                      className="survey-bar"
                      style={{ width: `${c.count === null ? 0 : Math.round((c.count / max) * 60)}%` }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ResultsView({ results }: { results: SurveyResults }) {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  return (
    <div className="survey-results">
      <p>
        {results.responses === null
          ? t('results.fewResponses')
          : t('results.responses', {
              count: results.responses,
              formatted: formatCount(results.responses, locale),
            })}
      </p>
      <p className="muted">{t('results.privacyNote')}</p>
      {results.questions.map((q, i) => (
        <QuestionTable key={q.questionId} q={q} index={i} />
      ))}
    </div>
  );
}
