// Managing the network: city admins create hubs; city admins and a hub's managers keep its
// details, weekly hours, dated exceptions and rooms (with their booking rules) up to date.
import type { HubException, HubInput, HubPatch, RoomInput, RoomPatch } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { AppError, forbidden, isUniqueViolation, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import { findHub, findRoom } from './hubs.repository';

function assertManages(p: Principal, hubId: string) {
  if (!p.isCityAdmin() && !p.managesHub(hubId))
    throw forbidden('Only city admins and this hub’s managers manage it.');
}

function checkHours(hours: { weekday: number; opens: string; closes: string }[] | undefined) {
  if (!hours) return;
  hours.forEach((h, i) => {
    if (h.opens >= h.closes) {
      throw new AppError('validation_failed', 400, 'Opening must come before closing.', [
        { path: `/openingHours/${i}/closes`, code: 'invalid_interval', message: 'must be later than opens' },
      ]);
    }
  });
}

async function replaceHours(
  trx: Database,
  hubId: string,
  hours: { weekday: number; opens: string; closes: string }[],
) {
  await trx.deleteFrom('hubOpeningHours').where('hubId', '=', hubId).execute();
  if (hours.length) {
    await trx
      .insertInto('hubOpeningHours')
      .values(hours.map((h) => ({ hubId, weekday: h.weekday, opens: h.opens, closes: h.closes })))
      .execute();
  }
}

const hubColumns = (input: HubPatch) => ({
  ...(input.name ? { nameUk: input.name.uk.trim(), nameEn: input.name.en.trim() } : {}),
  ...(input.district ? { district: input.district } : {}),
  ...(input.address ? { addressUk: input.address.uk.trim(), addressEn: input.address.en.trim() } : {}),
  ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
  ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
  ...(input.shelterNotes
    ? { shelterNotesUk: input.shelterNotes.uk, shelterNotesEn: input.shelterNotes.en }
    : {}),
  ...(input.accessibilityNotes
    ? { accessibilityNotesUk: input.accessibilityNotes.uk, accessibilityNotesEn: input.accessibilityNotes.en }
    : {}),
});

export async function createHub(db: Database, p: Principal, input: HubInput, ip: string) {
  checkHours(input.openingHours);
  const id = await db.transaction().execute(async (trx) => {
    const hub = await trx
      .insertInto('hubs')
      .values(hubColumns(input) as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceHours(trx, hub.id, input.openingHours ?? []);
    await recordAudit(trx, {
      action: 'hub.created',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'hub',
      targetId: hub.id,
      ip,
    });
    return hub.id;
  });
  return (await findHub(db, id))!;
}

export async function updateHub(db: Database, p: Principal, hubId: string, patch: HubPatch, ip: string) {
  if (!(await findHub(db, hubId))) throw notFound('No such hub.');
  assertManages(p, hubId);
  if (patch.district && !p.isCityAdmin()) throw forbidden('Only city admins move a hub to another district.');
  checkHours(patch.openingHours);
  await db.transaction().execute(async (trx) => {
    const cols = hubColumns(patch);
    if (Object.keys(cols).length)
      await trx
        .updateTable('hubs')
        .set({ ...cols, updatedAt: new Date() })
        .where('id', '=', hubId)
        .execute();
    if (patch.openingHours) await replaceHours(trx, hubId, patch.openingHours);
    await recordAudit(trx, {
      action: 'hub.updated',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'hub',
      targetId: hubId,
      ip,
      details: { fields: Object.keys(patch) },
    });
  });
  return (await findHub(db, hubId))!;
}

const ruleColumns = (r: RoomPatch['rules']) =>
  r
    ? {
        ...(r.minMinutes !== undefined ? { minMinutes: r.minMinutes } : {}),
        ...(r.maxMinutes !== undefined ? { maxMinutes: r.maxMinutes } : {}),
        ...(r.leadMinutes !== undefined ? { leadMinutes: r.leadMinutes } : {}),
        ...(r.horizonDays !== undefined ? { horizonDays: r.horizonDays } : {}),
        ...(r.bufferMinutes !== undefined ? { bufferMinutes: r.bufferMinutes } : {}),
        ...(r.requiresApproval !== undefined ? { requiresApproval: r.requiresApproval } : {}),
        ...(r.monthlyQuotaHours !== undefined ? { monthlyQuotaHours: r.monthlyQuotaHours } : {}),
      }
    : {};

const roomColumns = (input: RoomPatch) => ({
  ...(input.name ? { nameUk: input.name.uk.trim(), nameEn: input.name.en.trim() } : {}),
  ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
  ...(input.equipment ? { equipment: input.equipment } : {}),
  ...(input.accessibilityFeatures ? { accessibilityFeatures: input.accessibilityFeatures } : {}),
  ...ruleColumns(input.rules),
});

const lengthOrder = () =>
  new AppError('validation_failed', 400, 'The shortest booking cannot be longer than the longest.', [
    { path: '/rules/minMinutes', code: 'invalid_interval', message: 'must not exceed maxMinutes' },
  ]);

async function withRoomChecks<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'rooms_length_order') throw lengthOrder();
    if (isUniqueViolation(err)) throw new AppError('conflict', 409, 'This conflicts with an existing room.');
    throw err;
  }
}

