// Personal data (issue 14): the registry of personal columns covers the whole schema; a person with
// data in every category exports it all (and nothing of anyone else's); erasing the account leaves
// no personal field of theirs anywhere (read from the database, column by column, as the registry
// lists them) while public counts, past events, approved hours and certificates stay; consents keep
// their wording version; retention runs on a fixed clock; staff act on a written request.
import { inflateRawSync } from 'node:zlib';
import { CONSENT_WORDING, DATA_CATEGORIES } from '@vcentri/shared';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA, TOOL_TABLES } from '../src/modules/privacy/personal-data';
import { runRetention } from '../src/modules/privacy/retention';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { certify, hoursOf } from './certificate-fixture';
import {
  buildTestApp,
  createOrganization,
  createUser,
  expectProblem,
  inject,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
  unique,
} from './helper';
import { createShift, ngoWithProgram, ok, shiftInput, signUp } from './volunteering-fixture';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});

/** The files of a zip archive, read by its local headers (an independent path from the writer). */
function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = buf.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 30 + nameLength + extra + size;
  }
  return files;
}

let nextDay = 30;
async function publishedEvent(capacity: number) {
  const d = kyivDate(nextDay++);
  const b = await book(t, w.member, {
    roomId: w.roomId,
    organizationId: w.orgId,
    start: at(d, '18:00'),
    end: at(d, '20:00'),
  });
  if (b.statusCode !== 201) throw new Error(b.body);
  return ok(
    inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.member,
      payload: {
        bookingId: b.json().items[0].id,
        title: { uk: 'Толока', en: 'Clean-up' },
        category: 'debate',
        capacity,
      },
    }),
    201,
  ) as Promise<{ id: string }>;
}

const register = (u: TestUser, eventId: string) =>
  ok(inject(t, { method: 'POST', url: `/api/v1/events/${eventId}/registrations`, as: u }), 201);

/** Someone with data in every category, and the strings that identify them. */
async function person() {
  // An address no other person of the worker has, nor one containing it (203.0.113.3 is inside
  // 203.0.113.34): two groups of four hex digits, none leading with zero, end the text.
  const group = () => (0x1000 + Math.floor(Math.random() * 0xefff)).toString(16);
  const marks = {
    name: unique('Ярина Особлива'),
    ip: `2001:db8::${group()}:${group()}`,
    skill: unique('skill'),
    comment: unique('коментар'),
    description: unique('опис-годин'),
    printedName: unique('Друковане Імʼя'),
  };
  const coOwnedOrg = await createOrganization(t);
  const coOwner = await createUser(t, [{ role: 'ngo_owner', organizationId: coOwnedOrg }]);
  const u = await createUser(t, [
    { role: 'ngo_member', organizationId: w.orgId },
    { role: 'ngo_owner', organizationId: coOwnedOrg },
  ]);
  const as = (opts: Parameters<typeof inject>[1]) => inject(t, { ...opts, as: u, remoteAddress: marks.ip });
  await ok(as({ method: 'PATCH', url: '/api/v1/me', payload: { name: marks.name } }));
  // A log-in from the person's address: an audit entry and a session.
  await ok(
    inject(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: marks.ip,
      payload: { email: u.email, password: TEST_PASSWORD },
    }),
  );
  // A booking made for the organisation.
  const d = kyivDate(nextDay++);
  const booking = await ok(
    as({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: {
        roomId: w.roomId,
        organizationId: w.orgId,
        title: 'Збори',
        attendees: 5,
        start: at(d, '10:00'),
        end: at(d, '11:00'),
      },
    }),
    201,
  );
  // A future event where they hold the only place and someone waits behind them.
  const full = await publishedEvent(1);
  await register(u, full.id);
  const waiting = await createUser(t);
  await register(waiting, full.id);
  // A past event they attended and rated.
  const past = await publishedEvent(10);
  const reg = await register(u, past.id);
  await sql`update events set starts_at = now() + interval '1 hour', ends_at = now() + interval '2 hours' where id = ${past.id}`.execute(
    t.db,
  );
  await ok(
    inject(t, {
      method: 'POST',
      url: `/api/v1/events/${past.id}/check-in`,
      as: w.manager,
      payload: { code: reg.code },
    }),
  );
  await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' where id = ${past.id}`.execute(
    t.db,
  );
  await ok(
    as({
      method: 'POST',
      url: `/api/v1/events/${past.id}/feedback`,
      payload: { rating: 4, comment: marks.comment },
    }),
    204,
  );
  // A volunteer: profile, a future shift held with someone waiting, approved hours, a certificate.
  await ok(
    as({
      method: 'PUT',
      url: '/api/v1/me/volunteer-profile',
      payload: {
        skills: [marks.skill],
        languages: ['uk'],
        districts: ['obolonskyi'],
        birthYear: 1991,
        consentToContact: true,
      },
    }),
  );
  const ngo = await ngoWithProgram(t);
  const shift = await createShift(
    t,
    ngo.owner,
    ngo.programId,
    shiftInput(kyivDate(12), '10:00', '12:00', { places: 1 }),
  );
  await ok(signUp(t, u, shift.id), 201);
  const otherVolunteer = await createUser(t);
  await ok(
    inject(t, {
      method: 'PUT',
      url: '/api/v1/me/volunteer-profile',
      as: otherVolunteer,
      payload: {
        skills: ['cooking'],
        languages: ['uk'],
        districts: ['obolonskyi'],
        birthYear: 1990,
        consentToContact: false,
      },
    }),
  );
  await ok(signUp(t, otherVolunteer, shift.id), 201);
  const hoursId = await hoursOf(t, u, ngo.programId, ngo.owner, 90, 5);
  await t.db
    .updateTable('volunteerHours')
    .set({ description: marks.description })
    .where('id', '=', hoursId)
    .execute();
  const [certificate] = await certify(t, u, { programId: ngo.programId, printedName: marks.printedName });
  // A consent decision, and a notification of their own.
  await ok(
    as({
      method: 'PUT',
      url: '/api/v1/me/consents/email_notifications',
      payload: { given: false, version: CONSENT_WORDING.email_notifications.version },
    }),
  );
  await t.db
    .insertInto('notifications')
    .values({ userId: u.id, kind: 'event.promoted', titleUk: marks.name, titleEn: marks.name, data: '{}' })
    .execute();
  return {
    u,
    marks,
    as,
    coOwner,
    coOwnedOrg,
    bookingId: booking.items[0].id as string,
    full,
    waiting,
    past,
    ngo,
    shift,
    otherVolunteer,
    certificate: certificate!,
  };
}

