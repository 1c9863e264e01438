// Idempotency-Key answers: one row per caller and key, claimed before the request runs and
// filled with the final answer, so a client that lost the connection can retry and learn the
// outcome. Kept 24 hours; the application sweeps older rows.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    // 'account:<uuid>' or 'address:<ip>': a key only ever finds its own caller's answer.
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().check(sql`char_length(key) between 1 and 255`))
    .addColumn('request_method', 'text', (c) => c.notNull())
    .addColumn('request_path', 'text', (c) => c.notNull())
    // sha256 of method, path and the canonical JSON body: the same key with another request is refused.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // Changes whenever the key is claimed afresh, so a late writer cannot overwrite a newer claim.
    .addColumn('claim_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Null while the first request is being processed.
    .addColumn('response_status', 'integer')
    .addColumn('response_headers', 'jsonb')
    .addColumn('response_body', 'text')
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['scope', 'key'])
    .addCheckConstraint(
      'idempotency_keys_answer_whole',
      sql`(response_status is null) = (response_headers is null) and (response_status is null) = (response_body is null)`,
    )
    .execute();
  await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').ifExists().execute();
}