export async function createRoom(db: Database, p: Principal, hubId: string, input: RoomInput, ip: string) {
  if (!(await findHub(db, hubId))) throw notFound('No such hub.');
  assertManages(p, hubId);
  const id = await withRoomChecks(() =>
    db.transaction().execute(async (trx) => {
      const room = await trx
        .insertInto('rooms')
        .values({ hubId, ...roomColumns(input) } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        action: 'room.created',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'room',
        targetId: room.id,
        ip,
      });
      return room.id;
    }),
  );
  return (await findRoom(db, id))!;
}

export async function updateRoom(db: Database, p: Principal, roomId: string, patch: RoomPatch, ip: string) {
  const room = await findRoom(db, roomId);
  if (!room) throw notFound('No such room.');
  assertManages(p, room.hubId);
  await withRoomChecks(() =>
    db.transaction().execute(async (trx) => {
      const cols = roomColumns(patch);
      if (Object.keys(cols).length)
        await trx
          .updateTable('rooms')
          .set({ ...cols, updatedAt: new Date() })
          .where('id', '=', roomId)
          .execute();
      await recordAudit(trx, {
        action: 'room.updated',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'room',
        targetId: roomId,
        ip,
        details: { fields: Object.keys(patch) },
      });
    }),
  );
  return (await findRoom(db, roomId))!;
}

export async function listExceptions(
  db: Database,
  hubId: string,
  from?: string,
  to?: string,
): Promise<HubException[]> {
  let q = db
    .selectFrom('hubExceptions')
    .select([
      'id',
      sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
      sql<string | null>`to_char(opens, 'HH24:MI')`.as('opens'),
      sql<string | null>`to_char(closes, 'HH24:MI')`.as('closes'),
      'note',
    ])
    .where('hubId', '=', hubId)
    .orderBy('date');
  if (from) q = q.where(sql<boolean>`date >= ${from}::date`);
  if (to) q = q.where(sql<boolean>`date <= ${to}::date`);
  return q.execute();
}

export async function addException(
  db: Database,
  p: Principal,
  hubId: string,
  input: { date: string; opens?: string; closes?: string; note?: string },
  ip: string,
) {
  if (!(await findHub(db, hubId))) throw notFound('No such hub.');
  assertManages(p, hubId);
  if (
    (input.opens === undefined) !== (input.closes === undefined) ||
    (input.opens && input.closes && input.opens >= input.closes)
  ) {
    throw new AppError(
      'validation_failed',
      400,
      'Give both opening and closing time (opening first), or neither for a closed day.',
      [{ path: '/closes', code: 'invalid_interval', message: 'must be later than opens' }],
    );
  }
  try {
    const row = await db.transaction().execute(async (trx) => {
      const ex = await trx
        .insertInto('hubExceptions')
        .values({
          hubId,
          date: input.date,
          opens: input.opens ?? null,
          closes: input.closes ?? null,
          note: input.note?.trim() ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        action: 'hub.exception_added',
        actorId: p.userId,
        actorEmail: p.email,
        targetType: 'hub',
        targetId: hubId,
        ip,
        details: { date: input.date },
      });
      return ex;
    });
    return (await listExceptions(db, hubId)).find((e) => e.id === row.id)!;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', 409, 'This date already has an exception; remove it first.');
    throw err;
  }
}

export async function removeException(
  db: Database,
  p: Principal,
  hubId: string,
  exceptionId: string,
  ip: string,
) {
  assertManages(p, hubId);
  const res = await db
    .deleteFrom('hubExceptions')
    .where('id', '=', exceptionId)
    .where('hubId', '=', hubId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('No such exception.');
  await recordAudit(db, {
    action: 'hub.exception_removed',
    actorId: p.userId,
    actorEmail: p.email,
    targetType: 'hub',
    targetId: hubId,
    ip,
    details: { exceptionId },
  });
}
