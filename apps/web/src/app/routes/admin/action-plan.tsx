// The action plan editor (city admin): commitments with their indicators, a value per quarter,
// and deletion of mistakes after a confirmation. The public page shows the same data.
import type { CommitmentView, IndicatorView } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ScrollRegion } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import {
  useActionPlan,
  useDeleteCommitment,
  useDeleteIndicator,
  useDeleteValue,
} from '../../../features/action-plan/api/action-plan';
import { ProgressBar } from '../../../features/action-plan/components/indicator-card';
import {
  CommitmentForm,
  IndicatorForm,
  ValueForm,
} from '../../../features/action-plan/components/plan-forms';
import { formatFigure, formatPercent, formatQuarter } from '../../../features/action-plan/format';
import { formatDateTime, localized } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/errors';
import { useLocale } from '../../../lib/i18n';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/action-plan/action-plan.css';

export function AdminActionPlanPage() {
  return (
    <RequireCityAdmin>
      <ActionPlanEditor />
    </RequireCityAdmin>
  );
}

type Pending =
  | { kind: 'commitment'; id: string; name: string }
  | { kind: 'indicator'; id: string; name: string }
  | { kind: 'value'; id: string; quarter: string; name: string };

function ActionPlanEditor() {
  const { t } = useTranslation('actionPlan');
  const locale = useLocale();
  const plan = useActionPlan();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const message = useErrorMessage();
  const done = (text: string) => () => {
    setPending(null);
    setNotice(text);
  };
  const deleteCommitment = useDeleteCommitment(done(t('admin.deleted')));
  const deleteIndicator = useDeleteIndicator(done(t('admin.deleted')));
  const deleteValue = useDeleteValue(done(t('admin.deleted')));
  const deletion =
    pending?.kind === 'commitment'
      ? deleteCommitment
      : pending?.kind === 'indicator'
        ? deleteIndicator
        : deleteValue;

  function confirm() {
    if (!pending) return;
    if (pending.kind === 'commitment') deleteCommitment.mutate(pending.id);
    else if (pending.kind === 'indicator') deleteIndicator.mutate(pending.id);
    else deleteValue.mutate({ id: pending.id, quarter: pending.quarter });
  }

  return (
    <>
      <PageTitle>{t('admin.title')}</PageTitle>
      <h1>{t('admin.title')}</h1>
      <p className="muted">
        {t('admin.intro')} <Link to="/open-government">{t('admin.publicLink')}</Link>
      </p>
      <SuccessNotice>{notice}</SuccessNotice>
      {adding ? (
        <CommitmentForm
          onDone={() => {
            setAdding(false);
          }}
        />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('admin.addCommitment')}
          </button>
        </p>
      )}
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.data.commitments.length === 0 ? (
        <EmptyState>{t('admin.empty')}</EmptyState>
      ) : (
        <ul className="ap-admin-list" aria-label={t('listLabel')}>
          {plan.data.commitments.map((c) => (
            <li key={c.id}>
              <CommitmentPanel
                commitment={c}
                onDelete={(p) => {
                  deletion.reset();
                  setPending(p);
                }}
                onSaved={setNotice}
              />
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t(`admin.confirm.${pending.kind}.title`) : ''}
        confirmLabel={t('admin.confirm.delete')}
        cancelLabel={t('form.cancel')}
        pending={deletion.isPending}
        error={deletion.error ? message(deletion.error) : undefined}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending
          ? t(`admin.confirm.${pending.kind}.text`, {
              name: pending.name,
              quarter: pending.kind === 'value' ? formatQuarter(pending.quarter, locale) : '',
            })
          : null}
      </ConfirmDialog>
    </>
  );
}

function CommitmentPanel({
  commitment: c,
  onDelete,
  onSaved,
}: {
  commitment: CommitmentView;
  onDelete(p: Pending): void;
  onSaved(text: string): void;
}) {
  const { t } = useTranslation('actionPlan');
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [addingIndicator, setAddingIndicator] = useState(false);
  const title = localized(c.title, locale);
  const headingId = `admin-commitment-${c.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title} {c.isDemo ? <span className="badge badge--demo">{t('demo')}</span> : null}
      </h2>
      <p className="muted">{t('department', { department: localized(c.department, locale) })}</p>
      {editing ? (
        <CommitmentForm
          commitment={c}
          onDone={() => {
            setEditing(false);
            onSaved(t('admin.saved'));
          }}
        />
      ) : (
        <div className="ap-actions">
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setEditing(true)}
          >
            {t('admin.edit')} <span className="visually-hidden">{title}</span>
          </button>
          <button
            type="button"
            className="button button--small button--danger-outline"
            onClick={() => onDelete({ kind: 'commitment', id: c.id, name: title })}
          >
            {t('admin.delete')} <span className="visually-hidden">{title}</span>
          </button>
        </div>
      )}
      {c.indicators.length === 0 ? (
        <EmptyState>{t('noIndicators')}</EmptyState>
      ) : (
        <ul className="ap-admin-indicators" aria-label={t('admin.indicatorsOf', { commitment: title })}>
          {c.indicators.map((i) => (
            <li key={i.id} className="ap-admin-indicator">
              <IndicatorPanel indicator={i} onDelete={onDelete} onSaved={onSaved} />
            </li>
          ))}
        </ul>
      )}
      {addingIndicator ? (
        <IndicatorForm
          commitmentId={c.id}
          onDone={() => {
            setAddingIndicator(false);
          }}
        />
      ) : (
        <p>
          <button type="button" className="button button--small" onClick={() => setAddingIndicator(true)}>
            {t('admin.addIndicator')} <span className="visually-hidden">— {title}</span>
          </button>
        </p>
      )}
    </section>
  );
}

function IndicatorPanel({
  indicator: i,
  onDelete,
  onSaved,
}: {
  indicator: IndicatorView;
  onDelete(p: Pending): void;
  onSaved(text: string): void;
}) {
  const { t } = useTranslation('actionPlan');
  const locale = useLocale();
  const [mode, setMode] = useState<'view' | 'edit' | 'record'>('view');
  const [recordQuarter, setRecordQuarter] = useState<string | undefined>();
  const title = localized(i.title, locale);
  const unit = localized(i.unit, locale);
  return (
    <>
      <h3>{title}</h3>
      <p>
        {t('admin.summary', {
          baseline: `${formatFigure(i.baseline, locale)} ${unit}`,
          target: `${formatFigure(i.target, locale)} ${unit}`,
          quarter: formatQuarter(i.targetQuarter, locale),
        })}{' '}
        ({i.higherIsBetter ? t('indicator.higherIsBetter') : t('indicator.lowerIsBetter')})
      </p>
      {i.progress !== null ? (
        <>
          <p>{t('indicator.progress', { percent: formatPercent(i.progress, locale) })}</p>
          <ProgressBar value={i.progress} label={t('indicator.progressLabel', { indicator: title })} />
        </>
      ) : null}
      {mode === 'edit' ? (
        <IndicatorForm
          commitmentId={i.commitmentId}
          indicator={i}
          onDone={() => {
            setMode('view');
            onSaved(t('admin.saved'));
          }}
        />
      ) : mode === 'record' ? (
        <ValueForm
          indicator={i}
          quarter={recordQuarter}
          onDone={() => {
            setMode('view');
            onSaved(t('admin.recorded'));
          }}
        />
      ) : (
        <div className="ap-actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setRecordQuarter(undefined);
              setMode('record');
            }}
          >
            {t('admin.recordValue')} <span className="visually-hidden">— {title}</span>
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setMode('edit')}
          >
            {t('admin.edit')} <span className="visually-hidden">{title}</span>
          </button>
          <button
            type="button"
            className="button button--small button--danger-outline"
            onClick={() => onDelete({ kind: 'indicator', id: i.id, name: title })}
          >
            {t('admin.delete')} <span className="visually-hidden">{title}</span>
          </button>
        </div>
      )}
      {i.values.length === 0 ? (
        <p className="muted">{t('indicator.noValues')}</p>
      ) : (
        <ScrollRegion label={t('table.label', { indicator: title })}>
          <table className="table">
            <caption>{t('table.caption', { indicator: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.quarter')}</th>
                <th scope="col">{t('table.value', { unit })}</th>
                <th scope="col">{t('table.progress')}</th>
                <th scope="col">{t('table.note')}</th>
                <th scope="col">{t('table.recorded')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...i.values].reverse().map((v) => {
                const quarter = formatQuarter(v.quarter, locale);
                return (
                  <tr key={v.quarter}>
                    <th scope="row">{quarter}</th>
                    <td>{formatFigure(v.value, locale)}</td>
                    <td>{formatPercent(v.progress, locale)}</td>
                    <td>{localized(v.note, locale) || '—'}</td>
                    <td className="nowrap">{formatDateTime(v.recordedAt, locale)}</td>
                    <td>
                      <div className="ap-actions">
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          onClick={() => {
                            setRecordQuarter(v.quarter);
                            setMode('record');
                          }}
                        >
                          {t('admin.change')} <span className="visually-hidden">{quarter}</span>
                        </button>
                        <button
                          type="button"
                          className="button button--small button--danger-outline"
                          onClick={() =>
                            onDelete({ kind: 'value', id: i.id, quarter: v.quarter, name: title })
                          }
                        >
                          {t('admin.delete')} <span className="visually-hidden">{quarter}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
