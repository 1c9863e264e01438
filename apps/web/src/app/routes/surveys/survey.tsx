// /surveys/:id — a resident answers a survey. Signing in is needed only to take the one-time
// token (which proves an invitation); the answer itself goes without the account. The token stays
// in this browser until the answer is accepted, so a reload does not lose the chance to answer.
import type { AnswerInput } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { sendAnswer, storedToken, takeToken, useSurvey } from '../../../features/surveys/api';
import { AnswerForm } from '../../../features/surveys/components/answer-form';
import { SurveyFacts } from '../../../features/surveys/components/survey-facts';
import { isApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { formatLocalDate, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { loginPathFor } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/surveys/surveys.css';

export function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const survey = useSurvey(id);
  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  const title = localized(s.title, locale);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      <SurveyFacts survey={s} />
      {s.intro.uk || s.intro.en ? <p className="lead">{localized(s.intro, locale)}</p> : null}
      {s.phase === 'open' ? (
        <Answering surveyId={s.id} questions={s.questions} invitation={s.invitation} />
      ) : s.phase === 'scheduled' ? (
        <p className="notice">{t('page.notYet')}</p>
      ) : s.phase === 'closed' ? (
        <p className="notice">
          {t('page.closed')} <Link to={`/surveys/${s.id}/results`}>{t('page.seeResults')}</Link>
        </p>
      ) : null}
      {s.canManage ? (
        <p>
          <Link to={`/admin/surveys/${s.id}`}>{t('page.manage')}</Link>
        </p>
      ) : null}
    </>
  );
}

type State = 'idle' | 'answered' | 'already';

function Answering({
  surveyId,
  questions,
  invitation,
}: {
  surveyId: string;
  questions: Parameters<typeof AnswerForm>[0]['questions'];
  invitation: 'none' | 'available' | 'issued' | null;
}) {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const location = useLocation();
  const { status } = useAuth();
  const message = useErrorMessage();
  const [token, setToken] = useState<string | null>(() => storedToken(surveyId));
  const [state, setState] = useState<State>('idle');
  const [answeredOn, setAnsweredOn] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (state === 'answered')
    return (
      <SuccessNotice>
        {t('page.thanks')}{' '}
        {answeredOn ? t('page.answeredOn', { date: formatLocalDate(answeredOn, locale) }) : ''}
      </SuccessNotice>
    );
  if (state === 'already') return <p className="notice">{t('page.already')}</p>;

  if (token) {
    const submit = async (answers: AnswerInput[]) => {
      setPending(true);
      setError(null);
      try {
        const receipt = await sendAnswer(surveyId, token, answers);
        setAnsweredOn(receipt.answeredOn);
        setState('answered');
      } catch (e) {
        if (isApiError(e) && e.code === 'invitation_used') setState('already');
        else if (isApiError(e) && e.code === 'invitation_invalid') setToken(null);
        else setError(e);
      } finally {
        setPending(false);
      }
    };
    return (
      <AnswerForm questions={questions} pending={pending} error={error} onSubmit={(a) => void submit(a)} />
    );
  }

  if (status === 'restoring') return <Loading />;
  if (status === 'signed_out')
    return (
      <p className="notice">
        {t('page.signInFirst')} <Link to={loginPathFor(location)}>{t('page.signIn')}</Link>
      </p>
    );
  if (invitation === 'issued') return <p className="notice">{t('page.already')}</p>;
  if (invitation !== 'available') return <p className="notice">{t('page.notInvited')}</p>;

  const start = async () => {
    setPending(true);
    setError(null);
    try {
      setToken(await takeToken(surveyId));
    } catch (e) {
      if (isApiError(e) && e.code === 'invitation_issued') setState('already');
      else setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <div>
      <p>{t('page.howAnonymous')}</p>
      {error ? (
        <p className="form-summary" role="alert">
          {message(error)}
        </p>
      ) : null}
      <button type="button" className="button" disabled={pending} onClick={() => void start()}>
        {t('page.start')}
      </button>
    </div>
  );
}
