// The demo action plan on a fresh database, read back as a visitor of the Open Government page
// would: commitments from the seed's plan, marked as demo, with values of past quarters only.
import { type ActionPlanView, quarterOf } from '@vcentri/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { DEMO_COMMITMENTS } from '../src/db/demo-action-plan';
import { seedDemoData } from '../src/db/demo-seed';
import { migrateToLatest } from '../src/db/migrator';
import { freshDatabase, testConfig } from './helper';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  fresh = await freshDatabase();
  await migrateToLatest(fresh.handle.db);
  expect(await seedDemoData(fresh.handle.db)).toBe(true);
  app = await buildApp({ config: testConfig(), db: fresh.handle.db });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await fresh?.drop();
});

describe('the demo action plan', () => {
  it('shows the seed’s commitments, marked as demo, with two or three past quarters of values', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/action-plan' });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json() as ActionPlanView;
    expect(plan.commitments.map((c) => c.title.en)).toEqual(DEMO_COMMITMENTS.map((c) => c.titleEn));
    expect(plan.commitments.every((c) => c.isDemo)).toBe(true);
    const current = quarterOf(new Date());
    for (const indicator of plan.commitments.flatMap((c) => c.indicators)) {
      expect(indicator.values.length).toBeGreaterThanOrEqual(2);
      expect(indicator.values.length).toBeLessThanOrEqual(3);
      expect(indicator.values.every((v) => v.quarter < current)).toBe(true);
      expect(indicator.progress).toBeGreaterThan(0);
    }
    const lowerIsBetter = plan.commitments.flatMap((c) => c.indicators).find((i) => !i.higherIsBetter);
    // 90 → 14 days, now 30: (90 − 30) / (90 − 14) = 78.9 %.
    expect(lowerIsBetter?.progress).toBe(78.9);
  });
});
