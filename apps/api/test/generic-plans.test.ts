// A booking request's read and write are planned once per connection (db/database.ts,
// withGenericPlans): on PostgreSQL they go through a second pool whose sessions force generic plans;
// every other statement keeps PostgreSQL's own choice. The embedded database has one connection
// and no such pool.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { type DatabaseHandle, openDatabase, withGenericPlans } from '../src/db/database';
import { at, book, kyivDate, world } from './booking-fixture';
import { TEST_DATABASE_URL, type TestApp, testConfig, testDatabase } from './helper';

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
});
