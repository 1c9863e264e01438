// Counts for paged lists that stay cheap at any size: exact up to a cap, and above it "more
// than" (`totalExact: false`), so a page never waits for every matching row to be counted.
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/database';

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
  const bound = Math.max(cap, page.offset + page.limit);
  const row = await db
    .selectFrom(
      matching
        .clearSelect()
        .select(sql<number>`1`.as('one'))
        .limit(bound + 1)
        .as('m'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n > bound ? { total: bound, totalExact: false } : { total: row.n, totalExact: true };
}
