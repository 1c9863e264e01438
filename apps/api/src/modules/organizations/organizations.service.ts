// The registry's rules: who may see, edit and move an organisation through its lifecycle,
// what is recorded in its history, and who belongs to it.
import {
  type HistoryEntry,
  type Member,
  ORGANIZATION_TRANSITIONS,
  type Organization,
  type OrganizationAction,
  type OrganizationInput,
  type OrganizationPatch,
  organizationProblems,
} from '@vcentri/shared';
import type { Database } from '../../db/database';
import { AppError, badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import { findUserByEmail } from '../users/users.repository';
import {
  findOrganization,
  insertHistory,
  insertOrganization,
  listHistory,
  listMembers,
  membershipOf,
  type OrgRow,
  toColumns,
  toDto,
  updateOrganization,
} from './organizations.repository';

/** Fields the public registry shows: changing one on a verified organisation is flagged for staff. */
const PUBLIC_FIELDS = [
  'nameUk',
  'nameEn',
  'legalForm',
  'edrpou',
  'district',
  'address',
  'activities',
  'targetGroups',
  'contacts',
  'descriptionUk',
  'descriptionEn',
  'yearFounded',
] as const;

const PROBLEM_DETAIL = {
  invalid_edrpou: 'The EDRPOU code must be 8 digits with a valid check digit.',
  edrpou_required: 'This legal form needs an EDRPOU code.',
  edrpou_not_allowed: 'An organisation without legal status has no EDRPOU code.',
} as const;

function checkFields(input: Pick<OrganizationInput, 'legalForm' | 'edrpou'>) {
  const problems = organizationProblems(input);
  const first = problems[0];
  if (first) {
    throw badRequest(
      first.code,
      PROBLEM_DETAIL[first.code],
      problems.map((p) => ({ path: p.path, code: p.code, message: PROBLEM_DETAIL[p.code] })),
    );
  }
}

const edrpouTaken = () =>
  new AppError('edrpou_taken', 409, 'An organisation with this EDRPOU code is already in the registry.', [
    { path: '/edrpou', code: 'edrpou_taken', message: 'Already in the registry.' },
  ]);

async function withUniqueEdrpou<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw edrpouTaken();
    throw err;
  }
}

function viewOf(p: Principal | null, row: OrgRow): Organization {
  return toDto(row, p?.membershipOf(row.id) ?? null, p?.isCityAdmin() ?? false);
}

/** Members, the owner and city admins see any state; everyone else only verified organisations. */
export async function getOrganization(db: Database, p: Principal | null, id: string): Promise<Organization> {
  const row = await findOrganization(db, id);
  if (!row) throw notFound('No such organisation.');
  const insider = p && (p.isCityAdmin() || p.membershipOf(id));
  if (!insider && row.status !== 'verified') throw notFound('No such organisation.');
  return viewOf(p, row);
}

export async function createOrganization(db: Database, p: Principal, input: OrganizationInput, ip: string) {
  checkFields(input);
  const row = await withUniqueEdrpou(() =>
    db.transaction().execute(async (trx) => {
      const org = await insertOrganization(trx, input);
      await trx
        .insertInto('roleGrants')
        .values({ userId: p.userId, role: 'ngo_owner', organizationId: org.id, grantedBy: p.userId })
        .execute();
      await insertHistory(trx, {
        organizationId: org.id,
        actorId: p.userId,
        action: 'created',
        toStatus: 'draft',
      });
      await recordAudit(trx, {
        action: 'organization.created',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'organization',
        targetId: org.id,
        ip,
      });
      return org;
    }),
  );
  return toDto(row, 'ngo_owner', p.isCityAdmin());
}

