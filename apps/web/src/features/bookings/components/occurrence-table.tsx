// Per date of a request: free, or why not (translated), with the clashing times in Kyiv time.
import type { OccurrenceResult } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatInterval, formatLocalDate, formatTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { bookingProblemText } from '../labels';

export function ConflictList({ conflicts }: { conflicts: readonly { start: string; end: string }[] }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  if (!conflicts.length) return null;
  return (
    <span className="conflicts">
      {t('occurrences.conflicts', {
        times: conflicts.map((c) => formatInterval(c.start, c.end, locale)).join('; '),
      })}
    </span>
  );
}

export function OccurrenceTable({
  occurrences,
  caption,
}: {
  occurrences: readonly OccurrenceResult[];
  caption: string;
}) {
  const { t } = useTranslation(['bookings', 'errors']);
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="table occurrence-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bookings:occurrences.date')}</th>
            <th scope="col">{t('bookings:occurrences.time')}</th>
            <th scope="col">{t('bookings:occurrences.result')}</th>
          </tr>
        </thead>
        <tbody>
          {occurrences.map((o) => (
            <tr key={o.start} className={o.ok ? 'occurrence--ok' : 'occurrence--problem'}>
              <th scope="row">{formatLocalDate(o.date, locale)}</th>
              <td className="nowrap">
                {formatTime(o.start, locale)}–{formatTime(o.end, locale)}
              </td>
              <td>
                {o.ok ? (
                  <span className="occurrence__ok">{t('bookings:occurrences.free')}</span>
                ) : (
                  <>
                    <span className="occurrence__problem">
                      {t('bookings:occurrences.notPossible', {
                        reason: bookingProblemText(t, o.code ?? 'unknown_error'),
                      })}
                    </span>{' '}
                    <ConflictList conflicts={o.conflicts} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
