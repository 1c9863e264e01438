// Certificates of approved volunteer hours: what each certifies, frozen at issue time, with its
// signed credential, its place in the revocation status list, and the hour entries it covers —
// which may not change or go while a live certificate contains them. The public halves of every
// key that ever signed a credential stay here, so old credentials keep verifying after a rotation.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credential_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Each certificate takes the next bit of the status lists (131072 bits a list).
  await sql`create sequence certificate_status_index_seq minvalue 0 start 0`.execute(db);

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique().check(sql`code ~ '^[A-Z2-9]{16}$'`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('uk', 'en')`))
    .addColumn('printed_name', 'text', (c) => c.notNull())
    // The scope asked for: one program (null: all) and the period (null ends: open).
    .addColumn('program_id', 'uuid', (c) => c.references('volunteer_programs.id').onDelete('restrict'))
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    // Null: the city issues it (programs of the city, its districts and hubs).
    .addColumn('issuer_organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('issuer', 'jsonb', (c) => c.notNull())
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addColumn('total_minutes', 'integer', (c) => c.notNull().check(sql`total_minutes > 0`))
    .addColumn('status_index', 'bigint', (c) =>
      c.notNull().unique().defaultTo(sql`nextval('certificate_status_index_seq')`),
    )
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoke_reason', 'text')
    .addCheckConstraint('certificates_period_order', sql`period_from <= period_to`)
    .addCheckConstraint('certificates_revocation', sql`(revoked_at is null) = (revoke_reason is null)`)
    .execute();
  await sql`create index certificates_user_idx on certificates (user_id, issued_at desc)`.execute(db);
  await sql`create index certificates_issuer_idx on certificates (issuer_organization_id, issued_at desc)`.execute(
    db,
  );

  await db.schema
    .createTable('certificate_hours')
    .addColumn('certificate_id', 'uuid', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
    .addColumn('hours_id', 'uuid', (c) => c.notNull().references('volunteer_hours.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('certificate_hours_pk', ['certificate_id', 'hours_id'])
    .execute();
  await sql`create index certificate_hours_hours_idx on certificate_hours (hours_id)`.execute(db);

  // The service refuses first with 409 hours_certified; this makes it true for every path.
  await sql`
    create function volunteer_hours_certified_guard() returns trigger language plpgsql as $$
    begin
      if (tg_op = 'DELETE'
          or new.status is distinct from old.status or new.minutes is distinct from old.minutes
          or new.work_date is distinct from old.work_date or new.program_id is distinct from old.program_id
          or new.user_id is distinct from old.user_id)
         and exists (select 1 from certificate_hours ch join certificates c on c.id = ch.certificate_id
                     where ch.hours_id = old.id and c.revoked_at is null) then
        raise exception 'hours_certified: hour entry % is in a certificate that is not revoked', old.id
          using errcode = 'P0001';
      end if;
      return coalesce(new, old);
    end $$`.execute(db);
  await sql`
    create trigger volunteer_hours_certified before update or delete on volunteer_hours
    for each row execute function volunteer_hours_certified_guard()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists volunteer_hours_certified on volunteer_hours`.execute(db);
  await sql`drop function if exists volunteer_hours_certified_guard()`.execute(db);
  for (const t of ['certificate_hours', 'certificates', 'credential_keys'])
    await db.schema.dropTable(t).ifExists().execute();
  await sql`drop sequence if exists certificate_status_index_seq`.execute(db);
}
