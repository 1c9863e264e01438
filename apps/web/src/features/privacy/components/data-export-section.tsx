// "Download my data" in the account page: ask for an archive, watch it being prepared, download it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SuccessNotice } from '../../../components/status';
import { useErrorMessage } from '../../../lib/errors';
import { useDataExports, usePrivacyInfo, useRequestDataExport } from '../api';
import { ACCOUNT_SECTIONS, PRIVACY_PATH } from '../paths';
import { DataExportList } from './data-export-list';

export function DataExportSection() {
  const { t } = useTranslation('privacy');
  const errorMessage = useErrorMessage();
  const info = usePrivacyInfo();
  const exports = useDataExports(null);
  const [requested, setRequested] = useState(false);
  const request = useRequestDataExport({ onSuccess: () => setRequested(true) });
  const preparing = !!exports.data?.items.some((e) => e.status === 'pending');

  return (
    <section
      className="card account-section"
      id={ACCOUNT_SECTIONS.dataExport}
      aria-labelledby="data-export-title"
      tabIndex={-1}
    >
      <h2 id="data-export-title">{t('exports.title')}</h2>
      <p>
        {t('exports.intro')}{' '}
        {info.data ? t('exports.availableDays', { count: info.data.retention.exportDays }) : null}{' '}
        <Link to={PRIVACY_PATH}>{t('exports.aboutLink')}</Link>
      </p>
      <SuccessNotice>{requested ? t('exports.requested') : null}</SuccessNotice>
      {request.error ? (
        <p className="field__error" role="alert">
          {errorMessage(request.error)}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={preparing || request.isPending}
          aria-busy={request.isPending || undefined}
          aria-describedby={preparing ? 'data-export-pending-hint' : undefined}
          onClick={() => {
            setRequested(false);
            request.mutate({ userId: null });
          }}
        >
          {t('exports.request')}
        </button>
      </div>
      {preparing ? (
        <p className="field__hint" id="data-export-pending-hint">
          {t('exports.pendingHint')}
        </p>
      ) : null}
      <DataExportList query={exports} label={t('exports.listLabel')} />
    </section>
  );
}
