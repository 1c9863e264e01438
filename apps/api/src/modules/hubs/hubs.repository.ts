// Hubs, their weekly opening hours and their rooms.
import type { Hub, OpeningInterval, Room } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import type { DB, HubRow, RoomRow } from '../../db/schema';

const hhmm = (t: string) => (t.startsWith('24') ? '24:00' : t.slice(0, 5));

async function openingHoursOf(db: Kysely<DB>, hubIds: string[]): Promise<Map<string, OpeningInterval[]>> {
  const out = new Map<string, OpeningInterval[]>();
  if (hubIds.length === 0) return out;
  const rows = await db
    .selectFrom('hubOpeningHours')
    .select([
      'hubId',
      'weekday',
      sql<string>`opens::text`.as('opens'),
      sql<string>`closes::text`.as('closes'),
    ])
    .where('hubId', 'in', hubIds)
    .orderBy('weekday')
    .orderBy('opens')
    .execute();
  for (const r of rows) {
    const list = out.get(r.hubId) ?? [];
    list.push({ weekday: r.weekday, opens: hhmm(r.opens), closes: hhmm(r.closes) });
    out.set(r.hubId, list);
  }
  return out;
}

function toHubDto(row: HubRow & { roomCount: number }, hours: OpeningInterval[]): Hub {
  return {
    id: row.id,
    name: { uk: row.nameUk, en: row.nameEn },
    district: row.district as Hub['district'],
    address: { uk: row.addressUk, en: row.addressEn },
    latitude: row.latitude,
    longitude: row.longitude,
    shelterNotes: { uk: row.shelterNotesUk, en: row.shelterNotesEn },
    accessibilityNotes: { uk: row.accessibilityNotesUk, en: row.accessibilityNotesEn },
    openingHours: hours,
    roomCount: row.roomCount,
    isDemo: row.isDemo,
  };
}

export function toRoomDto(row: RoomRow): Room {
  return {
    id: row.id,
    hubId: row.hubId,
    name: { uk: row.nameUk, en: row.nameEn },
    capacity: row.capacity,
    equipment: row.equipment,
    accessibilityFeatures: row.accessibilityFeatures,
    rules: {
      minMinutes: row.minMinutes,
      maxMinutes: row.maxMinutes,
      leadMinutes: row.leadMinutes,
      horizonDays: row.horizonDays,
      bufferMinutes: row.bufferMinutes,
      requiresApproval: row.requiresApproval,
      monthlyQuotaHours: row.monthlyQuotaHours,
    },
    isDemo: row.isDemo,
  };
}

function hubsWithRoomCount(db: Kysely<DB>) {
  return db
    .selectFrom('hubs')
    .selectAll('hubs')
    .select((eb) =>
      eb
        .selectFrom('rooms')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('rooms.hubId', '=', 'hubs.id')
        .as('roomCount'),
    );
}

export async function listHubs(db: Kysely<DB>, filter: { district?: string; limit: number; offset: number }) {
  let base = db.selectFrom('hubs');
  if (filter.district) base = base.where('district', '=', filter.district);
  let rowsQ = hubsWithRoomCount(db);
  if (filter.district) rowsQ = rowsQ.where('district', '=', filter.district);
  const [rows, count] = await Promise.all([
    rowsQ.orderBy('nameUk').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const hours = await openingHoursOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toHubDto({ ...r, roomCount: r.roomCount ?? 0 }, hours.get(r.id) ?? [])),
    total: count.n,
  };
}

export async function findHub(db: Kysely<DB>, id: string): Promise<Hub | undefined> {
  const row = await hubsWithRoomCount(db).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const hours = await openingHoursOf(db, [id]);
  return toHubDto({ ...row, roomCount: row.roomCount ?? 0 }, hours.get(id) ?? []);
}

export async function listRooms(db: Kysely<DB>, hubId: string): Promise<Room[]> {
  const rows = await db
    .selectFrom('rooms')
    .selectAll()
    .where('hubId', '=', hubId)
    .orderBy('nameUk')
    .orderBy('id')
    .execute();
  return rows.map(toRoomDto);
}

export async function findRoom(db: Kysely<DB>, id: string): Promise<Room | undefined> {
  const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRoomDto(row) : undefined;
}
