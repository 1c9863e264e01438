// A booking request's read and write are planned once per connection (db/database.ts,
// withGenericPlans): on PostgreSQL they go through a second pool whose sessions force generic plans;
// every other statement keeps PostgreSQL's own choice. The embedded database has one connection
// and no such pool.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { type DatabaseHandle, openDatabase, prepared, withGenericPlans } from '../src/db/database';
import { executePage, pageSizes } from '../src/modules/list-count';
import { at, book, kyivDate, world } from './booking-fixture';
import { inject, TEST_DATABASE_URL, type TestApp, testConfig, testDatabase } from './helper';

let handle: DatabaseHandle;
let t: TestApp;
let own = false;
beforeAll(async () => {
  // One connection per pool, so the statements below meet the sessions the bookings used.
  own = TEST_DATABASE_URL !== null;
  handle = own ? await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 }) : await testDatabase();
  const config = testConfig();
  const app = await buildApp({ config, db: handle.db });
  await app.ready();
  t = { app, db: handle.db, config };
});
afterAll(async () => {
  await t.app.close();
  if (own) await handle.close();
});

const planCacheMode = async (db: DatabaseHandle['db']) =>
  (await sql<{ planCacheMode: string }>`show plan_cache_mode`.execute(db)).rows[0]!.planCacheMode;

describe('generic plans', () => {
  it('plan a booking’s read and write once per connection on PostgreSQL, and leave every other statement to PostgreSQL', async () => {
    const twin = withGenericPlans(handle.db);
    if (handle.kind === 'embedded') {
      expect(twin).toBe(handle.db);
      return;
    }
    expect(twin).not.toBe(handle.db);
    expect(await planCacheMode(twin)).toBe('force_generic_plan');
    expect(await planCacheMode(handle.db)).toBe('auto');
    // A handle made from it (a plugin, a transaction) has no twin: it is itself.
    expect(
      withGenericPlans(
        handle.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result }),
      ),
    ).not.toBe(twin);

    const w = await world(t);
    const first = 30 + Math.floor(Math.random() * 150);
    for (let i = 0; i < 4; i++) {
      const res = await book(t, w.member, {
        roomId: w.roomId,
        organizationId: w.orgId,
        start: at(kyivDate(first + i), '10:00'),
        end: at(kyivDate(first + i), '11:00'),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // The twin's one session ran both statements four times, each time with its one generic plan.
    const plans = (
      await sql<{ statement: string; generic: number; custom: number }>`
        select statement, generic_plans as generic, custom_plans as custom from pg_prepared_statements`.execute(
        twin,
      )
    ).rows;
    // The twin's session prepared the booking's read (the room and its facts) and its write.
    expect(plans.map((x) => x.statement).join('\n')).toMatch(/insert into bookings/i);
    expect(plans.map((x) => x.statement).join('\n')).toMatch(/from "rooms" as "r"/i);
    const booking = plans;
    expect(booking.length).toBeGreaterThanOrEqual(2);
    for (const x of booking) {
      expect(x.custom).toBe(0);
      expect(x.generic).toBeGreaterThanOrEqual(4);
    }
  });

  it('plan a list’s pages of a planned size without an offset once per connection, and pages by offset per request, with the same rows', async () => {
    const w = await world(t);
    // 25 bookings of the hub: a page of 20 (the default size, a planned one) and the rest.
    const first = 200 + Math.floor(Math.random() * 100);
    for (let i = 0; i < 25; i++) {
      const res = await book(t, w.member, {
        roomId: w.roomId,
        organizationId: w.orgId,
        start: at(kyivDate(first + i), '12:00'),
        end: at(kyivDate(first + i), '13:00'),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = async (query: string) => {
      const res = await inject(t, {
        method: 'GET',
        url: `/api/v1/bookings?hubId=${w.hubId}${query}`,
        as: w.manager,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string }[]; total: number; next: string | null };
    };
    // The first page and the page by place (no offset: planned once), then the same pages by
    // offset (planned per request): the same bookings in the same order, the same count.
    const byPlace = [await list('')];
    byPlace.push(await list(`&after=${byPlace[0]!.next}`));
    const byOffset = [await list('&offset=0'), await list('&offset=20')];
    const ids = (pages: { items: { id: string }[] }[]) => pages.flatMap((p) => p.items.map((b) => b.id));
    expect(byPlace.map((p) => p.items.length)).toEqual([20, 5]);
    expect(new Set(ids(byPlace)).size).toBe(25);
    expect(ids(byPlace)).toEqual(ids(byOffset));
    expect(new Set([...byPlace, ...byOffset].map((p) => p.total))).toEqual(new Set([25]));
    expect(byPlace[1]!.next).toBeNull();
    const staff = await inject(t, {
      method: 'GET',
      url: `/api/v1/events?hubId=${w.hubId}&includeCancelled=true`,
      as: w.manager,
    });
    expect(staff.statusCode, staff.body).toBe(200);

    if (handle.kind === 'embedded') return;
    const statements = async (db: DatabaseHandle['db']) =>
      (
        await sql<{ statement: string; generic: number; custom: number }>`
          select statement, generic_plans as generic, custom_plans as custom from pg_prepared_statements`.execute(
          db,
        )
      ).rows;
    const bookingsList = (x: { statement: string }) => /from "bookings" as "b"/i.test(x.statement);
    const twin = withGenericPlans(handle.db);
    // Whatever went through the planned-once sessions was planned once, and the pages by offset
    // (their sizes as parameters) never went there.
    const byParameter = (x: { statement: string }) => bookingsList(x) && /offset \$\d+/i.test(x.statement);
    for (const x of await statements(twin)) expect(x.custom).toBe(0);
    expect((await statements(twin)).filter(byParameter)).toEqual([]);

    // The mechanism on a family of its own (the lists' families are shared by every file of a
    // worker and may be full by now): a page of a planned size written in, prepared, runs on the
    // planned-once sessions with one generic plan; a size sent as a parameter does not.
    const family = { name: `generic plans test ${Math.random()}`, max: 2 };
    const page = (limit: number) => {
      const { literal, size } = pageSizes({ limit, offset: 0 });
      const compiled = handle.db
        .selectFrom('bookings as b')
        .select('b.id')
        .where('b.roomId', '=', w.roomId)
        .orderBy(sql`lower(b.period)`)
        .limit(size(limit + 1))
        .compile();
      return { literal, compiled: prepared(compiled, family), page: { limit, offset: 0 } };
    };
    const planned = page(20);
    const other = page(7);
    expect([planned.literal, other.literal]).toEqual([true, false]);
    expect(pageSizes({ limit: 20, offset: 20 }).literal).toBe(false);
    for (let i = 0; i < 3; i++) {
      expect((await executePage(handle.db, planned.compiled, planned.page)).rows).toHaveLength(21);
      expect((await executePage(handle.db, other.compiled, other.page)).rows).toHaveLength(8);
    }
    const ran = (await statements(twin)).filter((x) => x.statement === planned.compiled.sql);
    expect(ran).toEqual([{ statement: planned.compiled.sql, generic: 3, custom: 0 }]);
    expect((await statements(twin)).filter((x) => x.statement === other.compiled.sql)).toEqual([]);
    expect((await statements(handle.db)).filter((x) => x.statement === other.compiled.sql)).toHaveLength(1);
  });
});
