// A booking's status as a translated badge; pending requests are striped as well as coloured, so
// they stand out without relying on colour.
import type { BookingStatus } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';

export function BookingStatusBadge({ status }: { status: BookingStatus | string }) {
  const { t } = useTranslation('bookings');
  return (
    <span className={`badge badge--booking badge--booking-${status}`}>
      {t([`status.${status}`], { defaultValue: status })}
    </span>
  );
}
