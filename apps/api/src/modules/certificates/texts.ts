// The few words a certificate prints, in Ukrainian and English, shared by its PDF and credential.
import type { Locale } from '@vcentri/shared';

/** 750 minutes → "12 год 30 хв" / "12 h 30 min". */
export function hoursText(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [hu, mu] = locale === 'uk' ? ['год', 'хв'] : ['h', 'min'];
  return m ? `${h} ${hu} ${m} ${mu}` : `${h} ${hu}`;
}
