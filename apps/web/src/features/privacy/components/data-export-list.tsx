// Data exports, newest first: when each was asked for, its state (being prepared, ready, failed,
// expired), until when it can be downloaded, its size, and a button that downloads it with the
// session's token. An archive that becomes ready while the page is open is announced.
import type { DataExport } from '@vcentri/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useDownloadDataExport } from '../api';
import { formatBytes } from '../labels';

interface DataExportListProps {
  query: UseQueryResult<{ items: DataExport[] }>;
  label: string;
}

export function DataExportList({ query, label }: DataExportListProps) {
  const { t } = useTranslation('privacy');
  const [announcement, setAnnouncement] = useState('');
  const pendingIds = useRef<Set<string> | null>(null);
  const items = query.data?.items;

  useEffect(() => {
    if (!items) return;
    const before = pendingIds.current;
    if (before && items.some((e) => e.status === 'ready' && before.has(e.id)))
      setAnnouncement(t('exports.nowReady'));
    pendingIds.current = new Set(items.filter((e) => e.status === 'pending').map((e) => e.id));
  }, [items, t]);

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('exports.empty')}</EmptyState>
      ) : (
        <ul className="privacy-list" aria-label={label}>
          {query.data.items.map((dataExport) => (
            <li key={dataExport.id}>
              <DataExportItem dataExport={dataExport} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DataExportItem({ dataExport }: { dataExport: DataExport }) {
  const { t } = useTranslation('privacy');
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const download = useDownloadDataExport();
  const titleId = `data-export-${dataExport.id}`;
  const requested = formatDateTime(dataExport.requestedAt, locale);
  const gone = isApiError(download.error) && download.error.status === 404;

  return (
    <article aria-labelledby={titleId} data-testid="data-export">
      <h3 id={titleId} className="data-export__title">
        {t('exports.requestedAt', { date: requested })}{' '}
        <span className={`badge badge--export-${dataExport.status}`}>
          {t(`exports.status.${dataExport.status}`)}
        </span>
      </h3>
      {dataExport.byStaff ? <p className="muted">{t('exports.byStaff')}</p> : null}
      {dataExport.status === 'pending' ? (
        <p className="status--loading">
          <span className="spinner" aria-hidden="true" />
          {t('exports.preparing')}
        </p>
      ) : null}
      {dataExport.status === 'failed' ? <p>{t('exports.failed')}</p> : null}
      {dataExport.status === 'expired' ? <p>{t('exports.expired')}</p> : null}
      {dataExport.status === 'ready' || dataExport.status === 'expired' ? (
        <dl className="facts">
          {dataExport.readyAt ? (
            <div>
              <dt>{t('exports.readyAt')}</dt>
              <dd>{formatDateTime(dataExport.readyAt, locale)}</dd>
            </div>
          ) : null}
          {dataExport.expiresAt ? (
            <div>
              <dt>{t(dataExport.status === 'ready' ? 'exports.expiresAt' : 'exports.expiredAt')}</dt>
              <dd>{formatDateTime(dataExport.expiresAt, locale)}</dd>
            </div>
          ) : null}
          {dataExport.bytes !== null ? (
            <div>
              <dt>{t('exports.size')}</dt>
              <dd>{formatBytes(dataExport.bytes, locale, t)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {download.error ? (
        <p className="field__error" role="alert">
          {gone ? t('exports.downloadGone') : errorMessage(download.error)}
        </p>
      ) : null}
      {dataExport.status === 'ready' ? (
        <button
          type="button"
          className="button"
          disabled={download.isPending}
          aria-busy={download.isPending || undefined}
          aria-label={`${t('exports.download')} ${t('exports.downloadContext', { date: requested })}`}
          onClick={() => download.mutate(dataExport)}
        >
          {t('exports.download')}
        </button>
      ) : null}
    </article>
  );
}
