// The volunteering catalogue's filters as they live in the address bar (so a filtered view can be
// shared and the back button steps through it), and the API queries they make. The API filters
// programs by cause, district, skill, language and text, and shifts by dates, cause, district and
// skill; the rest ("suitable for my age", step-free access, a shift's language) is decided here,
// on the page the API returned.
import {
  isDistrict,
  type ProgramListQuery,
  type ProgramView,
  type ShiftListQuery,
  type ShiftView,
  toKyiv,
  VOLUNTEER_CAUSE_KEYS,
  type VolunteerCause,
} from '@vcentri/shared';
import { instantsOfDateRange, isLocalDate } from '../../lib/kyiv-dates';
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
  return CATALOGUE_FILTER_KEYS.some((key) => !!filters[key]);
}

export { isBackwardsRange } from '../../lib/kyiv-dates';

export function programsQueryOf(filters: CatalogueFilters, limit: number, offset: number): ProgramListQuery {
  return {
    ...(filters.cause ? { cause: filters.cause } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.skill ? { skill: filters.skill } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    limit,
    offset,
  };
}

/** Shifts from the start of the "from" day (today when none) to the end of the "to" day. */
export function shiftsQueryOf(
  filters: Pick<CatalogueFilters, 'from' | 'to' | 'cause' | 'district' | 'skill'>,
  limit: number,
  offset: number,
): ShiftListQuery {
  return {
    ...instantsOfDateRange(filters),
    ...(filters.cause ? { cause: filters.cause } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.skill ? { skill: filters.skill } : {}),
    limit,
    offset,
  };
}

/**
 * Whether a volunteer born in `birthYear` meets a minimum age on a day: as the API counts it, a
 * volunteer is N for the whole Kyiv year they turn N.
 */
export function oldEnough(minAge: number, birthYear: number, on: Date = new Date()): boolean {
  return Number(toKyiv(on).date.slice(0, 4)) - birthYear >= minAge;
}

/** The programs of a page the client-side filters let through. */
export function visiblePrograms(
  programs: readonly ProgramView[],
  filters: Pick<CatalogueFilters, 'age'>,
  birthYear: number | null,
): ProgramView[] {
  if (!filters.age || birthYear === null) return [...programs];
  return programs.filter((p) => oldEnough(p.minAge, birthYear));
}

/**
 * The shifts of a page the client-side filters let through. A shift does not carry its program's
 * minimum age or languages, so those come from `programs` (by id); a shift whose program is not
 * known is kept rather than hidden.
 */
export function visibleShifts(
  shifts: readonly ShiftView[],
  filters: Pick<CatalogueFilters, 'age' | 'stepFree' | 'language'>,
  birthYear: number | null,
  programs: ReadonlyMap<string, Pick<ProgramView, 'minAge' | 'languages'>>,
): ShiftView[] {
  return shifts.filter((shift) => {
    if (filters.stepFree && !shift.stepFree) return false;
    const program = programs.get(shift.programId);
    if (!program) return true;
    if (filters.age && birthYear !== null && !oldEnough(program.minAge, birthYear, new Date(shift.start)))
      return false;
    if (filters.language && !program.languages.includes(filters.language)) return false;
    return true;
  });
}
