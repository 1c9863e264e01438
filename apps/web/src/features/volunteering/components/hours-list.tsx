// The volunteer's hours: approved and pending totals, then every entry with its day, program, length,
// where it came from (attendance at a shift or logged by the volunteer), its status and any reason.
import type { HoursEntry, MyVolunteering } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { formatMinutes } from '../labels';

const STATUS_CLASS: Record<HoursEntry['status'], string> = {
  approved: 'badge badge--booking badge--booking-confirmed',
  pending: 'badge badge--booking badge--booking-pending',
  rejected: 'badge badge--booking badge--booking-cancelled',
};

interface HoursListProps {
  hours: MyVolunteering['hours'];
  /** Program titles by id, in the UI language. */
}

export function HoursTotals({ hours }: Pick<HoursListProps, 'hours'>) {
  const { t } = useTranslation('volunteering');
  return (
    <ul className="hours-totals" aria-label={t('my.totalsLabel')}>
      <li className="card">
        {t('my.approved')}
        <strong data-testid="hours-approved">{formatMinutes(t, hours.approvedMinutes)}</strong>
      </li>
      <li className="card">
        {t('my.pending')}
        <strong data-testid="hours-pending">{formatMinutes(t, hours.pendingMinutes)}</strong>
      </li>
    </ul>
  );
}

export function HoursList({ hours }: HoursListProps) {
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  if (hours.entries.length === 0) return <p className="status status--empty">{t('my.noHours')}</p>;
  return (
    <ul className="card-list" aria-label={t('my.entriesLabel')}>
      {hours.entries.map((entry) => (
        <li key={entry.id} className="card">
          <p className="tag-list">
            <span className={STATUS_CLASS[entry.status]}>{t(`hoursStatus.${entry.status}`)}</span>
            <span className="tag tag--plain">{t(`hoursSource.${entry.source}`)}</span>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('hours.date')}</dt>
              <dd>{formatLocalDate(entry.date, locale)}</dd>
            </div>
            <div>
              <dt>{t('hours.program')}</dt>
              <dd>{textIn(entry.programTitle, locale).text}</dd>
            </div>
            <div>
              <dt>{t('hours.duration')}</dt>
              <dd>{formatMinutes(t, entry.minutes)}</dd>
            </div>
            {entry.description ? (
              <div>
                <dt>{t('hours.description')}</dt>
                <dd>{entry.description}</dd>
              </div>
            ) : null}
            {entry.reason ? (
              <div>
                <dt>{t('my.reason')}</dt>
                <dd>{entry.reason}</dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
