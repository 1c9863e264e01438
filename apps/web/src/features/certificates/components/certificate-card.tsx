// One of the volunteer's certificates: its status (and why it was revoked), what it certifies, its
// downloads — the PDF and the signed credential — and its public verification address to share.
import type { Certificate } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyField } from '../../../components/copy-field';
import { useErrorMessage } from '../../../lib/errors';
import { textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { type CertificateFile, useDownloadCertificate } from '../api';
import { verifyPath } from '../paths';
import { CertificateFacts, CertificateStatusBadge, RevokedNote } from './certificate-details';

export function CertificateCard({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation('certificates');
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const download = useDownloadCertificate();
  const issuer = textIn(certificate.issuer.name, locale).text;
  const titleId = `certificate-${certificate.id}`;
  const files: CertificateFile[] = ['pdf', 'credential'];

  return (
    <article className="card certificate-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        {t('card.title', { issuer })}
      </h3>
      <p className="tag-list">
        <CertificateStatusBadge status={certificate.status} />
        <span className="tag tag--plain">{t(`languages.${certificate.locale}`)}</span>
      </p>
      {certificate.status === 'revoked' ? <RevokedNote certificate={certificate} /> : null}
      <CertificateFacts certificate={certificate} />
      <p className="actions certificate-downloads">
        {files.map((file) => (
          <button
            key={file}
            type="button"
            className="button button--secondary"
            disabled={download.isPending}
            aria-busy={(download.isPending && download.variables?.file === file) || undefined}
            onClick={() => download.mutate({ certificate, file })}
          >
            {t(`download.${file}`)}
          </button>
        ))}
      </p>
      {download.isError ? (
        <p className="field__error" role="alert">
          {t('download.failed')} {errorMessage(download.error)}
        </p>
      ) : null}
      <CopyField
        label={t('address.label')}
        value={certificate.verifyUrl}
        copyContext={issuer}
        texts={{
          copy: t('address.copy'),
          copied: t('address.copied'),
          copyManually: t('address.copyManually'),
        }}
      />
      <p className="actions">
        <Link to={verifyPath(certificate.code)}>{t('address.open')}</Link>
      </p>
    </article>
  );
}
