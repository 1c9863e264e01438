// Certificates of approved volunteer hours. A volunteer asks for one over their own approved
// hours (one program or all, a period or all time); the hours are grouped by who vouches for them
// — each organisation for its programs, the city for the programs of the city, its districts and
// hubs — and each issuer gets its own certificate, signed and frozen at that moment. Anyone
// verifies one by its code; the issuing organisation's owner or a city admin revokes it.
import { randomUUID } from 'node:crypto';
import {
  type Certificate,
  CERTIFICATE_CODE_LENGTH,
  type CertificateIssuer,
  type CertificateLine,
  type CertificateRequest,
  type CertificateVerification,
  type IssuedCertificatesQuery,
  type Locale,
  type PageQuery,
  type Paged,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema';
import { newCode } from '../../db/short-code';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { insertNotification } from '../bookings/bookings.repository';
import type { Principal } from '../users/principal';
import { CITY_ISSUER_NAME, signCredential, signStatusList, STATUS_LIST_SIZE, verifyUrl } from './credential';
import { publishKey } from './keys';
import { hoursText } from './texts';

function certificateRows(db: Kysely<DB>) {
  return db
    .selectFrom('certificates as c')
    .select([
      'c.id',
      'c.code',
      'c.userId',
      'c.locale',
      'c.printedName',
      'c.programId',
      sql<string>`to_char(c.period_from, 'YYYY-MM-DD')`.as('periodFrom'),
      sql<string>`to_char(c.period_to, 'YYYY-MM-DD')`.as('periodTo'),
      'c.issuerOrganizationId',
      'c.issuer',
      'c.lines',
      'c.totalMinutes',
      'c.statusIndex',
      'c.baseUrl',
      'c.credential',
      'c.issuedAt',
      'c.revokedAt',
      'c.revokeReason',
    ]);
}
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificateRows>['execute']>>[number];

/** Exactly what the certificate prints, and whether it still stands. */
export function verificationView(r: CertificateRow): CertificateVerification {
  return {
    code: r.code,
    status: r.revokedAt ? 'revoked' : 'valid',
    locale: r.locale as Locale,
    printedName: r.printedName,
    issuer: r.issuer as CertificateIssuer,
    lines: r.lines as CertificateLine[],
    totalMinutes: r.totalMinutes,
    period: { from: r.periodFrom, to: r.periodTo },
    issuedAt: r.issuedAt.toISOString(),
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
    revokeReason: r.revokeReason,
    verifyUrl: verifyUrl(r.baseUrl, r.code),
  };
}

const certificateView = (r: CertificateRow): Certificate => ({
  id: r.id,
  ...verificationView(r),
  programId: r.programId,
});

async function page(query: ReturnType<typeof certificateRows>, q: PageQuery): Promise<Paged<Certificate>> {
  const rows = await query
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('c.issuedAt', 'desc')
    .orderBy('c.id')
    .limit(q.limit ?? DEFAULT_LIMIT)
    .offset(q.offset ?? 0)
    .execute();
  return { items: rows.map(certificateView), total: rows[0]?.total ?? 0 };
}

/** Codes are printed in groups of four; people may type them with dashes, spaces or in lower case. */
export const normalizeCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

async function certificateByCode(db: Kysely<DB>, code: string): Promise<CertificateRow> {
  const c = normalizeCode(code);
  const row = new RegExp(`^[A-Z2-9]{${CERTIFICATE_CODE_LENGTH}}$`).test(c)
    ? await certificateRows(db).where('c.code', '=', c).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('No certificate has this code.');
  return row;
}

/** The volunteer's own certificate; anyone else's is as if it did not exist. */
export async function ownCertificate(db: Database, p: Principal, id: string): Promise<CertificateRow> {
  const row = await certificateRows(db)
    .where('c.id', '=', id)
    .where('c.userId', '=', p.userId)
    .executeTakeFirst();
  if (!row) throw notFound('No such certificate.');
  return row;
}

export const myCertificate = async (db: Database, p: Principal, id: string) =>
  certificateView(await ownCertificate(db, p, id));

export const myCertificates = (db: Database, p: Principal, q: PageQuery) =>
  page(certificateRows(db).where('c.userId', '=', p.userId), q);

export const verifyCertificate = async (db: Database, code: string) =>
  verificationView(await certificateByCode(db, code));

/** An organisation's owners issue (and revoke) for its programs; city admins for every program. */
function vouchesFor(p: Principal, organizationId: string | null): boolean {
  if (p.isCityAdmin()) return true;
  return organizationId !== null && p.membershipOf(organizationId) === 'ngo_owner';
}

/** The certificates an organisation (organizationId) or the city (none) has issued. */
export async function issuedCertificates(db: Database, p: Principal, q: IssuedCertificatesQuery) {
  const org = q.organizationId ?? null;
  if (!vouchesFor(p, org))
    throw forbidden(
      org
        ? 'Only the organisation’s owners and city admins see its certificates.'
        : 'Only city admins see the certificates the city issued.',
    );
  let query = certificateRows(db).where('c.issuerOrganizationId', org === null ? 'is' : '=', org);
  if (q.status) query = query.where('c.revokedAt', q.status === 'revoked' ? 'is not' : 'is', null);
  return page(query, q);
}

interface ApprovedEntry {
  id: string;
  programId: string;
  minutes: number;
  date: string;
  titleUk: string;
  titleEn: string;
  organizationId: string | null;
  orgUk: string | null;
  orgEn: string | null;
}

/** One line per program, in the order the work began. */
function linesOf(entries: ApprovedEntry[]): CertificateLine[] {
  const byProgram = new Map<string, CertificateLine>();
  for (const e of entries) {
    const line = byProgram.get(e.programId);
    if (line) {
      line.minutes += e.minutes;
      if (e.date < line.from) line.from = e.date;
      if (e.date > line.to) line.to = e.date;
      continue;
    }
    byProgram.set(e.programId, {
      program: { uk: e.titleUk, en: e.titleEn },
      organization: e.orgUk !== null ? { uk: e.orgUk, en: e.orgEn || e.orgUk } : CITY_ISSUER_NAME,
      from: e.date,
      to: e.date,
      minutes: e.minutes,
    });
  }
  return [...byProgram.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.program.uk.localeCompare(b.program.uk),
  );
}

/** Certifies the caller's approved hours: one certificate per issuer, all or none. */
export async function requestCertificates(
  db: Database,
  config: Readonly<Config>,
  p: Principal,
  body: CertificateRequest,
  base: string,
  ip: string,
): Promise<Paged<Certificate>> {
  const printedName = body.printedName.trim().replace(/\s+/g, ' ');
  if (printedName.length < 2)
    throw badRequest('validation_failed', 'Write the name to print.', [
      { path: '/printedName', code: 'minLength', message: 'at least 2 characters' },
    ]);
  if (body.from && body.to && body.from > body.to)
    throw badRequest('validation_failed', 'The period ends before it starts.', [
      { path: '/to', code: 'minimum', message: 'not before from' },
    ]);
  const key = config.credentialSigningKey;
  await publishKey(db, key);
  const ids = await db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('volunteerHours as h')
      .innerJoin('volunteerPrograms as g', 'g.id', 'h.programId')
      .leftJoin('organizations as o', 'o.id', 'g.organizationId')
      .select([
        'h.id',
        'h.programId',
        'h.minutes',
        sql<string>`to_char(h.work_date, 'YYYY-MM-DD')`.as('date'),
        'g.titleUk',
        'g.titleEn',
        'g.organizationId',
        'o.nameUk as orgUk',
        'o.nameEn as orgEn',
      ])
      .where('h.userId', '=', p.userId)
      .where('h.status', '=', 'approved');
    if (body.programId) query = query.where('h.programId', '=', body.programId);
    if (body.from) query = query.where('h.workDate', '>=', body.from);
    if (body.to) query = query.where('h.workDate', '<=', body.to);
    const entries = await query.orderBy('h.workDate').orderBy('h.id').execute();
    if (entries.length === 0)
      throw conflict(
        'no_approved_hours',
        'You have no approved hours in this program and period to certify.',
      );

    const byIssuer = new Map<string | null, ApprovedEntry[]>();
    for (const e of entries) byIssuer.set(e.organizationId, [...(byIssuer.get(e.organizationId) ?? []), e]);
    const created: string[] = [];
    for (const [organizationId, group] of byIssuer) {
      const first = group[0]!;
      const issuer: CertificateIssuer = organizationId
        ? {
            kind: 'organization',
            organizationId,
            name: { uk: first.orgUk!, en: first.orgEn || first.orgUk! },
          }
        : { kind: 'city', organizationId: null, name: CITY_ISSUER_NAME };
      const lines = linesOf(group);
      const totalMinutes = group.reduce((sum, e) => sum + e.minutes, 0);
      const period = {
        from: body.from ?? group[0]!.date,
        to: body.to ?? group.at(-1)!.date,
      };
      const id = randomUUID();
      const code = newCode(CERTIFICATE_CODE_LENGTH);
      const issuedAt = new Date();
      const { statusIndex } = await sql<{ statusIndex: number }>`
        select nextval('certificate_status_index_seq')::int8 as status_index`
        .execute(trx)
        .then((r) => r.rows[0]!);
      const credential = await signCredential(key, {
        id,
        code,
        base,
        locale: body.locale,
        printedName,
        issuer,
        lines,
        totalMinutes,
        period,
        issuedAt,
        statusIndex,
      });
      await trx
        .insertInto('certificates')
        .values({
          id,
          code,
          userId: p.userId,
          locale: body.locale,
          printedName,
          programId: body.programId ?? null,
          periodFrom: period.from,
          periodTo: period.to,
          issuerOrganizationId: organizationId,
          issuer: JSON.stringify(issuer),
          lines: JSON.stringify(lines),
          totalMinutes,
          statusIndex,
          baseUrl: base,
          credential,
          issuedBy: p.userId,
          issuedAt,
        })
        .execute();
      await trx
        .insertInto('certificateHours')
        .values(group.map((e) => ({ certificateId: id, hoursId: e.id })))
        .execute();
      await recordAudit(trx, {
        action: 'certificates.issued',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'certificate',
        targetId: id,
        ip,
        details: { code, organizationId, totalMinutes, entries: group.length },
      });
      created.push(id);
    }
    return created;
  });
  const rows = await certificateRows(db).where('c.id', 'in', ids).execute();
  const items = ids.map((id) => certificateView(rows.find((r) => r.id === id)!));
  return { items, total: items.length };
}

