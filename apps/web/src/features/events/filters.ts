// The public calendar's filters as they live in the address bar (so a filtered view can be
// shared and the back button steps through it), and the API query they make. Dates are Kyiv
// calendar dates; a day runs from 00:00 to 24:00 on Kyiv clocks, whatever the browser's zone.
import { EVENT_CATEGORY_KEYS, type EventCategory, type EventListQuery, isDistrict } from '@vcentri/shared';
import { instantsOfDateRange, isLocalDate } from '../../lib/kyiv-dates';
import { countChosen } from '../../lib/search-params';

export const FILTER_KEYS = ['hubId', 'district', 'category', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface EventFilterValues {
  hubId?: string;
  district?: string;
  category?: EventCategory;
  /** Kyiv date 'YYYY-MM-DD', inclusive. */
  from?: string;
  /** Kyiv date 'YYYY-MM-DD', inclusive. */
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readEventFilters(params: URLSearchParams): EventFilterValues {
  const hubId = params.get('hubId') ?? '';
  const district = params.get('district') ?? '';
  const category = params.get('category') ?? '';
  const from = params.get('from');
  const to = params.get('to');
  return {
    hubId: UUID.test(hubId) ? hubId : undefined,
    district: isDistrict(district) ? district : undefined,
    category: (EVENT_CATEGORY_KEYS as string[]).includes(category) ? (category as EventCategory) : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
  };
}

export function isFiltered(filters: EventFilterValues): boolean {
  return countChosen(filters, FILTER_KEYS) > 0;
}

export { isBackwardsRange } from '../../lib/kyiv-dates';

/**
 * The list's API query: from the start of the "from" day (today when none is chosen, so the list
 * shows what is still to come) to the end of the "to" day.
 */
export function listQueryOf(filters: EventFilterValues, limit: number, offset: number): EventListQuery {
  return {
    ...instantsOfDateRange(filters),
    ...(filters.hubId ? { hubId: filters.hubId } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    limit,
    offset,
  };
}
