// Attendance and hours. A coordinator (the program's own people) marks who came; each attendance
// creates the volunteer's hour entry for the shift, already approved — the coordinator's mark is
// the approval — and a no-show creates none. Volunteers log other work themselves: pending until
// a coordinator of that program approves or rejects it (one by one or in bulk). Decisions are
// final: approved hours are never un-approved, and every decision is audited. Hours inside a
// certificate that is not revoked are doubly fixed (409 hours_certified, and a database trigger).
import {
  type AttendanceBody,
  type HoursDecisionsBody,
  type HoursInput,
  localMinutes,
  type MyVolunteering,
  type RosterEntry,
  toKyiv,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { certificatesContaining } from '../certificates/certificates.service';
import { inviteOnCheckIn } from '../surveys/invites';
import type { Principal } from '../users/principal';
import { managedProgram, visibleProgram } from './programs';
import {
  hoursRows,
  hoursView,
  loadShiftRow,
  runsProgram,
  shiftRows,
  shiftView,
} from './volunteering.repository';
import { containsPattern } from '../../db/like';

async function coordinatedShift(db: Database, p: Principal, shiftId: string) {
  const s = await loadShiftRow(db, shiftId);
  if (!runsProgram(p, s)) {
    if (s.programStatus === 'draft') throw notFound('No such shift.');
    throw forbidden('Only the program’s coordinators see the roster and record attendance.');
  }
  return s;
}

export async function roster(
  db: Database,
  p: Principal,
  shiftId: string,
  search?: string,
): Promise<RosterEntry[]> {
  await coordinatedShift(db, p, shiftId);
  const q = search?.trim();
  let query = db
    .selectFrom('volunteerSignups as x')
    .innerJoin('users as u', 'u.id', 'x.userId')
    .leftJoin('volunteerProfiles as v', 'v.userId', 'x.userId')
    .select([
      'x.id',
      'x.userId',
      'u.name',
      'v.code',
      'u.email',
      'v.consentToContact',
      'x.status',
      'x.position',
      'x.present',
      'x.createdAt',
    ])
    .where('x.shiftId', '=', shiftId)
    .where('x.status', 'in', ['confirmed', 'waitlisted']);
  if (q) {
    const like = containsPattern(q);
    query = query.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('v.code', '=', q.toUpperCase())]));
  }
  const rows = await query
    .orderBy(sql`case x.status when 'confirmed' then 0 else 1 end`)
    .orderBy('x.position')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    signupId: r.id,
    userId: r.userId,
    name: r.name,
    code: r.code ?? '',
    email: r.consentToContact ? r.email : null,
    status: r.status as RosterEntry['status'],
    position: r.position,
    present: r.present,
    signedUpAt: r.createdAt.toISOString(),
  }));
}