/** Revokes with a reason; the volunteer is told, the status list shows it at once. */
export async function revokeCertificate(
  db: Database,
  p: Principal,
  code: string,
  reason: string,
  ip: string,
  { withdrawHours = false }: { withdrawHours?: boolean } = {},
) {
  const cert = await certificateByCode(db, code);
  if (!vouchesFor(p, cert.issuerOrganizationId))
    throw forbidden('Only the issuing organisation’s owners and city admins revoke a certificate.');
  const why = reason.trim();
  if (why.length < 3)
    throw badRequest('validation_failed', 'Say why the certificate is revoked.', [
      { path: '/reason', code: 'minLength', message: 'at least 3 characters' },
    ]);
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('certificates')
      .set({ revokedAt: new Date(), revokedBy: p.userId, revokeReason: why })
      .where('id', '=', cert.id)
      .where('revokedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict('certificate_revoked', 'This certificate is already revoked.');
    // Hours approved by mistake: their approval goes with the certificate, so no later request
    // certifies them again. Entries another live certificate holds stay (the guard trigger would
    // refuse them anyway) until that one is revoked too.
    const withdrawn = withdrawHours
      ? await trx
          .updateTable('volunteerHours')
          .set({
            status: 'rejected',
            reason: `Withdrawn with certificate ${cert.code}: ${why}`,
            decidedBy: p.userId,
            decidedAt: new Date(),
          })
          .where('status', '=', 'approved')
          .where('id', 'in', (eb) =>
            eb.selectFrom('certificateHours').select('hoursId').where('certificateId', '=', cert.id),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('certificateHours as ch')
                  .innerJoin('certificates as c', 'c.id', 'ch.certificateId')
                  .select('ch.hoursId')
                  .whereRef('ch.hoursId', '=', 'volunteerHours.id')
                  .where('c.revokedAt', 'is', null),
              ),
            ),
          )
          .returning('id')
          .execute()
      : [];
    const total = { uk: hoursText(cert.totalMinutes, 'uk'), en: hoursText(cert.totalMinutes, 'en') };
    await insertNotification(trx, {
      userId: cert.userId,
      kind: 'volunteering.certificate_revoked',
      title: {
        uk: `Сертифікат ${cert.code} відкликано`,
        en: `Certificate ${cert.code} revoked`,
      },
      body: withdrawn.length
        ? {
            uk: `Сертифікат на ${total.uk} волонтерських годин відкликано, а затвердження цих годин знято. Причина: ${why}`,
            en: `The certificate of ${total.en} of volunteer hours was revoked and the approval of those hours withdrawn. Reason: ${why}`,
          }
        : {
            uk: `Сертифікат на ${total.uk} волонтерських годин відкликано. Причина: ${why}`,
            en: `The certificate of ${total.en} of volunteer hours was revoked. Reason: ${why}`,
          },
      link: '/my/certificates',
      data: { certificateId: cert.id, code: cert.code },
    });
    await recordAudit(trx, {
      action: 'certificates.revoked',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'certificate',
      targetId: cert.id,
      ip,
      details: { code: cert.code, reason: why, volunteerId: cert.userId, hoursWithdrawn: withdrawn.length },
    });
  });
  return certificateView(await certificateByCode(db, cert.code));
}

/** Live certificates that contain any of these hour entries (their codes). */
export async function certificatesContaining(db: Kysely<DB>, hoursIds: string[]): Promise<string[]> {
  if (hoursIds.length === 0) return [];
  const rows = await db
    .selectFrom('certificateHours as ch')
    .innerJoin('certificates as c', 'c.id', 'ch.certificateId')
    .select('c.code')
    .distinct()
    .where('ch.hoursId', 'in', hoursIds)
    .where('c.revokedAt', 'is', null)
    .execute();
  return rows.map((r) => r.code);
}

/** The signed status list `list`: which of its certificates are revoked. */
export async function statusListCredential(
  db: Database,
  config: Readonly<Config>,
  base: string,
  list: number,
) {
  const first = list * STATUS_LIST_SIZE;
  const rows = await db
    .selectFrom('certificates')
    .select(['statusIndex', 'revokedAt'])
    .where('statusIndex', '>=', first)
    .where('statusIndex', '<', first + STATUS_LIST_SIZE)
    .execute();
  if (rows.length === 0) throw notFound('No such status list.');
  const revoked = rows.filter((r) => r.revokedAt).map((r) => r.statusIndex - first);
  return signStatusList(config.credentialSigningKey, base, list, revoked);
}
