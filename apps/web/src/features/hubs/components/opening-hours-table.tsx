// The weekly opening hours of a hub, Monday first, in Kyiv local time.
import type { OpeningInterval } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { kyivWeekday } from '../../../lib/format';
import { formatIntervals, intervalsOn, WEEKDAYS } from '../opening-hours';

export function OpeningHoursTable({ hours }: { hours: readonly OpeningInterval[] }) {
  const { t } = useTranslation(['hubs', 'common']);
  const today = kyivWeekday();
  return (
    <table className="table opening-hours">
      <caption>{t('hubs:openingHoursCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hubs:weekday')}</th>
          <th scope="col">{t('hubs:hours')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day) => {
          const intervals = intervalsOn(hours, day);
          return (
            <tr
              key={day}
              className={day === today ? 'is-today' : undefined}
              aria-current={day === today ? 'date' : undefined}
            >
              <th scope="row">{t(`common:weekdays.${day}`)}</th>
              <td>{intervals.length ? formatIntervals(intervals) : t('hubs:closed')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
