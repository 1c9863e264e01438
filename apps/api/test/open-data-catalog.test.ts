// The open-data catalogue as other portals read it: the hubs and rooms datasets, freshness flags,
// Frictionless data packages checked against the CSV they describe, and the DCAT-AP catalogue read
// back as RDF with a JSON-LD processor (nothing fetched from the network).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Package } from 'datapackage';
import jsonld from 'jsonld';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type Dataset } from '../src/modules/open-data/datasets';
import { dueBy } from '../src/modules/open-data/freshness';
import { openingHoursText } from '../src/modules/open-data/hub-datasets';
import { kyivDate } from './booking-fixture';
import {
  buildTestApp,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  type TestUser,
  unique,
} from './helper';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createUser(t, [{ role: 'city_admin' }]);
});

const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  inject(app, { method: 'GET', url, headers });

interface Entry {
  id: string;
  updateFrequency: string;
  keywords: { uk: string[]; en: string[] };
  lastModified: string;
  stale: boolean;
  dueBy: string | null;
  downloads: { csv: string; json: string; datapackage: string };
  fields: { name: string; type: string }[];
}
const catalogue = async (app: TestApp = t): Promise<{ items: Entry[]; dcat: string }> => {
  const res = await get(app, '/api/v1/open-data');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

async function hubWithRoom() {
  const hub = await inject(t, {
    method: 'POST',
    url: '/api/v1/hubs',
    as: admin,
    payload: {
      name: { uk: unique('Хаб'), en: unique('Hub') },
      district: 'podilskyi',
      address: { uk: 'вул. Сагайдачного, 5', en: '5 Sahaidachnoho St' },
      latitude: 50.4633,
      longitude: 30.5201,
      shelterNotes: { uk: 'Укриття в підвалі, 40 місць', en: 'Basement shelter, 40 places' },
      accessibilityNotes: { uk: 'Пандус біля входу', en: 'Ramp at the entrance' },
      openingHours: [
        ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' })),
        { weekday: 6, opens: '15:00', closes: '17:00' },
        { weekday: 6, opens: '10:00', closes: '14:00' },
      ],
    },
  });
  expect(hub.statusCode, hub.body).toBe(201);
  const hubId: string = hub.json().id;
  const room = await inject(t, {
    method: 'POST',
    url: `/api/v1/hubs/${hubId}/rooms`,
    as: admin,
    payload: {
      name: { uk: 'Зала, "велика"', en: '=Big hall' },
      capacity: 40,
      equipment: ['projector', 'wifi'],
      accessibilityFeatures: ['step_free', 'hearing_loop'],
      rules: { minMinutes: 30, maxMinutes: 240, requiresApproval: true, monthlyQuotaHours: 20 },
    },
  });
  expect(room.statusCode, room.body).toBe(201);
  for (const [date, extra] of [
    [kyivDate(3), { note: 'Санітарний день' }],
    [kyivDate(10), { opens: '10:00', closes: '13:00', note: 'Скорочений день' }],
    [kyivDate(-2), { note: 'Минуле' }],
  ] as const) {
    const ex = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${hubId}/exceptions`,
      as: admin,
      payload: { date, ...extra },
    });
    expect(ex.statusCode, ex.body).toBe(201);
  }
  return { hubId, roomId: room.json().id as string };
}

describe('open data: hubs and rooms', () => {
  it('publishes each hub’s place, hours as text and JSON, upcoming exceptions and notes', async () => {
    const { hubId } = await hubWithRoom();
    const json = (await get(t, '/api/v1/open-data/hubs.json')).json();
    const hub = json.records.find((r: { id: string }) => r.id === hubId);
    expect(hub).toMatchObject({
      district: 'podilskyi',
      address_uk: 'вул. Сагайдачного, 5',
      latitude: 50.4633,
      longitude: 30.5201,
      opening_hours: 'Mo-Fr 09:00-18:00; Sa 10:00-14:00,15:00-17:00',
      shelter_notes_en: 'Basement shelter, 40 places',
      accessibility_notes_uk: 'Пандус біля входу',
      room_count: 1,
    });
    expect(hub.opening_hours_json).toHaveLength(7);
    expect(hub.opening_hours_json[0]).toEqual({ weekday: 1, opens: '09:00', closes: '18:00' });
    // Past exceptions are left out; a closed day has no hours.
    expect(hub.upcoming_exceptions).toEqual([
      { date: kyivDate(3), opens: null, closes: null, note: 'Санітарний день' },
      { date: kyivDate(10), opens: '10:00', closes: '13:00', note: 'Скорочений день' },
    ]);

    const csv = await get(t, '/api/v1/open-data/hubs.csv');
    expect(csv.statusCode).toBe(200);
    const row = (parse(csv.body, { columns: true }) as Record<string, string>[]).find((r) => r.id === hubId)!;
    expect(JSON.parse(row.opening_hours_json!)).toEqual(hub.opening_hours_json);
    expect(JSON.parse(row.upcoming_exceptions!)).toEqual(hub.upcoming_exceptions);
    expect(row.latitude).toBe('50.4633');
    // No people: not the admin who made it, nor anyone's address.
    expect(csv.body).not.toContain(admin.email);
    expect(csv.body).not.toContain(admin.id);
  });

  it('writes opening hours in the OpenStreetMap syntax, joining equal days and skipping closed ones', () => {
    expect(openingHoursText([])).toBe('');
    expect(
      openingHoursText([
        { weekday: 7, opens: '10:00', closes: '16:00' },
        { weekday: 1, opens: '09:00', closes: '18:00' },
        { weekday: 3, opens: '09:00', closes: '18:00' },
        { weekday: 4, opens: '09:00', closes: '18:00' },
      ]),
    ).toBe('Mo 09:00-18:00; We-Th 09:00-18:00; Su 10:00-16:00');
  });

  it('publishes each room’s capacity, equipment, accessibility and booking rules', async () => {
    const { hubId, roomId } = await hubWithRoom();
    const json = (await get(t, '/api/v1/open-data/rooms.json')).json();
    expect(json.records.find((r: { id: string }) => r.id === roomId)).toMatchObject({
      hub_id: hubId,
      name_uk: 'Зала, "велика"',
      name_en: '=Big hall',
      capacity: 40,
      equipment: ['projector', 'wifi'],
      accessibility_features: ['step_free', 'hearing_loop'],
      min_minutes: 30,
      max_minutes: 240,
      requires_approval: true,
      monthly_quota_hours: 20,
    });
    const csv = await get(t, '/api/v1/open-data/rooms.csv');
    const row = (parse(csv.body, { columns: true }) as Record<string, string>[]).find(
      (r) => r.id === roomId,
    )!;
    expect(row).toMatchObject({
      name_uk: 'Зала, "велика"',
      name_en: "'=Big hall",
      equipment: 'projector;wifi',
      requires_approval: 'true',
      monthly_quota_hours: '20',
    });
  });
});

describe('open data: update frequency and freshness', () => {
  const added: Dataset[] = [];
  afterEach(() => {
    for (const d of added.splice(0)) DATASETS.splice(DATASETS.indexOf(d), 1);
  });
  const DAY = 86_400_000;
  const fake = (id: string, frequency: Dataset['updateFrequency'], lastModified: Date): Dataset => {
    const d: Dataset = {
      id,
      title: { uk: `Тест ${id}`, en: `Test ${id}` },
      description: { uk: 'Тестовий набір', en: 'A test dataset' },
      updateFrequency: frequency,
      keywords: { uk: ['тест'], en: ['test'] },
      tables: [],
      fields: [{ name: 'n', type: 'integer', description: { uk: 'Число', en: 'Number' } }],
      lastModified: async () => lastModified,
      records: async () => [{ n: 1 }],
    };
    DATASETS.push(d);
    added.push(d);
    return d;
  };

  it('every dataset names a frequency from the EU vocabulary and keywords in both languages', async () => {
    const { items } = await catalogue();
    expect(items.map((d) => d.id)).toEqual(expect.arrayContaining(['organizations', 'hubs', 'rooms']));
    for (const d of items) {
      expect(['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL', 'IRREG']).toContain(d.updateFrequency);
      expect(d.keywords.uk.length).toBeGreaterThan(0);
      expect(d.keywords.en.length).toBeGreaterThan(0);
      // The flag follows the documented rule for whatever the data's age is now.
      const never = Date.parse(d.lastModified) === 0;
      const due = never
        ? null
        : dueBy(d.updateFrequency as Dataset['updateFrequency'], new Date(d.lastModified));
      expect(d.dueBy).toBe(due?.toISOString() ?? null);
      expect(d.stale).toBe(due !== null && Date.now() > due.getTime());
    }
  });

  it('flags a dataset not updated within its period, with the moment it was due', async () => {
    const old = new Date(Date.now() - 40 * DAY);
    fake('test-monthly-old', 'MONTHLY', old);
    fake('test-weekly-recent', 'WEEKLY', new Date(Date.now() - 6 * DAY));
    fake('test-irregular-old', 'IRREG', new Date(Date.now() - 4000 * DAY));
    fake('test-daily-old', 'DAILY', new Date(Date.now() - 2 * DAY));
    fake('test-weekly-empty', 'WEEKLY', new Date(0));
    // A new app: the catalogue's cached answer does not know about datasets added at run time.
    const app = await buildTestApp({ publicCacheEntries: 0 });
    const { items } = await catalogue(app);
    const byId = new Map(items.map((d) => [d.id, d]));
    const monthly = byId.get('test-monthly-old')!;
    expect(monthly.stale).toBe(true);
    expect(monthly.dueBy).toBe(dueBy('MONTHLY', old)!.toISOString());
    // Calendar months: 40 days back plus one month is some 9–12 days ago.
    expect(Date.parse(monthly.dueBy!)).toBeLessThan(Date.now() - 8 * DAY);
    expect(Date.parse(monthly.dueBy!)).toBeGreaterThan(Date.now() - 13 * DAY);
    expect(byId.get('test-weekly-recent')).toMatchObject({ stale: false });
    expect(Date.parse(byId.get('test-weekly-recent')!.dueBy!)).toBeGreaterThan(Date.now());
    expect(byId.get('test-irregular-old')).toMatchObject({ stale: false, dueBy: null });
    expect(byId.get('test-daily-old')).toMatchObject({ stale: true });
    expect(byId.get('test-weekly-empty')).toMatchObject({ stale: false, dueBy: null });
    // A new registry entry is all a dataset needs: its downloads and descriptor work too.
    const csv = await get(app, '/api/v1/open-data/test-daily-old.csv');
    expect(csv.body).toBe('n\r\n1\r\n');
    const pkg = (await get(app, '/api/v1/open-data/test-daily-old/datapackage.json')).json();
    expect(pkg.resources[0].schema.fields).toEqual([expect.objectContaining({ name: 'n', type: 'integer' })]);
    await app.app.close();
  });

  it('counts months on the calendar: 31 January is due by the last day of February', () => {
    expect(dueBy('MONTHLY', new Date('2027-01-31T10:00:00Z'))?.toISOString()).toBe(
      '2027-02-28T10:00:00.000Z',
    );
    expect(dueBy('QUARTERLY', new Date('2026-11-30T00:00:00Z'))?.toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(dueBy('WEEKLY', new Date('2026-12-29T12:00:00Z'))?.toISOString()).toBe('2027-01-05T12:00:00.000Z');
    expect(dueBy('IRREG', new Date())).toBeNull();
  });
});

// What a Frictionless validator checks of a cell, per Table Schema type.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function cellMatches(field: { type: string; format?: string }, cell: string): boolean {
  if (cell === '') return true; // missingValues: [""]
  switch (field.type) {
    case 'integer':
      return /^-?\d+$/.test(cell) && Number.isSafeInteger(Number(cell));
    case 'number':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell) && Number.isFinite(Number(cell));
    case 'boolean':
      return cell === 'true' || cell === 'false';
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(cell) && !Number.isNaN(Date.parse(cell));
    case 'array':
      try {
        return Array.isArray(JSON.parse(cell));
      } catch {
        return false;
      }
    case 'string':
      return field.format === 'uuid' ? UUID.test(cell) : true;
    default:
      return false;
  }
}

describe('open data: datapackage.json', () => {
  it('describes every dataset’s CSV: same fields in the same order, every cell of its declared type', async () => {
    await hubWithRoom();
    const { items } = await catalogue();
    for (const entry of items) {
      const res = await get(t, entry.downloads.datapackage);
      expect(res.statusCode, entry.id).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const pkg = res.json();
      expect(pkg).toMatchObject({
        profile: 'tabular-data-package',
        name: `vcentri-${entry.id}`,
        licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
      });
      expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
      expect(pkg.title).toBeTruthy();
      expect(pkg.resources).toHaveLength(1);
      const [resource] = pkg.resources;
      expect(resource).toMatchObject({
        name: entry.id,
        path: `${entry.id}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', header: true },
      });
      // The relative path resolves next to the descriptor and serves the same CSV.
      const descriptorUrl = new URL(entry.downloads.datapackage, 'http://localhost');
      const csvUrl = new URL(resource.path, descriptorUrl);
      const csv = await get(t, csvUrl.pathname);
      expect(csv.statusCode, csvUrl.pathname).toBe(200);
      expect(csv.body).toBe((await get(t, entry.downloads.csv)).body);

      const fields: { name: string; type: string; format?: string; description: string }[] =
        resource.schema.fields;
      for (const f of fields) expect(f.description, `${entry.id}.${f.name}`).toBeTruthy();
      const header = parse(csv.body, { to_line: 1 })[0] as string[];
      expect(header, entry.id).toEqual(fields.map((f) => f.name));
      expect(fields.map((f) => f.name)).toEqual(entry.fields.map((f) => f.name));
      const rows: string[][] = parse(csv.body, { from_line: 2 });
      for (const row of rows) {
        expect(row).toHaveLength(fields.length);
        row.forEach((cell, i) => {
          const f = fields[i]!;
          expect(cellMatches(f, cell), `${entry.id}.${f.name} = ${JSON.stringify(cell)} (${f.type})`).toBe(
            true,
          );
        });
      }
      // The data dictionary's types map as documented.
      const typeOf = (name: string) => fields.find((f) => f.name === name)!;
      if (fields.some((f) => f.name === 'id')) {
        expect(typeOf('id')).toMatchObject({ type: 'string', format: 'uuid' });
        expect(resource.schema.primaryKey).toBe('id');
      }
    }
    const hubs = (await get(t, '/api/v1/open-data/hubs/datapackage.json')).json().resources[0].schema.fields;
    const byName = new Map(hubs.map((f: { name: string }) => [f.name, f]));
    expect(byName.get('latitude')).toMatchObject({ type: 'number' });
    expect(byName.get('updated_at')).toMatchObject({ type: 'datetime', format: 'any' });
    expect(byName.get('opening_hours_json')).toMatchObject({ type: 'array' });
    expect(byName.get('room_count')).toMatchObject({ type: 'integer' });
    const orgs = (await get(t, '/api/v1/open-data/organizations/datapackage.json')).json().resources[0].schema
      .fields;
    expect(orgs.find((f: { name: string }) => f.name === 'activities')).toMatchObject({ type: 'string' });
  });

  it('passes the Frictionless validator: a valid tabular data package whose every cell casts to its type', async () => {
    await hubWithRoom();
    const dir = await mkdtemp(path.join(tmpdir(), 'vcentri-datapackage-'));
    try {
      for (const entry of (await catalogue()).items) {
        const descriptor = (await get(t, entry.downloads.datapackage)).json();
        // The descriptor's relative path, next to it, as a harvester would download both.
        await writeFile(
          path.join(dir, descriptor.resources[0].path),
          (await get(t, entry.downloads.csv)).body,
        );
        const pkg = await Package.load(descriptor, { basePath: dir });
        expect(pkg.errors.map(String), entry.id).toEqual([]);
        expect(pkg.valid).toBe(true);
        const rows = await pkg.resources[0]!.read({ keyed: true, cast: true });
        expect(rows.length, entry.id).toBe((await get(t, entry.downloads.json)).json().records.length);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('points at an absolute CSV URL when PUBLIC_URL is set, answers 304 when unchanged, 404 when unknown', async () => {
    const app = await buildTestApp({ publicUrl: 'https://vcentri.example.gov.ua' });
    const res = await get(app, '/api/v1/open-data/rooms/datapackage.json');
    expect(res.json().resources[0].path).toBe('https://vcentri.example.gov.ua/api/v1/open-data/rooms.csv');
    const again = await get(app, '/api/v1/open-data/rooms/datapackage.json', {
      'if-none-match': res.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
    await app.app.close();
    expectProblem(await get(t, '/api/v1/open-data/secrets/datapackage.json'), 404, 'not_found');
    expectProblem(await get(t, '/api/v1/open-data/hubs/rooms.csv'), 404, 'not_found');
    expectProblem(await get(t, '/api/v1/open-data/Hubs/datapackage.json'), 400, 'validation_failed');
  });
});

interface Quad {
  subject: { value: string };
  predicate: { value: string };
  object: { termType: string; value: string; language?: string; datatype?: { value: string } };
}
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The document as RDF triples; any attempt to load a remote context fails the test. */
async function triples(doc: object): Promise<Quad[]> {
  const documentLoader = async (url: string) => {
    throw new Error(`tried to fetch ${url}`);
  };
  const options = { documentLoader, safe: true } as unknown as jsonld.Options.ToRdf;
  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, options);
  expect(expanded.length).toBeGreaterThan(0);
  return (await jsonld.toRDF(doc as jsonld.JsonLdDocument, options)) as unknown as Quad[];
}

describe('open data: DCAT-AP catalogue', () => {
  it('is JSON-LD whose triples describe every dataset with titles, licence, periodicity and working downloads', async () => {
    const { items, dcat } = await catalogue();
    expect(dcat).toBe('/api/v1/open-data/catalog.jsonld');
    const res = await get(t, dcat);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const quads = await triples(res.json());
    const objects = (s: string, p: string) =>
      quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
    const value = (s: string, p: string) => objects(s, p).map((o) => o.value);

    const [catalog] = quads.filter(
      (q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Catalog`,
    );
    expect(catalog).toBeTruthy();
    const catalogIri = catalog!.subject.value;
    expect(catalogIri).toMatch(/^https?:\/\/[^/]+\/api\/v1\/open-data\/catalog\.jsonld$/);
    expect(
      objects(catalogIri, `${DCT}title`)
        .map((o) => o.language)
        .sort(),
    ).toEqual(['en', 'uk']);
    const [publisher] = value(catalogIri, `${DCT}publisher`);
    expect(value(publisher!, RDF_TYPE)).toContain(`${FOAF}Agent`);
    expect(objects(publisher!, `${FOAF}name`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'Kyiv City State Administration', language: 'en' }),
        expect.objectContaining({ value: 'Київська міська державна адміністрація', language: 'uk' }),
      ]),
    );
    expect(value(catalogIri, `${FOAF}homepage`)).toHaveLength(1);
    expect(value(catalogIri, `${DCT}language`)).toHaveLength(2);
    expect(value(catalogIri, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);

    const datasets = value(catalogIri, `${DCAT}dataset`);
    expect(datasets).toHaveLength(items.length);
    for (const entry of items) {
      const ds = datasets.find((iri) => value(iri, `${DCT}identifier`)[0] === entry.id)!;
      expect(ds, entry.id).toBeTruthy();
      expect(value(ds, RDF_TYPE)).toContain(`${DCAT}Dataset`);
      for (const p of [`${DCT}title`, `${DCT}description`])
        expect(
          objects(ds, p)
            .map((o) => o.language)
            .sort(),
          `${entry.id} ${p}`,
        ).toEqual(['en', 'uk']);
      expect(objects(ds, `${DCAT}keyword`).length).toBe(entry.keywords.uk.length + entry.keywords.en.length);
      expect(value(ds, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
      expect(value(ds, `${DCT}publisher`)).toEqual([publisher]);
      expect(value(ds, `${DCT}accrualPeriodicity`)).toEqual([
        `http://publications.europa.eu/resource/authority/frequency/${entry.updateFrequency}`,
      ]);
      const [modified] = objects(ds, `${DCT}modified`);
      expect(modified?.datatype?.value).toBe('http://www.w3.org/2001/XMLSchema#dateTime');
      expect(modified?.value).toBe(entry.lastModified);
      const [contact] = value(ds, `${DCAT}contactPoint`);
      expect(value(contact!, RDF_TYPE)).toContain(`${VCARD}Kind`);
      expect(value(contact!, `${VCARD}hasEmail`)).toEqual([`mailto:${t.config.openDataContactEmail}`]);
      expect(value(ds, `${DCAT}landingPage`)[0]).toMatch(/^https?:\/\/.+\/open-data#dataset-/);

      const distributions = value(ds, `${DCAT}distribution`);
      expect(distributions).toHaveLength(3);
      const media: string[] = [];
      for (const dist of distributions) {
        expect(value(dist, RDF_TYPE)).toContain(`${DCAT}Distribution`);
        expect(value(dist, `${DCT}format`)[0]).toMatch(
          /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\//,
        );
        media.push(value(dist, `${DCAT}mediaType`)[0]!);
        const [download] = value(dist, `${DCAT}downloadURL`);
        const url = new URL(download!);
        const got = await get(t, url.pathname);
        expect(got.statusCode, download).toBe(200);
      }
      expect(media.sort()).toEqual([
        'http://www.iana.org/assignments/media-types/application/json',
        'http://www.iana.org/assignments/media-types/application/json',
        'http://www.iana.org/assignments/media-types/text/csv',
      ]);
    }
  });

  it('builds IRIs on PUBLIC_URL and caches the answer; without it on the request’s own, well-formed host', async () => {
    const app = await buildTestApp({
      publicUrl: 'https://vcentri.example.gov.ua',
      openDataContactEmail: 'data@example.gov.ua',
    });
    const first = await get(app, '/api/v1/open-data/catalog.jsonld', { host: 'attacker.example' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = first.json();
    expect(doc['@id']).toBe('https://vcentri.example.gov.ua/api/v1/open-data/catalog.jsonld');
    expect(first.body).not.toContain('attacker.example');
    expect(first.body).toContain('mailto:data@example.gov.ua');
    const again = await get(app, '/api/v1/open-data/catalog.jsonld', {
      'if-none-match': first.headers.etag as string,
    });
    expect(again.statusCode).toBe(304);
    const gzipped = await get(app, '/api/v1/open-data/catalog.jsonld', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    await app.app.close();

    const own = await get(t, '/api/v1/open-data/catalog.jsonld', { host: 'data.kyiv.example:8443' });
    expect(own.json()['@id']).toBe('http://data.kyiv.example:8443/api/v1/open-data/catalog.jsonld');
    const defaultPort = await get(t, '/api/v1/open-data/catalog.jsonld', { host: 'data.kyiv.example:80' });
    expect(defaultPort.json()['@id']).toBe('http://data.kyiv.example/api/v1/open-data/catalog.jsonld');
    // A different Host gets its own IRIs, never the previous caller's.
    const other = await get(t, '/api/v1/open-data/catalog.jsonld', { host: 'localhost:3000' });
    expect(other.body).not.toContain('data.kyiv.example');
    const forged = await get(t, '/api/v1/open-data/catalog.jsonld', { host: 'evil.example/"><x' });
    expect(forged.statusCode).toBe(200);
    expect(forged.json()['@id']).toBe('http://localhost/api/v1/open-data/catalog.jsonld');
    const notModified = await get(t, '/api/v1/open-data/catalog.jsonld', {
      host: 'localhost:3000',
      'if-none-match': other.headers.etag as string,
    });
    expect(notModified.statusCode).toBe(304);
  });
});
