// Volunteer programs: created by the people who run them (a verified organisation's owners and
// members, a hub's managers, a district's admins, or the city), draft → published → closed.
// Drafts are visible to their own people only; the public list shows published programs.
import { DEFAULT_LIMIT } from '@vcentri/shared';
import type { ProgramInput, ProgramListQuery, ProgramPatch, ProgramView } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, conflict, forbidden, notFound, unauthorized } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import {
  cancelShiftRow,
  hasAcknowledged,
  loadProgramRow,
  type ProgramRow,
  programView,
  runsProgram,
} from './volunteering.repository';
import { containsPattern } from '../../db/like';

const PROGRAM_CLOSED_REASON = {
  uk: 'програму закрито.',
  en: 'the program is closed.',
  stored: 'Програму закрито / The program is closed',
};

const TRANSITIONS: Record<string, string[]> = {
  draft: ['draft', 'published', 'closed'],
  published: ['published', 'closed'],
  closed: ['closed'],
};

/** A program the caller may see: drafts only to their own people (others get a 404). */
export async function visibleProgram(db: Database, p: Principal | null, id: string): Promise<ProgramRow> {
  const row = await loadProgramRow(db, id);
  if (row.status === 'draft' && !runsProgram(p, row)) throw notFound('No such program.');
  return row;
}

/** A program the caller runs, else 403 (or 404 for a draft they cannot see). */
export async function managedProgram(db: Database, p: Principal, id: string): Promise<ProgramRow> {
  const row = await visibleProgram(db, p, id);
  if (!runsProgram(p, row)) throw forbidden('Only the program’s own people manage it.');
  return row;
}

export async function getProgram(db: Database, p: Principal | null, id: string): Promise<ProgramView> {
  const row = await visibleProgram(db, p, id);
  return programView(row, p, p ? await hasAcknowledged(db, id, p.userId) : false);
}

export async function listPrograms(db: Database, p: Principal | null, q: ProgramListQuery) {
  let base = db.selectFrom('volunteerPrograms').selectAll();
  if (q.managed) {
    // The caller's own programs in every status; the same rule as runsProgram, in SQL.
    if (!p) throw unauthorized('Log in to list the programs you run.');
    if (!p.isCityAdmin()) {
      const grants = p.grants;
      const ids = (role: string, pick: (g: (typeof grants)[number]) => string | null) =>
        grants.flatMap((g) => (g.role === role && pick(g) ? [pick(g)!] : []));
      const orgs = [
        ...ids('ngo_owner', (g) => g.organizationId),
        ...ids('ngo_member', (g) => g.organizationId),
      ];
      const hubs = ids('hub_manager', (g) => g.hubId);
      const districts = ids('district_admin', (g) => g.district);
      base = base.where((eb) => {
        const runs = [];
        if (orgs.length) runs.push(eb('organizationId', 'in', orgs));
        if (hubs.length) runs.push(eb.and([eb('organizationId', 'is', null), eb('hubId', 'in', hubs)]));
        if (districts.length)
          runs.push(
            eb.and([
              eb('organizationId', 'is', null),
              eb('hubId', 'is', null),
              eb('ownerDistrict', 'in', districts),
            ]),
          );
        return runs.length ? eb.or(runs) : eb.val(false);
      });
    }
    if (q.status) base = base.where('status', '=', q.status);
  } else {
    base = base.where('status', '=', 'published');
  }
  if (q.cause) base = base.where('cause', '=', q.cause);
  if (q.district) base = base.where(sql<boolean>`${q.district} = any(districts)`);
  if (q.skill) base = base.where(sql<boolean>`${q.skill} = any(skills)`);
  if (q.language) base = base.where(sql<boolean>`${q.language} = any(languages)`);
  if (q.age !== undefined) base = base.where('minAge', '<=', q.age);
  if (q.q?.trim()) {
    const like = containsPattern(q.q);
    base = base.where((eb) =>
      eb.or([
        eb('titleUk', 'ilike', like),
        eb('titleEn', 'ilike', like),
        eb('descriptionUk', 'ilike', like),
        eb('descriptionEn', 'ilike', like),
      ]),
    );
  }
  const rows = await base
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(q.limit ?? DEFAULT_LIMIT)
    .offset(q.offset ?? 0)
    .execute();
  return { items: rows.map((r) => programView(r, p, false)), total: rows[0]?.total ?? 0 };
}