async function exportNow(p: Awaited<ReturnType<typeof person>>) {
  const requested = await p.as({ method: 'POST', url: '/api/v1/me/data-exports' });
  expect(requested.statusCode, requested.body).toBe(202);
  expect(requested.json()).toMatchObject({ status: 'pending', downloadUrl: null, byStaff: false });
  const early = await p.as({ method: 'GET', url: `/api/v1/data-exports/${requested.json().id}/archive.zip` });
  expectProblem(early, 409, 'export_not_ready');
  await t.app.jobWorker!.runOnce();
  const list = (await ok(p.as({ method: 'GET', url: '/api/v1/me/data-exports' }))).items;
  expect(list[0]).toMatchObject({ id: requested.json().id, status: 'ready' });
  return list[0] as { id: string; downloadUrl: string; expiresAt: string; readyAt: string };
}

describe('the registry of personal data', () => {
  it('has a rule for every column of every table, and no rule for a column that does not exist', async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = current_schema() order by 1, 2`.execute(t.db);
    const inDb = new Set(
      rows.filter((r) => !TOOL_TABLES.includes(r.table)).map((r) => `${r.table}.${r.column}`),
    );
    const inRegistry = new Set(
      Object.entries(PERSONAL_DATA).flatMap(([table, rule]) =>
        Object.keys(rule.columns).map((c) => `${table}.${c}`),
      ),
    );
    expect(
      [...inDb].filter((c) => !inRegistry.has(c)),
      'columns without a rule',
    ).toEqual([]);
    expect(
      [...inRegistry].filter((c) => !inDb.has(c)),
      'rules for columns that do not exist',
    ).toEqual([]);
    for (const [table, rule] of Object.entries(PERSONAL_DATA))
      if (rule.person) expect(rule.columns[rule.person], `${table}.${rule.person}`).toBeDefined();
  });

  it('the privacy page lists every category with the configured periods', async () => {
    const res = await inject(t, { method: 'GET', url: '/api/v1/privacy' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.categories.map((c: { id: string }) => c.id)).toEqual(DATA_CATEGORIES.map((c) => c.id));
    expect(body.retention).toEqual({
      auditIpDays: t.config.auditIpRetentionDays,
      exportDays: t.config.dataExportDays,
      unusedAccountDays: t.config.unusedAccountDays,
    });
    expect(body.consents.map((c: { kind: string; version: string }) => [c.kind, c.version])).toEqual(
      Object.entries(CONSENT_WORDING).map(([k, v]) => [k, v.version]),
    );
  });
});

describe('consents', () => {
  it('are recorded with the wording version and the time; an older wording is refused', async () => {
    const u = await createUser(t);
    const get = async () =>
      (await ok(inject(t, { method: 'GET', url: '/api/v1/me/consents', as: u }))).items as {
        kind: string;
        given: boolean;
        version: string | null;
        at: string | null;
      }[];
    expect(await get()).toEqual([
      { kind: 'volunteer_contact', given: false, version: null, at: null },
      { kind: 'email_notifications', given: true, version: null, at: null },
    ]);
    const put = (kind: string, given: boolean, version: string) =>
      inject(t, { method: 'PUT', url: `/api/v1/me/consents/${kind}`, as: u, payload: { given, version } });
    expectProblem(await put('email_notifications', false, '2020-01-01'), 409, 'consent_outdated');
    expectProblem(
      await put('volunteer_contact', true, CONSENT_WORDING.volunteer_contact.version),
      403,
      'volunteer_profile_required',
    );
    expectProblem(await put('marketing', true, 'x'), 400, 'validation_failed');
    const withdrawn = await ok(
      put('email_notifications', false, CONSENT_WORDING.email_notifications.version),
    );
    expect(withdrawn).toMatchObject({
      kind: 'email_notifications',
      given: false,
      version: CONSENT_WORDING.email_notifications.version,
    });
    expect(Date.now() - Date.parse(withdrawn.at)).toBeLessThan(60_000);
    const user = await t.db
      .selectFrom('users')
      .select('emailNotifications')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(user.emailNotifications).toBe(false);
    // The history keeps every decision.
    await ok(put('email_notifications', true, CONSENT_WORDING.email_notifications.version));
    const history = await t.db
      .selectFrom('consentRecords')
      .select(['kind', 'given', 'version'])
      .where('userId', '=', u.id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => h.given)).toEqual([false, true]);
  });
});

describe('download my data', () => {
  it('holds every category of the person’s data and nothing of anyone else’s', async () => {
    const p = await person();
    const x = await exportNow(p);
    expect(Date.parse(x.expiresAt) - Date.parse(x.readyAt)).toBe(t.config.dataExportDays * 86_400_000);
    const res = await p.as({ method: 'GET', url: x.downloadUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="vcentri-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzip(res.rawPayload);
    for (const c of DATA_CATEGORIES) expect(files.has(`${c.id}.json`), c.id).toBe(true);
    const json = (id: string) => JSON.parse(files.get(`${id}.json`)!);
    expect(json('account')).toMatchObject({ email: p.u.email, name: p.marks.name });
    expect(
      json('roles')
        .map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['ngo_member', 'ngo_owner']);
    expect(json('sessions').length).toBeGreaterThanOrEqual(2);
    expect(json('bookings').map((b: { id: string }) => b.id)).toContain(p.bookingId);
    expect(
      json('registrations')
        .map((r: { eventId: string }) => r.eventId)
        .sort(),
    ).toEqual([p.full.id, p.past.id].sort());
    expect(
      json('registrations').find((r: { eventId: string }) => r.eventId === p.past.id).checkedInAt,
    ).toBeTruthy();
    expect(json('feedback')).toEqual([expect.objectContaining({ rating: 4, comment: p.marks.comment })]);
    expect(json('volunteer_profile')).toMatchObject({ skills: [p.marks.skill], birthYear: 1991 });
    expect(json('volunteer_signups')).toEqual([
      expect.objectContaining({ shiftId: p.shift.id, status: 'confirmed' }),
    ]);
    expect(json('volunteer_hours')).toEqual([
      expect.objectContaining({ minutes: 90, description: p.marks.description }),
    ]);
    // A survey invitation (who may answer; the answers themselves hold no account).
    const survey = await t.db
      .insertInto('surveys')
      .values({
        scope: 'network',
        titleUk: unique('Опитування'),
        titleEn: 'Survey',
        questions: '[]',
        opensAt: new Date(),
        closesAt: new Date(Date.now() + 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('surveyInvitees').values({ surveyId: survey.id, userId: p.u.id }).execute();
    const again = unzip((await p.as({ method: 'GET', url: (await exportNow(p)).downloadUrl })).rawPayload);
    expect(JSON.parse(again.get('survey_invitations.json')!)).toEqual([
      expect.objectContaining({ surveyId: survey.id, issuedAt: null }),
    ]);
    expect(json('certificates')).toEqual([
      expect.objectContaining({ code: p.certificate.code, printedName: p.marks.printedName }),
    ]);
    expect(json('notifications').length).toBeGreaterThanOrEqual(1);
    expect(json('consents').map((c: { kind: string }) => c.kind)).toEqual(
      expect.arrayContaining(['volunteer_contact', 'email_notifications']),
    );
    expect(json('audit').map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['auth.login']),
    );
    expect(json('audit').find((a: { action: string }) => a.action === 'auth.login').ip).toBe(p.marks.ip);
    // CSV beside each list, with a header.
    expect(files.get('volunteer_hours.csv')!.split('\r\n')[0]).toContain('description');
    // Nobody else in it: the person waiting behind them, the other volunteer, the organisation's people.
    const everything = [...files.values()].join('\n');
    for (const other of [p.waiting, p.otherVolunteer, p.coOwner, w.member, w.manager])
      expect(everything.includes(other.email), other.email).toBe(false);
  });

  it('only the person, or the city admin who asked on their behalf, downloads it; it expires', async () => {
    const p = await person();
    const x = await exportNow(p);
    const otherAdmin = await createUser(t, [{ role: 'city_admin' }]);
    for (const who of [w.member, otherAdmin, p.coOwner])
      expectProblem(await inject(t, { method: 'GET', url: x.downloadUrl, as: who }), 404, 'not_found');
    expectProblem(await inject(t, { method: 'GET', url: x.downloadUrl }), 401, 'unauthorized');

    // A city admin acting on a written request: audited with the reason; the admin downloads.
    const admin = await createUser(t, [{ role: 'city_admin' }]);
    const bad = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/users/${p.u.id}/data-exports`,
      as: admin,
      payload: {},
    });
    expectProblem(bad, 400, 'validation_failed');
    const staff = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/users/${p.u.id}/data-exports`,
      as: admin,
      payload: { reason: 'Лист від 01.12.2026 № 17' },
    });
    expect(staff.statusCode, staff.body).toBe(202);
    expect(staff.json().byStaff).toBe(true);
    await t.app.jobWorker!.runOnce();
    const staffList = (
      await ok(inject(t, { method: 'GET', url: `/api/v1/admin/users/${p.u.id}/data-exports`, as: admin }))
    ).items;
    const ready = staffList.find((e: { id: string }) => e.id === staff.json().id);
    expect(ready.status).toBe('ready');
    expect((await inject(t, { method: 'GET', url: ready.downloadUrl, as: admin })).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['actorId', 'details'])
      .where('action', '=', 'privacy.export_requested')
      .where('targetId', '=', p.u.id)
      .where('actorId', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ reason: 'Лист від 01.12.2026 № 17' });
    expectProblem(
      await inject(t, { method: 'GET', url: `/api/v1/admin/users/${p.u.id}/data-exports`, as: w.manager }),
      403,
      'forbidden',
    );

    // Past its days the archive is gone.
    await t.db
      .updateTable('dataExports')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('id', '=', x.id)
      .execute();
    expectProblem(await p.as({ method: 'GET', url: x.downloadUrl }), 404, 'not_found');
    const mine = (await ok(p.as({ method: 'GET', url: '/api/v1/me/data-exports' }))).items;
    expect(mine.find((e: { id: string }) => e.id === x.id)).toMatchObject({
      status: 'expired',
      downloadUrl: null,
    });
  });
});

/** Every text-like column of every table (but those the registry keeps on purpose) that holds `needle`. */
async function whereFound(needle: string): Promise<string[]> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = current_schema()
      and data_type in ('text', 'USER-DEFINED', 'jsonb', 'ARRAY', 'character varying')`.execute(t.db);
  const found: string[] = [];
  for (const { table, column } of rows) {
    const rule = PERSONAL_DATA[table]?.columns[column];
    if (!rule || rule.startsWith('keep:') || rule === 'retain') continue;
    const hit = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)}::text ilike ${`%${needle}%`}`.execute(
      t.db,
    );
    if (hit.rows[0]!.n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe('delete my account', () => {
  it('needs the password; the only owner of an organisation hands ownership over first', async () => {
    const u = await createUser(t);
    const erase = (password: string) =>
      inject(t, { method: 'DELETE', url: '/api/v1/me', as: u, payload: { password } });
    expectProblem(await erase('not the password'), 403, 'invalid_credentials');
    const org = await createOrganization(t);
    await t.db
      .insertInto('roleGrants')
      .values({ userId: u.id, role: 'ngo_owner', organizationId: org })
      .execute();
    const refused = expectProblem(await erase(TEST_PASSWORD), 409, 'owner_must_transfer');
    expect((refused as unknown as { organizationIds: string[] }).organizationIds).toEqual([org]);
    // Nothing changed.
    const still = await t.db
      .selectFrom('users')
      .select(['email', 'erasedAt'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ email: u.email, erasedAt: null });
    expectProblem(
      await inject(t, { method: 'DELETE', url: '/api/v1/me', payload: { password: 'x' } }),
      401,
      'unauthorized',
    );
  });

  it('two co-owners deleting their accounts at once: one goes, the other is told to hand over', async () => {
    // On PostgreSQL the two requests run in two transactions at the same time; without the lock on
    // the owners' grants each saw the other still there and the organisation lost both owners.
    for (let round = 0; round < 5; round++) {
      const org = await createOrganization(t);
      const owners = [await createUser(t), await createUser(t)];
      await t.db
        .insertInto('roleGrants')
        .values(owners.map((u) => ({ userId: u.id, role: 'ngo_owner' as const, organizationId: org })))
        .execute();
      const answers = await Promise.all(
        owners.map((u) =>
          inject(t, { method: 'DELETE', url: '/api/v1/me', as: u, payload: { password: TEST_PASSWORD } }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409]);
      expectProblem(answers.find((a) => a.statusCode === 409)!, 409, 'owner_must_transfer');
      const left = await t.db
        .selectFrom('roleGrants')
        .select('userId')
        .where('organizationId', '=', org)
        .where('role', '=', 'ngo_owner')
        .execute();
      expect(left).toHaveLength(1);
    }
  });

  it('closes the account at once and leaves no personal field of the person, while the public record stays', async () => {
    const p = await person();
    const approvedMinutes = async () =>
      (
        await t.db
          .selectFrom('volunteerHours')
          .select(sql<number>`sum(minutes)::int`.as('m'))
          .where('programId', '=', p.ngo.programId)
          .where('status', '=', 'approved')
          .executeTakeFirstOrThrow()
      ).m;
    const beforeHours = await approvedMinutes();
    const res = await p.as({ method: 'DELETE', url: '/api/v1/me', payload: { password: TEST_PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.cookies.find((c) => c.name === 'vcentri_rt')?.value ?? '').toBe('');

    // Closed: the token refused (and, below, no log-in).
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/me', as: p.u }), 401, 'unauthorized');

    // Column by column, as the registry says.
    for (const [table, rule] of Object.entries(PERSONAL_DATA)) {
      if (!rule.person) continue;
      const rows = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table)} where ${sql.ref(rule.person)} = ${p.u.id}`.execute(t.db);
      if (rule.rows === 'delete') {
        expect(rows.rows, table).toEqual([]);
        continue;
      }
      for (const row of rows.rows)
        for (const [column, r] of Object.entries(rule.columns))
          if (r === 'clear') {
            // Rows come back camel-cased (the database's CamelCasePlugin).
            const v = row[column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())];
            const empty =
              v === null ||
              v === '' ||
              (Array.isArray(v) && v.length === 0) ||
              (typeof v === 'object' && v !== null && Object.keys(v).length === 0) ||
              (table === 'users' &&
                (column === 'email' || column === 'password_hash') &&
                !String(v).includes(p.u.email));
            expect(empty, `${table}.${column} = ${JSON.stringify(v)}`).toBe(true);
          }
    }
    // And nowhere else either: the person's e-mail, name, address, skills and free texts.
    for (const needle of [
      p.u.email,
      p.marks.name,
      p.marks.ip,
      p.marks.skill,
      p.marks.comment,
      p.marks.description,
    ])
      expect(await whereFound(needle), needle).toEqual([]);

    // No log-in with the old e-mail and password (checked after the scan above: the attempt itself
    // is audited under the e-mail it tried, as any failed log-in is).
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: p.u.email, password: TEST_PASSWORD },
      }),
      401,
      'invalid_credentials',
    );

    // The place they held went to the person waiting, and the organisers were told.
    const promoted = await t.db
      .selectFrom('eventRegistrations')
      .select('status')
      .where('eventId', '=', p.full.id)
      .where('userId', '=', p.waiting.id)
      .executeTakeFirstOrThrow();
    expect(promoted.status).toBe('confirmed');
    const volunteerPromoted = await t.db
      .selectFrom('volunteerSignups')
      .select('status')
      .where('shiftId', '=', p.shift.id)
      .where('userId', '=', p.otherVolunteer.id)
      .executeTakeFirstOrThrow();
    expect(volunteerPromoted.status).toBe('confirmed');
    const told = await t.db
      .selectFrom('notifications')
      .select(['userId', 'data'])
      .where('kind', '=', 'privacy.participant_left')
      .where('userId', 'in', [w.member.id, p.ngo.owner.id])
      .execute();
    expect(told.map((n) => n.data)).toEqual(
      expect.arrayContaining([{ eventId: p.full.id }, { shiftId: p.shift.id }]),
    );

    // The public record: the past event's attendance and rating, the booking, approved hours, the certificate.
    const attended = await t.db
      .selectFrom('eventRegistrations')
      .select(sql<number>`count(*) filter (where checked_in_at is not null)::int`.as('n'))
      .where('eventId', '=', p.past.id)
      .executeTakeFirstOrThrow();
    expect(attended.n).toBe(1);
    const summary = await ok(
      inject(t, { method: 'GET', url: `/api/v1/events/${p.past.id}/feedback`, as: w.member }),
    );
    expect(summary).toMatchObject({ count: 1, average: 4 });
    const booking = await ok(
      inject(t, { method: 'GET', url: `/api/v1/bookings/${p.bookingId}`, as: w.member }),
    );
    expect(booking.organizationId).toBe(w.orgId);
    expect(await approvedMinutes()).toBe(beforeHours);
    const verified = await ok(inject(t, { method: 'GET', url: `/api/v1/credentials/${p.certificate.code}` }));
    expect(verified).toMatchObject({ status: 'valid', printedName: p.marks.printedName });

    // Not in the administration's list of accounts; a second erasure finds nobody.
    const admin = await createUser(t, [{ role: 'city_admin' }]);
    const users = await ok(
      inject(t, {
        method: 'GET',
        url: `/api/v1/admin/users?q=${encodeURIComponent(p.u.id.slice(0, 8))}`,
        as: admin,
      }),
    );
    expect(users.items.map((x: { id: string }) => x.id)).not.toContain(p.u.id);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/admin/users/${p.u.id}/erase`,
        as: admin,
        payload: { reason: 'повторно' },
      }),
      404,
      'not_found',
    );
  });

  it('erasing someone on a waiting list moves the list as their cancellation would', async () => {
    const e = await publishedEvent(1);
    const [holder, waiting, behind] = [await createUser(t), await createUser(t), await createUser(t)];
    await register(holder, e.id);
    await register(waiting, e.id);
    await register(behind, e.id);
    const res = await inject(t, {
      method: 'DELETE',
      url: '/api/v1/me',
      as: waiting,
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(204);
    const list = await t.db
      .selectFrom('eventRegistrations')
      .select(['userId', 'status', 'position'])
      .where('eventId', '=', e.id)
      .orderBy('createdAt')
      .execute();
    expect(list).toEqual([
      { userId: holder.id, status: 'confirmed', position: null },
      { userId: waiting.id, status: 'cancelled', position: null },
      { userId: behind.id, status: 'waitlisted', position: 1 },
    ]);
  });

  it('a city admin erases an account on a written request, with the reason audited; others may not', async () => {
    const u = await createUser(t);
    const admin = await createUser(t, [{ role: 'city_admin' }]);
    for (const who of [w.manager, w.member, w.districtAdmin, u])
      expectProblem(
        await inject(t, {
          method: 'POST',
          url: `/api/v1/admin/users/${u.id}/erase`,
          as: who,
          payload: { reason: 'запит' },
        }),
        403,
        'forbidden',
      );
    const res = await inject(t, {
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/erase`,
      as: admin,
      payload: { reason: 'Заява від 02.12.2026' },
    });
    expect(res.statusCode, res.body).toBe(204);
    const entry = await t.db
      .selectFrom('auditLog')
      .select(['actorId', 'details'])
      .where('action', '=', 'privacy.account_erased')
      .where('targetId', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(entry.actorId).toBe(admin.id);
    expect(entry.details).toMatchObject({ byStaff: true, reason: 'Заява від 02.12.2026' });
    expect(await whereFound(u.email)).toEqual([]);
  });
});

