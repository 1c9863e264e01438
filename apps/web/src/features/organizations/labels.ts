// The registry's taxonomies in words: the shared contract carries the Ukrainian and English
// labels, so the portal, the API docs and the open data use the same ones.
import { ACTIVITIES, LEGAL_FORMS, type Locale, TARGET_GROUPS } from '@vcentri/shared';

type Labels = Record<string, { uk: string; en: string }>;

function labelIn(labels: Labels, key: string, locale: Locale): string {
  return Object.hasOwn(labels, key) ? (labels[key] as { uk: string; en: string })[locale] : key;
}

export function legalFormLabel(key: string, locale: Locale): string {
  return labelIn(LEGAL_FORMS, key, locale);
}

export function activityLabel(key: string, locale: Locale): string {
  return labelIn(ACTIVITIES, key, locale);
}

export function targetGroupLabel(key: string, locale: Locale): string {
  return labelIn(TARGET_GROUPS, key, locale);
}

/** The organisation's name in the UI language, falling back to the other one. */
export function organizationName(org: { nameUk: string; nameEn: string }, locale: Locale): string {
  return (locale === 'en' ? org.nameEn || org.nameUk : org.nameUk || org.nameEn) ?? '';
}

/** A link's address as people read it: without the scheme, with non-ASCII letters decoded. */
export function displayUrl(url: string): string {
  let text = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  try {
    text = decodeURI(text);
  } catch {
    // Not valid percent-encoding: show it as it is.
  }
  return text;
}

/** A phone number as a tel: link target (digits and a leading plus only). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
