// Quarterly and annual public reports: a city admin builds a draft of a past period, writes its
// narratives and publishes it; the published report is frozen (later data changes neither its
// figures nor its hash), its hash verifies and a tampered row does not; only city admins build,
// edit and publish; periods not over yet and malformed ones are refused; the PDF is a tagged PDF.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addDays,
  canonicalJson,
  fromKyiv,
  previousReportPeriod,
  quarterOf,
  reportPeriodDays,
  toKyiv,
} from '@vcentri/shared';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { range } from '../src/modules/bookings/bookings.repository';
import {
  createHub,
  createOrganization,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  type TestUser,
  unique,
} from './helper';
import { buildTestApp } from './helper';
import { prepareRoles } from './roles-fixture';

let t: TestApp;
let users: Awaited<ReturnType<typeof prepareRoles>>;
let admin: TestUser;
const dir = mkdtempSync(path.join(tmpdir(), 'vcentri-report-'));

/**
 * A past quarter no report exists for yet, in years no other test writes data into (reruns on one
 * PostgreSQL database pick another).
 */
const used = new Set<string>();
async function freshQuarter() {
  for (;;) {
    const period = `${2000 + Math.floor(Math.random() * 25)}-Q${1 + Math.floor(Math.random() * 4)}`;
    if (used.has(period)) continue;
    used.add(period);
    const taken = await t.db
      .selectFrom('publicReports')
      .select('period')
      .where('period', '=', period)
      .execute();
    if (taken.length === 0) return { period, year: period.slice(0, 4), ...reportPeriodDays(period)! };
  }
}

