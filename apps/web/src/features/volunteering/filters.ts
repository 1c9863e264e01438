// The volunteering catalogue's filters as they live in the address bar (so a filtered view can be
// shared and the back button steps through it), and the API queries they make: the API filters
// programs by cause, district, skill, language, text and age, and shifts by dates, cause, district,
// skill, language, age and step-free access, so totals and paging count only what matches.
import {
  isDistrict,
  type ProgramListQuery,
  type ShiftListQuery,
  toKyiv,
  VOLUNTEER_CAUSE_KEYS,
  type VolunteerCause,
} from '@vcentri/shared';
import { instantsOfDateRange, isLocalDate } from '../../lib/kyiv-dates';
import { countChosen } from '../../lib/search-params';
import { VOLUNTEER_LANGUAGES } from './labels';

export const CATALOGUE_FILTER_KEYS = [
  'cause',
  'district',
  'skill',
  'language',
  'q',
  'from',
  'to',
  'age',
  'stepFree',
] as const;
export type CatalogueFilterKey = (typeof CATALOGUE_FILTER_KEYS)[number];

export type CatalogueView = 'programs' | 'shifts';

export interface CatalogueFilters {
  view: CatalogueView;
  cause?: VolunteerCause;
  district?: string;
  skill?: string;
  language?: string;
  q?: string;
  /** Kyiv date 'YYYY-MM-DD', inclusive (shifts). */
  from?: string;
  /** Kyiv date 'YYYY-MM-DD', inclusive (shifts). */
  to?: string;
  /** Only what the volunteer's age (from their profile's birth year) allows. */
  age: boolean;
  /** Only shifts with step-free access. */
  stepFree: boolean;
}

const trimmed = (value: string | null, max: number) => {
  const text = (value ?? '').trim().slice(0, max);
  return text || undefined;
};

export function readCatalogueFilters(params: URLSearchParams): CatalogueFilters {
  const cause = params.get('cause') ?? '';
  const district = params.get('district') ?? '';
  const language = params.get('language') ?? '';
  const from = params.get('from');
  const to = params.get('to');
  return {
    view: params.get('view') === 'shifts' ? 'shifts' : 'programs',
    cause: (VOLUNTEER_CAUSE_KEYS as string[]).includes(cause) ? (cause as VolunteerCause) : undefined,
    district: isDistrict(district) ? district : undefined,
    skill: trimmed(params.get('skill'), 60),
    language: (VOLUNTEER_LANGUAGES as readonly string[]).includes(language) ? language : undefined,
    q: trimmed(params.get('q'), 100),
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    age: params.get('age') === '1',
    stepFree: params.get('stepFree') === '1',
  };
}

/** Whether any filter that applies to the current view is chosen. */
export function isFiltered(filters: CatalogueFilters): boolean {
  return countChosen(filters, CATALOGUE_FILTER_KEYS) > 0;
}

export { isBackwardsRange } from '../../lib/kyiv-dates';

/** The age the API counts with: a volunteer is N for the whole Kyiv year they turn N. */
export function ageIn(birthYear: number, on: Date = new Date()): number {
  return Math.max(0, Number(toKyiv(on).date.slice(0, 4)) - birthYear);
}

/** `age` for the API when "suitable for my age" is on and the profile says the birth year. */
const ageQuery = (filters: Pick<CatalogueFilters, 'age'>, birthYear: number | null) =>
  filters.age && birthYear !== null ? { age: ageIn(birthYear) } : {};

export function programsQueryOf(
  filters: CatalogueFilters,
  birthYear: number | null,
  limit: number,
  offset: number,
): ProgramListQuery {
  return {
    ...(filters.cause ? { cause: filters.cause } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.skill ? { skill: filters.skill } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...ageQuery(filters, birthYear),
    limit,
    offset,
  };
}

/** Shifts from the start of the "from" day (today when none) to the end of the "to" day. */
export function shiftsQueryOf(
  filters: Pick<
    CatalogueFilters,
    'from' | 'to' | 'cause' | 'district' | 'skill' | 'language' | 'stepFree' | 'age'
  >,
  birthYear: number | null,
  limit: number,
  offset: number,
): ShiftListQuery {
  return {
    ...instantsOfDateRange(filters),
    ...(filters.cause ? { cause: filters.cause } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.skill ? { skill: filters.skill } : {}),
    ...(filters.language ? { language: filters.language as ShiftListQuery['language'] } : {}),
    ...(filters.stepFree ? { stepFree: true } : {}),
    ...ageQuery(filters, birthYear),
    limit,
    offset,
  };
}
