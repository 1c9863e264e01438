// A booking request's round trips to the database (issue 12). The caller's account and grants take
// one statement. A room that takes bookings at once: one statement reads the room, its hub, the
// organisation, the hours and what holds the room at every date, and one writes the bookings with
// their audit entry (locking the room if it is unchanged). A room with a monthly quota or approval:
// one transaction of the room locked with the same facts, what holds it and the quota hours, and
// the bookings with their audit entry. A series costs the same as one date. The answer is built
// from what these read, so it must equal what the booking's own page shows afterwards.
import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { preparedTexts } from '../src/db/database';
import { auditValues } from '../src/modules/audit/audit.repository';
import { insertBookings, loadRoomFacts } from '../src/modules/bookings/bookings.repository';
import { buildTestApp, expectProblem, inject, type TestApp, testDatabase } from './helper';

/**
 * The statements Kysely sends while `counting` is on (BEGIN and COMMIT are not among them), but
 * not the request limit's: it writes the same statement for a request's first hit in a window as
 * for the counts it flushes every second from memory, and a flush that happens to fall inside a
 * counted request is not the request's work.
 */
const sent: string[] = [];
let counting = false;
const isRequestLimit = (node: { kind: string; sqlFragments?: readonly string[] }) =>
  node.kind === 'RawNode' && (node.sqlFragments ?? []).some((f) => f.includes('rate_limit_counters'));
const counter: KyselyPlugin = {
  transformQuery(args) {
    if (counting && !isRequestLimit(args.node as { kind: string })) sent.push(args.node.kind);
    return args.node;
  },
  transformResult: async (args) => args.result,
};

let t: TestApp;
let w: World;
let q: World;
beforeAll(async () => {
  const handle = await testDatabase();
  t = await buildTestApp({}, { db: handle.db.withPlugin(counter) });
  w = await world(t, { bufferMinutes: 15 });
  q = await world(t, { monthlyQuotaHours: 40, bufferMinutes: 15 });
});

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  sent.length = 0;
  counting = true;
  try {
    const result = await run();
    return { result, statements: [...sent] };
  } finally {
    counting = false;
  }
}

/**
 * The caller (1), then at once: the room with everything the rules read (1), the bookings with the
 * audit entry (1). (The request limit's count, at most one more, is left out above.)
 */
const AT_ONCE = 3;
/** Under the lock: the room locked with the facts (1) and what holds it (1) apart. */
const LOCKED = 4;

/** At most the budget, and at least the booking's own two (so the count does count). */
function expectWithinBudget(statements: string[], budget: number) {
  expect(statements.length, statements.join(', ')).toBeLessThanOrEqual(budget);
  expect(statements.length, statements.join(', ')).toBeGreaterThanOrEqual(2);
}

/** Each item of a 201 answer equals the booking's page, as `as` sees it. */
async function expectPages(res: { json(): { items: { id: string }[] } }, as: World['member']) {
  for (const item of res.json().items) {
    const page = await inject(t, { method: 'GET', url: `/api/v1/bookings/${item.id}`, as });
    expect(page.json()).toEqual(item);
  }
}

/** The world's room (or `room`) for its organisation (or `org`) on Kyiv date `d`, from–to. */
const slot = (x: World, d: string, from: string, to: string, o: { room?: string; org?: string } = {}) => ({
  roomId: o.room ?? x.roomId,
  organizationId: o.org ?? x.orgId,
  start: at(d, from),
  end: at(d, to),
});

/** A booking request, counted. */
const request = (as: World['member'], payload: Record<string, unknown>) =>
  counted(() => book(t, as, payload));