export async function createProgram(db: Database, p: Principal, input: ProgramInput, ip: string) {
  const owners = [input.organizationId, input.hubId, input.ownerDistrict].filter((x) => x !== undefined);
  if (owners.length > 1)
    throw new AppError(
      'validation_failed',
      400,
      'Give at most one of organizationId, hubId, ownerDistrict.',
      [{ path: '/organizationId', code: 'oneOf', message: 'one owner only' }],
    );
  if (input.organizationId) {
    const org = await db
      .selectFrom('organizations')
      .select('status')
      .where('id', '=', input.organizationId)
      .executeTakeFirst();
    if (!org) throw notFound('No such organisation.');
    if (!p.isCityAdmin() && p.membershipOf(input.organizationId) === null)
      throw forbidden('Only the organisation’s owners and members run its programs.');
    if (org.status !== 'verified')
      throw new AppError('organization_not_verified', 403, 'Only verified organisations run programs.');
  } else if (input.hubId) {
    const hub = await db.selectFrom('hubs').select('id').where('id', '=', input.hubId).executeTakeFirst();
    if (!hub) throw notFound('No such hub.');
    if (!p.isCityAdmin() && !p.managesHub(input.hubId)) throw forbidden('Only the hub’s managers.');
  } else if (input.ownerDistrict) {
    if (!p.isCityAdmin() && !p.administersDistrict(input.ownerDistrict))
      throw forbidden('Only the district’s admins.');
  } else if (!p.isCityAdmin()) {
    throw forbidden('Only the city runs a city program; give your organisation, hub or district.');
  }
  const row = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('volunteerPrograms')
      .values({
        organizationId: input.organizationId ?? null,
        hubId: input.hubId ?? null,
        ownerDistrict: input.ownerDistrict ?? null,
        titleUk: input.title.uk.trim(),
        titleEn: input.title.en.trim(),
        descriptionUk: input.description?.uk ?? '',
        descriptionEn: input.description?.en ?? '',
        cause: input.cause,
        districts: input.districts ?? [],
        skills: (input.skills ?? []).map((s) => s.trim().toLowerCase()),
        languages: input.languages ?? ['uk'],
        minAge: input.minAge ?? 0,
        briefing: input.briefing?.trim() ? input.briefing : null,
        contact: input.contact ?? '',
        status: input.status ?? 'draft',
        createdBy: p.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'volunteering.program_created',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_program',
      targetId: r.id,
      ip,
      details: { status: r.status },
    });
    return r;
  });
  return programView(row, p, false);
}

export async function updateProgram(db: Database, p: Principal, id: string, patch: ProgramPatch, ip: string) {
  await managedProgram(db, p, id);
  const row = await db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('volunteerPrograms')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (patch.status && !TRANSITIONS[cur.status]!.includes(patch.status))
      throw conflict('invalid_transition', `A ${cur.status} program cannot become ${patch.status}.`);
    const r = await trx
      .updateTable('volunteerPrograms')
      .set({
        ...(patch.title ? { titleUk: patch.title.uk.trim(), titleEn: patch.title.en.trim() } : {}),
        ...(patch.description
          ? { descriptionUk: patch.description.uk, descriptionEn: patch.description.en }
          : {}),
        ...(patch.cause ? { cause: patch.cause } : {}),
        ...(patch.districts ? { districts: patch.districts } : {}),
        ...(patch.skills ? { skills: patch.skills.map((s) => s.trim().toLowerCase()) } : {}),
        ...(patch.languages ? { languages: patch.languages } : {}),
        ...(patch.minAge !== undefined ? { minAge: patch.minAge } : {}),
        ...(patch.briefing !== undefined ? { briefing: patch.briefing?.trim() ? patch.briefing : null } : {}),
        ...(patch.contact !== undefined ? { contact: patch.contact } : {}),
        ...(patch.status ? { status: patch.status } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Closing ends the program's future: every shift not yet started is cancelled and its
    // volunteers told, as a cancelled shift tells them (their reminders then send nothing).
    let cancelledShifts = 0;
    if (r.status === 'closed' && cur.status !== 'closed') {
      const future = await trx
        .selectFrom('volunteerShifts')
        .select(['id', 'startsAt'])
        .where('programId', '=', id)
        .where('status', '=', 'published')
        .where('startsAt', '>', new Date())
        .orderBy('startsAt')
        .forUpdate()
        .execute();
      for (const s of future)
        await cancelShiftRow(
          trx,
          { ...s, programTitleUk: r.titleUk, programTitleEn: r.titleEn },
          PROGRAM_CLOSED_REASON,
        );
      cancelledShifts = future.length;
    }
    await recordAudit(trx, {
      action: 'volunteering.program_updated',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_program',
      targetId: id,
      ip,
      details: { fields: Object.keys(patch), status: r.status, cancelledShifts },
    });
    return r;
  });
  return programView(row, p, await hasAcknowledged(db, id, p.userId));
}

export async function acknowledgeBriefing(db: Database, p: Principal, id: string, ip: string) {
  const row = await visibleProgram(db, p, id);
  await db
    .insertInto('volunteerBriefingAcks')
    .values({ programId: id, userId: p.userId })
    .onConflict((oc) => oc.columns(['programId', 'userId']).doNothing())
    .execute();
  await recordAudit(db, {
    action: 'volunteering.briefing_acknowledged',
    actorId: p.userId,
    actorEmail: p.email,
    targetType: 'volunteer_program',
    targetId: id,
    ip,
  });
  return programView(row, p, true);
}
