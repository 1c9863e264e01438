// The hub network as open data: `hubs` (where, when open, shelter and accessibility) and `rooms`
// (capacity, equipment, accessibility, booking rules). Places and rules only — no bookings, no
// names of managers or of anyone else.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Dataset, FieldDoc } from './datasets';
import { f } from './field';

const hhmm = (t: string) => (t.startsWith('24') ? '24:00' : t.slice(0, 5));
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

export interface OpeningInterval {
  weekday: number;
  opens: string;
  closes: string;
}

/**
 * Weekly opening hours in the OpenStreetMap `opening_hours` syntax, Kyiv local time:
 * `Mo-Fr 09:00-18:00; Sa 10:00-14:00,15:00-17:00`. Consecutive weekdays with the same hours are
 * joined into a range; a weekday that is not named is closed; no hours at all is an empty string.
 */
export function openingHoursText(intervals: readonly OpeningInterval[]): string {
  const byDay = OSM_DAYS.map((_, i) =>
    intervals
      .filter((x) => x.weekday === i + 1)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((x) => `${x.opens}-${x.closes}`)
      .join(','),
  );
  const parts: string[] = [];
  let i = 0;
  while (i < 7) {
    const hours = byDay[i]!;
    let j = i;
    while (j + 1 < 7 && byDay[j + 1] === hours) j++;
    if (hours) parts.push(`${OSM_DAYS[i]}${j > i ? `-${OSM_DAYS[j]}` : ''} ${hours}`);
    i = j + 1;
  }
  return parts.join('; ');
}

const lastOf = async (db: Kysely<DB>, query: ReturnType<typeof sql<{ at: Date | null }>>) =>
  (await query.execute(db)).rows[0]?.at ?? new Date(0);

