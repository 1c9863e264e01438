// Resident surveys: who is invited (checked-in attendees only, at the opening and at later
// check-ins), one anonymous answer per invitation (also under a race), nothing in the answers that
// leads back to an account, results hidden under five answers, free text for staff only, the
// permissions of every role, and bad input refused with 4xx problems.
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyResultsPublic } from '../src/modules/surveys';
import { surveyOpenHandler } from '../src/modules/surveys/invites';
import { computeResults } from '../src/modules/surveys/results';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp, type TestUser } from './helper';
import {
  createProgram,
  createShift,
  publish as publishProgram,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';

let t: TestApp;
let w: World;
let nextDay = 10;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});

/** A published event at the world's hub starting in an hour (check-in open), with these residents registered. */
async function eventWith(people: TestUser[]) {
  const d = kyivDate(nextDay++);
  const b = await book(t, w.member, {
    roomId: w.roomId,
    organizationId: w.orgId,
    start: at(d, '18:00'),
    end: at(d, '20:00'),
  });
  if (b.statusCode !== 201) throw new Error(b.body);
  const res = await inject(t, {
    method: 'POST',
    url: '/api/v1/events',
    as: w.member,
    payload: {
      bookingId: b.json().items[0].id,
      title: { uk: 'Дебати про парки', en: 'Debate on parks' },
      category: 'debate',
      capacity: 20,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  const codes = new Map<string, string>();
  for (const u of people) {
    const r = await inject(t, { method: 'POST', url: `/api/v1/events/${id}/registrations`, as: u });
    codes.set(u.id, r.json().code);
  }
  await sql`update events set starts_at = now() + interval '1 hour', ends_at = now() + interval '2 hours' where id = ${id}`.execute(
    t.db,
  );
  return { id, codes };
}

async function checkIn(eventId: string, code: string) {
  const r = await inject(t, {
    method: 'POST',
    url: `/api/v1/events/${eventId}/check-in`,
    as: w.manager,
    payload: { code },
  });
  if (r.statusCode !== 200) throw new Error(r.body);
}

const questions = [
  { kind: 'rating', text: { uk: 'Оцінка', en: 'Rating' }, required: true },
  { kind: 'nps', text: { uk: 'Порадите?', en: 'Recommend?' } },
  {
    kind: 'single',
    text: { uk: 'Як дізналися?', en: 'How did you hear?' },
    options: [
      { uk: 'Друзі', en: 'Friends' },
      { uk: 'Сайт', en: 'Website' },
    ],
  },
  {
    kind: 'multiple',
    text: { uk: 'Що сподобалось?', en: 'What did you like?' },
    options: [
      { uk: 'Тема', en: 'Topic' },
      { uk: 'Місце', en: 'Place' },
      { uk: 'Люди', en: 'People' },
    ],
  },
  { kind: 'text', text: { uk: 'Коментар', en: 'Comment' } },
];

function surveyInput(overrides: Record<string, unknown> = {}) {
  return {
    scope: 'network',
    title: { uk: 'Як пройшло?', en: 'How was it?' },
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    questions,
    ...overrides,
  };
}

async function createSurvey(as: TestUser, overrides: Record<string, unknown> = {}) {
  const r = await inject(t, { method: 'POST', url: '/api/v1/surveys', as, payload: surveyInput(overrides) });
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json() as { id: string; questions: { id: string; options: { id: string }[] }[]; phase: string };
}

async function openSurveyAbout(eventId: string, as: TestUser = w.manager) {
  const s = await createSurvey(as, { scope: 'event', eventId });
  const p = await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/publish`, as });
  if (p.statusCode !== 200) throw new Error(p.body);
  expect(p.json().phase).toBe('open');
  return s;
}

const takeToken = (id: string, as: TestUser | null) =>
  inject(t, { method: 'POST', url: `/api/v1/surveys/${id}/invitation`, as });

/** Answers WITHOUT any Authorization header. */
const answer = (id: string, token: string, answers: unknown[]) =>
  t.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/responses`, payload: { token, answers } });

function fullAnswer(s: Awaited<ReturnType<typeof createSurvey>>, rating = 4, text = 'Добре') {
  const [r, n, single, multiple, free] = s.questions;
  return [
    { questionId: r!.id, value: rating },
    { questionId: n!.id, value: 9 },
    { questionId: single!.id, value: single!.options[0]!.id },
    { questionId: multiple!.id, value: [multiple!.options[0]!.id, multiple!.options[2]!.id] },
    { questionId: free!.id, value: text },
  ];
}

describe('invitations', () => {
  it('invites only checked-in attendees, once each, and tells them in the portal with a link', async () => {
    const [a, b] = [await createUser(t), await createUser(t)];
    const e = await eventWith([a!, b!]);
    await checkIn(e.id, e.codes.get(a!.id)!);
    const s = await openSurveyAbout(e.id);

    const notes = await t.db
      .selectFrom('notifications')
      .select(['userId', 'link', 'kind'])
      .where('kind', '=', 'survey.invited')
      .where('link', '=', `/surveys/${s.id}`)
      .execute();
    expect(notes.map((n) => n.userId)).toEqual([a!.id]);

    const seenByA = await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}`, as: a });
    expect(seenByA.json()).toMatchObject({ invitation: 'available', phase: 'open', canManage: false });
    expect(seenByA.json().counts).toBeUndefined();
    const seenByB = await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}`, as: b });
    expect(seenByB.json().invitation).toBe('none');

    expectProblem(await takeToken(s.id, b!), 403, 'not_invited');
    expectProblem(await takeToken(s.id, null), 401, 'unauthorized');
    const first = await takeToken(s.id, a!);
    expect(first.statusCode).toBe(201);
    expect(first.json().token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expectProblem(await takeToken(s.id, a!), 409, 'invitation_issued');
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}`, as: a })).json().invitation,
    ).toBe('issued');

    // B checks in while the survey is open: invited at once, by the same rule.
    await checkIn(e.id, e.codes.get(b!.id)!);
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}`, as: b })).json().invitation,
    ).toBe('available');
    const bNotes = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('userId', '=', b!.id)
      .where('kind', '=', 'survey.invited')
      .execute();
    expect(bNotes).toHaveLength(1);
    // A second check-in of the same person invites nobody twice.
    await checkIn(e.id, e.codes.get(b!.id)!);
    const staff = await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}`, as: w.manager });
    expect(staff.json().counts).toEqual({ invited: 2, responses: 0 });
  });

  it('a survey published ahead invites at its opening: by the job, or by the first read after it', async () => {
    const a = await createUser(t);
    const e = await eventWith([a]);
    await checkIn(e.id, e.codes.get(a.id)!);
    const s = await createSurvey(w.manager, {
      scope: 'event',
      eventId: e.id,
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const p = await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/publish`, as: w.manager });
    expect(p.json().phase).toBe('scheduled');
    expectProblem(await takeToken(s.id, a), 409, 'survey_not_open');
    const job = await t.db
      .selectFrom('jobs')
      .select(['kind', 'runAt'])
      .where('dedupeKey', 'like', `survey.open:${s.id}:%`)
      .executeTakeFirstOrThrow();
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    // Time passes: the survey opens; the job's handler invites (a second run does nothing more).
    await sql`update surveys set opens_at = now() - interval '1 minute' where id = ${s.id}`.execute(t.db);
    await surveyOpenHandler(t.db)({ surveyId: s.id }, {} as never);
    await surveyOpenHandler(t.db)({ surveyId: s.id }, {} as never);
    const invitees = await t.db
      .selectFrom('surveyInvitees')
      .select('userId')
      .where('surveyId', '=', s.id)
      .execute();
    expect(invitees.map((x) => x.userId)).toEqual([a.id]);

    // Another one whose job has not run: the first read invites.
    const s2 = await createSurvey(w.manager, {
      scope: 'event',
      eventId: e.id,
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${s2.id}/publish`, as: w.manager });
    await sql`update surveys set opens_at = now() - interval '1 minute' where id = ${s2.id}`.execute(t.db);
    const read = await inject(t, { method: 'GET', url: `/api/v1/surveys/${s2.id}`, as: a });
    expect(read.json().invitation).toBe('available');
  });

  it('a shift survey invites the volunteers marked present, not the absent ones', async () => {
    const program = await createProgram(t, w.manager, { hubId: w.hubId });
    await publishProgram(t, w.manager, program.id);
    const shift = await createShift(t, w.manager, program.id, shiftInput(kyivDate(30), '10:00', '12:00'));
    const [present, absent] = [await volunteer(t), await volunteer(t)];
    for (const v of [present!, absent!]) expect((await signUp(t, v, shift.id)).statusCode).toBe(201);
    await sql`update volunteer_shifts set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = ${shift.id}`.execute(
      t.db,
    );
    const s = await createSurvey(w.manager, { scope: 'shift', shiftId: shift.id });
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/publish`, as: w.manager });
    const signups = await t.db
      .selectFrom('volunteerSignups')
      .select(['id', 'userId'])
      .where('shiftId', '=', shift.id)
      .execute();
    const idOf = (u: TestUser) => signups.find((x) => x.userId === u.id)!.id;
    const mark = await inject(t, {
      method: 'POST',
      url: `/api/v1/volunteering/shifts/${shift.id}/attendance`,
      as: w.manager,
      payload: {
        entries: [
          { signupId: idOf(present!), present: true },
          { signupId: idOf(absent!), present: false },
        ],
      },
    });
    expect(mark.statusCode, mark.body).toBe(200);
    expect((await takeToken(s.id, present!)).statusCode).toBe(201);
    expectProblem(await takeToken(s.id, absent!), 403, 'not_invited');
  });

  it('a hub survey invites who checked in at the hub in the 90 days before it opens, not older attendance', async () => {
    const [recent, old] = [await createUser(t), await createUser(t)];
    const e = await eventWith([recent!, old!]);
    await checkIn(e.id, e.codes.get(recent!.id)!);
    await checkIn(e.id, e.codes.get(old!.id)!);
    await sql`update event_registrations set checked_in_at = now() - interval '120 days' where event_id = ${e.id} and user_id = ${old!.id}`.execute(
      t.db,
    );
    const s = await createSurvey(w.manager, { scope: 'hub', hubId: w.hubId });
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/publish`, as: w.manager });
    expect((await takeToken(s.id, recent!)).statusCode).toBe(201);
    expectProblem(await takeToken(s.id, old!), 403, 'not_invited');
  });
});

describe('answering', () => {
  it('one anonymous answer per invitation; bad answers and unknown tokens change nothing', async () => {
    const a = await createUser(t);
    const e = await eventWith([a]);
    await checkIn(e.id, e.codes.get(a.id)!);
    const s = await openSurveyAbout(e.id);
    const token = (await takeToken(s.id, a)).json().token as string;
    const [rating, , single, multiple] = s.questions;

    const bad = [
      [{ questionId: rating!.id, value: 6 }],
      [{ questionId: rating!.id, value: 0 }],
      [{ questionId: rating!.id, value: 'five' }],
      [
        { questionId: rating!.id, value: 3 },
        { questionId: single!.id, value: 'o9' },
      ],
      [
        { questionId: rating!.id, value: 3 },
        { questionId: multiple!.id, value: ['o1', 'o1'] },
      ],
      [{ questionId: 'nope', value: 3 }],
      // the required rating left out
      [{ questionId: single!.id, value: single!.options[0]!.id }],
    ];
    for (const answers of bad) {
      const p = expectProblem(await answer(s.id, token, answers), 400, 'invalid_answer');
      expect(p.errors?.length).toBeGreaterThan(0);
    }
    expectProblem(await answer(s.id, 'x'.repeat(43), fullAnswer(s)), 403, 'invitation_invalid');
    expect(
      await t.db.selectFrom('surveyResponses').select('id').where('surveyId', '=', s.id).execute(),
    ).toEqual([]);

    const ok = await answer(s.id, token, fullAnswer(s));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().answeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expectProblem(await answer(s.id, token, fullAnswer(s)), 409, 'invitation_used');
    const rows = await t.db.selectFrom('surveyResponses').selectAll().where('surveyId', '=', s.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hubId: w.hubId, district: 'obolonskyi' });
  });

  it('two answers sent at once with the same token: exactly one is stored', async () => {
    const a = await createUser(t);
    const e = await eventWith([a]);
    await checkIn(e.id, e.codes.get(a.id)!);
    const s = await openSurveyAbout(e.id);
    const token = (await takeToken(s.id, a)).json().token as string;
    const results = await Promise.all([
      answer(s.id, token, fullAnswer(s)),
      answer(s.id, token, fullAnswer(s)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.db.selectFrom('surveyResponses').select('id').where('surveyId', '=', s.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps no account, token or invitation with the answer, and no time finer than the day', async () => {
    const cols = await sql<{ tableName: string; columnName: string; dataType: string }>`
      select table_name, column_name, data_type from information_schema.columns
       where table_schema = current_schema() and table_name like 'survey%'`.execute(t.db);
    const byTable = new Map<string, { columnName: string; dataType: string }[]>();
    for (const c of cols.rows) byTable.set(c.tableName, [...(byTable.get(c.tableName) ?? []), c]);
    expect([...byTable.keys()].sort()).toEqual([
      'survey_invitations',
      'survey_invitees',
      'survey_responses',
      'surveys',
    ]);
    for (const [table, columns] of byTable) {
      const names = columns.map((c) => c.columnName);
      if (table !== 'survey_invitees')
        expect(names.filter((n) => /user|account|created_by|author/.test(n))).toEqual([]);
      if (table !== 'survey_invitations') expect(names.filter((n) => /token/.test(n))).toEqual([]);
    }
    const responseColumns = byTable.get('survey_responses')!;
    expect(responseColumns.map((c) => c.columnName).sort()).toEqual([
      'answered_on',
      'answers',
      'district',
      'hub_id',
      'id',
      'survey_id',
    ]);
    expect(responseColumns.filter((c) => c.dataType.startsWith('timestamp'))).toEqual([]);
    // No foreign key from the answers or the invitations to accounts.
    const fks = await sql<{ tableName: string; foreignTable: string }>`
      select tc.table_name, ccu.table_name as foreign_table
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
       where tc.constraint_type = 'FOREIGN KEY' and tc.table_name like 'survey%'`.execute(t.db);
    expect(fks.rows.filter((f) => f.foreignTable === 'users').map((f) => f.tableName)).toEqual([
      'survey_invitees',
    ]);

    // A stored answer: nothing that is the account's id or the invitation's hash.
    const a = await createUser(t);
    const e = await eventWith([a]);
    await checkIn(e.id, e.codes.get(a.id)!);
    const s = await openSurveyAbout(e.id);
    const token = (await takeToken(s.id, a)).json().token as string;
    await answer(s.id, token, fullAnswer(s));
    const inv = await t.db.selectFrom('surveyInvitations').selectAll().where('surveyId', '=', s.id).execute();
    expect(inv).toHaveLength(1);
    expect(inv[0]!.tokenHash).not.toContain(token);
    const row = await sql<
      Record<string, unknown>
    >`select * from survey_responses where survey_id = ${s.id}`.execute(t.db);
    const text = JSON.stringify(row.rows);
    expect(text).not.toContain(a.id);
    expect(text).not.toContain(inv[0]!.tokenHash);
    expect(text).not.toContain(token);
  });

  it('refuses answers to a closed survey', async () => {
    const a = await createUser(t);
    const e = await eventWith([a]);
    await checkIn(e.id, e.codes.get(a.id)!);
    const s = await openSurveyAbout(e.id);
    const token = (await takeToken(s.id, a)).json().token as string;
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/close`, as: w.manager });
    expectProblem(await answer(s.id, token, fullAnswer(s)), 409, 'survey_not_open');
  });
});

