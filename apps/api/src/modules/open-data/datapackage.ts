// A dataset as a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/tabular-data-package/):
// one resource, the CSV download, with a Table Schema built from the data dictionary.
import type { Dataset, FieldDoc } from './datasets';
import { LICENCE, LICENCE_ID } from './datasets';

export const PUBLISHER = {
  uk: 'Київська міська державна адміністрація',
  en: 'Kyiv City State Administration',
  homepage: 'https://kyivcity.gov.ua/',
};

/** The Table Schema type (and format) of each data-dictionary type. */
export const FRICTIONLESS_TYPES: Record<FieldDoc['type'], { type: string; format?: string }> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  // ISO 8601 in UTC with milliseconds, e.g. 2026-03-29T15:00:00.000Z. Table Schema's `default`
  // format is without fractions of a second (validators reject ".000"), so the format is `any`.
  'date-time': { type: 'datetime', format: 'any' },
  // A list is one text cell, its values joined with ";".
  'string[]': { type: 'string' },
  uuid: { type: 'string', format: 'uuid' },
  // A JSON array in the cell.
  json: { type: 'array' },
};

const bilingual = (t: { uk: string; en: string }) => `${t.en}\n\n${t.uk}`;

export function dataPackage(dataset: Dataset, csvPath: string, lastModified: Date) {
  return {
    profile: 'tabular-data-package',
    name: `vcentri-${dataset.id}`,
    id: `vcentri-${dataset.id}`,
    title: dataset.title.en,
    description: bilingual(dataset.description),
    keywords: [...dataset.keywords.en, ...dataset.keywords.uk],
    licenses: [{ name: LICENCE_ID, path: LICENCE.url, title: 'Creative Commons Attribution 4.0' }],
    contributors: [{ title: PUBLISHER.en, path: PUBLISHER.homepage, role: 'publisher' }],
    updateFrequency: dataset.updateFrequency,
    lastModified: lastModified.toISOString(),
    resources: [
      {
        profile: 'tabular-data-resource',
        name: dataset.id,
        title: dataset.title.en,
        description: bilingual(dataset.description),
        path: csvPath,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: {
          delimiter: ',',
          lineTerminator: '\r\n',
          quoteChar: '"',
          doubleQuote: true,
          header: true,
        },
        schema: {
          fields: dataset.fields.map((field) => ({
            name: field.name,
            ...FRICTIONLESS_TYPES[field.type],
            description: bilingual(field.description),
          })),
          missingValues: [''],
          ...(dataset.fields.some((field) => field.name === 'id') ? { primaryKey: 'id' } : {}),
        },
      },
    ],
  };
}
