// The open-data catalogue: each dataset with its bilingual description, licence, data dictionary
// and a loader that returns its public records (no personal data).
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { allVerified, registryLastModified } from '../organizations/organizations.repository';

export interface FieldDoc {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'string[]' | 'uuid';
  description: { uk: string; en: string };
}

export interface Dataset {
  id: string;
  title: { uk: string; en: string };
  description: { uk: string; en: string };
  fields: FieldDoc[];
  lastModified(db: Kysely<DB>): Promise<Date>;
  records(db: Kysely<DB>): Promise<Record<string, unknown>[]>;
}

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

const f = (name: string, type: FieldDoc['type'], uk: string, en: string): FieldDoc => ({
  name,
  type,
  description: { uk, en },
});

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
];