beforeAll(async () => {
  t = await buildTestApp({ publicUrl: 'https://vcentri.example.org' });
  users = await prepareRoles(t);
  admin = users.city_admin;
});
afterAll(async () => {
  await t.app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function roomOf(hubId: string) {
  return (
    await t.db
      .insertInto('rooms')
      .values({ hubId, nameUk: unique('Зала'), nameEn: unique('Hall'), capacity: 30 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A confirmed booking (and optionally an event in it with `attended` people checked in). */
async function booking(roomId: string, organizationId: string, day: string, attended = 0) {
  const start = fromKyiv(day, '10:00');
  const end = fromKyiv(day, '12:00');
  const b = await t.db
    .insertInto('bookings')
    .values({
      roomId,
      kind: 'booking',
      organizationId,
      title: unique('Зустріч'),
      attendees: 10,
      status: 'confirmed',
      period: range(start, end) as unknown as string,
      blocked: range(start, end) as unknown as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!attended) return { bookingId: b.id, eventId: null };
  const e = await t.db
    .insertInto('events')
    .values({
      bookingId: b.id,
      titleUk: unique('Подія'),
      titleEn: unique('Event'),
      category: 'meeting',
      capacity: 30,
      startsAt: start,
      endsAt: end,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < attended; i++) {
    const u = await createUser(t);
    await t.db
      .insertInto('eventRegistrations')
      .values({ eventId: e.id, userId: u.id, status: 'confirmed', code: unique('c'), checkedInAt: end })
      .execute();
  }
  return { bookingId: b.id, eventId: e.id };
}

const hubRow = (report: { snapshot: { hubs: { hubId: string; bookings: number }[] } }, hubId: string) =>
  report.snapshot.hubs.find((h) => h.hubId === hubId);

describe('building, editing and publishing a report', () => {
  it('freezes a published report: later data changes neither its figures nor its hash', async () => {
    const { period, year: YEAR, from, to } = await freshQuarter();
    const previous = previousReportPeriod(period);
    const hubId = await createHub(t, 'podilskyi');
    const roomId = await roomOf(hubId);
    const orgId = await createOrganization(t);
    const { eventId } = await booking(roomId, orgId, addDays(from, 11), 3);

    const draft = await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin });
    expect(draft.statusCode).toBe(201);
    const built = draft.json();
    expect(built).toMatchObject({
      period,
      kind: 'quarter',
      from,
      to,
      status: 'draft',
      hash: null,
    });
    expect(built.snapshot.previous).toEqual({ from: previous.from, to: previous.to });
    expect(hubRow(built, hubId)).toMatchObject({
      bookings: 1,
      bookedHours: 2,
      events: 1,
      attended: 3,
      district: 'podilskyi',
    });
    expect(built.snapshot.notableEvents[0]).toMatchObject({ eventId, attended: 3, hubId });
    expect(built.snapshot.figures.bookings).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(built.snapshot.actionPlan)).toBe(true);

    // Not public while a draft.
    expectProblem(await inject(t, { method: 'GET', url: `/api/v1/reports/${period}` }), 404, 'not_found');
    expectProblem(await inject(t, { method: 'GET', url: `/api/v1/reports/${period}.pdf` }), 404, 'not_found');

    // Narratives, then a rebuild that keeps them.
    const edited = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/reports/${period}/draft`,
      as: admin,
      payload: { narratives: { summary: { uk: '  Квартал зростання. ', en: 'A quarter of growth.' } } },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().narratives.summary).toEqual({
      uk: 'Квартал зростання.',
      en: 'A quarter of growth.',
    });
    expect(edited.json().narratives.hubs).toEqual({ uk: '', en: '' });
    await booking(roomId, orgId, addDays(from, 61));
    const rebuilt = await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin });
    expect(rebuilt.statusCode).toBe(200);
    expect(hubRow(rebuilt.json(), hubId)?.bookings).toBe(2);
    expect(rebuilt.json().narratives.summary.en).toBe('A quarter of growth.');

    const published = await inject(t, {
      method: 'POST',
      url: `/api/v1/reports/${period}/publish`,
      as: admin,
    });
    expect(published.statusCode).toBe(200);
    const report = published.json();
    expect(report.status).toBe('published');
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.publishedAt).toBeTruthy();
    // The documented canonical form gives the same hash, by hand.
    const byHand = createHash('sha256')
      .update(canonicalJson({ period, snapshot: report.snapshot, narratives: report.narratives }))
      .digest('hex');
    expect(byHand).toBe(report.hash);

    const pub = await inject(t, { method: 'GET', url: `/api/v1/reports/${period}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toEqual(report);
    const list = await inject(t, { method: 'GET', url: '/api/v1/reports?limit=100' });
    expect(list.json().items.map((r: { period: string }) => r.period)).toContain(period);

    // Data changes after publication: another booking in the quarter, a new organisation.
    await booking(roomId, orgId, addDays(to, -1));
    await createOrganization(t);
    const after = await inject(t, { method: 'GET', url: `/api/v1/reports/${period}` });
    expect(after.json().snapshot).toEqual(report.snapshot);
    expect(after.json().hash).toBe(report.hash);
    expect(hubRow(after.json(), hubId)?.bookings).toBe(2);
    // The open data carries the frozen figures too: the city's with the previous period's, the hub's.
    const csv = await inject(t, { method: 'GET', url: '/api/v1/open-data/report-figures.csv' });
    const rows = (parse(csv.body, { columns: true }) as Record<string, string>[]).filter(
      (r) => r.period === period,
    );
    const city = (k: string) => rows.find((r) => r.level === 'city' && r.figure === k)!;
    expect(Number(city('bookings').value)).toBe(report.snapshot.figures.bookings);
    expect(Number(city('bookings').previous_value)).toBe(report.snapshot.previousFigures.bookings);
    expect(city('utilisation').hash).toBe(report.hash);
    const hub = rows.find((r) => r.level === 'hub' && r.hub_id === hubId && r.figure === 'bookings')!;
    expect(Number(hub.value)).toBe(2);
    expect((await inject(t, { method: 'GET', url: `/api/v1/reports/${period}/verify` })).json()).toEqual({
      period,
      hash: report.hash,
      computed: report.hash,
      valid: true,
    });

    // Frozen: no rebuild, no edit, no second publication.
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin }),
      409,
      'report_published',
    );
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: `/api/v1/reports/${period}/draft`,
        as: admin,
        payload: { narratives: { summary: { uk: 'інше', en: 'other' } } },
      }),
      409,
      'report_published',
    );
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/publish`, as: admin }),
      409,
      'report_published',
    );

    // A new draft, of the year, sees the change.
    // (The year may have a draft from an earlier run on this database: then this is a rebuild.)
    const year = await inject(t, { method: 'POST', url: `/api/v1/reports/${YEAR}/draft`, as: admin });
    expect([200, 201]).toContain(year.statusCode);
    expect(year.json()).toMatchObject({
      kind: 'year',
      from: `${YEAR}-01-01`,
      to: `${YEAR}-12-31`,
      status: 'draft',
    });
    expect(hubRow(year.json(), hubId)?.bookings).toBe(3);
    expect(year.json().snapshot.actionPlan).toBeNull();
    // Staff see drafts and published reports alike; the public list only the published one.
    const staff = await inject(t, { method: 'GET', url: '/api/v1/admin/reports?limit=100', as: admin });
    const periods = staff.json().items.map((r: { period: string }) => r.period);
    expect(periods.indexOf(String(YEAR))).toBeLessThan(periods.indexOf(period));
    const publicList = (await inject(t, { method: 'GET', url: '/api/v1/reports?limit=100' })).json();
    expect(publicList.items.map((r: { period: string }) => r.period)).not.toContain(String(YEAR));
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/reports/${YEAR}/draft`, as: admin })).json().status,
    ).toBe('draft');
  });

  it('refuses to change a published row even in SQL, and a tampered snapshot fails verification', async () => {
    const { period } = await freshQuarter();
    expect(
      (await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin })).statusCode,
    ).toBe(201);
    const { hash } = (
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/publish`, as: admin })
    ).json();
    await expect(
      sql`update public_reports set snapshot = jsonb_set(snapshot, '{figures,bookings}', '999999') where period = ${period}`.execute(
        t.db,
      ),
    ).rejects.toThrow(/published/);
    // Someone with the power to switch triggers off (the database owner) changes a figure.
    await t.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update public_reports set snapshot = jsonb_set(snapshot, '{figures,bookings}', '999999') where period = ${period}`.execute(
        trx,
      );
    });
    const check = await inject(t, { method: 'GET', url: `/api/v1/reports/${period}/verify` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ period, hash, valid: false });
    expect(check.json().computed).not.toBe(hash);
  });
});

