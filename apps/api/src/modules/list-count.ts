// Counts for paged lists that stay cheap at any size: exact up to a cap, and above it "more
// than" (`totalExact: false`), so a page never waits for every matching row to be counted.
import { type CompiledQuery, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { DEFAULT_LIMIT } from '@vcentri/shared';
import { type Database, isPrepared, withGenericPlans } from '../db/database';

/** Lists count exactly up to this many matches (the `LIST_COUNT_CAP` setting). */
export const DEFAULT_LIST_COUNT_CAP = 1_000;

/**
 * The number of rows `matching` selects, read no further than `cap` rows past the requested
 * page: `{ total, totalExact: true }` when they are fewer, otherwise `total` is that bound and
 * `totalExact` false (there are more).
 */
export async function boundedCount(
  db: Database,
  matching: SelectQueryBuilder<any, any, any>,
  page: { limit: number; offset: number },
  cap: number,
): Promise<{ total: number; totalExact: boolean }> {
  const row = await boundedCountQuery(db, matching, page, cap).executeTakeFirstOrThrow();
  return boundedTotal(row.n, page, cap);
}

/** The statement `boundedCount` runs: usable as a scalar subquery in the page's own statement. */
export function boundedCountQuery(
  db: Database,
  matching: SelectQueryBuilder<any, any, any>,
  page: { limit: number; offset: number },
  cap: number,
) {
  return db
    .selectFrom(
      matching
        .clearSelect()
        .select(sql<number>`1`.as('one'))
        // Written into the text on a page planned once (`pageSizes`).
        .limit(pageSizes(page).size(countBound(page, cap) + 1))
        .as('m'),
    )
    .select(sql<number>`count(*)::int`.as('n'));
}

/**
 * The page sizes a list's statement is planned once for: the contract's default page (20), 50, and
 * the largest pages the contract (100) and the portal's calendars (500) ask for. Each is a text of
 * its own per shape; any other size is planned per request, so a client's sizes cannot multiply
 * the prepared texts (db/database.ts bounds them, and then prepares nothing more).
 */
export const PLANNED_PAGE_SIZES: ReadonlySet<number> = new Set([DEFAULT_LIMIT, 50, 100, 500]);

/**
 * How a page's statement writes its sizes (LIMIT, OFFSET, the count's bound). A page of a planned
 * size from the start of the list or from a keyset place (no offset) writes them into the text
 * (`literal`): one text per shape and size, which `executePage` has planned once per connection,
 * and a plan made once then knows the page is small (reads an index in order up to the page's
 * end). Any other page sends them as parameters and is planned per request: a plan for every value
 * cannot know how far a LIMIT or OFFSET reaches (PostgreSQL plans a parameter's as a tenth of the rows).
 */
export function pageSizes(page: { limit: number; offset: number }): {
  literal: boolean;
  size: (v: number) => RawBuilder<number>;
} {
  const literal = page.offset === 0 && PLANNED_PAGE_SIZES.has(page.limit);
  return { literal, size: (v) => (literal ? sql.lit(v) : sql<number>`${v}`) };
}

/**
 * Runs the statement of `page`: one whose sizes are written in (`pageSizes`) and whose text is among
 * the prepared ones goes through the sessions that plan once (withGenericPlans); any other is
 * planned by PostgreSQL per request.
 */
export function executePage<R>(
  db: Database,
  compiled: CompiledQuery<R>,
  page: { limit: number; offset: number },
) {
  return (pageSizes(page).literal && isPrepared(compiled) ? withGenericPlans(db) : db).executeQuery(compiled);
}

/** `boundedCountQuery`'s answer `n` as the list's total. */
export function boundedTotal(
  n: number,
  page: { limit: number; offset: number },
  cap: number,
): { total: number; totalExact: boolean } {
  const bound = countBound(page, cap);
  return n > bound ? { total: bound, totalExact: false } : { total: n, totalExact: true };
}

const countBound = (page: { limit: number; offset: number }, cap: number) =>
  Math.max(cap, page.offset + page.limit);

/**
 * A page's bounded count from the page's own rows, which carry it as `matching` (the
 * `boundedCountQuery` subquery, which the database runs once). An empty page carries no count: on the first
 * page none match; further on (past an offset or a keyset place, `after`), the count is asked apart.
 */
export async function pageWithCount<R extends { matching: number | null }>(
  db: Database,
  rows: R[],
  matching: SelectQueryBuilder<any, any, any>,
  page: { limit: number; offset: number; after?: string | undefined },
  cap: number,
): Promise<{ total: number; totalExact: boolean }> {
  const first = rows[0];
  if (first) return boundedTotal(first.matching ?? 0, page, cap);
  if (page.offset === 0 && !page.after) return { total: 0, totalExact: true };
  return boundedCount(db, matching, page, cap);
}

/**
 * A keyset list's place: the start (microseconds since the epoch, PostgreSQL's own precision, so a
 * start with sub-millisecond digits is neither repeated nor skipped) and id of the last item of the
 * page before. The microseconds stay digits (a JavaScript number is exact only to 2^53 µs, the year
 * 2255); the `After` pattern bounds them to 17, which PostgreSQL's `bigint` and instants hold.
 */
export interface KeysetPlace {
  us: string;
  id: string;
}

/** The `next` of a page whose last row is `last`: `${epoch µs}_${id}` (the `After` pattern). */
export const keysetCursor = (last: { placeUs: string; id: string }): string => `${last.placeUs}_${last.id}`;

/** The place an `after` (already matched against the `After` pattern) names. */
export function keysetPlace(after: string): KeysetPlace {
  const cut = after.indexOf('_');
  return { us: after.slice(0, cut), id: after.slice(cut + 1) };
}

/** The SQL instant of a place's start, exact (whole seconds and microseconds, integer arithmetic). */
export const placeStart = (place: KeysetPlace) =>
  sql<Date>`(timestamptz 'epoch' + (${place.us}::bigint / 1000000) * interval '1 second'
    + (${place.us}::bigint % 1000000) * interval '1 microsecond')`;

/** A row's start as a place: its microseconds since the epoch, as digits, for `keysetCursor`. */
export const placeOf = (start: string) =>
  sql<string>`((extract(epoch from ${sql.ref(start)}) * 1000000)::bigint)::text`;
