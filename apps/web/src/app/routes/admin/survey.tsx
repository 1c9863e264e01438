// /admin/surveys/:id — one survey for its staff: its facts and counts; editing until it opens;
// publishing a draft, closing an open one early, deleting a draft (each confirmed first); and the
// results with the free text.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useDeleteSurvey, useSurvey, useSurveyAction, useSurveyResults } from '../../../features/surveys/api';
import { ResultsView } from '../../../features/surveys/components/results-view';
import { SurveyFacts } from '../../../features/surveys/components/survey-facts';
import { SurveyForm } from '../../../features/surveys/components/survey-form';
import { useErrorMessage } from '../../../lib/errors';
import { formatCount, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/surveys/surveys.css';

type Pending = 'publish' | 'close' | 'delete' | null;

export function AdminSurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const survey = useSurvey(id);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Pending>(null);
  const [done, setDone] = useState<string | null>(null);
  const publish = useSurveyAction('publish', {
    onSuccess: () => {
      setConfirm(null);
      setDone(t('detail.published'));
    },
  });
  const close = useSurveyAction('close', {
    onSuccess: () => {
      setConfirm(null);
      setDone(t('detail.closedNow'));
    },
  });
  const remove = useDeleteSurvey({ onSuccess: () => void navigate('/admin/surveys') });
  const canManage = survey.data?.canManage ?? false;
  const results = useSurveyResults(id, canManage && survey.data?.phase !== 'draft');

  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  const title = localized(s.title, locale);
  if (!s.canManage)
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <h1>{title}</h1>
        <NoAccess />
      </>
    );
  const editable = s.phase === 'draft' || s.phase === 'scheduled';
  const action = confirm === 'publish' ? publish : confirm === 'close' ? close : remove;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to="/admin/surveys">{t('detail.back')}</Link>
      </p>
      <h1>{title}</h1>
      <SuccessNotice>{done}</SuccessNotice>
      <SurveyFacts survey={s} />
      {s.counts ? (
        <p>
          {t('detail.counts', {
            invited: formatCount(s.counts.invited, locale),
            responses: formatCount(s.counts.responses, locale),
          })}
        </p>
      ) : null}
      <p className="actions">
        {editable && !editing ? (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t('detail.edit')}
          </button>
        ) : null}
        {s.phase === 'draft' ? (
          <>
            <button type="button" className="button" onClick={() => setConfirm('publish')}>
              {t('detail.publish')}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirm('delete')}>
              {t('detail.delete')}
            </button>
          </>
        ) : null}
        {s.phase === 'open' ? (
          <button type="button" className="button button--danger" onClick={() => setConfirm('close')}>
            {t('detail.close')}
          </button>
        ) : null}
        {s.phase !== 'draft' ? <Link to={`/surveys/${s.id}`}>{t('detail.publicPage')}</Link> : null}
      </p>
      {editing ? (
        <div className="card">
          <SurveyForm
            survey={s}
            onSaved={() => {
              setEditing(false);
              setDone(t('detail.saved'));
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : null}
      {s.phase === 'draft' ? null : (
        <section>
          <h2>{t('detail.results')}</h2>
          {results.isPending ? (
            <Loading />
          ) : results.isError ? (
            <ErrorState error={results.error} onRetry={() => void results.refetch()} />
          ) : (
            <ResultsView results={results.data} />
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(`detail.confirm.${confirm}.title`) : ''}
        confirmLabel={confirm ? t(`detail.confirm.${confirm}.yes`) : ''}
        cancelLabel={t('detail.confirm.cancel')}
        tone={confirm === 'publish' ? 'primary' : 'danger'}
        pending={action.isPending}
        error={action.error ? message(action.error) : undefined}
        onConfirm={() => action.mutate(s.id)}
        onCancel={() => {
          setConfirm(null);
          action.reset();
        }}
      >
        <p>{confirm ? t(`detail.confirm.${confirm}.text`) : ''}</p>
      </ConfirmDialog>
    </>
  );
}