export async function updateOrganizationFields(
  db: Database,
  p: Principal,
  id: string,
  patch: OrganizationPatch,
  ip: string,
) {
  return withUniqueEdrpou(() =>
    db.transaction().execute(async (trx) => {
      const row = await findOrganization(trx, id, true);
      if (!row) throw notFound('No such organisation.');
      const member = p.membershipOf(id);
      if (!member && !p.isCityAdmin()) {
        if (row.status === 'verified') throw forbidden('Only the organisation’s people may edit it.');
        throw notFound('No such organisation.');
      }
      if (row.status === 'archived')
        throw conflict('invalid_transition', 'An archived organisation cannot be edited.');
      const merged = {
        legalForm: (patch.legalForm ?? row.legalForm) as OrganizationInput['legalForm'],
        edrpou: patch.edrpou !== undefined ? patch.edrpou : row.edrpou,
      };
      checkFields(merged);
      const columns = toColumns(patch);
      const changes: { field: string; old: unknown; new: unknown }[] = [];
      for (const field of PUBLIC_FIELDS) {
        if (!(field in columns)) continue;
        const before = row[field as keyof OrgRow];
        const after = field === 'contacts' ? patch.contacts : columns[field];
        if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null))
          changes.push({ field, old: before ?? null, new: after ?? null });
      }
      if (changes.length === 0) return viewOf(p, row);
      const set: Record<string, unknown> = { ...columns };
      if (row.status === 'verified') set.changedSinceVerification = true;
      const updated = await updateOrganization(trx, id, set);
      await insertHistory(trx, { organizationId: id, actorId: p.userId, action: 'updated', changes });
      if (row.status === 'verified') {
        await recordAudit(trx, {
          action: 'organization.public_fields_changed',
          actorId: p.userId,
          actorEmail: p.email,
          targetType: 'organization',
          targetId: id,
          ip,
          details: { fields: changes.map((c) => c.field) },
        });
      }
      return viewOf(p, updated);
    }),
  );
}

/** Moves an organisation along its lifecycle, if this principal may make this move from here. */
export async function transition(
  db: Database,
  p: Principal,
  id: string,
  action: OrganizationAction,
  reason: string | null,
  ip: string,
): Promise<Organization> {
  const rule = ORGANIZATION_TRANSITIONS[action];
  return db.transaction().execute(async (trx) => {
    const row = await findOrganization(trx, id, true);
    if (!row) throw notFound('No such organisation.');
    const role = p.membershipOf(id);
    const admin = p.isCityAdmin();
    if (!role && !admin && row.status !== 'verified') throw notFound('No such organisation.');
    const allowed =
      rule.by === 'owner'
        ? role === 'ngo_owner'
        : rule.by === 'city_admin'
          ? admin
          : role === 'ngo_owner' || admin;
    if (!allowed) throw forbidden(`Only ${rule.by.replace(/_/g, ' ')} may ${action} an organisation.`);
    if (!(rule.from as readonly string[]).includes(row.status)) {
      throw conflict('invalid_transition', `A ${row.status} organisation cannot be moved with “${action}”.`, {
        from: row.status,
        action,
      });
    }
    const set: Record<string, unknown> = { status: rule.to };
    if (action === 'submit') {
      set.submittedAt = new Date();
    }
    if (action === 'verify' || action === 'reinstate') {
      set.verifiedAt = new Date();
      set.rejectionReason = null;
      set.statusReason = null;
      set.changedSinceVerification = false;
    }
    if (action === 'reject') set.rejectionReason = reason;
    if (action === 'suspend' || action === 'archive') set.statusReason = reason;
    const updated = await updateOrganization(trx, id, set);
    await insertHistory(trx, {
      organizationId: id,
      actorId: p.userId,
      action,
      fromStatus: row.status,
      toStatus: rule.to,
      reason,
    });
    await recordAudit(trx, {
      action: `organization.${action}`,
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'organization',
      targetId: id,
      ip,
      details: { from: row.status, to: rule.to, ...(reason ? { reason } : {}) },
    });
    return viewOf(p, updated);
  });
}

/** A city admin has looked at the changes a verified organisation made to its public fields. */
export async function acknowledgeChanges(db: Database, p: Principal, id: string, ip: string) {
  return db.transaction().execute(async (trx) => {
    const row = await findOrganization(trx, id, true);
    if (!row) throw notFound('No such organisation.');
    if (!row.changedSinceVerification) return viewOf(p, row);
    const updated = await updateOrganization(trx, id, { changedSinceVerification: false });
    await insertHistory(trx, { organizationId: id, actorId: p.userId, action: 'changes_reviewed' });
    await recordAudit(trx, {
      action: 'organization.changes_reviewed',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'organization',
      targetId: id,
      ip,
    });
    return viewOf(p, updated);
  });
}

export async function getHistory(db: Database, p: Principal, id: string): Promise<HistoryEntry[]> {
  const row = await findOrganization(db, id);
  if (!row) throw notFound('No such organisation.');
  if (!(p.isCityAdmin() || p.membershipOf(id) === 'ngo_owner'))
    throw forbidden('Only the owner and city administrators read the history.');
  const rows = await listHistory(db, id);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), changes: r.changes ?? [] }));
}