export async function recordAttendance(
  db: Database,
  p: Principal,
  shiftId: string,
  body: AttendanceBody,
  ip: string,
) {
  const s = await coordinatedShift(db, p, shiftId);
  if (s.status === 'cancelled') throw conflict('shift_cancelled', 'The shift is cancelled.');
  if (s.startsAt.getTime() > Date.now())
    throw conflict('attendance_too_early', 'Attendance is recorded once the shift has started.');
  const ids = [...new Set(body.entries.map((e) => e.signupId))];
  if (ids.length !== body.entries.length)
    throw badRequest('validation_failed', 'Each sign-up once.', [
      { path: '/entries', code: 'uniqueItems', message: 'duplicate signupId' },
    ]);
  const minutes = Math.min(1440, localMinutes(s.startsAt, s.endsAt));
  const date = toKyiv(s.startsAt).date;
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('volunteerShifts').select('id').where('id', '=', shiftId).forUpdate().execute();
    const signups = await trx
      .selectFrom('volunteerSignups')
      .select(['id', 'userId', 'present'])
      .where('shiftId', '=', shiftId)
      .where('status', '=', 'confirmed')
      .where('id', 'in', ids)
      .execute();
    if (signups.length !== ids.length)
      throw new AppError('not_found', 404, 'Some sign-ups are not confirmed sign-ups of this shift.');
    const byId = new Map(signups.map((x) => [x.id, x]));
    for (const e of body.entries) {
      const x = byId.get(e.signupId)!;
      const entry = await trx
        .selectFrom('volunteerHours')
        .select(['id', 'status'])
        .where('signupId', '=', x.id)
        .executeTakeFirst();
      if (e.present) {
        if (!entry)
          await trx
            .insertInto('volunteerHours')
            .values({
              userId: x.userId,
              programId: s.programId,
              shiftId,
              signupId: x.id,
              workDate: date,
              minutes,
              description: s.task,
              source: 'attendance',
              status: 'approved',
              decidedBy: p.userId,
              decidedAt: new Date(),
            })
            .execute();
      } else if (entry && entry.status === 'approved') {
        const certificates = await certificatesContaining(trx, [entry.id]);
        if (certificates.length > 0)
          throw conflict(
            'hours_certified',
            'These hours are in a certificate; it must be revoked before they can change.',
            // How many, not which: the codes are the issuer's and the volunteer's to share.
            { signupId: x.id, certificates: certificates.length },
          );
        throw conflict(
          'hours_final',
          'This volunteer’s hours for the shift are already approved; they stay.',
          {
            signupId: x.id,
          },
        );
      }
      await trx
        .updateTable('volunteerSignups')
        .set({ present: e.present, attendanceBy: p.userId })
        .where('id', '=', x.id)
        .execute();
      // Open surveys this attendance now qualifies for invite the volunteer (modules/surveys).
      if (e.present) await inviteOnCheckIn(trx, { userId: x.userId, shiftId });
    }
    await recordAudit(trx, {
      action: 'volunteering.attendance',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_shift',
      targetId: shiftId,
      ip,
      details: {
        present: body.entries.filter((e) => e.present).map((e) => e.signupId),
        absent: body.entries.filter((e) => !e.present).map((e) => e.signupId),
      },
    });
  });
  return roster(db, p, shiftId);
}

export async function logHours(db: Database, p: Principal, input: HoursInput, ip: string) {
  const program = await visibleProgram(db, p, input.programId);
  if (program.status === 'draft') throw notFound('No such program.');
  if (input.date > toKyiv(new Date()).date)
    throw badRequest('hours_in_future', 'Hours are logged for work already done.', [
      { path: '/date', code: 'maximum', message: 'not after today' },
    ]);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('volunteerHours')
      .values({
        userId: p.userId,
        programId: input.programId,
        workDate: input.date,
        minutes: input.minutes,
        description: input.description.trim(),
        source: 'self_reported',
        status: 'pending',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'volunteering.hours_logged',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'volunteer_hours',
      targetId: row.id,
      ip,
      details: { programId: input.programId, minutes: input.minutes },
    });
    return row.id;
  });
  return hoursView(await hoursRows(db).where('h.id', '=', id).executeTakeFirstOrThrow());
}

