// Per date of a request: free, or why not (translated), with the clashing times in Kyiv time.
import type { OccurrenceProblem, OccurrenceResult } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatInterval, formatLocalDate, formatTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { bookingProblemText } from '../labels';
import { ScrollRegion } from '../../../components/scroll-region';

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

/** Every rule a date breaks; an answer without the list still names its first problem. */
export const problemsOf = (o: OccurrenceResult): OccurrenceProblem[] =>
  o.problems?.length
    ? o.problems
    : o.code
      ? [{ code: o.code, detail: o.detail ?? '', conflicts: o.conflicts }]
      : [];

/** Why a date cannot be booked: each broken rule in the reader's words, with the clashing times. */
export function ProblemList({ problems }: { problems: readonly OccurrenceProblem[] }) {
  const { t } = useTranslation(['bookings', 'errors']);
  if (problems.length === 0) return null;
  return (
    <>
      <span className="occurrence__problem">{t('bookings:occurrences.notPossibleBecause')}</span>
      <ul className="problem-list">
        {problems.map((p) => (
          <li key={p.code}>
            {bookingProblemText(t, p.code)} <ConflictList conflicts={p.conflicts} />
          </li>
        ))}
      </ul>
    </>
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
    <ScrollRegion label={caption}>
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
                  <ProblemList problems={problemsOf(o)} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
