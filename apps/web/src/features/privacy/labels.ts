// Words and numbers of the privacy features: retention texts with the configured periods filled
// in, a consent wording's version, an archive's size.
import type { Locale, PrivacyInfo } from '@vcentri/shared';
import type { TFunction } from 'i18next';
import { formatCalendarDate, formatDecimal } from '../../lib/format';
import { isLocalDate } from '../../lib/kyiv-dates';

/** "днів" after "через N" as Ukrainian says it: 1 день, 2 дні, 5 днів, 21 день. */
const UK_DAYS: Record<string, string> = { one: 'день', few: 'дні', many: 'днів', other: 'дня' };
const ukPlural = new Intl.PluralRules('uk');

/**
 * A category's retention text with `{auditIpDays}`, `{exportDays}`, `{unusedAccountDays}` filled
 * in; the word for days that follows a period ("днів", "days") agrees with its number.
 */
export function fillRetention(text: string, retention: PrivacyInfo['retention']): string {
  return text.replace(/\{(\w+)\}( (?:днів|days))?/g, (whole, name: string, days?: string) => {
    if (!(name in retention)) return whole;
    const n = retention[name as keyof typeof retention];
    if (!days) return String(n);
    const word = days === ' days' ? (n === 1 ? 'day' : 'days') : UK_DAYS[ukPlural.select(n)];
    return `${n} ${word}`;
  });
}

/** A wording version as the reader says it: a date ("1 грудня 2026 р.") when it is one. */
export function versionLabel(version: string, locale: Locale): string {
  return isLocalDate(version) ? formatCalendarDate(version, locale) : version;
}

/** An archive's size: "820 B", "14,2 KB", "3,1 MB". */
export function formatBytes(bytes: number, locale: Locale, t: TFunction): string {
  if (bytes < 1024) return t('privacy:exports.units.b', { value: formatDecimal(bytes, locale) });
  if (bytes < 1024 * 1024)
    return t('privacy:exports.units.kb', { value: formatDecimal(bytes / 1024, locale) });
  return t('privacy:exports.units.mb', { value: formatDecimal(bytes / (1024 * 1024), locale) });
}
