// The resident's answer: one fieldset per question (legend = the question), radios for ratings,
// 0–10 and single choice, checkboxes for multiple choice, a text area for free text. Required
// questions are checked before sending; every error is tied to its fieldset.
import type { AnswerInput, SurveyQuestion } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDescriptionIds } from '../../../components/field';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/errors';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

type Value = number | string | string[];

const scaleOf = (q: SurveyQuestion) =>
  q.kind === 'rating' ? [1, 2, 3, 4, 5] : Array.from({ length: 11 }, (_, i) => i);

export function answersOf(questions: SurveyQuestion[], values: Record<string, Value>): AnswerInput[] {
  return questions.flatMap((q) => {
    const v = values[q.id];
    if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && !v.trim()))
      return [];
    return [{ questionId: q.id, value: typeof v === 'string' ? v.trim() : v }];
  });
}

export function AnswerForm({
  questions,
  pending,
  error,
  onSubmit,
}: {
  questions: SurveyQuestion[];
  pending: boolean;
  error: unknown;
  onSubmit(answers: AnswerInput[]): void;
}) {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const message = useErrorMessage();
  const [values, setValues] = useState<Record<string, Value>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const set = (id: string, v: Value) => {
    setValues((old) => ({ ...old, [id]: v }));
    setMissing((old) => {
      const next = new Set(old);
      next.delete(id);
      return next;
    });
  };

  // API field errors point at /answers/<i>/value; map them back to questions.
  const answers = answersOf(questions, values);
  const apiErrors = new Map<string, string>();
  if (isApiError(error)) {
    for (const e of error.fieldErrors) {
      const m = /^\/answers\/(\d+)/.exec(e.path);
      const qid = m ? answers[Number(m[1])]?.questionId : undefined;
      if (qid) apiErrors.set(qid, t('answer.invalid'));
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const absent = new Set(
      questions.filter((q) => q.required && !answers.some((a) => a.questionId === q.id)).map((q) => q.id),
    );
    setMissing(absent);
    if (absent.size > 0) {
      const first = questions.find((q) => absent.has(q.id));
      if (first) document.getElementById(`q-${first.id}`)?.focus();
      return;
    }
    onSubmit(answers);
  }

  return (
    <form className="survey-answer" noValidate onSubmit={submit}>
      {missing.size > 0 ? (
        <p className="form-summary" role="alert">
          {t('answer.missing', { count: missing.size })}
        </p>
      ) : error ? (
        <p className="form-summary" role="alert">
          {message(error)}
        </p>
      ) : null}
      {questions.map((q, index) => {
        const id = `q-${q.id}`;
        const problem = missing.has(q.id) ? t('answer.required') : apiErrors.get(q.id);
        const errors = problem ? [problem] : undefined;
        const legend = (
          <>
            {index + 1}. {localized(q.text, locale)}
            {q.required ? <span className="survey-required"> ({t('answer.requiredMark')})</span> : null}
          </>
        );
        const v = values[q.id];
        return (
          <fieldset
            key={q.id}
            id={id}
            tabIndex={-1}
            className={
              errors
                ? 'field field--group field--invalid survey-question'
                : 'field field--group survey-question'
            }
            aria-describedby={fieldDescriptionIds(id, q.kind === 'nps' || q.kind === 'rating', errors)}
          >
            <legend>{legend}</legend>
            {q.kind === 'rating' || q.kind === 'nps' ? (
              <p className="field__hint" id={`${id}-hint`}>
                {q.kind === 'rating' ? t('answer.ratingHint') : t('answer.npsHint')}
              </p>
            ) : null}
            {errors ? (
              <p className="field__error" id={`${id}-error`}>
                {errors.join(' ')}
              </p>
            ) : null}
            {q.kind === 'rating' || q.kind === 'nps' ? (
              <div className="survey-scale">
                {scaleOf(q).map((n) => (
                  <label key={n} className="survey-scale__point">
                    <input type="radio" name={id} value={n} checked={v === n} onChange={() => set(q.id, n)} />
                    <span>{n}</span>
                  </label>
                ))}
              </div>
            ) : q.kind === 'single' ? (
              q.options.map((o) => (
                <label key={o.id} className="checkbox">
                  <input
                    type="radio"
                    name={id}
                    value={o.id}
                    checked={v === o.id}
                    onChange={() => set(q.id, o.id)}
                  />{' '}
                  {localized(o.text, locale)}
                </label>
              ))
            ) : q.kind === 'multiple' ? (
              q.options.map((o) => {
                const chosen = Array.isArray(v) ? v : [];
                return (
                  <label key={o.id} className="checkbox">
                    <input
                      type="checkbox"
                      name={id}
                      value={o.id}
                      checked={chosen.includes(o.id)}
                      onChange={(e) =>
                        set(q.id, e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))
                      }
                    />{' '}
                    {localized(o.text, locale)}
                  </label>
                );
              })
            ) : (
              <textarea
                aria-label={localized(q.text, locale)}
                aria-describedby={errors ? `${id}-error` : undefined}
                maxLength={2000}
                rows={4}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(q.id, e.target.value)}
              />
            )}
          </fieldset>
        );
      })}
      <p className="survey-anonymous">{t('answer.anonymousNote')}</p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('answer.sending') : t('answer.submit')}
      </button>
    </form>
  );
}