describe('who may build, edit and publish', () => {
  it('lets only city admins near drafts', async () => {
    const { period } = await freshQuarter();
    for (const who of ['resident', 'district_admin', 'hub_manager', 'ngo_owner', 'ngo_member'] as const) {
      const as = users[who];
      expectProblem(
        await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as }),
        403,
        'forbidden',
      );
      expectProblem(
        await inject(t, { method: 'GET', url: `/api/v1/reports/${period}/draft`, as }),
        403,
        'forbidden',
      );
      expectProblem(
        await inject(t, {
          method: 'PATCH',
          url: `/api/v1/reports/${period}/draft`,
          as,
          payload: { narratives: { summary: { uk: 'а', en: 'a' } } },
        }),
        403,
        'forbidden',
      );
      expectProblem(
        await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/publish`, as }),
        403,
        'forbidden',
      );
      expectProblem(await inject(t, { method: 'GET', url: '/api/v1/admin/reports', as }), 403, 'forbidden');
    }
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft` }),
      401,
      'unauthorized',
    );
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/publish` }),
      401,
      'unauthorized',
    );
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/admin/reports' }), 401, 'unauthorized');
    // None of them left a draft behind; the city admin can, and publishing needs one.
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/publish`, as: admin }),
      404,
      'not_found',
    );
    expect(
      (await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin })).statusCode,
    ).toBe(201);
  });
});

