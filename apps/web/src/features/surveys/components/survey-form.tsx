// Writing a survey: what it is about (the network for city admins; a hub, one of its events or a
// volunteer shift), its title and introduction in both languages, when it opens and closes (Kyiv
// time), and the question builder (1–20 questions; choice questions 2–10 options). The API checks
// everything again; its field errors land next to the fields.
import {
  fromKyiv,
  QUESTION_KINDS,
  type QuestionInput,
  type QuestionKind,
  SURVEY_MAX_OPTIONS,
  SURVEY_MAX_QUESTIONS,
  SURVEY_MIN_OPTIONS,
  type SurveyInput,
  type SurveyScope,
  type SurveyView,
  toKyiv,
} from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useEvents } from '../../events/api/get-events';
import { useHubChoices } from '../../hubs/api/hub-choices';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { kyivToday } from '../../../lib/kyiv-dates';
import { useCreateSurvey, useUpdateSurvey } from '../api';

interface QuestionDraft {
  kind: QuestionKind;
  uk: string;
  en: string;
  required: boolean;
  options: { uk: string; en: string }[];
}

const blankQuestion = (kind: QuestionKind = 'rating'): QuestionDraft => ({
  kind,
  uk: '',
  en: '',
  required: kind === 'rating',
  options:
    kind === 'single' || kind === 'multiple'
      ? [
          { uk: '', en: '' },
          { uk: '', en: '' },
        ]
      : [],
});

const isChoice = (k: QuestionKind) => k === 'single' || k === 'multiple';

