// The one gapless waiting list, shared by event registrations and volunteer sign-ups: rows of a
// parent (an event, a shift) are `confirmed` or `waitlisted` at positions 1..N. Callers hold the
// parent's row lock, so these statements never race each other.
import { sql } from 'kysely';
import type { Database } from './database';

export interface WaitingList {
  table: 'event_registrations' | 'volunteer_signups';
  parentColumn: 'event_id' | 'shift_id';
}

/**
 * Confirms the first people waiting, in order, while places are free, and renumbers the rest
 * 1, 2, 3…; returns who moved up (the caller tells them).
 */
export async function promoteWaiting(
  trx: Database,
  list: WaitingList,
  parentId: string,
  places: number,
): Promise<{ id: string; userId: string }[]> {
  const table = sql.table(list.table);
  const parent = sql.ref(list.parentColumn);
  const { rows: promoted } = await sql<{ id: string; userId: string }>`
    select id, user_id from ${table}
    where ${parent} = ${parentId} and status = 'waitlisted'
    order by position
    limit greatest(0, ${places}::int - (select count(*)::int from ${table}
                                         where ${parent} = ${parentId} and status = 'confirmed'))`.execute(
    trx,
  );
  if (promoted.length) {
    await sql`update ${table} set status = 'confirmed', position = null
              where id in (${sql.join(promoted.map((x) => x.id))})`.execute(trx);
  }
  // Positions are unique: move the rest out of the way, then number them in their order.
  await sql`update ${table} set position = position + 100000
            where ${parent} = ${parentId} and status = 'waitlisted'`.execute(trx);
  await sql`update ${table} x set position = r.n
    from (select id, row_number() over (order by position) as n from ${table}
          where ${parent} = ${parentId} and status = 'waitlisted') r
    where x.id = r.id`.execute(trx);
  return promoted;
}