describe('booking creation’s statements', () => {
  it('a room that takes bookings at once: one date within the budget, answered as its page shows it', async () => {
    const d = kyivDate(20);
    const { result: res, statements } = await request(w.member, {
      ...slot(w, d, '10:00', '11:30'),
      purpose: '  Планування  ',
    });
    expect(res.statusCode, res.body).toBe(201);
    expectWithinBudget(statements, AT_ONCE);
    expect(res.json().items[0]).toMatchObject({ purpose: 'Планування', status: 'confirmed' });
    await expectPages(res, w.member);
  });

  it('a weekly series of six dates costs the same; the answer lists them by date as their pages show them', async () => {
    const d = kyivDate(30);
    const { result: res, statements } = await request(w.member, {
      ...slot(w, d, '18:00', '19:00', { room: w.bigRoomId }),
      recurrence: { frequency: 'weekly', count: 6 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expectWithinBudget(statements, AT_ONCE);
    const items = res.json().items as { id: string; start: string; seriesId: string }[];
    expect(items).toHaveLength(6);
    expect(items.map((i) => i.start)).toEqual([...items.map((i) => i.start)].sort());
    expect(new Set(items.map((i) => i.seriesId)).size).toBe(1);
    await expectPages(res, w.member);
  });

  it('a room with a monthly quota: one transaction within its budget, one date or a series', async () => {
    const d = kyivDate(60);
    const first = await book(t, q.member, {
      ...slot(q, d, '08:00', '09:00'),
    });
    expect(first.statusCode, first.body).toBe(201);
    const one = await request(q.member, {
      ...slot(q, d, '10:00', '11:00'),
    });
    expect(one.result.statusCode, one.result.body).toBe(201);
    expectWithinBudget(one.statements, LOCKED);
    await expectPages(one.result, q.member);
    const series = await request(q.member, {
      ...slot(q, d, '12:00', '13:00'),
      recurrence: { frequency: 'daily', count: 4 },
    });
    expect(series.result.statusCode, series.result.body).toBe(201);
    expectWithinBudget(series.statements, LOCKED);
    await expectPages(series.result, q.member);
  });

  it('a request waiting for approval and a hub manager’s booking for another organisation: answered as their pages show them', async () => {
    const strict = await world(t, { requiresApproval: true });
    const d = kyivDate(40);
    const pending = await book(t, strict.member, {
      ...slot(strict, d, '09:00', '10:00'),
    });
    expect(pending.statusCode, pending.body).toBe(201);
    expect(pending.json().items[0]).toMatchObject({ status: 'pending', canManage: false, canCancel: true });
    await expectPages(pending, strict.member);
    const managed = await book(t, strict.manager, {
      ...slot(strict, d, '11:00', '12:00', { org: strict.otherOrgId }),
    });
    expect(managed.statusCode, managed.body).toBe(201);
    expect(managed.json().items[0]).toMatchObject({ status: 'confirmed', canManage: true, canCancel: true });
    await expectPages(managed, strict.manager);
  });

  it('the audit entry names the first booking, with the count, status and room', async () => {
    const d = kyivDate(50);
    const res = await book(t, w.member, {
      ...slot(w, d, '12:00', '13:00'),
      recurrence: { frequency: 'daily', count: 3 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as { id: string }[];
    const entries = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'targetType', 'details'])
      .where('targetId', '=', items[0]!.id)
      .execute();
    expect(entries).toEqual([
      {
        action: 'booking.created',
        actorId: w.member.id,
        targetType: 'booking',
        details: { count: 3, status: 'confirmed', roomId: w.roomId },
      },
    ]);
  });
});

describe('prepared statements', () => {
  it('requests of every shape reuse the same few statement texts (values travel as parameters)', async () => {
    const round = async (days: number, count: number) => {
      const d = kyivDate(days);
      for (const [x, payload] of [
        [w, slot(w, d, '09:00', '10:00')],
        [
          w,
          {
            ...slot(w, d, '11:00', '12:00', { room: w.bigRoomId }),
            recurrence: { frequency: 'daily', count },
          },
        ],
        [q, slot(q, d, '09:00', '10:00')],
        [q, { ...slot(q, d, '11:00', '12:00'), recurrence: { frequency: 'weekly', count } }],
      ] as const) {
        const res = await book(t, x.member, payload);
        expect(res.statusCode, res.body).toBe(201);
      }
    };
    await round(90, 3);
    const texts = preparedTexts();
    await round(100, 2);
    expect(preparedTexts()).toBe(texts);
    // The caller's account; the room's facts with the occupancy, without it, and under the lock;
    // the write.
    expect(texts).toBeLessThanOrEqual(5);
  });
});

describe('writing only what was checked', () => {
  it('writes nothing, not even the audit entry, when the room’s row changed since the check', async () => {
    const x = await world(t);
    const facts = await loadRoomFacts(t.db, {
      roomId: x.roomId,
      organizationId: x.orgId,
      fromDate: kyivDate(70),
      toDate: kyivDate(70),
      lock: false,
    });
    // The hub's staff tighten the room's rules after the check read them.
    await inject(t, {
      method: 'PATCH',
      url: `/api/v1/rooms/${x.roomId}`,
      as: x.admin,
      payload: { capacity: 2 },
    }).then((r) => expect(r.statusCode, r.body).toBe(200));
    const id = randomUUID();
    const start = new Date(at(kyivDate(70), '10:00'));
    const end = new Date(at(kyivDate(70), '11:00'));
    const write = (version: string) =>
      insertBookings(t.db, {
        roomId: x.roomId,
        version,
        rows: [{ id, start, end, blockedEnd: end }],
        organizationId: x.orgId,
        seriesId: null,
        createdBy: x.member.id,
        title: 'Застаріла перевірка',
        purpose: '',
        attendees: 10,
        status: 'confirmed',
        audit: auditValues({ action: 'booking.created', targetType: 'booking', targetId: id }),
      });
    expect(await write(facts!.version)).toEqual([]);
    expect(await t.db.selectFrom('bookings').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await t.db.selectFrom('auditLog').select('id').where('targetId', '=', id).execute()).toEqual([]);
    // Read again, the same write lands.
    const fresh = await loadRoomFacts(t.db, {
      roomId: x.roomId,
      organizationId: x.orgId,
      fromDate: kyivDate(70),
      toDate: kyivDate(70),
      lock: false,
    });
    expect((await write(fresh!.version)).map((r) => r.id)).toEqual([id]);
    expect(await t.db.selectFrom('auditLog').select('id').where('targetId', '=', id).execute()).toHaveLength(
      1,
    );
  });

  it('a request the room’s new rules refuse is refused, though the process checked the room before', async () => {
    const x = await world(t);
    const d = kyivDate(75);
    const ok = await book(t, x.member, {
      ...slot(x, d, '10:00', '11:00'),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    await inject(t, {
      method: 'PATCH',
      url: `/api/v1/rooms/${x.roomId}`,
      as: x.admin,
      payload: { capacity: 2, rules: { monthlyQuotaHours: 1 } },
    }).then((r) => expect(r.statusCode, r.body).toBe(200));
    const refused = await book(t, x.member, {
      ...slot(x, d, '12:00', '13:00'),
    });
    const body = expectProblem(refused, 400, 'over_capacity') as { problems?: { code: string }[] };
    expect(body.problems?.map((p) => p.code)).toEqual(['over_capacity', 'quota_exceeded']);
  });
});
