// Certificates an issuer gave (mounted at /admin/certificates): for an organisation's
// owners, their organisation's; for city admins, the city's own (`?issuer=city`) or any
// organisation's (`?issuer={id}`, linked from a program's page). Each shows what it certifies and
// its status; a valid one can be revoked with a reason, after confirmation.
import type { Certificate } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useIssuedCertificates, useRevokeCertificate } from '../../../features/certificates/api';
import {
  CertificateFacts,
  CertificateStatusBadge,
  RevokedNote,
} from '../../../features/certificates/components/certificate-details';
import { type IssuerChoice, issuerChoicesOf } from '../../../features/certificates/issuers';
import { CITY_ISSUER, groupedCode } from '../../../features/certificates/paths';
import { ReasonDialog } from '../../../components/reason-dialog';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { offsetParam, type SearchChanges, withSearchChanges } from '../../../lib/search-params';
import { loginPathFor, NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/certificates/certificates.css';

const LIMIT = 20;

export function AdminCertificatesPage() {
  const { t } = useTranslation('certificates');
  const { status, me } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  const choices = issuerChoicesOf(me);
  const asked = params.get('issuer');
  // A city admin may open any organisation's list (from its program's page).
  const issuer =
    asked && (choices.some((c) => c.value === asked) || isCityAdmin(me)) ? asked : choices[0]?.value;
  if (!issuer) {
    return (
      <>
        <PageTitle>{t('issued.title')}</PageTitle>
        <h1>{t('issued.title')}</h1>
        <NoAccess />
      </>
    );
  }
  const all = choices.some((c) => c.value === issuer) ? choices : [...choices, { value: issuer, name: null }];
  return <IssuedCertificates issuer={issuer} choices={all} />;
}

function IssuedCertificates({ issuer, choices }: { issuer: string; choices: IssuerChoice[] }) {
  const { t } = useTranslation('certificates');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const status =
    params.get('status') === 'valid' || params.get('status') === 'revoked' ? params.get('status') : '';
  const offset = offsetParam(params);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [withdrawHours, setWithdrawHours] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const list = useIssuedCertificates({
    ...(issuer === CITY_ISSUER ? {} : { organizationId: issuer }),
    ...(status ? { status: status as 'valid' | 'revoked' } : {}),
    limit: LIMIT,
    offset,
  });
  const revoke = useRevokeCertificate({
    onSuccess: (c) => {
      setRevoking(null);
      setAnnouncement(t('issued.revokedDone', { code: groupedCode(c.code), name: c.printedName }));
    },
  });

  function update(changes: SearchChanges) {
    setAnnouncement('');
    setParams(withSearchChanges(params, changes));
  }

  const nameOf = (choice: IssuerChoice) =>
    choice.value === CITY_ISSUER
      ? t('issued.city')
      : choice.name
        ? localized(choice.name, locale)
        : list.data?.items[0]
          ? localized(list.data.items[0].issuer.name, locale)
          : t('issued.organization');

  return (
    <>
      <PageTitle>{t('issued.title')}</PageTitle>
      <p className="back-link">
        <Link to="/admin/volunteering">← {t('issued.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('issued.title')}</h1>
        <p className="lead">{t('issued.intro')}</p>
      </header>
      <div className="filters filters--inline">
        {choices.length > 1 ? (
          <SelectField
            id="issued-issuer"
            label={t('issued.issuer')}
            value={issuer}
            onChange={(e) => update({ issuer: e.target.value })}
          >
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {nameOf(c)}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            {t('issued.issuer')}: <strong>{nameOf(choices[0] as IssuerChoice)}</strong>
          </p>
        )}
        <SelectField
          id="issued-status"
          label={t('issued.status')}
          value={status ?? ''}
          onChange={(e) => update({ status: e.target.value })}
        >
          <option value="">{t('issued.anyStatus')}</option>
          <option value="valid">{t('status.valid')}</option>
          <option value="revoked">{t('status.revoked')}</option>
        </SelectField>
      </div>
      <SuccessNotice>{announcement}</SuccessNotice>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('issued.empty')}</EmptyState>
      ) : (
        <>
          <p className="muted">{t('issued.count', { count: list.data.total })}</p>
          <ul className="card-list" aria-label={t('issued.title')}>
            {list.data.items.map((c) => (
              <li key={c.id}>
                <article className="card certificate-card" aria-labelledby={`issued-${c.id}`}>
                  <h2 id={`issued-${c.id}`} className="card__title">
                    {c.printedName}
                  </h2>
                  <p className="tag-list">
                    <CertificateStatusBadge status={c.status} />
                  </p>
                  {c.status === 'revoked' ? <RevokedNote certificate={c} /> : null}
                  <CertificateFacts certificate={c} />
                  {c.status === 'valid' ? (
                    <p className="actions">
                      <button
                        type="button"
                        className="button button--danger-outline"
                        onClick={() => {
                          revoke.reset();
                          setAnnouncement('');
                          setWithdrawHours(false);
                          setRevoking(c);
                        }}
                      >
                        {t('issued.revoke')} <span className="visually-hidden">{c.printedName}</span>
                      </button>
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
          <Pagination
            total={list.data.total}
            limit={LIMIT}
            offset={offset}
            label={t('issued.pages')}
            onChange={(next) => update({ offset: next })}
          />
        </>
      )}
      <ReasonDialog
        open={revoking !== null}
        title={t('issued.revokeTitle', { name: revoking?.printedName ?? '' })}
        confirmLabel={t('issued.revokeConfirm')}
        cancelLabel={t('issued.keep')}
        reasonLabel={t('issued.reason')}
        reasonHint={t('issued.reasonHint')}
        requiredMessage={t('volunteeringAdmin:reason.required')}
        maxLength={500}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={(reason) => revoking && revoke.mutate({ code: revoking.code, reason, withdrawHours })}
        onClose={() => setRevoking(null)}
      >
        <p>{t('issued.revokeText')}</p>
        <div className="checkbox">
          <input
            type="checkbox"
            id="revoke-withdraw-hours"
            aria-describedby="revoke-withdraw-hours-hint"
            checked={withdrawHours}
            onChange={(e) => setWithdrawHours(e.target.checked)}
          />
          <label htmlFor="revoke-withdraw-hours">{t('issued.withdrawHours')}</label>
        </div>
        <p className="field__hint" id="revoke-withdraw-hours-hint">
          {t('issued.withdrawHoursHint')}
        </p>
      </ReasonDialog>
    </>
  );
}
