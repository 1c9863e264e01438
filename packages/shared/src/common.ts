// Building blocks shared by every resource schema: ids, instants, paging, localized text.
import { Type, type Static, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Instant = Type.String({
  format: 'date-time',
  description: 'ISO 8601 instant with an offset, e.g. 2026-03-29T18:00:00+03:00',
});

export const LOCALES = ['uk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = Type.Enum(LOCALES);

/**
 * The deepest a list pages: PostgreSQL's integer range. Past it there are no rows anyway, and an
 * unbounded number reaches SQL as `1e+21`, which PostgreSQL refuses (a 500 instead of a 400).
 */
export const MAX_OFFSET = 2_147_483_647;
/** A list's page when `limit` is not given (API.md: "limit defaults to 20"). */
export const DEFAULT_LIMIT = 20;
/** A list's `limit`: at least one item, at most `max`. */
export const Limit = (max = 100, fallback = DEFAULT_LIMIT) =>
  Type.Integer({ minimum: 1, maximum: max, default: fallback });
export const Offset = Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 });

/**
 * A keyset list's place (`?after=`): the `next` of the page before — the start of its last item in
 * microseconds since the epoch and its id. The page then begins right after that item, however deep it is,
 * and rows added or removed before it do not shift it.
 */
export const After = Type.String({
  pattern: '^-?[0-9]{1,17}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  maxLength: 60,
  description: 'the `next` of the page before: the page starts after that item',
});

export const PageQuery = Type.Object({
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type PageQuery = Static<typeof PageQuery>;

/**
 * A page of a list. `totalExact: false` (lists that can grow past a count cap, such as bookings
 * and events) says there are more than `total` matches: the count stopped there.
 */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    totalExact: Type.Optional(Type.Boolean()),
    next: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'keyset lists: `?after=` for the page that follows, null on the last page',
      }),
    ),
  });
}
export interface Paged<T> {
  items: T[];
  total: number;
  /** false: there are more than `total` matches (absent or true: `total` is exact). */
  totalExact?: boolean;
  /** Keyset lists: the `after` of the next page, null on the last. */
  next?: string | null;
}

export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;
