// Every date a series of shifts will fall on, in Kyiv time, before anything is saved: the same
// wall-clock times on each date, across the clock changes in March and October.
import type { Occurrence } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, formatTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { ScrollRegion } from '../../../components/scroll-region';

export function SeriesPreview({ occurrences }: { occurrences: readonly Occurrence[] }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const caption = t('shiftForm.preview', { count: occurrences.length });
  return (
    <ScrollRegion label={caption}>
      <table className="table occurrence-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shiftForm.previewDate')}</th>
            <th scope="col">{t('shiftForm.previewTime')}</th>
          </tr>
        </thead>
        <tbody>
          {occurrences.map((o) => (
            <tr key={o.start.toISOString()}>
              <th scope="row">{formatLocalDate(o.date, locale)}</th>
              <td className="nowrap">
                {formatTime(o.start, locale)}–{formatTime(o.end, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
