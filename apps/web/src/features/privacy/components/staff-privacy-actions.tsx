// A city administrator acting on a person's written request (someone who cannot use the portal):
// prepare an archive of their data and download it, or erase their account. Both ask for the
// request (kept in the audit log with the action); erasing names its consequences first.
import type { AdminUser } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/reason-dialog';
import { SuccessNotice } from '../../../components/status';
import { useEraseUser } from '../../users/api/admin-users';
import { useDataExports, useRequestDataExport } from '../api';
import { DataExportList } from './data-export-list';
import { ErasureConsequences } from './erasure-consequences';

/** The API's least length of a written request's description (StaffPrivacyBody). */
const REASON_MIN_LENGTH = 5;

interface StaffPrivacyActionsProps {
  user: AdminUser;
  /** Called once the account is erased (the list reads the accounts again). */
  onErased(user: AdminUser): void;
}

export function StaffPrivacyActions({ user, onErased }: StaffPrivacyActionsProps) {
  const { t } = useTranslation('privacy');
  const [dialog, setDialog] = useState<'export' | 'erase' | null>(null);
  const [showExports, setShowExports] = useState(false);
  const [requested, setRequested] = useState(false);
  const exports = useDataExports(user.id, { enabled: showExports });
  const request = useRequestDataExport({
    onSuccess: () => {
      setDialog(null);
      setShowExports(true);
      setRequested(true);
    },
  });
  const erase = useEraseUser({
    onSuccess: () => {
      setDialog(null);
      onErased(user);
    },
  });
  const who = `${user.name} (${user.email})`;
  const context = t('staff.context', { user: user.email });
  const exportsId = `staff-exports-${user.id}`;
  const reasonProps = {
    cancelLabel: t('staff.keep'),
    reasonLabel: t('staff.reason'),
    reasonHint: t('staff.reasonHint'),
    requiredMessage: t('staff.reasonRequired'),
    minLength: REASON_MIN_LENGTH,
    onClose: () => setDialog(null),
  };

  return (
    <div className="staff-privacy">
      <h3 className="user-card__subtitle">{t('staff.title')}</h3>
      <p className="muted">{t('staff.hint')}</p>
      {requested ? <SuccessNotice>{t('staff.exportRequested', { user: user.email })}</SuccessNotice> : null}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          aria-label={`${t('staff.export')} ${context}`}
          onClick={() => {
            request.reset();
            setRequested(false);
            setDialog('export');
          }}
        >
          {t('staff.export')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-label={`${t('staff.showExports')} ${context}`}
          aria-expanded={showExports}
          aria-controls={showExports ? exportsId : undefined}
          onClick={() => setShowExports((shown) => !shown)}
        >
          {t('staff.showExports')}
        </button>
        <button
          type="button"
          className="button button--danger-outline"
          aria-label={`${t('staff.erase')} ${context}`}
          onClick={() => {
            erase.reset();
            setDialog('erase');
          }}
        >
          {t('staff.erase')}
        </button>
      </div>
      {showExports ? (
        <div id={exportsId}>
          <DataExportList query={exports} label={t('staff.exportsTitle', { user: user.email })} />
        </div>
      ) : null}
      <ReasonDialog
        {...reasonProps}
        open={dialog === 'export'}
        tone="primary"
        title={t('staff.exportTitle', { user: who })}
        confirmLabel={t('staff.exportConfirm')}
        pending={request.isPending}
        error={request.error}
        onConfirm={(reason) => request.mutate({ userId: user.id, reason })}
      >
        <p>{t('staff.exportText')}</p>
      </ReasonDialog>
      <ReasonDialog
        {...reasonProps}
        open={dialog === 'erase'}
        title={t('staff.eraseTitle', { user: who })}
        confirmLabel={t('staff.eraseConfirm')}
        pending={erase.isPending}
        error={erase.error}
        onConfirm={(reason) => erase.mutate({ userId: user.id, reason })}
      >
        <p>{t('staff.eraseText')}</p>
        <ErasureConsequences />
      </ReasonDialog>
    </div>
  );
}
