// What a certificate certifies, as the verification page, the volunteer and the issuer show it:
// its status, the printed name, the issuer, when it was issued, the period, the total, and each
// program's hours with its organisation and dates.
import type { CertificateVerification } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDate, formatDateTime, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { formatMinutes } from '../../volunteering/labels';
import { groupedCode } from '../paths';

type Shown = Omit<CertificateVerification, 'verifyUrl' | 'locale'>;

export function CertificateStatusBadge({ status }: { status: Shown['status'] }) {
  const { t } = useTranslation('certificates');
  return (
    <span className={`badge badge--certificate badge--certificate-${status}`}>{t(`status.${status}`)}</span>
  );
}

/** "2 December 2026 – 9 December 2026", one date when both are the same day. */
export function usePeriod(): (period: { from: string; to: string }) => string {
  const locale = useLocale();
  return ({ from, to }) =>
    from === to
      ? formatCalendarDate(from, locale)
      : `${formatCalendarDate(from, locale)} – ${formatCalendarDate(to, locale)}`;
}

/** When and why it was revoked, in one sentence. */
export function RevokedNote({ certificate }: { certificate: Pick<Shown, 'revokedAt' | 'revokeReason'> }) {
  const { t } = useTranslation('certificates');
  const locale = useLocale();
  return (
    <p className="certificate-revoked">
      {t('revokedNote', {
        date: certificate.revokedAt ? formatDateTime(certificate.revokedAt, locale) : '',
        reason: certificate.revokeReason ?? '',
      })}
    </p>
  );
}

export function CertificateFacts({ certificate, lines = true }: { certificate: Shown; lines?: boolean }) {
  const { t } = useTranslation('certificates');
  const locale = useLocale();
  const period = usePeriod();
  const issuer = textIn(certificate.issuer.name, locale);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('facts.printedName')}</dt>
          <dd data-testid="certificate-name">{certificate.printedName}</dd>
        </div>
        <div>
          <dt>{t('facts.issuer')}</dt>
          <dd lang={issuer.lang}>{issuer.text}</dd>
        </div>
        <div>
          <dt>{t('facts.total')}</dt>
          <dd>{formatMinutes(t, certificate.totalMinutes)}</dd>
        </div>
        <div>
          <dt>{t('facts.period')}</dt>
          <dd>{period(certificate.period)}</dd>
        </div>
        <div>
          <dt>{t('facts.issuedAt')}</dt>
          <dd>{formatDate(certificate.issuedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('facts.code')}</dt>
          <dd className="code">{groupedCode(certificate.code)}</dd>
        </div>
      </dl>
      {lines ? <CertificateLines lines={certificate.lines} /> : null}
    </>
  );
}

export function CertificateLines({ lines }: { lines: Shown['lines'] }) {
  const { t } = useTranslation('certificates');
  const locale = useLocale();
  const period = usePeriod();
  return (
    <ul className="certificate-lines" aria-label={t('facts.programs')}>
      {lines.map((line) => {
        const program = textIn(line.program, locale);
        const organization = textIn(line.organization, locale);
        return (
          // One line per program (frozen on the certificate, without an id of its own).
          <li key={`${line.program.uk}|${line.program.en}`} className="certificate-line">
            <p className="certificate-line__program" lang={program.lang}>
              {program.text}
            </p>
            <p className="muted" lang={organization.lang}>
              {organization.text}
            </p>
            <p>
              {period(line)} · <strong>{formatMinutes(t, line.minutes)}</strong>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