export const hubsDataset: Dataset = {
  id: 'hubs',
  title: { uk: 'Хаби Vcentri', en: 'Vcentri hubs' },
  description: {
    uk: 'Мережа хабів: адреса, район, координати, години роботи за днями тижня (текстом і як JSON), найближчі винятки в розкладі, укриття й доступність. Без персональних даних.',
    en: 'The hub network: address, district, coordinates, opening hours per weekday (as text and as JSON), upcoming exceptions to the timetable, shelter and accessibility. No personal data.',
  },
  updateFrequency: 'MONTHLY',
  keywords: {
    uk: ['громадські хаби', 'години роботи', 'укриття', 'доступність', 'Київ'],
    en: ['community hubs', 'opening hours', 'shelter', 'accessibility', 'Kyiv'],
  },
  tables: ['hubs', 'hub_opening_hours', 'hub_exceptions', 'rooms'],
  fields: [
    f('id', 'uuid', 'Ідентифікатор хабу', 'Hub identifier'),
    f('name_uk', 'string', 'Назва українською', 'Name in Ukrainian'),
    f('name_en', 'string', 'Назва англійською', 'Name in English'),
    f('district', 'string', 'Район Києва (код)', 'Kyiv district (code)'),
    f('address_uk', 'string', 'Адреса українською', 'Address in Ukrainian'),
    f('address_en', 'string', 'Адреса англійською', 'Address in English'),
    f('latitude', 'number', 'Широта (WGS 84)', 'Latitude (WGS 84)'),
    f('longitude', 'number', 'Довгота (WGS 84)', 'Longitude (WGS 84)'),
    f(
      'opening_hours',
      'string',
      'Години роботи за київським часом у синтаксисі OpenStreetMap opening_hours, напр. «Mo-Fr 09:00-18:00; Sa 10:00-14:00»; не названий день — вихідний',
      'Opening hours in Kyiv time in the OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-18:00; Sa 10:00-14:00"; a weekday not named is closed',
    ),
    f(
      'opening_hours_json',
      'json',
      'Ті самі години як JSON-масив [{"weekday":1–7 (1 = понеділок),"opens":"HH:MM","closes":"HH:MM"}]',
      'The same hours as a JSON array [{"weekday":1–7 (1 = Monday),"opens":"HH:MM","closes":"HH:MM"}]',
    ),
    f(
      'upcoming_exceptions',
      'json',
      'Винятки з розкладу від сьогодні (за київським часом) як JSON-масив [{"date":"YYYY-MM-DD","opens":"HH:MM" або null,"closes":"HH:MM" або null,"note":"…"}]; opens і closes null — хаб зачинений увесь день',
      'Exceptions to the timetable from today on (Kyiv time) as a JSON array [{"date":"YYYY-MM-DD","opens":"HH:MM" or null,"closes":"HH:MM" or null,"note":"…"}]; opens and closes null means closed all day',
    ),
    f('shelter_notes_uk', 'string', 'Укриття: де і як (українською)', 'Shelter: where and how (Ukrainian)'),
    f('shelter_notes_en', 'string', 'Укриття: де і як (англійською)', 'Shelter: where and how (English)'),
    f(
      'accessibility_notes_uk',
      'string',
      'Доступність хабу (українською)',
      'Accessibility of the hub (Ukrainian)',
    ),
    f(
      'accessibility_notes_en',
      'string',
      'Доступність хабу (англійською)',
      'Accessibility of the hub (English)',
    ),
    f('room_count', 'integer', 'Кількість приміщень', 'Number of rooms'),
    f(
      'updated_at',
      'date-time',
      'Коли дані хабу востаннє змінено (ISO 8601, UTC)',
      'When the hub’s data last changed (ISO 8601, UTC)',
    ),
  ],
  // Exceptions have no timestamps of their own: their additions and removals are in the audit log.
  lastModified: (db) =>
    lastOf(
      db,
      sql<{ at: Date | null }>`select greatest(
          (select max(greatest(created_at, updated_at)) from hubs),
          (select max(created_at) from rooms),
          (select max(at) from audit_log
            where action in ('hub.exception_added', 'hub.exception_removed'))
        ) as at`,
    ),
  records: async (db) => {
    const [hubs, hours, exceptions] = await Promise.all([
      db
        .selectFrom('hubs as h')
        .select([
          'h.id',
          'h.nameUk',
          'h.nameEn',
          'h.district',
          'h.addressUk',
          'h.addressEn',
          'h.latitude',
          'h.longitude',
          'h.shelterNotesUk',
          'h.shelterNotesEn',
          'h.accessibilityNotesUk',
          'h.accessibilityNotesEn',
          'h.updatedAt',
          sql<number>`(select count(*)::int from rooms r where r.hub_id = h.id)`.as('roomCount'),
        ])
        .orderBy('h.nameUk')
        .orderBy('h.id')
        .execute(),
      db
        .selectFrom('hubOpeningHours')
        .select([
          'hubId',
          'weekday',
          sql<string>`opens::text`.as('opens'),
          sql<string>`closes::text`.as('closes'),
        ])
        .orderBy('weekday')
        .orderBy('opens')
        .execute(),
      db
        .selectFrom('hubExceptions')
        .select([
          'hubId',
          sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
          sql<string | null>`to_char(opens, 'HH24:MI')`.as('opens'),
          sql<string | null>`to_char(closes, 'HH24:MI')`.as('closes'),
          'note',
        ])
        .where(sql<boolean>`date >= (now() at time zone 'Europe/Kyiv')::date`)
        .orderBy('date')
        .execute(),
    ]);
    const hoursOf = new Map<string, OpeningInterval[]>();
    for (const r of hours) {
      const list = hoursOf.get(r.hubId) ?? [];
      list.push({ weekday: r.weekday, opens: hhmm(r.opens), closes: hhmm(r.closes) });
      hoursOf.set(r.hubId, list);
    }
    const exceptionsOf = new Map<
      string,
      { date: string; opens: string | null; closes: string | null; note: string }[]
    >();
    for (const { hubId, ...e } of exceptions) {
      const list = exceptionsOf.get(hubId) ?? [];
      list.push(e);
      exceptionsOf.set(hubId, list);
    }
    return hubs.map((h) => {
      const opening = hoursOf.get(h.id) ?? [];
      return {
        id: h.id,
        name_uk: h.nameUk,
        name_en: h.nameEn,
        district: h.district,
        address_uk: h.addressUk,
        address_en: h.addressEn,
        latitude: h.latitude,
        longitude: h.longitude,
        opening_hours: openingHoursText(opening),
        opening_hours_json: opening,
        upcoming_exceptions: exceptionsOf.get(h.id) ?? [],
        shelter_notes_uk: h.shelterNotesUk,
        shelter_notes_en: h.shelterNotesEn,
        accessibility_notes_uk: h.accessibilityNotesUk,
        accessibility_notes_en: h.accessibilityNotesEn,
        room_count: h.roomCount,
        updated_at: h.updatedAt.toISOString(),
      };
    });
  },
};

