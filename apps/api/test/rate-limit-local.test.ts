// The request limit counts a key far below its limit in memory and flushes it, so a busy public
// read does not write a counter row per request; the limit itself holds (exactly in one process,
// within a twentieth of it per extra process) and every hit reaches the shared count.
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, startOfAWindow, type TestApp } from './helper';

const address = () => `10.${rand()}.${rand()}.${rand()}`;
const rand = () => Math.floor(Math.random() * 254) + 1;

const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.app.close()));
});

const hits = async (t: TestApp, ip: string) =>
  (
    await t.db
      .selectFrom('rateLimitCounters')
      .select(({ fn }) => fn.sum<number>('hits').as('n'))
      .where('key', '=', `address:${ip}`)
      .executeTakeFirst()
  )?.n ?? 0;

const hubs = (t: TestApp, ip: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/hubs?limit=1', remoteAddress: ip });

describe('request limit counted in memory', () => {
  it('holds the limit exactly in one process and writes every hit to the shared count', async () => {
    const t = await buildTestApp({ rateLimitAnonymousMax: 200 });
    apps.push(t);
    const ip = address();
    await startOfAWindow();
    // Far below the limit, most hits stay in memory until the flush.
    for (let i = 0; i < 40; i++) expect((await hubs(t, ip)).statusCode).toBe(200);
    expect(await hits(t, ip)).toBeLessThan(40);
    const codes: number[] = [];
    for (let i = 0; i < 190; i++) codes.push((await hubs(t, ip)).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(160);
    expect(codes.slice(160).every((c) => c === 429)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await hits(t, ip)).toBe(230);
  });

  it('lets two processes through at most a twentieth of the limit more between them', async () => {
    const [one, two] = [
      await buildTestApp({ rateLimitAnonymousMax: 200 }),
      await buildTestApp({ rateLimitAnonymousMax: 200 }),
    ];
    apps.push(one, two);
    const ip = address();
    await startOfAWindow();
    let passed = 0;
    for (let i = 0; i < 300; i++) {
      if ((await hubs(i % 2 ? one : two, ip)).statusCode === 200) passed++;
    }
    expect(passed).toBeGreaterThanOrEqual(200);
    expect(passed).toBeLessThanOrEqual(210);
  });
});
