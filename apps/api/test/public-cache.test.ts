// Public reads answered from memory (plugins/public-cache.ts): ETag and 304, invalidation by any
// write — through the API, straight into the database, or by another API process on the same
// database — and never a shared answer for a signed-in caller whose view differs.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { buildOtherProcessApp, buildTestApp, createHub, inject, type TestApp, unique } from './helper';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});
afterAll(async () => {
  await t.app.close();
});

const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'GET', url, headers });

/** Polls `check` until it holds (another process hears of a write by a notification). */
async function eventually(check: () => Promise<boolean>, ms = 5_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('did not happen in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('HTTP caching of public reads', () => {
  it('sends a weak ETag with Cache-Control public, no-cache, and 304 for a current copy', async () => {
    for (const url of [
      `/api/v1/hubs/${w.hubId}`,
      '/api/v1/hubs?district=obolonskyi',
      `/api/v1/rooms/${w.roomId}`,
      '/api/v1/events',
      '/api/v1/organizations?q=test',
      '/api/v1/open-data',
    ]) {
      const first = await get(t, url);
      expect(first.statusCode, url).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control'], url).toBe('public, no-cache');
      expect(String(first.headers.vary), url).toMatch(/accept-encoding/i);
      expect(first.headers['content-type'], url).toBe('application/json; charset=utf-8');

      // The same bytes again, from memory.
      const again = await get(t, url);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers.etag).toBe(etag);

      const notModified = await get(t, url, { 'if-none-match': etag });
      expect(notModified.statusCode, url).toBe(304);
      expect(notModified.body).toBe('');
      expect(notModified.headers.etag).toBe(etag);
      // Also in a list, and without the weak prefix.
      expect((await get(t, url, { 'if-none-match': `"x", ${etag.slice(2)}` })).statusCode).toBe(304);
      expect((await get(t, url, { 'if-none-match': 'W/"something-else"' })).statusCode).toBe(200);
    }
  });

  it('compresses a cached answer once and sends it to clients that accept it', async () => {
    const url = '/api/v1/open-data';
    const plain = await get(t, url);
    for (const encoding of ['br', 'gzip']) {
      const res = await get(t, url, { 'accept-encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.etag).toBe(plain.headers.etag);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    }
    expect((await get(t, url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe(
      'gzip',
    );
  });

  it('answers a hit from memory with the headers of the first answer: security, request limit, CORS', async () => {
    const cors = await buildTestApp({ corsOrigins: ['https://kyiv.digital'] });
    try {
      const url = '/api/v1/hubs';
      const headers = { origin: 'https://kyiv.digital' };
      const first = await cors.app.inject({ method: 'GET', url, headers });
      const hit = await cors.app.inject({ method: 'GET', url, headers });
      expect(hit.statusCode).toBe(200);
      expect(hit.body).toBe(first.body);
      for (const name of [
        'content-security-policy',
        'x-content-type-options',
        'strict-transport-security',
        'access-control-allow-origin',
        'x-ratelimit-limit',
        'etag',
        'cache-control',
        'content-type',
        'vary',
      ])
        expect(hit.headers[name], name).toBe(first.headers[name]);
      expect(hit.headers['x-ratelimit-remaining']).toBeDefined();
      expect(String(hit.headers.vary)).toMatch(/accept-encoding/i);
      expect(hit.headers['content-length']).toBe(String(Buffer.byteLength(hit.body)));
      const head = await cors.app.inject({ method: 'HEAD', url, headers });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-length']).toBe(hit.headers['content-length']);
      expect(head.headers.etag).toBe(first.headers.etag);
    } finally {
      await cors.app.close();
    }
  });

  it('keeps bad input a problem, and a missing thing a 404, never cached as 200', async () => {
    const missing = `/api/v1/hubs/00000000-0000-4000-8000-000000000000`;
    for (let i = 0; i < 2; i++) {
      const res = await get(t, missing);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const bad = await get(t, '/api/v1/hubs?limit=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('invalidation', () => {
  it('a write through the API changes the next answer and its ETag at once', async () => {
    const url = `/api/v1/hubs/${w.hubId}`;
    const before = await get(t, url);
    const name = unique('Renamed');
    const patch = await inject(t, {
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { name: { uk: name, en: name } },
    });
    expect(patch.statusCode).toBe(200);
    const after = await get(t, url, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.json().name.en).toBe(name);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // The list that shows the hub changed too.
    const list = await get(t, '/api/v1/hubs?district=obolonskyi&limit=100');
    expect(list.json().items.map((h: { name: { en: string } }) => h.name.en)).toContain(name);
  });

  it('a row written straight into the database is in the next answer', async () => {
    const url = '/api/v1/hubs?district=podilskyi&limit=100';
    const before = (await get(t, url)).json().total as number;
    await createHub(t, 'podilskyi');
    expect((await get(t, url)).json().total).toBe(before + 1);
    // …and a change inside a transaction once it commits.
    const id = await createHub(t, 'podilskyi');
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('hubs').set({ nameEn: 'Inside a transaction' }).where('id', '=', id).execute();
    });
    expect((await get(t, `/api/v1/hubs/${id}`)).json().name.en).toBe('Inside a transaction');
  });

  it('a room change shows in the room; rooms of other hubs are not rebuilt for nothing', async () => {
    const url = `/api/v1/rooms/${w.roomId}`;
    expect((await get(t, url)).json().capacity).toBe(20);
    const res = await inject(t, { method: 'PATCH', url, as: w.admin, payload: { capacity: 21 } });
    expect(res.statusCode).toBe(200);
    expect((await get(t, url)).json().capacity).toBe(21);
    await inject(t, { method: 'PATCH', url, as: w.admin, payload: { capacity: 20 } });
    expect((await get(t, url)).json().capacity).toBe(20);
  });

  it('two API processes on one database: a write in one is seen by the other', async () => {
    const other = await buildOtherProcessApp();
    try {
      const url = `/api/v1/rooms/${w.bigRoomId}`;
      const seen = await get(other, url);
      expect(seen.json().capacity).toBe(80);
      // Cached in the other process now.
      expect((await get(other, url, { 'if-none-match': String(seen.headers.etag) })).statusCode).toBe(304);

      const res = await inject(t, { method: 'PATCH', url, as: w.admin, payload: { capacity: 79 } });
      expect(res.statusCode).toBe(200);
      await eventually(async () => (await get(other, url)).json().capacity === 79);
      expect((await get(other, url, { 'if-none-match': String(seen.headers.etag) })).statusCode).toBe(200);

      // And the other way round, for the registry.
      const q = unique('Zlagoda');
      const search = `/api/v1/organizations?q=${q}`;
      expect((await get(t, search)).json().total).toBe(0);
      const created = await other.db
        .insertInto('organizations')
        .values({ nameUk: q, nameEn: q, status: 'verified', district: 'podilskyi' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await eventually(async () => (await get(t, search)).json().total === 1);
      await other.db.deleteFrom('organizations').where('id', '=', created.id).execute();
    } finally {
      await other.close();
    }
  });

  it('polls the versions when it hears nothing: a missed notification costs at most the poll', async () => {
    const url = `/api/v1/rooms/${w.roomId}`;
    const seen = await get(t, url);
    const before = t.app.publicCache.versions.of(['rooms']);
    // Bumped behind the listener's and the write signal's back (data_versions has no trigger and
    // the statement names no versioned table): as if a notification was lost.
    await sql`update data_versions set version = version + 1 where table_name = ${'rooms'} and shard = 0`.execute(
      t.db,
    );
    await eventually(
      async () => t.app.publicCache.versions.of(['rooms']) > before,
      3 * t.config.dataVersionPollMs,
    );
    // The copy is rebuilt (same bytes, same ETag) rather than trusted.
    expect((await get(t, url, { 'if-none-match': String(seen.headers.etag) })).statusCode).toBe(304);
  });
});

describe('answers that depend on the caller', () => {
  it('the events list of a signed-in caller is never served from, nor stored in, the shared copy', async () => {
    const d = kyivDate(30);
    const booking = await book(t, w.member, {
      roomId: w.roomId,
      organizationId: w.orgId,
      start: at(d, '18:00'),
      end: at(d, '20:00'),
    });
    expect(booking.statusCode).toBe(201);
    const ev = await inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.member,
      payload: {
        bookingId: booking.json().items[0].id,
        title: { uk: 'Кешована подія', en: 'Cached event' },
        category: 'debate',
        capacity: 10,
      },
    });
    expect(ev.statusCode).toBe(201);
    const url = `/api/v1/events?hubId=${w.hubId}&limit=100`;
    const mine = (body: { items: { id: string; canManage: boolean }[] }) =>
      body.items.find((e) => e.id === ev.json().id);

    const anonymous = await get(t, url);
    expect(mine(anonymous.json())?.canManage).toBe(false);
    expect(String(anonymous.headers.vary)).toMatch(/authorization/i);
    expect(anonymous.headers['cache-control']).toBe('public, no-cache');

    const staff = await inject(t, { method: 'GET', url, as: w.member });
    expect(mine(staff.json())?.canManage).toBe(true);
    expect(staff.headers['cache-control']).toBe('private, no-cache');
    expect(staff.headers.etag).toBeUndefined();

    // The shared copy is still the anonymous one, and a signed-in caller with its ETag gets a body.
    expect(mine((await get(t, url)).json())?.canManage).toBe(false);
    const withEtag = await inject(t, {
      method: 'GET',
      url,
      as: w.member,
      headers: { 'if-none-match': String(anonymous.headers.etag) },
    });
    expect(withEtag.statusCode).toBe(200);
    expect(mine(withEtag.json())?.canManage).toBe(true);

    // A registration changes the places left in the shared list at once.
    const reg = await inject(t, {
      method: 'POST',
      url: `/api/v1/events/${ev.json().id}/registrations`,
      as: w.outsider,
    });
    expect(reg.statusCode).toBe(201);
    expect((mine((await get(t, url)).json()) as unknown as { placesLeft: number }).placesLeft).toBe(9);
  });
});