describe('results', () => {
  it('hidden under five answers, shown at five; public only after the close, free text to staff only', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(t)));
    const e = await eventWith(people);
    for (const u of people) await checkIn(e.id, e.codes.get(u.id)!);
    const s = await openSurveyAbout(e.id);
    const tokens = [];
    for (const u of people) tokens.push((await takeToken(s.id, u)).json().token as string);
    for (let i = 0; i < 4; i++) await answer(s.id, tokens[i]!, fullAnswer(s, 5, `Текст ${i}`));

    const results = (as: TestUser | null) =>
      inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}/results`, as });
    expectProblem(await results(null), 403, 'results_not_public');
    expectProblem(await results(people[0]!), 403, 'results_not_public');
    expectProblem(await results(w.otherManager), 403, 'results_not_public');
    const four = (await results(w.manager)).json();
    expect(four.responses).toBeNull();
    expect(four.questions[0]).toMatchObject({ hidden: true, answered: null, average: null });
    expect(four.questions[0].counts.every((c: { count: unknown }) => c.count === null)).toBe(true);

    await answer(s.id, tokens[4]!, fullAnswer(s, 5, 'Текст 4'));
    const five = (await results(w.manager)).json();
    expect(five.responses).toBe(5);
    const [rating, nps, single, multiple, free] = five.questions;
    expect(rating).toMatchObject({ hidden: false, answered: 5, average: 5 });
    expect(rating.counts.find((c: { value: string }) => c.value === '5').count).toBe(5);
    // The other values are under five: hidden, not zero.
    expect(rating.counts.find((c: { value: string }) => c.value === '1').count).toBeNull();
    expect(nps).toMatchObject({ nps: 100, average: 9 });
    expect(single.counts[0]).toMatchObject({ count: 5, label: { en: 'Friends' } });
    expect(single.counts[1].count).toBeNull();
    expect(multiple.counts.map((c: { count: number | null }) => c.count)).toEqual([5, null, 5]);
    expect(free.texts).toEqual(['Текст 0', 'Текст 1', 'Текст 2', 'Текст 3', 'Текст 4']);
    const admin = (await results(w.admin)).json();
    expect(admin.questions[4].texts).toHaveLength(5);

    expect(await surveyResultsPublic(t.db, s.id)).toBeNull();
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/close`, as: w.manager });
    const pub = await results(null);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().questions[0]).toMatchObject({ average: 5, answered: 5 });
    expect(pub.json().questions[4].texts).toBeUndefined();
    expect(JSON.stringify(pub.json())).not.toContain('Текст');
    const forOpenData = await surveyResultsPublic(t.db, s.id);
    expect(forOpenData?.questions[0]?.average).toBe(5);
    expect(forOpenData?.questions[4]?.texts).toBeUndefined();
    // The open data: the same totals, hidden counts empty, no free text.
    const csv = await inject(t, { method: 'GET', url: '/api/v1/open-data/survey-results.csv' });
    expect(csv.body).not.toContain('Текст');
    const rows = (parse(csv.body, { columns: true }) as Record<string, string>[]).filter(
      (r) => r.survey_id === s.id,
    );
    const ratingRows = rows.filter((r) => r.question_id === rating.questionId);
    expect(ratingRows.find((r) => r.value === '5')).toMatchObject({
      count: '5',
      answered: '5',
      average: '5',
    });
    expect(ratingRows.find((r) => r.value === '1')?.count).toBe('');
    expect(rows.every((r) => r.responses === '5')).toBe(true);
  });
});

