// Durations in words: "1 година 30 хвилин", "2 days".
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation('bookings');
  return useCallback(
    (minutes: number) => {
      if (minutes >= 1440 && minutes % 1440 === 0) return t('duration.days', { count: minutes / 1440 });
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      const parts: string[] = [];
      if (hours) parts.push(t('duration.hours', { count: hours }));
      if (rest || !hours) parts.push(t('duration.minutes', { count: rest }));
      return parts.join(' ');
    },
    [t],
  );
}
