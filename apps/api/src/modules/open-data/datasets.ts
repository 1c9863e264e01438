// The open-data catalogue: each dataset with its bilingual description, licence, data dictionary
// and a loader that returns its public records (no personal data).
import type { Kysely } from 'kysely';
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
];
