// Translations: Ukrainian first (the default), English second. The choice is remembered in
// localStorage and mirrored on <html lang> so screen readers and hyphenation follow it.
import { LOCALES, type Locale } from '@vcentri/shared';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { uk } from '../locales/uk';

export const DEFAULT_LOCALE: Locale = 'uk';
export const LOCALE_STORAGE_KEY = 'vcentri.locale';
export const NAMESPACES = [
  'common',
  'auth',
  'hubs',
  'bookings',
  'events',
  'registry',
  'volunteering',
  'openData',
  'admin',
  'volunteeringAdmin',
  'errors',
] as const;

/** The texts bundled with the portal: Ukrainian, the default. English comes on demand. */
export const bundled = { uk } as const;

/** English, fetched the first time a reader chooses it (a separate file of the build). */
const loadEnglish = () => import('../locales/en').then((m) => m.en);

// An i18next back end for the languages not bundled: it answers each namespace from the English
// module, loaded once.
const lazyLanguages = {
  type: 'backend' as const,
  init() {},
  read(
    language: string,
    namespace: string,
    callback: (error: unknown, data: Record<string, unknown> | null) => void,
  ) {
    if (language !== 'en') {
      callback(null, (uk as Record<string, Record<string, unknown>>)[namespace] ?? {});
      return;
    }
    loadEnglish().then(
      (en) => callback(null, (en as Record<string, Record<string, unknown>>)[namespace] ?? {}),
      (error: unknown) => callback(error, null),
    );
  },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function reflectLocale(locale: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export const i18n: I18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  reflectLocale(lng);
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
});

/** Resolves once the reader's language is loaded: the portal renders after it (no flash of keys). */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: bundled,
    partialBundledLanguages: true,
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
    react: { useSuspense: false },
  });
reflectLocale(i18n.language);

export function changeLocale(locale: Locale): Promise<unknown> {
  return i18n.changeLanguage(locale);
}

/** The UI language as a hook, so a component re-renders when it changes. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
}