describe('permissions', () => {
  it('who may write surveys about what', async () => {
    const e = await eventWith([]);
    const resident = await createUser(t);
    const districtAdmin = await createUser(t, [{ role: 'district_admin', district: 'obolonskyi' }]);
    const create = (as: TestUser | null, overrides: Record<string, unknown>) =>
      inject(t, { method: 'POST', url: '/api/v1/surveys', as, payload: surveyInput(overrides) });
    const eventScope = { scope: 'event', eventId: e.id };
    expectProblem(await create(null, eventScope), 401, 'unauthorized');
    for (const who of [resident, w.member, w.otherManager, districtAdmin])
      expectProblem(await create(who, eventScope), 403, 'forbidden');
    expect((await create(w.manager, eventScope)).statusCode).toBe(201);
    expect((await create(w.admin, eventScope)).statusCode).toBe(201);
    expectProblem(await create(w.manager, { scope: 'network' }), 403, 'forbidden');
    expect((await create(w.admin, { scope: 'network' })).statusCode).toBe(201);
    expectProblem(await create(w.otherManager, { scope: 'hub', hubId: w.hubId }), 403, 'forbidden');
    expect((await create(w.otherManager, { scope: 'hub', hubId: w.otherHubId })).statusCode).toBe(201);
  });

  it('a draft is its staff’s only; other managers, residents and NGO members cannot edit, publish, close, delete or list it', async () => {
    const resident = await createUser(t);
    const s = await createSurvey(w.manager, { scope: 'hub', hubId: w.hubId });
    for (const who of [null, resident, w.member, w.otherManager]) {
      const r = await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}`, as: who });
      expectProblem(r, 404, 'not_found');
    }
    for (const who of [resident, w.member, w.otherManager]) {
      for (const [method, url, payload] of [
        ['PATCH', `/api/v1/surveys/${s.id}`, { title: { uk: 'Інша назва', en: 'Other title' } }],
        ['POST', `/api/v1/surveys/${s.id}/publish`, undefined],
        ['POST', `/api/v1/surveys/${s.id}/close`, undefined],
        ['DELETE', `/api/v1/surveys/${s.id}`, undefined],
      ] as const) {
        const r = await inject(t, { method, url, as: who, payload });
        expect(r.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/surveys', as: resident }), 403, 'forbidden');
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/surveys', as: w.member }), 403, 'forbidden');
    expectProblem(await inject(t, { method: 'GET', url: '/api/v1/surveys' }), 401, 'unauthorized');
    const mine = (await inject(t, { method: 'GET', url: '/api/v1/surveys?limit=100', as: w.manager })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(s.id);
    expect(mine.items.every((x: { hubId: string }) => x.hubId === w.hubId)).toBe(true);
    const other = (
      await inject(t, { method: 'GET', url: '/api/v1/surveys?limit=100', as: w.otherManager })
    ).json();
    expect(other.items.map((x: { id: string }) => x.id)).not.toContain(s.id);

    // Published: others see it but still cannot manage it.
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/publish`, as: w.manager });
    expect((await inject(t, { method: 'GET', url: `/api/v1/surveys/${s.id}` })).statusCode).toBe(200);
    for (const who of [resident, w.member, w.otherManager])
      expectProblem(
        await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/close`, as: who }),
        403,
        'forbidden',
      );
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/surveys/${s.id}/close` }),
      401,
      'unauthorized',
    );
  });

  it('the life of a survey: edit until it opens, delete drafts only, close early', async () => {
    const draft = await createSurvey(w.manager, { scope: 'hub', hubId: w.hubId });
    const edit = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/surveys/${draft.id}`,
      as: w.manager,
      payload: { title: { uk: 'Нова назва', en: 'New title' }, questions: questions.slice(0, 2) },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().questions).toHaveLength(2);
    expect(
      (await inject(t, { method: 'DELETE', url: `/api/v1/surveys/${draft.id}`, as: w.manager })).statusCode,
    ).toBe(204);
    expectProblem(
      await inject(t, { method: 'GET', url: `/api/v1/surveys/${draft.id}`, as: w.manager }),
      404,
      'not_found',
    );

    const open = await createSurvey(w.manager, { scope: 'hub', hubId: w.hubId });
    await inject(t, { method: 'POST', url: `/api/v1/surveys/${open.id}/publish`, as: w.manager });
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: `/api/v1/surveys/${open.id}`,
        as: w.manager,
        payload: { questions: questions.slice(0, 1) },
      }),
      409,
      'survey_locked',
    );
    expectProblem(
      await inject(t, { method: 'DELETE', url: `/api/v1/surveys/${open.id}`, as: w.manager }),
      409,
      'invalid_transition',
    );
    const closed = await inject(t, {
      method: 'POST',
      url: `/api/v1/surveys/${open.id}/close`,
      as: w.manager,
    });
    expect(closed.json()).toMatchObject({ phase: 'closed', closedEarly: true });
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/surveys/${open.id}/close`, as: w.manager }),
      409,
      'invalid_transition',
    );
  });
});

