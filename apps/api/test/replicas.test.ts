// A fresh deployment with several API processes behind a load balancer: all of them start at the
// same moment on one empty PostgreSQL database, and every one comes up, with one first city
// administrator and one set of demo data between them. (The embedded database has one process.)
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './api-process';
import { freshDatabase, TEST_DATABASE_URL, testConfig, uniqueEmail } from './helper';

describe.runIf(TEST_DATABASE_URL)('replicas of a fresh deployment', () => {
  it('three API processes started together on an empty database all come up; one admin, one demo set', async () => {
    const fresh = await freshDatabase();
    const started: ApiProcess[] = [];
    try {
      const adminEmail = uniqueEmail('first-admin');
      const env = {
        DATABASE_URL: fresh.url!,
        JWT_SECRET: testConfig().jwtSecret,
        ADMIN_EMAIL: adminEmail,
        ADMIN_PASSWORD: 'first admin password 1',
        DEMO_DATA: '1',
      };
      const results = await Promise.allSettled([1, 2, 3].map(() => startApiProcess(env, 90_000)));
      for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
      expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);

      for (const api of started) {
        const health = await fetch(`${api.url}/api/v1/health`);
        expect(health.status).toBe(200);
        const hubs = (await (await fetch(`${api.url}/api/v1/hubs?limit=100`)).json()) as { total: number };
        expect(hubs.total).toBe(5);
      }
      const db = fresh.handle.db;
      const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
        (await query.execute(db)).rows[0]?.n;
      expect(await count(sql`select count(*)::int as n from users where email = ${adminEmail}`)).toBe(1);
      expect(
        await count(sql`select count(*)::int as n from role_grants g join users u on u.id = g.user_id
          where g.role = 'city_admin' and u.email = ${adminEmail}`),
      ).toBe(1);
      // The first administrator and the demo one; no third from a second run of either.
      expect(await count(sql`select count(*)::int as n from role_grants where role = 'city_admin'`)).toBe(2);
      expect(await count(sql`select count(*)::int as n from hubs where is_demo`)).toBe(5);
      expect(
        await count(sql`select count(*)::int as n from users where email = 'resident@demo.vcentri.kyiv.ua'`),
      ).toBe(1);
      // Exactly one of them made the first administrator.
      expect(started.filter((a) => a.output().includes('City administrator created')).length).toBe(1);
    } finally {
      await Promise.all(started.map((a) => a.stop()));
      await fresh.drop();
    }
  }, 300_000);
});
