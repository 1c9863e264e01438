// The reports editor (city admin, /admin/reports): build a draft for a quarter or year that has
// ended, list the reports with their drafts, and for the chosen one (?period=) write the
// narratives in both languages, rebuild it from today's figures, preview it and publish it after
// a confirmation. The API refuses periods not over yet and any change to a published report.
import {
  REPORT_SECTIONS,
  type Report,
  type ReportNarrativesPatch,
  type ReportSection,
  toKyiv,
} from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { SelectField, TextAreaField } from '../../../components/field';
import { FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import {
  REPORTS_PAGE,
  useAllReports,
  useBuildDraft,
  useDraft,
  usePublishReport,
  useSaveNarratives,
} from '../../../features/reports/api';
import { ReportView } from '../../../features/reports/components/report-view';
import { periodName } from '../../../features/reports/format';
import { useErrorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { offsetParam, withSearchChanges, withoutSearchKeys } from '../../../lib/search-params';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/reports/reports.css';

export function AdminReportsPage() {
  return (
    <RequireCityAdmin>
      <ReportsEditor />
    </RequireCityAdmin>
  );
}

function ReportsEditor() {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const period = params.get('period');
  const [notice, setNotice] = useState('');
  const choose = (next: string | null) =>
    setParams(next ? withSearchChanges(params, { period: next }) : withoutSearchKeys(params, ['period']));

  return (
    <article aria-labelledby="admin-reports-title">
      <PageTitle>{t('admin.title')}</PageTitle>
      <h1 id="admin-reports-title">{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro')}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      {period ? (
        <DraftEditor period={period} onDone={setNotice} onBack={() => choose(null)} />
      ) : (
        <>
          <BuildForm
            onBuilt={(r) => {
              setNotice(t('admin.built', { period: periodName(r.period, t) }));
              choose(r.period);
            }}
          />
          <ReportList onChoose={choose} />
        </>
      )}
    </article>
  );
}

function BuildForm({ onBuilt }: { onBuilt(r: Report): void }) {
  const { t } = useTranslation('reports');
  const { t: tAll } = useTranslation();
  const today = toKyiv(new Date()).date;
  const thisYear = Number(today.slice(0, 4));
  const [kind, setKind] = useState<'quarter' | 'year'>('quarter');
  const [year, setYear] = useState(String(thisYear));
  const [quarter, setQuarter] = useState('1');
  const build = useBuildDraft(onBuilt);
  const years = Array.from({ length: thisYear - 2020 + 1 }, (_, i) => String(thisYear - i));
  const errors = formErrorState(tAll, {
    apiError: build.error,
    codeToField: { period_incomplete: 'period' },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    build.mutate(kind === 'year' ? year : `${year}-Q${quarter}`);
  }

  return (
    <section className="card" aria-labelledby="report-build-title">
      <h2 id="report-build-title">{t('admin.buildTitle')}</h2>
      <FormErrorSummary state={errors} fields={{ period: { id: 'report-year', label: t('admin.year') } }} />
      <form className="report-build" onSubmit={submit} noValidate>
        <SelectField
          label={t('admin.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as 'quarter' | 'year')}
        >
          <option value="quarter">{t('admin.kindQuarter')}</option>
          <option value="year">{t('admin.kindYear')}</option>
        </SelectField>
        <SelectField
          id="report-year"
          label={t('admin.year')}
          value={year}
          errors={errors.byField.period}
          onChange={(e) => setYear(e.currentTarget.value)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        {kind === 'quarter' ? (
          <SelectField
            label={t('admin.quarter')}
            value={quarter}
            onChange={(e) => setQuarter(e.currentTarget.value)}
          >
            {['1', '2', '3', '4'].map((q) => (
              <option key={q} value={q}>
                {['I', 'II', 'III', 'IV'][Number(q) - 1]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <button type="submit" className="button" disabled={build.isPending}>
          {t('admin.build')}
        </button>
      </form>
    </section>
  );
}

function ReportList({ onChoose }: { onChoose(period: string): void }) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const offset = offsetParam(params);
  const list = useAllReports(offset);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState>{t('admin.empty')}</EmptyState>;
  return (
    <>
      <ScrollRegion label={t('admin.listCaption')}>
        <table className="table report-table" aria-busy={list.isPlaceholderData || undefined}>
          <caption>{t('admin.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.period')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.builtAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => {
              const name = periodName(r.period, t);
              return (
                <tr key={r.period}>
                  <th scope="row">{name}</th>
                  <td>{r.status === 'draft' ? t('admin.statusDraft') : t('admin.statusPublished')}</td>
                  <td>{formatDateTime(r.builtAt, locale)}</td>
                  <td>
                    {r.status === 'draft' ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => onChoose(r.period)}
                      >
                        {t('admin.edit', { period: name })}
                      </button>
                    ) : (
                      <Link to={`/reports/${r.period}`}>{t('admin.view', { period: name })}</Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination
        total={list.data.total}
        limit={REPORTS_PAGE}
        offset={offset}
        label={t('admin.paging')}
        onChange={(next) => setParams(withSearchChanges(params, { offset: next }))}
      />
    </>
  );
}

function DraftEditor({
  period,
  onDone,
  onBack,
}: {
  period: string;
  onDone(text: string): void;
  onBack(): void;
}) {
  const { t } = useTranslation('reports');
  const draft = useDraft(period);
  return (
    <>
      <p>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('admin.back')}
        </button>
      </p>
      {draft.isPending ? (
        <Loading />
      ) : draft.isError ? (
        <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />
      ) : (
        <DraftForms report={draft.data} onDone={onDone} />
      )}
    </>
  );
}

type Texts = Record<ReportSection, { uk: string; en: string }>;

function DraftForms({ report, onDone }: { report: Report; onDone(text: string): void }) {
  const { t } = useTranslation('reports');
  const { t: tAll } = useTranslation();
  const locale = useLocale();
  const message = useErrorMessage();
  const name = periodName(report.period, t);
  const [texts, setTexts] = useState<Texts>(report.narratives);
  const [confirming, setConfirming] = useState(false);
  const save = useSaveNarratives(() => onDone(t('admin.saved')));
  const rebuild = useBuildDraft(() => onDone(t('admin.built', { period: name })));
  const publish = usePublishReport(() => {
    setConfirming(false);
    onDone(t('admin.published', { period: name }));
  });
  const errors = formErrorState(tAll, {
    apiError: save.error,
    fieldForPath: (path) => path.replace(/^\/narratives\//, '').replace('/', '.'),
  });
  const fieldId = (s: ReportSection, l: 'uk' | 'en') => `narrative-${s}-${l}`;
  const fields = Object.fromEntries(
    REPORT_SECTIONS.flatMap((s) =>
      (['uk', 'en'] as const).map((l) => [
        `${s}.${l}`,
        {
          id: fieldId(s, l),
          label: t(l === 'uk' ? 'admin.narrativeUk' : 'admin.narrativeEn', { section: t(`sections.${s}`) }),
        },
      ]),
    ),
  );

  if (report.status === 'published')
    return (
      <div className="notice notice--success">
        <p>{t('admin.notDraft')}</p>
        <p>
          <Link to={`/reports/${report.period}`}>{t('admin.view', { period: name })}</Link>
        </p>
      </div>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const patch: ReportNarrativesPatch = { narratives: texts };
    save.mutate({ period: report.period, patch });
  }

  return (
    <>
      <h2>{t('admin.editing', { name })}</h2>
      <p>
        {t('admin.builtAt')}: {formatDateTime(report.builtAt, locale)}
      </p>
      <div className="report-links">
        <button
          type="button"
          className="button button--secondary"
          disabled={rebuild.isPending}
          onClick={() => rebuild.mutate(report.period)}
        >
          {t('admin.rebuild')}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('admin.publish')}
        </button>
      </div>
      {rebuild.isError ? <p className="notice notice--warning">{message(rebuild.error)}</p> : null}
      <form className="report-narratives" onSubmit={submit} noValidate>
        <h3>{t('admin.narratives')}</h3>
        <FormErrorSummary state={errors} fields={fields} />
        {REPORT_SECTIONS.map((s) => (
          <fieldset key={s}>
            <legend>{t(`sections.${s}`)}</legend>
            {(['uk', 'en'] as const).map((l) => (
              <TextAreaField
                key={l}
                id={fieldId(s, l)}
                lang={l}
                label={fields[`${s}.${l}`]!.label}
                hint={t('admin.narrativeHint')}
                maxLength={4000}
                rows={3}
                value={texts[s][l]}
                errors={errors.byField[`${s}.${l}`]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setTexts((old) => ({ ...old, [s]: { ...old[s], [l]: value } }));
                }}
              />
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button" disabled={save.isPending}>
          {t('admin.save')}
        </button>
      </form>
      <section aria-labelledby="report-preview-title">
        <h2 id="report-preview-title">{t('admin.preview')}</h2>
        <ReportView report={{ ...report, narratives: texts }} headingLevel={3} />
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('admin.publishTitle', { period: name })}
        confirmLabel={t('admin.publishConfirm')}
        cancelLabel={t('admin.cancel')}
        pending={save.isPending || publish.isPending}
        error={publish.isError ? message(publish.error) : save.isError ? message(save.error) : undefined}
        tone="primary"
        onConfirm={() =>
          // What the form shows is what gets published: the narratives are saved first.
          save.mutate(
            { period: report.period, patch: { narratives: texts } },
            { onSuccess: () => publish.mutate(report.period) },
          )
        }
        onCancel={() => setConfirming(false)}
      >
        <p>{t('admin.publishText')}</p>
      </ConfirmDialog>
    </>
  );
}
