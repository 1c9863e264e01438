// Translations: Ukrainian first (the default), English second. The choice is remembered in
// localStorage and mirrored on <html lang> so screen readers and hyphenation follow it.
import { LOCALES, type Locale } from '@vcentri/shared';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import enAdmin from '../locales/en/admin.json';
import enAuth from '../locales/en/auth.json';
import enBookings from '../locales/en/bookings.json';
import enCommon from '../locales/en/common.json';
import enErrors from '../locales/en/errors.json';
import enEvents from '../locales/en/events.json';
import enHubs from '../locales/en/hubs.json';
import enOpenData from '../locales/en/open-data.json';
import enRegistry from '../locales/en/registry.json';
import enVolunteering from '../locales/en/volunteering.json';
import enVolunteeringAdmin from '../locales/en/volunteering-admin.json';
import ukAdmin from '../locales/uk/admin.json';
import ukAuth from '../locales/uk/auth.json';
import ukBookings from '../locales/uk/bookings.json';
import ukCommon from '../locales/uk/common.json';
import ukErrors from '../locales/uk/errors.json';
import ukEvents from '../locales/uk/events.json';
import ukHubs from '../locales/uk/hubs.json';
import ukOpenData from '../locales/uk/open-data.json';
import ukRegistry from '../locales/uk/registry.json';
import ukVolunteering from '../locales/uk/volunteering.json';
import ukVolunteeringAdmin from '../locales/uk/volunteering-admin.json';

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

export const resources = {
  uk: {
    common: ukCommon,
    auth: ukAuth,
    hubs: ukHubs,
    bookings: ukBookings,
    events: ukEvents,
    registry: ukRegistry,
    volunteering: ukVolunteering,
    openData: ukOpenData,
    admin: ukAdmin,
    volunteeringAdmin: ukVolunteeringAdmin,
    errors: ukErrors,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    hubs: enHubs,
    bookings: enBookings,
    events: enEvents,
    registry: enRegistry,
    volunteering: enVolunteering,
    openData: enOpenData,
    admin: enAdmin,
    volunteeringAdmin: enVolunteeringAdmin,
    errors: enErrors,
  },
} as const;

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

void i18n.use(initReactI18next).init({
  resources,
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
