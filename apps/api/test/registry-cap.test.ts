// The registry search ranks a bounded set of matches: a word in every description costs no more
// than REGISTRY_RANK_CAP rows, and the answer says its total is capped; selective queries are
// answered exactly as before, in the same order.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_RANK_CAP } from '../src/modules/organizations/organizations.repository';
import { buildTestApp, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});

/** A word of Latin letters that no other test uses (full-text search splits at anything else). */
const word = () => `qz${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

const search = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; nameUk: string }[]; total: number; totalExact: boolean };
};

describe('registry search bounds', () => {
  it('caps the ranking and the count of a word most organisations share, and says so', async () => {
    const common = word();
    const n = REGISTRY_RANK_CAP + 50;
    await sql`
      insert into organizations (name_uk, name_en, status, district, description_uk)
      select 'ГО ' || ${common} || '-name ' || i, 'NGO ' || i, 'verified', 'podilskyi', 'Допомагає: ' || ${common}
      from generate_series(1, 3) i
      union all
      select 'Організація ' || md5(i::text), 'NGO ' || i, 'verified', 'podilskyi', 'Допомагає мешканцям ' || ${common}
      from generate_series(1, ${n}) i
    `.execute(t.db);

    const first = await search(`q=${common}&limit=20`);
    expect(first.totalExact).toBe(false);
    expect(first.total).toBeGreaterThanOrEqual(REGISTRY_RANK_CAP);
    expect(first.total).toBeLessThan(n + 3);
    expect(first.items).toHaveLength(20);
    // Name matches still come first.
    expect(first.items.slice(0, 3).every((o) => o.nameUk.includes(common))).toBe(true);
    expect(first.items.slice(3).every((o) => !o.nameUk.includes(common))).toBe(true);
    // Past the cap: an empty page, still flagged.
    const beyond = await search(`q=${common}&offset=${REGISTRY_RANK_CAP + 10}`);
    expect(beyond.items).toEqual([]);
    expect(beyond.totalExact).toBe(false);
    expect(beyond.total).toBe(first.total);
  });

  it('answers selective queries exactly: every match, names first, then by name', async () => {
    const rare = word();
    const named = ['3', '1', '2'].map((p) => `${p} ${rare} ГО`);
    const described = ['7', '5', '4', '6'].map((p) => `${p} Організація ${word()}`);
    await t.db
      .insertInto('organizations')
      .values([
        ...named.map((nameUk) => ({ nameUk, nameEn: nameUk, status: 'verified', district: 'podilskyi' })),
        ...described.map((nameUk) => ({
          nameUk,
          nameEn: nameUk,
          status: 'verified',
          district: 'podilskyi',
          descriptionUk: `Про ${rare} і не тільки`,
        })),
        { nameUk: `0 ${rare} чернетка`, nameEn: 'draft', status: 'draft', district: 'podilskyi' },
      ])
      .execute();
    const res = await search(`q=${rare}&limit=50`);
    expect(res.totalExact).toBe(true);
    expect(res.total).toBe(7);
    expect(res.items.map((o) => o.nameUk)).toEqual([...named.sort(), ...described.sort()]);
    // Pages are slices of the same order.
    const page2 = await search(`q=${rare}&limit=3&offset=3`);
    expect(page2.items.map((o) => o.nameUk)).toEqual(res.items.slice(3, 6).map((o) => o.nameUk));
    expect(page2.total).toBe(7);
    // Past the end: counted, exact.
    const after = await search(`q=${rare}&offset=20`);
    expect(after).toMatchObject({ items: [], total: 7, totalExact: true });
    // Filters only: exact as ever.
    const filtered = await search('district=podilskyi&limit=1');
    expect(filtered.totalExact).toBe(true);
  });
});
