// "My certificates" (mounted at /my/certificates): asking for a certificate of one's
// approved hours, the ones just issued with their downloads, and every earlier one with its status.
import type { Certificate } from '@vcentri/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useMyCertificates } from '../../../features/certificates/api';
import { CertificateCard } from '../../../features/certificates/components/certificate-card';
import { CertificateRequestForm } from '../../../features/certificates/components/request-form';
import { useMyVolunteering } from '../../../features/volunteering/api/me';
import { MY_VOLUNTEERING_PATH } from '../../../features/volunteering/paths';
import { useAuth } from '../../../lib/auth';
import { textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/certificates/certificates.css';

export function MyCertificatesPage() {
  return (
    <RequireSignIn>
      <MyCertificates />
    </RequireSignIn>
  );
}

function CertificateList({ id, certificates }: { id: string; certificates: Certificate[] }) {
  return (
    <ul className="card-list" aria-labelledby={id}>
      {certificates.map((c) => (
        <li key={c.id}>
          <CertificateCard certificate={c} />
        </li>
      ))}
    </ul>
  );
}

function MyCertificates() {
  const { t } = useTranslation('certificates');
  const locale = useLocale();
  const { user } = useAuth();
  const mine = useMyCertificates();
  const volunteering = useMyVolunteering();
  const [issued, setIssued] = useState<Certificate[]>([]);
  const programs = useMemo(() => {
    const titles = new Map<string, string>();
    for (const h of volunteering.data?.hours.entries ?? [])
      if (h.status === 'approved') titles.set(h.programId, textIn(h.programTitle, locale).text);
    return [...titles].map(([id, title]) => ({ id, title }));
  }, [volunteering.data, locale]);
  const issuedIds = new Set(issued.map((c) => c.id));
  const earlier = (mine.data?.items ?? []).filter((c) => !issuedIds.has(c.id));

  return (
    <>
      <PageTitle>{t('my.title')}</PageTitle>
      <p className="back-link">
        <Link to={MY_VOLUNTEERING_PATH}>← {t('my.back')}</Link>
      </p>
      <section className="hero">
        <h1>{t('my.title')}</h1>
        <p className="lead">{t('my.intro')}</p>
      </section>
      {volunteering.isSuccess && programs.length === 0 ? (
        <p className="notice notice--warning">{t('my.noApprovedHours')}</p>
      ) : null}
      <CertificateRequestForm
        defaultName={user?.name ?? ''}
        programs={programs}
        onIssued={(certificates) => setIssued(certificates)}
      />
      <section className="certificates-section" aria-labelledby="certificates-issued" hidden={!issued.length}>
        <h2 id="certificates-issued" className="visually-hidden">
          {t('my.justIssued')}
        </h2>
        <SuccessNotice>{issued.length ? t('my.issued', { count: issued.length }) : null}</SuccessNotice>
        {issued.length ? <CertificateList id="certificates-issued" certificates={issued} /> : null}
      </section>
      <section
        className="certificates-section"
        aria-labelledby="certificates-mine"
        hidden={issued.length > 0 && mine.isSuccess && earlier.length === 0}
      >
        <h2 id="certificates-mine">{issued.length ? t('my.earlier') : t('my.all')}</h2>
        {mine.isPending ? (
          <Loading />
        ) : mine.isError ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : earlier.length === 0 ? (
          <EmptyState>{t('my.empty')}</EmptyState>
        ) : (
          <CertificateList id="certificates-mine" certificates={earlier} />
        )}
      </section>
    </>
  );
}
