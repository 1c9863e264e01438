// A booking request's round trips to the database (issue 12): the caller's account and grants in
// one statement, then one transaction of the room (locked, with its hub, the organisation and the
// hours), what holds it (conflicts and the quota of every date), and the bookings written with
// their audit entry. A series costs the same as one date. The answer is built from what these
// read, so it must equal what the booking's own page shows afterwards.
import type { KyselyPlugin } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, inject, type TestApp, testDatabase } from './helper';

/** The statements Kysely sends while `counting` is on (BEGIN and COMMIT are not among them). */
const sent: string[] = [];
let counting = false;
const counter: KyselyPlugin = {
  transformQuery(args) {
    if (counting) sent.push(args.node.kind);
    return args.node;
  },
  transformResult: async (args) => args.result,
};

let t: TestApp;
let w: World;
beforeAll(async () => {
  const handle = await testDatabase();
  t = await buildTestApp({}, { db: handle.db.withPlugin(counter) });
  w = await world(t, { monthlyQuotaHours: 40, bufferMinutes: 15 });
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
 * The request limit's count (1), the caller (1), the room with everything the rules read (1),
 * what holds it (1), the bookings with the audit entry (1).
 */
const BUDGET = 5;

/** At most the budget, and at least the three of the booking itself (so the count does count). */
function expectWithinBudget(statements: string[]) {
  expect(statements.length, statements.join(', ')).toBeLessThanOrEqual(BUDGET);
  expect(statements.length, statements.join(', ')).toBeGreaterThanOrEqual(3);
}

describe('booking creation’s statements', () => {
  it('one date: within the budget, and the answer is the booking as its page shows it', async () => {
    const d = kyivDate(20);
    const { result: res, statements } = await counted(() =>
      book(t, w.member, {
        roomId: w.roomId,
        organizationId: w.orgId,
        start: at(d, '10:00'),
        end: at(d, '11:30'),
        purpose: '  Планування  ',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expectWithinBudget(statements);
    const [item] = res.json().items;
    const page = await inject(t, { method: 'GET', url: `/api/v1/bookings/${item.id}`, as: w.member });
    expect(page.json()).toEqual(item);
  });

  it('a weekly series of six dates costs the same; the answer lists them as their pages show them', async () => {
    const d = kyivDate(30);
    const { result: res, statements } = await counted(() =>
      book(t, w.member, {
        roomId: w.bigRoomId,
        organizationId: w.orgId,
        start: at(d, '18:00'),
        end: at(d, '19:00'),
        recurrence: { frequency: 'weekly', count: 6 },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expectWithinBudget(statements);
    const items = res.json().items as { id: string; start: string }[];
    expect(items).toHaveLength(6);
    expect(items.map((i) => i.start)).toEqual([...items.map((i) => i.start)].sort());
    for (const item of items) {
      const page = await inject(t, { method: 'GET', url: `/api/v1/bookings/${item.id}`, as: w.member });
      expect(page.json()).toEqual(item);
    }
  });

  it('a hub manager booking the hub’s room for another organisation: the answer is the page’s too', async () => {
    const d = kyivDate(40);
    const res = await book(t, w.manager, {
      roomId: w.roomId,
      organizationId: w.otherOrgId,
      start: at(d, '09:00'),
      end: at(d, '10:00'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [item] = res.json().items;
    expect(item).toMatchObject({ canManage: true, canCancel: true, status: 'confirmed' });
    const page = await inject(t, { method: 'GET', url: `/api/v1/bookings/${item.id}`, as: w.manager });
    expect(page.json()).toEqual(item);
  });

  it('the audit entry names the first booking, with the count, status and room', async () => {
    const d = kyivDate(50);
    const res = await book(t, w.member, {
      roomId: w.roomId,
      organizationId: w.orgId,
      start: at(d, '12:00'),
      end: at(d, '13:00'),
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