describe('periods', () => {
  it('refuses periods that are not over yet in Kyiv', async () => {
    const today = toKyiv(new Date()).date;
    const thisQuarter = quarterOf(new Date());
    const thisYear = today.slice(0, 4);
    const nextYear = String(Number(thisYear) + 1);
    for (const period of [thisQuarter, thisYear, nextYear, `${nextYear}-Q1`]) {
      expectProblem(
        await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin }),
        400,
        'period_incomplete',
      );
    }
  });

  it('compares the first year it can name with the year before it', async () => {
    const res = await inject(t, { method: 'POST', url: '/api/v1/reports/2000/draft', as: admin });
    expect([200, 201]).toContain(res.statusCode);
    expect(res.json().snapshot.previous).toEqual({ from: '1999-01-01', to: '1999-12-31' });
  });

  it('answers malformed periods with 400 problem+json and unpublished ones with 404', async () => {
    for (const bad of ['2026-Q5', '2026-Q0', '26-Q1', '2026Q1', '1999', 'abcd', '2026-q3', '20261']) {
      expectProblem(
        await inject(t, { method: 'GET', url: `/api/v1/reports/${bad}` }),
        400,
        'validation_failed',
      );
      expectProblem(
        await inject(t, { method: 'GET', url: `/api/v1/reports/${bad}/verify` }),
        400,
        'validation_failed',
      );
      expectProblem(
        await inject(t, { method: 'POST', url: `/api/v1/reports/${bad}/draft`, as: admin }),
        400,
        'validation_failed',
      );
    }
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/reports/2026-Q5.pdf' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/reports/2000-Q1.pdf?lang=de' }),
      400,
      'validation_failed',
    );
    const { period: unpublished } = await freshQuarter();
    for (const url of [
      `/api/v1/reports/${unpublished}`,
      `/api/v1/reports/${unpublished}/verify`,
      `/api/v1/reports/${unpublished}.pdf`,
    ])
      expectProblem(await inject(t, { method: 'GET', url }), 404, 'not_found');
    expectProblem(
      await inject(t, { method: 'GET', url: `/api/v1/reports/${unpublished}/draft`, as: admin }),
      404,
      'not_found',
    );
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: `/api/v1/reports/${unpublished}/draft`,
        as: admin,
        payload: { narratives: { summary: { uk: 'а' } } },
      }),
      400,
      'validation_failed',
    );
  });
});

describe('the PDF', () => {
  it('is a tagged PDF in the language asked for, with the headline figures', async () => {
    const { period, from } = await freshQuarter();
    const hubId = await createHub(t, 'obolonskyi');
    const hub = await t.db
      .selectFrom('hubs')
      .select(['nameUk', 'nameEn'])
      .where('id', '=', hubId)
      .executeTakeFirstOrThrow();
    await booking(await roomOf(hubId), await createOrganization(t), addDays(from, 54), 2);
    await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/draft`, as: admin });
    await inject(t, {
      method: 'PATCH',
      url: `/api/v1/reports/${period}/draft`,
      as: admin,
      payload: { narratives: { hubs: { uk: 'Хаби працювали щодня.', en: 'The hubs were open every day.' } } },
    });
    const report = (
      await inject(t, { method: 'POST', url: `/api/v1/reports/${period}/publish`, as: admin })
    ).json();

    for (const [lang, words] of [
      [
        'uk',
        [
          'Публічний звіт',
          'Головні показники',
          'Підтверджені бронювання',
          'За хабами',
          'Хаби працювали щодня.',
          hub.nameUk,
        ],
      ],
      [
        'en',
        [
          'Public report',
          'Headline figures',
          'Confirmed bookings',
          'By hub',
          'The hubs were open every day.',
          hub.nameEn,
        ],
      ],
    ] as const) {
      const res = await inject(t, {
        method: 'GET',
        url: `/api/v1/reports/${period}.pdf${lang === 'en' ? '?lang=en' : ''}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const raw = pdf.toString('latin1');
      expect(raw).toContain('/StructTreeRoot');
      expect(raw).toContain('/MarkInfo');
      expect(raw).toMatch(lang === 'uk' ? /\/Lang \(uk-UA\)/ : /\/Lang \(en-GB\)/);
      let hasPdftotext = true;
      try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      } catch {
        hasPdftotext = false;
      }
      if (!hasPdftotext) continue;
      const file = path.join(dir, `${period}-${lang}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      for (const w of words) expect(text).toContain(w);
      expect(text).toContain(report.hash);
      expect(text).toContain(`${period}`);
    }
  });
});
