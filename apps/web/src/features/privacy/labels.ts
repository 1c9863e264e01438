// Words and numbers of the privacy features: retention texts with the configured periods filled
// in, a consent wording's version, an archive's size.
import type { Locale, PrivacyInfo } from '@vcentri/shared';
import type { TFunction } from 'i18next';
import { formatCalendarDate, formatDecimal } from '../../lib/format';
import { isLocalDate } from '../../lib/kyiv-dates';

/** A category's retention text with `{auditIpDays}`, `{exportDays}`, `{unusedAccountDays}` filled in. */
export function fillRetention(text: string, retention: PrivacyInfo['retention']): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in retention ? String(retention[name as keyof typeof retention]) : whole,
  );
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
