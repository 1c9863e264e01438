// The request limiter's counters, shared by every API process: one row per client key and fixed
// time window. UNLOGGED because a counter lost in a crash costs nothing but a fresh window, and
// skipping the write-ahead log keeps the one write per API request cheap.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create unlogged table rate_limit_counters (
      key text not null,
      window_ends_at timestamptz not null,
      hits integer not null,
      primary key (key, window_ends_at)
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_counters').execute();
}