describe('retention, on a fixed clock', () => {
  it('drops old audit addresses, purges expired exports, erases accounts never used', async () => {
    const now = new Date(Date.now() + 400 * 86_400_000);
    const day = 86_400_000;
    const old = await t.db
      .insertInto('auditLog')
      .values({ action: 'auth.login', ip: '198.51.100.7', at: new Date(now.getTime() - 91 * day) } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const recent = await t.db
      .insertInto('auditLog')
      .values({ action: 'auth.login', ip: '198.51.100.8', at: new Date(now.getTime() - 89 * day) } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    // An account in use (it has a role), so the retention run does not erase it with its exports.
    const owner = await createUser(t, [{ role: 'district_admin', district: 'podilskyi' }]);
    const expired = await t.db
      .insertInto('dataExports')
      .values({
        userId: owner.id,
        status: 'ready',
        archive: Buffer.from('x'),
        bytes: 1,
        readyAt: now,
        expiresAt: new Date(now.getTime() - 1),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const live = await t.db
      .insertInto('dataExports')
      .values({
        userId: owner.id,
        status: 'ready',
        archive: Buffer.from('x'),
        bytes: 1,
        readyAt: now,
        expiresAt: new Date(now.getTime() + day),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The clock is 400 days ahead: every account made now is over a year old. One never used, one
    // with a role, one that signed in "recently" (on the fixed clock).
    const unused = await createUser(t);
    await t.db.deleteFrom('refreshTokens').where('userId', '=', unused.id).execute();
    const withRole = await createUser(t, [{ role: 'district_admin', district: 'podilskyi' }]);
    await t.db.deleteFrom('refreshTokens').where('userId', '=', withRole.id).execute();
    const signedIn = await createUser(t);
    await t.db
      .updateTable('refreshTokens')
      .set({ createdAt: new Date(now.getTime() - day) } as never)
      .where('userId', '=', signedIn.id)
      .execute();

    const result = await runRetention(t.db, t.config, now);
    expect(result.addressesDropped).toBeGreaterThanOrEqual(1);
    expect(result.exportsPurged).toBeGreaterThanOrEqual(1);
    expect(result.accountsErased).toBeGreaterThanOrEqual(1);
    const ip = async (id: string) =>
      (await t.db.selectFrom('auditLog').select('ip').where('id', '=', id).executeTakeFirstOrThrow()).ip;
    expect(await ip(old.id)).toBeNull();
    expect(await ip(recent.id)).toBe('198.51.100.8');
    const exports = await t.db
      .selectFrom('dataExports')
      .select('id')
      .where('userId', '=', owner.id)
      .execute();
    expect(exports.map((e) => e.id)).toEqual([live.id]);
    expect(exports.map((e) => e.id)).not.toContain(expired.id);
    const erased = async (id: string) =>
      (await t.db.selectFrom('users').select('erasedAt').where('id', '=', id).executeTakeFirstOrThrow())
        .erasedAt !== null;
    expect(await erased(unused.id)).toBe(true);
    expect(await erased(withRole.id)).toBe(false);
    expect(await erased(signedIn.id)).toBe(false);
  });
});
