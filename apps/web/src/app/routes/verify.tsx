// The public verification page of a certificate (mounted at /verify/:code, the address its QR code
// carries): no account needed. Valid or revoked (when, why) first, in big words, then what it
// certifies; an unknown code says so; too many checks from one address say to wait. A note tells a
// third party how to check the signed credential offline against the published keys.
import type { CertificateVerification } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/status';
import { useVerification } from '../../features/certificates/api';
import { CertificateFacts, RevokedNote } from '../../features/certificates/components/certificate-details';
import { isApiError } from '../../lib/api-client';
import { PageTitle } from '../page-title';
import '../../features/certificates/certificates.css';

/** The JWK set with the public keys that sign credentials (at the site root, not under /api). */
const JWKS_PATH = '/.well-known/jwks.json';

export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('certificates');
  const verification = useVerification(code);
  const notFound =
    verification.isError &&
    isApiError(verification.error) &&
    (verification.error.status === 404 || verification.error.status === 400);

  return (
    <article className="verify-page" aria-labelledby="verify-title">
      <PageTitle>{t('verify.title')}</PageTitle>
      <h1 id="verify-title">{t('verify.title')}</h1>
      {verification.isPending ? (
        <Loading />
      ) : notFound ? (
        <div className="certificate-verdict certificate-verdict--unknown" data-testid="verify-verdict">
          <p className="certificate-verdict__word">{t('verify.notFoundTitle')}</p>
          <p>{t('verify.notFoundText', { code })}</p>
        </div>
      ) : verification.isError ? (
        <ErrorState error={verification.error} onRetry={() => void verification.refetch()} />
      ) : (
        <Verified certificate={verification.data} />
      )}
      <section className="card verify-offline" aria-labelledby="verify-offline-title">
        <h2 id="verify-offline-title">{t('verify.offlineTitle')}</h2>
        <p>
          {t('verify.offlineText')} <a href={JWKS_PATH}>{t('verify.jwks')}</a>
        </p>
      </section>
    </article>
  );
}

function Verified({ certificate }: { certificate: CertificateVerification }) {
  const { t } = useTranslation('certificates');
  const valid = certificate.status === 'valid';
  return (
    <>
      <div
        className={`certificate-verdict certificate-verdict--${certificate.status}`}
        data-testid="verify-verdict"
      >
        <p className="certificate-verdict__word">
          {valid ? t('verify.validTitle') : t('verify.revokedTitle')}
        </p>
        {valid ? <p>{t('verify.validText')}</p> : <RevokedNote certificate={certificate} />}
      </div>
      <section aria-labelledby="verify-certifies">
        <h2 id="verify-certifies">{t('verify.certifies')}</h2>
        <p className="lead">{t('verify.summary', { name: certificate.printedName })}</p>
        <CertificateFacts certificate={certificate} />
      </section>
    </>
  );
}