describe('bad input', () => {
  it('refuses invalid surveys with 400 problems and stores nothing', async () => {
    const before = await t.db
      .selectFrom('surveys')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, string][] = [
      [{ closesAt: new Date(Date.now() - 120_000).toISOString() }, 'invalid_interval'],
      [
        {
          opensAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
        'invalid_interval',
      ],
      [{ questions: [] }, 'validation_failed'],
      [{ questions: Array.from({ length: 21 }, () => questions[0]) }, 'validation_failed'],
      [
        {
          questions: [
            { kind: 'single', text: { uk: 'Так?', en: 'Yes?' }, options: [{ uk: 'Так', en: 'Yes' }] },
          ],
        },
        'validation_failed',
      ],
      [
        {
          questions: [
            {
              kind: 'multiple',
              text: { uk: 'Так?', en: 'Yes?' },
              options: Array.from({ length: 11 }, (_, i) => ({ uk: `В${i}`, en: `O${i}` })),
            },
          ],
        },
        'validation_failed',
      ],
      [
        {
          questions: [{ kind: 'rating', text: { uk: 'Так?', en: 'Yes?' }, options: [{ uk: 'a', en: 'a' }] }],
        },
        'validation_failed',
      ],
      [{ questions: [{ kind: 'slider', text: { uk: 'Так?', en: 'Yes?' } }] }, 'validation_failed'],
      [{ scope: 'hub' }, 'validation_failed'],
      [{ scope: 'network', hubId: w.hubId }, 'validation_failed'],
      [{ opensAt: 'tomorrow' }, 'validation_failed'],
    ];
    for (const [overrides, code] of cases) {
      const r = await inject(t, {
        method: 'POST',
        url: '/api/v1/surveys',
        as: w.admin,
        payload: surveyInput(overrides),
      });
      expectProblem(r, 400, code);
    }
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/surveys',
        as: w.admin,
        payload: surveyInput({ scope: 'event', eventId: '00000000-0000-4000-8000-000000000000' }),
      }),
      404,
      'not_found',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/surveys/not-a-uuid' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/surveys/00000000-0000-4000-8000-000000000000/responses',
        payload: { token: 'short', answers: [] },
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/surveys/00000000-0000-4000-8000-000000000000/responses',
        payload: { token: 'x'.repeat(43), answers: [] },
      }),
      404,
      'not_found',
    );
    const after = await t.db
      .selectFrom('surveys')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('small groups', () => {
  const row = {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'published',
    titleUk: 'Т',
    titleEn: 'T',
    opensAt: new Date(Date.now() - 2 * 86_400_000),
    closesAt: new Date(Date.now() - 86_400_000),
    questions: [
      {
        id: 'q',
        kind: 'single',
        textUk: 'Так?',
        textEn: 'Yes?',
        required: true,
        options: [
          { id: 'o1', uk: 'Так', en: 'Yes' },
          { id: 'o2', uk: 'Ні', en: 'No' },
          { id: 'o3', uk: 'Не знаю', en: 'Not sure' },
        ],
      },
    ],
  } as unknown as Parameters<typeof computeResults>[0];
  const answers = (...values: string[]) => values.map((v) => ({ q: v }));

  it('a lone hidden count that the total would give away hides the next smallest too; a lone zero does not', () => {
    const one = computeResults(
      row,
      answers('o1', 'o1', 'o1', 'o1', 'o1', 'o1', 'o1', 'o3', 'o3', 'o3', 'o3', 'o3', 'o2'),
      false,
    );
    // 7 + 5 + 1 = 13 answered: "No" (1) is hidden, and so is "Not sure" (5), else 13 − 7 − 5 = 1.
    expect(one.questions[0]!.counts.map((c) => c.count)).toEqual([7, null, null]);
    const zero = computeResults(
      row,
      answers('o1', 'o1', 'o1', 'o1', 'o1', 'o3', 'o3', 'o3', 'o3', 'o3'),
      false,
    );
    expect(zero.questions[0]!.counts.map((c) => c.count)).toEqual([5, null, 5]);
  });
});