function addDays(date: string, days: number) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function SurveyForm({
  survey,
  initial,
  onSaved,
  onCancel,
}: {
  /** Editing this survey; creating a new one without it. */
  survey?: SurveyView;
  /** For a new survey: what it is about, e.g. from an event's page. */
  initial?: { scope?: SurveyScope; hubId?: string; eventId?: string; shiftId?: string };
  onSaved(survey: SurveyView): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const { me } = useAuth();
  const cityAdmin = isCityAdmin(me);
  const hubs = useHubChoices();
  const opens = survey ? toKyiv(survey.opensAt) : { date: addDays(kyivToday(), 1), time: '09:00' };
  const closes = survey ? toKyiv(survey.closesAt) : { date: addDays(kyivToday(), 15), time: '21:00' };
  const [scope, setScope] = useState<SurveyScope>(
    survey?.scope ?? initial?.scope ?? (cityAdmin ? 'network' : 'hub'),
  );
  const [hubId, setHubId] = useState(survey?.hubId ?? initial?.hubId ?? '');
  const [eventId, setEventId] = useState(survey?.eventId ?? initial?.eventId ?? '');
  const [shiftId, setShiftId] = useState(survey?.shiftId ?? initial?.shiftId ?? '');
  const [titleUk, setTitleUk] = useState(survey?.title.uk ?? '');
  const [titleEn, setTitleEn] = useState(survey?.title.en ?? '');
  const [introUk, setIntroUk] = useState(survey?.intro.uk ?? '');
  const [introEn, setIntroEn] = useState(survey?.intro.en ?? '');
  const [opensDate, setOpensDate] = useState(opens.date);
  const [opensTime, setOpensTime] = useState(opens.time);
  const [closesDate, setClosesDate] = useState(closes.date);
  const [closesTime, setClosesTime] = useState(closes.time);
  const [questions, setQuestions] = useState<QuestionDraft[]>(
    survey
      ? survey.questions.map((q) => ({
          kind: q.kind,
          uk: q.text.uk,
          en: q.text.en,
          required: q.required,
          options: q.options.map((o) => ({ ...o.text })),
        }))
      : [blankQuestion('rating'), blankQuestion('text')],
  );
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useCreateSurvey({ onSuccess: onSaved });
  const update = useUpdateSurvey({ onSuccess: onSaved });
  const mutation = survey ? update : create;
  const now = Date.now();
  const events = useEvents(
    {
      hubId,
      from: new Date(now - 90 * 86_400_000).toISOString(),
      to: new Date(now + 60 * 86_400_000).toISOString(),
      limit: 200,
    },
    { enabled: !survey && scope === 'event' && !!hubId },
  );

  const errors = formErrorState(t, {
    clientErrors,
    apiError: mutation.error,
    fieldForPath: (p) => {
      const m = /^\/questions\/(\d+)/.exec(p);
      if (m) return `question-${m[1]}`;
      return p.split('/')[1] ?? '';
    },
    codeToField: { invalid_interval: 'closesAt' },
  });
  const errorsOf = (field: string) => errors.byField[field];

  const changeQuestion = (i: number, change: Partial<QuestionDraft>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...change } : q)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [q] = next.splice(i, 1);
      if (q) next.splice(i + by, 0, q);
      return next;
    });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: FieldErrors = {};
    const need = (field: string, ok: boolean, message: string) => {
      if (!ok) problems[field] = [...(problems[field] ?? []), message];
    };
    need('title', titleUk.trim().length >= 3 && titleEn.trim().length >= 3, t('form.errors.title'));
    if (!survey) {
      need('hubId', scope === 'network' || !!hubId || scope === 'shift', t('form.errors.hub'));
      need('eventId', scope !== 'event' || !!eventId, t('form.errors.event'));
      need('shiftId', scope !== 'shift' || /^[0-9a-f-]{36}$/i.test(shiftId.trim()), t('form.errors.shift'));
    }
    const opensAt = fromKyiv(opensDate, opensTime);
    const closesAt = fromKyiv(closesDate, closesTime);
    need('opensAt', !Number.isNaN(opensAt.getTime()), t('form.errors.date'));
    need(
      'closesAt',
      !Number.isNaN(closesAt.getTime()) && closesAt.getTime() > opensAt.getTime(),
      t('form.errors.closes'),
    );
    need(
      'questions',
      questions.length >= 1 && questions.length <= SURVEY_MAX_QUESTIONS,
      t('form.errors.questions'),
    );
    questions.forEach((q, i) => {
      need(`question-${i}`, !!q.uk.trim() && !!q.en.trim(), t('form.errors.questionText'));
      if (isChoice(q.kind))
        need(
          `question-${i}`,
          q.options.length >= SURVEY_MIN_OPTIONS && q.options.every((o) => o.uk.trim() && o.en.trim()),
          t('form.errors.options', { min: SURVEY_MIN_OPTIONS, max: SURVEY_MAX_OPTIONS }),
        );
    });
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const body = {
      title: { uk: titleUk.trim(), en: titleEn.trim() },
      intro: { uk: introUk.trim(), en: introEn.trim() },
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      questions: questions.map(
        (q): QuestionInput => ({
          kind: q.kind,
          text: { uk: q.uk.trim(), en: q.en.trim() },
          required: q.required,
          ...(isChoice(q.kind)
            ? { options: q.options.map((o) => ({ uk: o.uk.trim(), en: o.en.trim() })) }
            : {}),
        }),
      ),
    };
    if (survey) {
      update.mutate({ id: survey.id, patch: body });
    } else {
      const input: SurveyInput = {
        scope,
        ...body,
        ...(scope === 'hub' ? { hubId } : {}),
        ...(scope === 'event' ? { eventId } : {}),
        ...(scope === 'shift' ? { shiftId: shiftId.trim() } : {}),
      };
      create.mutate(input);
    }
  }

  const fieldNames: Record<string, { id: string; label: string }> = {
    title: { id: 'title', label: t('form.titleUk') },
    hubId: { id: 'hubId', label: t('form.hub') },
    eventId: { id: 'eventId', label: t('form.event') },
    shiftId: { id: 'shiftId', label: t('form.shift') },
    opensAt: { id: 'opensAt', label: t('form.opensDate') },
    closesAt: { id: 'closesAt', label: t('form.closesDate') },
    questions: { id: 'questions', label: t('form.questions') },
  };
  questions.forEach((_, i) => {
    fieldNames[`question-${i}`] = { id: `question-${i}`, label: t('form.questionN', { n: i + 1 }) };
  });

  return (
    <form noValidate onSubmit={submit} aria-label={survey ? t('form.editTitle') : t('form.newTitle')}>
      <h2>{survey ? t('form.editTitle') : t('form.newTitle')}</h2>
      <FormErrorSummary state={errors} fields={fieldNames} />
      {!survey ? (
        <>
          <SelectField
            id="survey-scope"
            label={t('form.scope')}
            value={scope}
            onChange={(e) => setScope(e.target.value as SurveyScope)}
          >
            {cityAdmin ? <option value="network">{t('scope.network')}</option> : null}
            <option value="hub">{t('scope.hub')}</option>
            <option value="event">{t('scope.event')}</option>
            <option value="shift">{t('scope.shift')}</option>
          </SelectField>
          {scope === 'hub' || scope === 'event' ? (
            <SelectField
              id="hubId"
              label={t('form.hub')}
              value={hubId}
              errors={errorsOf('hubId')}
              onChange={(e) => {
                setHubId(e.target.value);
                setEventId('');
              }}
            >
              <option value="">{t('form.chooseHub')}</option>
              {hubs.status === 'ready'
                ? hubs.hubs.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.name}
                    </option>
                  ))
                : null}
            </SelectField>
          ) : null}
          {scope === 'event' ? (
            <SelectField
              id="eventId"
              label={t('form.event')}
              hint={t('form.eventHint')}
              value={eventId}
              errors={errorsOf('eventId')}
              onChange={(e) => setEventId(e.target.value)}
            >
              <option value="">{t('form.chooseEvent')}</option>
              {initial?.eventId && !events.data?.items.some((x) => x.id === initial.eventId) ? (
                <option value={initial.eventId}>{initial.eventId}</option>
              ) : null}
              {(events.data?.items ?? []).map((ev) => (
                <option key={ev.id} value={ev.id}>
                  {localized(ev.title, locale)} — {formatDateTime(ev.start, locale)}
                </option>
              ))}
            </SelectField>
          ) : null}
          {scope === 'shift' ? (
            <TextField
              id="shiftId"
              label={t('form.shift')}
              hint={t('form.shiftHint')}
              value={shiftId}
              errors={errorsOf('shiftId')}
              onChange={(e) => setShiftId(e.target.value)}
            />
          ) : null}
        </>
      ) : null}
      <TextField
        id="title"
        label={t('form.titleUk')}
        required
        maxLength={200}
        value={titleUk}
        errors={errorsOf('title')}
        onChange={(e) => setTitleUk(e.target.value)}
      />
      <TextField
        id="title-en"
        label={t('form.titleEn')}
        required
        maxLength={200}
        value={titleEn}
        onChange={(e) => setTitleEn(e.target.value)}
      />
      <TextAreaField
        id="intro-uk"
        label={t('form.introUk')}
        maxLength={2000}
        rows={3}
        value={introUk}
        onChange={(e) => setIntroUk(e.target.value)}
      />
      <TextAreaField
        id="intro-en"
        label={t('form.introEn')}
        maxLength={2000}
        rows={3}
        value={introEn}
        onChange={(e) => setIntroEn(e.target.value)}
      />
      <div className="survey-builder__row">
        <TextField
          id="opensAt"
          type="date"
          label={t('form.opensDate')}
          value={opensDate}
          errors={errorsOf('opensAt')}
          onChange={(e) => setOpensDate(e.target.value)}
        />
        <TextField
          id="opens-time"
          type="time"
          label={t('form.opensTime')}
          value={opensTime}
          onChange={(e) => setOpensTime(e.target.value)}
        />
        <TextField
          id="closesAt"
          type="date"
          label={t('form.closesDate')}
          value={closesDate}
          errors={errorsOf('closesAt')}
          onChange={(e) => setClosesDate(e.target.value)}
        />
        <TextField
          id="closes-time"
          type="time"
          label={t('form.closesTime')}
          value={closesTime}
          onChange={(e) => setClosesTime(e.target.value)}
        />
      </div>
      <p className="field__hint">{t('form.kyivTime')}</p>

      <h3 id="questions" tabIndex={-1}>
        {t('form.questions')}
      </h3>
      {errorsOf('questions') ? <p className="field__error">{errorsOf('questions')?.join(' ')}</p> : null}
      {questions.map((q, i) => {
        const key = `question-${i}`;
        return (
          <fieldset key={i} className="survey-builder__question" id={key} tabIndex={-1}>
            <legend>{t('form.questionN', { n: i + 1 })}</legend>
            {errorsOf(key) ? <p className="field__error">{errorsOf(key)?.join(' ')}</p> : null}
            <SelectField
              id={`${key}-kind`}
              label={t('form.kind')}
              value={q.kind}
              onChange={(e) => {
                const kind = e.target.value as QuestionKind;
                changeQuestion(i, {
                  kind,
                  options: isChoice(kind) ? (q.options.length ? q.options : blankQuestion(kind).options) : [],
                });
              }}
            >
              {QUESTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`${key}-uk`}
              label={t('form.textUk')}
              maxLength={500}
              value={q.uk}
              onChange={(e) => changeQuestion(i, { uk: e.target.value })}
            />
            <TextField
              id={`${key}-en`}
              label={t('form.textEn')}
              maxLength={500}
              value={q.en}
              onChange={(e) => changeQuestion(i, { en: e.target.value })}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={q.required}
                onChange={(e) => changeQuestion(i, { required: e.target.checked })}
              />{' '}
              {t('form.required')}
            </label>
            {isChoice(q.kind) ? (
              <fieldset className="field--group">
                <legend>{t('form.options')}</legend>
                {q.options.map((o, j) => (
                  <div key={j} className="survey-builder__option">
                    <TextField
                      id={`${key}-o${j}-uk`}
                      label={t('form.optionUk', { n: j + 1 })}
                      maxLength={200}
                      value={o.uk}
                      onChange={(e) =>
                        changeQuestion(i, {
                          options: q.options.map((x, k) => (k === j ? { ...x, uk: e.target.value } : x)),
                        })
                      }
                    />
                    <TextField
                      id={`${key}-o${j}-en`}
                      label={t('form.optionEn', { n: j + 1 })}
                      maxLength={200}
                      value={o.en}
                      onChange={(e) =>
                        changeQuestion(i, {
                          options: q.options.map((x, k) => (k === j ? { ...x, en: e.target.value } : x)),
                        })
                      }
                    />
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={q.options.length <= SURVEY_MIN_OPTIONS}
                      onClick={() => changeQuestion(i, { options: q.options.filter((_, k) => k !== j) })}
                    >
                      {t('form.removeOption', { n: j + 1 })}
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={q.options.length >= SURVEY_MAX_OPTIONS}
                  onClick={() => changeQuestion(i, { options: [...q.options, { uk: '', en: '' }] })}
                >
                  {t('form.addOption')}
                </button>
              </fieldset>
            ) : null}
            <div className="survey-builder__row">
              <button
                type="button"
                className="button button--secondary"
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                {t('form.moveUp', { n: i + 1 })}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={i === questions.length - 1}
                onClick={() => move(i, 1)}
              >
                {t('form.moveDown', { n: i + 1 })}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={questions.length <= 1}
                onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}
              >
                {t('form.removeQuestion', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={questions.length >= SURVEY_MAX_QUESTIONS}
          onClick={() => setQuestions((qs) => [...qs, blankQuestion('single')])}
        >
          {t('form.addQuestion')}
        </button>
      </p>
      <p className="actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('form.saving') : survey ? t('form.save') : t('form.create')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}
