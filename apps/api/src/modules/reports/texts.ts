// The report's words in Ukrainian and English, shared by the PDF (the portal has its own locale
// files): section titles, figure names and how a figure and its change are written.
import { DISTRICTS, type DashboardFigureKey, type Locale, type ReportSection } from '@vcentri/shared';

export const SECTION_TITLES: Record<Locale, Record<ReportSection, string>> = {
  uk: {
    summary: 'Головні показники',
    districts: 'За районами',
    hubs: 'За хабами',
    events: 'Помітні події',
    volunteering: 'Волонтерство',
    actionPlan: 'Показники плану дій',
  },
  en: {
    summary: 'Headline figures',
    districts: 'By district',
    hubs: 'By hub',
    events: 'Notable events',
    volunteering: 'Volunteering',
    actionPlan: 'Action plan indicators',
  },
};

export const FIGURE_NAMES: Record<Locale, Record<DashboardFigureKey, string>> = {
  uk: {
    bookings: 'Підтверджені бронювання',
    pending: 'Запити на розгляді',
    bookedHours: 'Заброньовані години',
    openHours: 'Години роботи приміщень',
    closedHours: 'Години закриття',
    utilisation: 'Завантаженість',
    organizations: 'Організації, що користувалися хабами',
    events: 'Події',
    registrations: 'Реєстрації',
    attended: 'Відвідування',
    noShowRate: 'Частка неявок',
    feedbackCount: 'Відгуки',
    averageRating: 'Середня оцінка',
    volunteerShifts: 'Волонтерські зміни',
    volunteers: 'Волонтери',
    volunteerHours: 'Волонтерські години',
    applications: 'Заявки до реєстру',
    verifications: 'Перевірені заявки',
    verifiedOrganizations: 'Організацій у реєстрі',
  },
  en: {
    bookings: 'Confirmed bookings',
    pending: 'Pending requests',
    bookedHours: 'Booked hours',
    openHours: 'Rooms’ open hours',
    closedHours: 'Closed hours',
    utilisation: 'Utilisation',
    organizations: 'Organisations served',
    events: 'Events',
    registrations: 'Registrations',
    attended: 'Attended',
    noShowRate: 'No-show rate',
    feedbackCount: 'Feedback',
    averageRating: 'Average rating',
    volunteerShifts: 'Volunteer shifts',
    volunteers: 'Volunteers',
    volunteerHours: 'Volunteer hours',
    applications: 'Registry applications',
    verifications: 'Verifications',
    verifiedOrganizations: 'Organisations in the registry',
  },
};

/** Figures that are shares (0–1), written as percentages. */
export const SHARE_FIGURES: DashboardFigureKey[] = ['utilisation', 'noShowRate'];

export const WORDS: Record<Locale, Record<string, string>> = {
  uk: {
    title: 'Публічний звіт',
    quarter: 'квартал',
    year: 'рік',
    period: 'Період',
    previous: 'Попередній період',
    published: 'Опубліковано',
    hash: 'Контрольна сума SHA-256',
    hashNote: 'Перевірити справжність звіту',
    figure: 'Показник',
    value: 'Значення',
    change: 'Зміна',
    district: 'Район',
    hub: 'Хаб',
    event: 'Подія',
    date: 'Дата',
    indicator: 'Показник плану',
    baseline: 'Базове значення',
    target: 'Ціль',
    progress: 'Поступ',
    none: 'Немає даних за цей період.',
    noValue: '—',
  },
  en: {
    title: 'Public report',
    quarter: 'quarter',
    year: 'year',
    period: 'Period',
    previous: 'Previous period',
    published: 'Published',
    hash: 'SHA-256 checksum',
    hashNote: 'Verify this report',
    figure: 'Figure',
    value: 'Value',
    change: 'Change',
    district: 'District',
    hub: 'Hub',
    event: 'Event',
    date: 'Date',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    progress: 'Progress',
    none: 'No data for this period.',
    noValue: '—',
  },
};

export const districtName = (slug: string, locale: Locale) =>
  DISTRICTS.find((d) => d.slug === slug)?.[locale] ?? slug;

const numberFormat = (locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', { maximumFractionDigits: digits });

/** A figure as people read it: shares as percentages, hours with one decimal. */
export function figureText(key: DashboardFigureKey, value: number | null, locale: Locale): string {
  if (value === null) return WORDS[locale].noValue!;
  if (SHARE_FIGURES.includes(key)) return `${numberFormat(locale, 1).format(value * 100)} %`;
  return numberFormat(locale, key === 'averageRating' ? 2 : 1).format(value);
}

/** The change from the previous period: "+12 (+25 %)", shares in percentage points. */
export function changeText(
  key: DashboardFigureKey,
  value: number | null,
  previous: number | null,
  locale: Locale,
): string {
  if (value === null || previous === null) return WORDS[locale].noValue!;
  const diff = value - previous;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  if (SHARE_FIGURES.includes(key))
    return `${sign}${numberFormat(locale, 1).format(Math.abs(diff) * 100)} ${locale === 'uk' ? 'в. п.' : 'pp'}`;
  const abs = numberFormat(locale, key === 'averageRating' ? 2 : 1).format(Math.abs(diff));
  if (previous === 0) return `${sign}${abs}`;
  return `${sign}${abs} (${sign}${numberFormat(locale, 0).format(Math.abs((diff / previous) * 100))} %)`;
}