export const roomsDataset: Dataset = {
  id: 'rooms',
  title: { uk: 'Приміщення хабів Vcentri', en: 'Rooms at Vcentri hubs' },
  description: {
    uk: 'Приміщення хабів, які громадські організації можуть бронювати: місткість, обладнання, доступність і правила бронювання. Без персональних даних і без бронювань.',
    en: 'Hub rooms that civil society organisations can book: capacity, equipment, accessibility and booking rules. No personal data and no bookings.',
  },
  updateFrequency: 'QUARTERLY',
  keywords: {
    uk: ['громадські хаби', 'приміщення', 'бронювання', 'доступність', 'Київ'],
    en: ['community hubs', 'rooms', 'booking', 'accessibility', 'Kyiv'],
  },
  tables: ['rooms', 'hubs'],
  fields: [
    f('id', 'uuid', 'Ідентифікатор приміщення', 'Room identifier'),
    f('hub_id', 'uuid', 'Хаб (id з набору hubs)', 'Hub (id in the hubs dataset)'),
    f('hub_name_uk', 'string', 'Назва хабу', 'Hub name'),
    f('name_uk', 'string', 'Назва українською', 'Name in Ukrainian'),
    f('name_en', 'string', 'Назва англійською', 'Name in English'),
    f('capacity', 'integer', 'Місткість (осіб)', 'Capacity (people)'),
    f(
      'equipment',
      'string[]',
      'Обладнання (коди, у CSV через «;»)',
      'Equipment (codes; joined with ";" in CSV)',
    ),
    f(
      'accessibility_features',
      'string[]',
      'Доступність (коди, у CSV через «;»)',
      'Accessibility features (codes; joined with ";" in CSV)',
    ),
    f('min_minutes', 'integer', 'Найкоротше бронювання, хвилин', 'Shortest booking, minutes'),
    f('max_minutes', 'integer', 'Найдовше бронювання, хвилин', 'Longest booking, minutes'),
    f(
      'lead_minutes',
      'integer',
      'За скільки хвилин до початку найпізніше подати запит',
      'How many minutes before the start a request must come at the latest',
    ),
    f(
      'horizon_days',
      'integer',
      'На скільки днів наперед можна бронювати',
      'How many days ahead one may book',
    ),
    f(
      'buffer_minutes',
      'integer',
      'Вільний час після кожного бронювання, хвилин',
      'Free time kept after each booking, minutes',
    ),
    f(
      'requires_approval',
      'boolean',
      'Бронювання потребує підтвердження менеджера хабу',
      'Bookings need the hub manager’s approval',
    ),
    f(
      'monthly_quota_hours',
      'integer',
      'Годин на організацію за календарний місяць (київський час); порожньо — без ліміту',
      'Hours per organisation per calendar month (Kyiv time); empty means no quota',
    ),
    f(
      'updated_at',
      'date-time',
      'Коли дані приміщення востаннє змінено (ISO 8601, UTC)',
      'When the room’s data last changed (ISO 8601, UTC)',
    ),
  ],
  lastModified: (db) =>
    lastOf(
      db,
      sql<{ at: Date | null }>`select greatest(
          (select max(greatest(created_at, updated_at)) from rooms),
          (select max(updated_at) from hubs)
        ) as at`,
    ),
  records: async (db) =>
    (
      await db
        .selectFrom('rooms as r')
        .innerJoin('hubs as h', 'h.id', 'r.hubId')
        .select([
          'r.id',
          'r.hubId',
          'h.nameUk as hubNameUk',
          'r.nameUk',
          'r.nameEn',
          'r.capacity',
          'r.equipment',
          'r.accessibilityFeatures',
          'r.minMinutes',
          'r.maxMinutes',
          'r.leadMinutes',
          'r.horizonDays',
          'r.bufferMinutes',
          'r.requiresApproval',
          'r.monthlyQuotaHours',
          sql<Date>`greatest(r.created_at, r.updated_at)`.as('updatedAt'),
        ])
        .orderBy('h.nameUk')
        .orderBy('r.nameUk')
        .orderBy('r.id')
        .execute()
    ).map((r) => ({
      id: r.id,
      hub_id: r.hubId,
      hub_name_uk: r.hubNameUk,
      name_uk: r.nameUk,
      name_en: r.nameEn,
      capacity: r.capacity,
      equipment: r.equipment,
      accessibility_features: r.accessibilityFeatures,
      min_minutes: r.minMinutes,
      max_minutes: r.maxMinutes,
      lead_minutes: r.leadMinutes,
      horizon_days: r.horizonDays,
      buffer_minutes: r.bufferMinutes,
      requires_approval: r.requiresApproval,
      monthly_quota_hours: r.monthlyQuotaHours,
      updated_at: new Date(r.updatedAt).toISOString(),
    })),
};
