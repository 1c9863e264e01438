// The open-data catalogue: each dataset with its bilingual description, licence, data dictionary
// and a loader that returns its public records (no personal data).
//
// DATASETS is the single registry: a new entry here is all a new dataset needs — the catalogue,
// the CSV, JSON and datapackage.json downloads, the DCAT catalogue and the portal page all read it.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { VersionedTable } from '../../plugins/public-cache';
import { allVerified, registryLastModified } from '../organizations/organizations.repository';
import type { Frequency } from './freshness';
import { reportFiguresDataset, surveyResultsDataset } from './accountability-datasets';
import { hubActivityDataset } from './activity-dataset';
import { hubsDataset, roomsDataset } from './hub-datasets';
import { f } from './field';

/**
 * A field's type in the data dictionary. `string[]` is a list (joined with ";" in CSV); `json` is
 * a JSON array (the JSON text itself in a CSV cell, e.g. opening hours).
 */
export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date-time'
  | 'string[]'
  | 'uuid'
  | 'json';

export interface FieldDoc {
  name: string;
  type: FieldType;
  description: { uk: string; en: string };
}

export interface Dataset {
  id: string;
  title: { uk: string; en: string };
  description: { uk: string; en: string };
  /** How often the data is meant to change (EU frequency vocabulary); drives the stale flag. */
  updateFrequency: Frequency;
  keywords: { uk: string[]; en: string[] };
  /** The tables its records come from: a write to any of them makes cached catalogue answers stale. */
  tables: readonly VersionedTable[];
  fields: FieldDoc[];
  lastModified(db: Kysely<DB>): Promise<Date>;
  records(db: Kysely<DB>): Promise<Record<string, unknown>[]>;
}

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
/** The licence's Open Definition / SPDX id, as Frictionless data packages name licences. */
export const LICENCE_ID = 'CC-BY-4.0';

