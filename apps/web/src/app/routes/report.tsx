// One published report (/reports/:period): its dates and publication, the PDF in either language
// and the JSON, every section (features/reports/components/report-view.tsx), and its checksum with
// a button that has the server recompute it from what is stored.
import { REPORT_HASH_ALGORITHM, type Report } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/status';
import { reportJsonUrl, reportPdfUrl, useReport, useVerifyReport } from '../../features/reports/api';
import { ReportView } from '../../features/reports/components/report-view';
import { periodName } from '../../features/reports/format';
import { isApiError } from '../../lib/api-client';
import { useErrorMessage } from '../../lib/errors';
import { formatCalendarDate, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { PageTitle } from '../page-title';
import '../../features/reports/reports.css';

export function ReportPage() {
  const { period = '' } = useParams();
  const { t } = useTranslation('reports');
  const report = useReport(period);
  const missing =
    report.isError &&
    isApiError(report.error) &&
    (report.error.status === 404 || report.error.status === 400);

  if (report.isPending) return <Loading />;
  if (missing)
    return (
      <article aria-labelledby="report-title">
        <PageTitle>{t('report.notFoundTitle')}</PageTitle>
        <h1 id="report-title">{t('report.notFoundTitle')}</h1>
        <p>{t('report.notFoundText', { period })}</p>
        <p>
          <Link to="/reports">{t('list.title')}</Link>
        </p>
      </article>
    );
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  return <PublishedReport report={report.data} />;
}

function PublishedReport({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const name = periodName(report.period, t);
  const title = t('report.title', { name });
  return (
    <article aria-labelledby="report-title">
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to="/reports">{t('list.title')}</Link>
      </p>
      <h1 id="report-title">{title}</h1>
      <p className="lead">
        {t('report.dates', {
          from: formatCalendarDate(report.from, locale),
          to: formatCalendarDate(report.to, locale),
        })}
        {report.publishedAt
          ? ` · ${t('report.publishedAt', { date: formatDate(report.publishedAt, locale) })}`
          : null}
      </p>
      <ul className="report-links">
        <li>
          <a
            className="button button--secondary"
            href={reportPdfUrl(report.period, 'uk')}
            hrefLang="uk"
            type="application/pdf"
          >
            {t('report.pdf')}
          </a>
        </li>
        <li>
          <a
            className="button button--secondary"
            href={reportPdfUrl(report.period, 'en')}
            hrefLang="en"
            type="application/pdf"
          >
            {t('report.pdfEn')}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href={reportJsonUrl(report.period)} type="application/json">
            {t('hash.json')}
          </a>
        </li>
      </ul>
      <ReportView report={report} />
      <HashCheck report={report} />
    </article>
  );
}

function HashCheck({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const verify = useVerifyReport();
  const message = useErrorMessage();
  return (
    <section className="card" aria-labelledby="report-hash-title">
      <h2 id="report-hash-title">{t('hash.title')}</h2>
      <p>{t('hash.text', { rule: REPORT_HASH_ALGORITHM })}</p>
      <p className="report-hash" data-testid="report-hash">
        {report.hash}
      </p>
      <button
        type="button"
        className="button"
        disabled={verify.isPending}
        onClick={() => verify.mutate(report.period)}
      >
        {t('hash.verify')}
      </button>
      <div role="status" aria-live="polite">
        {verify.isSuccess ? (
          <p
            className={`notice ${verify.data.valid ? 'notice--success' : 'notice--warning'}`}
            data-testid="report-verdict"
          >
            {verify.data.valid ? t('hash.valid') : t('hash.invalid')}
          </p>
        ) : null}
        {verify.isError ? <p className="notice notice--warning">{message(verify.error)}</p> : null}
      </div>
    </section>
  );
}
