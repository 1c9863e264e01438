// `hub-activity`: per room and Kyiv day, its opening, closed and booked hours and its bookings —
// the rows the dashboard, the quarterly reports and the district view add up (one definition,
// dashboard/activity.ts), so anyone can recompute their figures. The 365 days up to yesterday;
// a room's day appears when the room was open or booked. Counts only: no organisation, no title,
// nothing of a pending request but that it exists.
import { addDays, fromKyiv, toKyiv } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { roomDaysCte } from '../dashboard/activity';
import type { Dataset, FieldDoc } from './datasets';
import { f } from './field';

/** The days the dataset covers: the 365 before today (Kyiv). */
export function activityWindow(now: Date = new Date()): { from: string; to: string } {
  const today = toKyiv(now).date;
  return { from: addDays(today, -365), to: addDays(today, -1) };
}

export async function activityRows(db: Database, window = activityWindow()) {
  // The database handle turns result columns into camelCase; the dataset's fields are snake_case.
  const { rows } = await sql<{
    date: string;
    district: string;
    hubId: string;
    hubNameUk: string;
    hubNameEn: string;
    roomId: string;
    roomNameUk: string;
    roomNameEn: string;
    openHours: number;
    closedHours: number;
    bookedHours: number;
    bookings: number;
    pending: number;
  }>`
    with ${roomDaysCte(window)}
    select to_char(rd.day, 'YYYY-MM-DD') as date, rd.district, rd.hub_id, h.name_uk as hub_name_uk,
           h.name_en as hub_name_en, rd.room_id, r.name_uk as room_name_uk, r.name_en as room_name_en,
           round((rd.scheduled_s - rd.closed_s) / 3600.0, 4)::float8 as open_hours,
           round(rd.closed_s / 3600.0, 4)::float8 as closed_hours,
           round(rd.booked_s / 3600.0, 4)::float8 as booked_hours,
           rd.bookings::int as bookings, rd.pending::int as pending
    from room_days rd
    join rooms r on r.id = rd.room_id
    join hubs h on h.id = rd.hub_id
    where rd.scheduled_s > 0 or rd.booked_s > 0 or rd.bookings > 0 or rd.pending > 0
    order by rd.day, h.name_uk, r.name_uk, rd.room_id`.execute(db);
  return rows.map((r) => ({
    date: r.date,
    district: r.district,
    hub_id: r.hubId,
    hub_name_uk: r.hubNameUk,
    hub_name_en: r.hubNameEn,
    room_id: r.roomId,
    room_name_uk: r.roomNameUk,
    room_name_en: r.roomNameEn,
    open_hours: r.openHours,
    closed_hours: r.closedHours,
    booked_hours: r.bookedHours,
    bookings: r.bookings,
    pending: r.pending,
  }));
}

export const hubActivityDataset: Dataset = {
  id: 'hub-activity',
  title: { uk: 'Активність хабів за днями', en: 'Hub activity by day' },
  description: {
    uk: 'Для кожного приміщення й кожного київського дня за останні 365 днів: години роботи (після закриттів), години закриття, заброньовані години, підтверджені бронювання й запити, що чекають рішення. Панель «Хаби в цифрах», квартальні звіти й огляд району — це суми цих рядків. Без назв організацій і без персональних даних.',
    en: 'For every room and every Kyiv day of the last 365 days: opening hours (after closures), closed hours, booked hours, confirmed bookings and requests awaiting a decision. The "Hubs in figures" dashboard, the quarterly reports and the district view are sums of these rows. No organisation names, no personal data.',
  },
  updateFrequency: 'DAILY',
  keywords: {
    uk: ['громадські хаби', 'завантаженість', 'бронювання', 'приміщення', 'Київ'],
    en: ['community hubs', 'utilisation', 'bookings', 'rooms', 'Kyiv'],
  },
  tables: ['hubs', 'rooms', 'hub_opening_hours', 'hub_exceptions', 'closures'],
  fields: [
    f('date', 'string', 'Київський день (РРРР-ММ-ДД)', 'Kyiv day (YYYY-MM-DD)'),
    f('district', 'string', 'Район Києва (код)', 'Kyiv district (code)'),
    f('hub_id', 'uuid', 'Ідентифікатор хабу (набір hubs)', 'Hub identifier (dataset hubs)'),
    f('hub_name_uk', 'string', 'Назва хабу українською', 'Hub name in Ukrainian'),
    f('hub_name_en', 'string', 'Назва хабу англійською', 'Hub name in English'),
    f('room_id', 'uuid', 'Ідентифікатор приміщення (набір rooms)', 'Room identifier (dataset rooms)'),
    f('room_name_uk', 'string', 'Назва приміщення українською', 'Room name in Ukrainian'),
    f('room_name_en', 'string', 'Назва приміщення англійською', 'Room name in English'),
    f(
      'open_hours',
      'number',
      'Години роботи цього дня в реальних годинах (день переведення годинника має справжню тривалість), за вирахуванням закриттів',
      'Opening hours that day in real hours (a day when the clocks change has its true length), less closures',
    ),
    f(
      'closed_hours',
      'number',
      'Години роботи, втрачені через закриття приміщення або хабу (тривоги, відключення); перетини рахуються один раз',
      'Opening hours lost to closures of the room or the hub (alerts, power cuts); overlaps count once',
    ),
    f(
      'booked_hours',
      'number',
      'Години підтверджених бронювань у цьому дні',
      'Hours of confirmed bookings within the day',
    ),
    f(
      'bookings',
      'integer',
      'Підтверджені бронювання, що починаються цього дня',
      'Confirmed bookings starting that day',
    ),
    f(
      'pending',
      'integer',
      'Запити на бронювання, що починаються цього дня й чекають рішення',
      'Booking requests starting that day, awaiting a decision',
    ),
  ],
  // Built from the bookings on every request: complete up to the end of yesterday.
  lastModified: async () => {
    const { to } = activityWindow();
    return fromKyiv(addDays(to, 1), '00:00');
  },
  records: async (db) => activityRows(db as Database),
};