export const DATASETS: Dataset[] = [
  {
    id: 'organizations',
    title: {
      uk: 'Реєстр інститутів громадянського суспільства',
      en: 'Registry of Civil Society Institutions',
    },
    description: {
      uk: 'Публічні дані верифікованих організацій реєстру: назви, організаційна форма, ЄДРПОУ, район, напрями діяльності, цільові групи, контакти.',
      en: 'Public data of the verified organisations in the registry: names, legal form, EDRPOU, district, fields of activity, target groups, contacts.',
    },
    updateFrequency: 'WEEKLY',
    keywords: {
      uk: ['громадянське суспільство', 'громадські організації', 'реєстр', 'ЄДРПОУ', 'Київ'],
      en: ['civil society', 'NGOs', 'registry', 'EDRPOU', 'Kyiv'],
    },
    tables: ['organizations'],
    fields: [
      f(
        'id',
        'uuid',
        'Ідентифікатор організації в реєстрі',
        'Identifier of the organisation in the registry',
      ),
      f('name_uk', 'string', 'Назва українською', 'Name in Ukrainian'),
      f('name_en', 'string', 'Назва англійською', 'Name in English'),
      f('legal_form', 'string', 'Організаційна форма (код)', 'Legal form (code)'),
      f(
        'edrpou',
        'string',
        'Код ЄДРПОУ (8 цифр); порожній для ініціатив без статусу юридичної особи',
        'EDRPOU code (8 digits); empty for initiatives without legal status',
      ),
      f('district', 'string', 'Район Києва (код)', 'Kyiv district (code)'),
      f('address', 'string', 'Адреса', 'Address'),
      f(
        'activities',
        'string[]',
        'Напрями діяльності (коди, у CSV через «;»)',
        'Fields of activity (codes; joined with ";" in CSV)',
      ),
      f(
        'target_groups',
        'string[]',
        'Цільові групи (коди, у CSV через «;»)',
        'Target groups (codes; joined with ";" in CSV)',
      ),
      f('email', 'string', 'Публічна електронна пошта', 'Public e-mail'),
      f('phone', 'string', 'Публічний телефон', 'Public phone'),
      f('website', 'string', 'Вебсайт', 'Website'),
      f(
        'social',
        'string[]',
        'Сторінки в соцмережах (у CSV через «;»)',
        'Social media pages (joined with ";" in CSV)',
      ),
      f('description_uk', 'string', 'Опис українською', 'Description in Ukrainian'),
      f('description_en', 'string', 'Опис англійською', 'Description in English'),
      f('year_founded', 'integer', 'Рік заснування', 'Year founded'),
      f(
        'verified_at',
        'date-time',
        'Коли організацію верифіковано (ISO 8601, UTC)',
        'When the organisation was verified (ISO 8601, UTC)',
      ),
    ],
    lastModified: registryLastModified,
    records: async (db) =>
      (await allVerified(db)).map((o) => {
        const c = (o.contacts ?? {}) as {
          email?: string;
          phone?: string;
          website?: string;
          social?: string[];
        };
        return {
          id: o.id,
          name_uk: o.nameUk,
          name_en: o.nameEn,
          legal_form: o.legalForm,
          edrpou: o.edrpou,
          district: o.district,
          address: o.address,
          activities: o.activities,
          target_groups: o.targetGroups,
          email: c.email ?? null,
          phone: c.phone ?? null,
          website: c.website ?? null,
          social: c.social ?? [],
          description_uk: o.descriptionUk,
          description_en: o.descriptionEn,
          year_founded: o.yearFounded,
          verified_at: o.verifiedAt ? o.verifiedAt.toISOString() : null,
        };
      }),
  },
  {
    id: 'events',
    title: { uk: 'Події в хабах Vcentri', en: 'Events at Vcentri hubs' },
    description: {
      uk: 'Опубліковані події: хаб, район, категорія, час, місткість, кількість реєстрацій і відвідувань. Без персональних даних.',
      en: 'Published events: hub, district, category, times, capacity, registration and attendance counts. No personal data.',
    },
    updateFrequency: 'WEEKLY',
    keywords: {
      uk: ['події', 'громадські хаби', 'участь громади', 'Київ'],
      en: ['events', 'community hubs', 'civic participation', 'Kyiv'],
    },
    tables: ['events', 'event_registrations', 'hubs', 'rooms', 'organizations'],
    fields: [
      f('id', 'uuid', 'Ідентифікатор події', 'Event identifier'),
      f('title_uk', 'string', 'Назва українською', 'Title in Ukrainian'),
      f('title_en', 'string', 'Назва англійською', 'Title in English'),
      f('category', 'string', 'Категорія (код)', 'Category (code)'),
      f('status', 'string', 'published або cancelled', 'published or cancelled'),
      f('hub_id', 'uuid', 'Хаб', 'Hub'),
      f('hub_name_uk', 'string', 'Назва хабу', 'Hub name'),
      f('district', 'string', 'Район (код)', 'District (code)'),
      f('starts_at', 'date-time', 'Початок (ISO 8601, UTC)', 'Start (ISO 8601, UTC)'),
      f('ends_at', 'date-time', 'Кінець (ISO 8601, UTC)', 'End (ISO 8601, UTC)'),
      f('capacity', 'integer', 'Кількість місць', 'Places'),
      f('registrations', 'integer', 'Підтверджені реєстрації', 'Confirmed registrations'),
      f('waitlisted', 'integer', 'У листі очікування', 'On the waiting list'),
      f('attended', 'integer', 'Відвідали (відмічені на вході)', 'Attended (checked in)'),
      f('organization_name_uk', 'string', 'Організатор', 'Organiser'),
    ],
    lastModified: async (db) =>
      (
        await db
          .selectFrom('events')
          .select(sql<Date | null>`max(updated_at)`.as('at'))
          .executeTakeFirstOrThrow()
      ).at ?? new Date(0),
    records: async (db) =>
      (
        await db
          .selectFrom('events as e')
          .innerJoin('bookings as b', 'b.id', 'e.bookingId')
          .innerJoin('rooms as r', 'r.id', 'b.roomId')
          .innerJoin('hubs as h', 'h.id', 'r.hubId')
          .innerJoin('organizations as o', 'o.id', 'b.organizationId')
          .select([
            'e.id',
            'e.titleUk',
            'e.titleEn',
            'e.category',
            'e.status',
            'h.id as hubId',
            'h.nameUk as hubNameUk',
            'h.district',
            'e.startsAt',
            'e.endsAt',
            'e.capacity',
            'o.nameUk as orgNameUk',
            sql<number>`(select count(*)::int from event_registrations x where x.event_id = e.id and x.status = 'confirmed')`.as(
              'registrations',
            ),
            sql<number>`(select count(*)::int from event_registrations x where x.event_id = e.id and x.status = 'waitlisted')`.as(
              'waitlisted',
            ),
            sql<number>`(select count(*)::int from event_registrations x where x.event_id = e.id and x.checked_in_at is not null)`.as(
              'attended',
            ),
          ])
          .orderBy('e.startsAt')
          .orderBy('e.id')
          .execute()
      ).map((e) => ({
        id: e.id,
        title_uk: e.titleUk,
        title_en: e.titleEn,
        category: e.category,
        status: e.status,
        hub_id: e.hubId,
        hub_name_uk: e.hubNameUk,
        district: e.district,
        starts_at: e.startsAt.toISOString(),
        ends_at: e.endsAt.toISOString(),
        capacity: e.capacity,
        registrations: e.registrations,
        waitlisted: e.waitlisted,
        attended: e.attended,
        organization_name_uk: e.orgNameUk,
      })),
  },
  {
    id: 'volunteer-programs',
    title: { uk: 'Волонтерські програми', en: 'Volunteer programs' },
    description: {
      uk: 'Опубліковані й завершені волонтерські програми: хто проводить (організація з кодом ЄДРПОУ, хаб, район або місто), напрям, райони, проведені зміни, запропоновані місця, записи, присутність і затверджені години. Лише сукупні числа, без персональних даних; чернетки не включено.',
      en: 'Published and closed volunteer programs: who runs them (an organisation with its EDRPOU code, a hub, a district or the city), cause, districts, shifts held, places offered, sign-ups, attendance and approved hours. Totals only, no personal data; drafts are left out.',
    },
    updateFrequency: 'MONTHLY',
    keywords: {
      uk: ['волонтерство', 'волонтерські програми', 'години волонтерів', 'Київ'],
      en: ['volunteering', 'volunteer programs', 'volunteer hours', 'Kyiv'],
    },
    tables: [
      'volunteer_programs',
      'volunteer_shifts',
      'volunteer_signups',
      'volunteer_hours',
      'organizations',
      'hubs',
    ],
    fields: [
      f('id', 'uuid', 'Ідентифікатор програми', 'Program identifier'),
      f('title_uk', 'string', 'Назва українською', 'Title in Ukrainian'),
      f('title_en', 'string', 'Назва англійською', 'Title in English'),
      f(
        'status',
        'string',
        'published (триває) або closed (завершена)',
        'published (running) or closed (ended)',
      ),
      f(
        'run_by',
        'string',
        'Хто проводить: organization, hub, district або city',
        'Who runs it: organization, hub, district or city',
      ),
      f(
        'organization_id',
        'uuid',
        'Організація з реєстру (якщо її програма)',
        'Organisation in the registry (for its programs)',
      ),
      f('organization_name_uk', 'string', 'Назва організації', 'Name of the organisation'),
      f(
        'organization_edrpou',
        'string',
        'Код ЄДРПОУ організації; порожній, якщо його немає',
        'EDRPOU code of the organisation; empty when it has none',
      ),
      f('hub_id', 'uuid', 'Хаб, що проводить програму', 'Hub that runs the program'),
      f('hub_name_uk', 'string', 'Назва хабу', 'Hub name'),
      f(
        'owner_district',
        'string',
        'Район, що проводить програму (код)',
        'District that runs the program (code)',
      ),
      f('cause', 'string', 'Напрям (код)', 'Cause (code)'),
      f(
        'districts',
        'string[]',
        'Райони програми (коди, у CSV через «;»)',
        'Districts of the program (codes; joined with ";" in CSV)',
      ),
      f(
        'shifts_held',
        'integer',
        'Проведені зміни: нескасовані, що вже закінчилися',
        'Shifts held: not cancelled and already over',
      ),
      f(
        'shifts_planned',
        'integer',
        'Заплановані зміни: нескасовані, що ще не закінчилися',
        'Shifts planned: not cancelled and not over yet',
      ),
      f(
        'places_offered',
        'integer',
        'Місця на всіх нескасованих змінах',
        'Places on all shifts not cancelled',
      ),
      f(
        'signups',
        'integer',
        'Підтверджені записи на нескасовані зміни (без листа очікування)',
        'Confirmed sign-ups for shifts not cancelled (not the waiting list)',
      ),
      f('present', 'integer', 'Відмічені присутніми на змінах', 'Marked present at shifts'),
      f(
        'approved_minutes',
        'integer',
        'Затверджені хвилини волонтерської роботи (зміни й звітовані години)',
        'Approved minutes of volunteer work (shifts and reported hours)',
      ),
      f(
        'created_at',
        'date-time',
        'Коли програму створено (ISO 8601, UTC)',
        'When the program was created (ISO 8601, UTC)',
      ),
    ],
    lastModified: async (db) =>
      (
        await sql<{ at: Date | null }>`select greatest(
            (select max(updated_at) from volunteer_programs where status <> 'draft'),
            (select max(updated_at) from volunteer_shifts),
            (select max(greatest(created_at, cancelled_at)) from volunteer_signups),
            (select max(greatest(created_at, decided_at)) from volunteer_hours)
          ) as at`.execute(db)
      ).rows[0]?.at ?? new Date(0),
    records: async (db) =>
      (
        await db
          .selectFrom('volunteerPrograms as p')
          .leftJoin('organizations as o', 'o.id', 'p.organizationId')
          .leftJoin('hubs as h', 'h.id', 'p.hubId')
          .select([
            'p.id',
            'p.titleUk',
            'p.titleEn',
            'p.status',
            'p.organizationId',
            'o.nameUk as orgNameUk',
            'o.edrpou',
            'p.hubId',
            'h.nameUk as hubNameUk',
            'p.ownerDistrict',
            'p.cause',
            'p.districts',
            'p.createdAt',
            sql<number>`(select count(*)::int from volunteer_shifts s where s.program_id = p.id and s.status = 'published' and s.ends_at <= now())`.as(
              'shiftsHeld',
            ),
            sql<number>`(select count(*)::int from volunteer_shifts s where s.program_id = p.id and s.status = 'published' and s.ends_at > now())`.as(
              'shiftsPlanned',
            ),
            sql<number>`(select coalesce(sum(s.places), 0)::int from volunteer_shifts s where s.program_id = p.id and s.status = 'published')`.as(
              'places',
            ),
            sql<number>`(select count(*)::int from volunteer_signups x join volunteer_shifts s on s.id = x.shift_id where s.program_id = p.id and s.status = 'published' and x.status = 'confirmed')`.as(
              'signups',
            ),
            sql<number>`(select count(*)::int from volunteer_signups x join volunteer_shifts s on s.id = x.shift_id where s.program_id = p.id and s.status = 'published' and x.status = 'confirmed' and x.present)`.as(
              'present',
            ),
            sql<number>`(select coalesce(sum(v.minutes), 0)::int from volunteer_hours v where v.program_id = p.id and v.status = 'approved')`.as(
              'approvedMinutes',
            ),
          ])
          .where('p.status', 'in', ['published', 'closed'])
          .orderBy('p.createdAt')
          .orderBy('p.id')
          .execute()
      ).map((p) => ({
        id: p.id,
        title_uk: p.titleUk,
        title_en: p.titleEn,
        status: p.status,
        run_by: p.organizationId ? 'organization' : p.hubId ? 'hub' : p.ownerDistrict ? 'district' : 'city',
        organization_id: p.organizationId,
        organization_name_uk: p.orgNameUk,
        organization_edrpou: p.edrpou,
        hub_id: p.hubId,
        hub_name_uk: p.hubNameUk,
        owner_district: p.ownerDistrict,
        cause: p.cause,
        districts: p.districts,
        shifts_held: p.shiftsHeld,
        shifts_planned: p.shiftsPlanned,
        places_offered: p.places,
        signups: p.signups,
        present: p.present,
        approved_minutes: p.approvedMinutes,
        created_at: p.createdAt.toISOString(),
      })),
  },
  hubsDataset,
  roomsDataset,
  hubActivityDataset,
  surveyResultsDataset,
  reportFiguresDataset,
];