async function requireInsider(db: Database, p: Principal, id: string, owner: boolean) {
  const row = await findOrganization(db, id);
  if (!row) throw notFound('No such organisation.');
  const role = p.membershipOf(id);
  if (owner ? role !== 'ngo_owner' : !role && !p.isCityAdmin()) {
    if (!role && !p.isCityAdmin() && row.status !== 'verified') throw notFound('No such organisation.');
    throw forbidden(
      owner ? 'Only the owner manages members.' : 'Only the organisation’s people see its members.',
    );
  }
  return row;
}

export async function getMembers(db: Database, p: Principal, id: string): Promise<Member[]> {
  await requireInsider(db, p, id, false);
  const rows = await listMembers(db, id);
  return rows.map((r) => ({ ...r, role: r.role as Member['role'], since: r.since.toISOString() }));
}

export async function addMember(
  db: Database,
  p: Principal,
  id: string,
  email: string,
  ip: string,
): Promise<Member> {
  await requireInsider(db, p, id, true);
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError(
      'account_not_found',
      404,
      'No account has this e-mail; ask the person to register first.',
      [{ path: '/email', code: 'account_not_found', message: 'No account has this e-mail.' }],
    );
  }
  return db.transaction().execute(async (trx) => {
    try {
      const grant = await trx
        .insertInto('roleGrants')
        .values({ userId: user.id, role: 'ngo_member', organizationId: id, grantedBy: p.userId })
        .returning(['createdAt'])
        .executeTakeFirstOrThrow();
      await insertHistory(trx, {
        organizationId: id,
        actorId: p.userId,
        action: 'member_added',
        changes: [{ field: 'member', old: null, new: user.email }],
      });
      await recordAudit(trx, {
        action: 'role.granted',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'user',
        targetId: user.id,
        ip,
        details: { role: 'ngo_member', organizationId: id },
      });
      return {
        userId: user.id,
        email: user.email,
        name: user.name,
        role: 'ngo_member' as const,
        since: grant.createdAt.toISOString(),
      };
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('already_member', 'This account already belongs to the organisation.');
      throw err;
    }
  });
}

export async function removeMember(
  db: Database,
  p: Principal,
  id: string,
  userId: string,
  ip: string,
): Promise<void> {
  const self = userId === p.userId;
  await requireInsider(db, p, id, !self);
  await db.transaction().execute(async (trx) => {
    const grant = await membershipOf(trx, id, userId);
    if (!grant) throw notFound('This account is not a member.');
    if (grant.role === 'ngo_owner')
      throw conflict('last_owner', 'Hand the ownership over before the owner leaves.');
    await trx.deleteFrom('roleGrants').where('id', '=', grant.id).execute();
    const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    await insertHistory(trx, {
      organizationId: id,
      actorId: p.userId,
      action: 'member_removed',
      changes: [{ field: 'member', old: user?.email ?? userId, new: null }],
    });
    await recordAudit(trx, {
      action: 'role.revoked',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'user',
      targetId: userId,
      ip,
      details: { role: grant.role, organizationId: id },
    });
  });
}

export async function transferOwnership(
  db: Database,
  p: Principal,
  id: string,
  userId: string,
  ip: string,
): Promise<Member[]> {
  await requireInsider(db, p, id, true);
  if (userId === p.userId)
    throw badRequest('validation_failed', 'You already own this organisation.', [
      { path: '/userId', code: 'invalid', message: 'Choose another member.' },
    ]);
  await db.transaction().execute(async (trx) => {
    const target = await membershipOf(trx, id, userId);
    if (!target) throw notFound('This account is not a member; add it first.');
    await trx
      .updateTable('roleGrants')
      .set({ role: 'ngo_member' })
      .where('organizationId', '=', id)
      .where('userId', '=', p.userId)
      .execute();
    await trx.updateTable('roleGrants').set({ role: 'ngo_owner' }).where('id', '=', target.id).execute();
    await insertHistory(trx, {
      organizationId: id,
      actorId: p.userId,
      action: 'ownership_transferred',
      changes: [{ field: 'owner', old: p.userId, new: userId }],
    });
    await recordAudit(trx, {
      action: 'role.granted',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'user',
      targetId: userId,
      ip,
      details: { role: 'ngo_owner', organizationId: id, from: p.userId },
    });
  });
  return getMembers(db, { ...p, membershipOf: (o) => (o === id ? 'ngo_member' : p.membershipOf(o)) }, id);
}