/** Approves or rejects pending entries, all or none: each must be pending and of a program the caller runs. */
export async function decideHours(db: Database, p: Principal, body: HoursDecisionsBody, ip: string) {
  if (body.decision === 'reject' && !body.reason?.trim())
    throw badRequest('validation_failed', 'Say why the hours are rejected.', [
      { path: '/reason', code: 'required', message: 'required' },
    ]);
  const ids = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('volunteerHours as h')
      .innerJoin('volunteerPrograms as g', 'g.id', 'h.programId')
      .select(['h.id', 'h.status', 'h.userId', 'h.minutes', 'g.organizationId', 'g.hubId', 'g.ownerDistrict'])
      .where('h.id', 'in', body.ids)
      .forUpdate('h')
      .execute();
    // Someone else's entries stay invisible to a volunteer, as if they did not exist.
    if (rows.length !== body.ids.length) throw notFound('No such hour entry.');
    for (const r of rows) {
      if (!runsProgram(p, r)) throw forbidden('Only the program’s coordinators decide on its hours.');
      // A coordinator who volunteers too has their hours decided by someone else.
      if (r.userId === p.userId) throw forbidden('Someone else decides on your own hours.');
      if (r.status !== 'pending')
        throw conflict('hours_final', `Entry ${r.id} is already ${r.status}; decisions are final.`, {
          id: r.id,
        });
    }
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    await trx
      .updateTable('volunteerHours')
      .set({
        status,
        reason: body.decision === 'reject' ? body.reason!.trim() : null,
        decidedBy: p.userId,
        decidedAt: new Date(),
      })
      .where('id', 'in', body.ids)
      .execute();
    for (const r of rows)
      await recordAudit(trx, {
        action: `volunteering.hours_${status}`,
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'volunteer_hours',
        targetId: r.id,
        ip,
        details: {
          volunteerId: r.userId,
          minutes: r.minutes,
          ...(body.reason ? { reason: body.reason } : {}),
        },
      });
    return body.ids;
  });
  const rows = await hoursRows(db).where('h.id', 'in', ids).orderBy('h.createdAt').execute();
  return { items: rows.map(hoursView) };
}

export async function programHours(
  db: Database,
  p: Principal,
  programId: string,
  q: { status?: string; limit?: number; offset?: number },
) {
  await managedProgram(db, p, programId);
  let base = hoursRows(db).where('h.programId', '=', programId);
  if (q.status) base = base.where('h.status', '=', q.status);
  const [rows, totals] = await Promise.all([
    base
      .select(sql<number>`count(*) over ()::int`.as('total'))
      .orderBy('h.createdAt')
      .orderBy('h.id')
      .limit(q.limit ?? DEFAULT_LIMIT)
      .offset(q.offset ?? 0)
      .execute(),
    db
      .selectFrom('volunteerHours')
      .select([
        sql<number>`coalesce(sum(minutes) filter (where status = 'approved'), 0)::int`.as('approvedMinutes'),
        sql<number>`coalesce(sum(minutes) filter (where status = 'pending'), 0)::int`.as('pendingMinutes'),
        sql<number>`count(distinct user_id) filter (where status = 'approved')::int`.as('volunteers'),
      ])
      .where('programId', '=', programId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(hoursView), total: rows[0]?.total ?? 0, totals };
}

export async function myVolunteering(db: Database, p: Principal): Promise<MyVolunteering> {
  const [signups, entries, totals] = await Promise.all([
    shiftRows(db)
      .innerJoin('volunteerSignups as m', 'm.shiftId', 's.id')
      .select(['m.id as signupId', 'm.status as signupStatus', 'm.position as signupPosition'])
      .where('m.userId', '=', p.userId)
      .where('m.status', 'in', ['confirmed', 'waitlisted'])
      .where('s.endsAt', '>', new Date())
      .orderBy('s.startsAt')
      .limit(200)
      .execute(),
    hoursRows(db)
      .where('h.userId', '=', p.userId)
      .orderBy('h.workDate', 'desc')
      .orderBy('h.createdAt', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('volunteerHours')
      .select([
        sql<number>`coalesce(sum(minutes) filter (where status = 'approved'), 0)::int`.as('approved'),
        sql<number>`coalesce(sum(minutes) filter (where status = 'pending'), 0)::int`.as('pending'),
      ])
      .where('userId', '=', p.userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    shifts: signups.map((r) => ({
      signupId: r.signupId,
      status: r.signupStatus as 'confirmed' | 'waitlisted',
      position: r.signupPosition,
      shift: shiftView(r),
    })),
    hours: {
      approvedMinutes: totals.approved,
      pendingMinutes: totals.pending,
      entries: entries.map(hoursView),
    },
  };
}
