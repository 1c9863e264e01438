// Translations: Ukrainian first (the default), English second. The choice is remembered in
// localStorage and mirrored on <html lang> so screen readers and hyphenation follow it.
import { LOCALES, type Locale } from '@vcentri/shared';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import ukCommon from '../locales/uk/common.json';
import ukErrors from '../locales/uk/errors.json';

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
  'surveys',
  'certificates',
  'privacy',
  'dashboard',
  'actionPlan',
  'reports',
  'errors',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/**
 * The texts every page needs (the header, the footer, error messages), there before the first
 * paint. Each page brings the rest of its texts along with its code (`loadTexts`, app/routes.tsx):
 * a visitor of the home page does not download the admin area's words.
 */
export const BOOT_NAMESPACES = ['common', 'errors'] as const satisfies readonly Namespace[];

/** The boot texts in Ukrainian, the default, are part of the first bundle. */
const bundled = { uk: { common: ukCommon, errors: ukErrors } };

// Every other namespace of either language is a file of its own in the build, fetched once.
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });
const fileName = (namespace: string) => namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const lazyTexts = {
  type: 'backend' as const,
  init() {},
  read(
    language: string,
    namespace: string,
    callback: (error: unknown, data: Record<string, unknown> | null) => void,
  ) {
    const load = files[`../locales/${language}/${fileName(namespace)}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (data) => callback(null, data),
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
  .use(lazyTexts)
  .use(initReactI18next)
  .init({
    resources: bundled,
    partialBundledLanguages: true,
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: [...BOOT_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
    react: { useSuspense: false },
  });
reflectLocale(i18n.language);

/** Fetches texts a page needs (in the reader's language; a later switch fetches them again). */
export function loadTexts(namespaces: readonly Namespace[]): Promise<void> {
  return i18n.loadNamespaces([...namespaces]);
}

export function changeLocale(locale: Locale): Promise<unknown> {
  return i18n.changeLanguage(locale);
}

/** The UI language as a hook, so a component re-renders when it changes. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
}
