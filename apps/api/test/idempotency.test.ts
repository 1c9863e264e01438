// Idempotency-Key on creating POSTs: a client whose connection dropped retries with the same key
// and learns the outcome of its first attempt, instead of the request being done twice.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKeptStatus } from '../src/plugins/idempotency';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import {
  bearer,
  buildTestApp,
  createUser,
  expectProblem,
  inject,
  refreshCookieOf,
  type TestApp,
  type TestUser,
} from './helper';

let t: TestApp;
let w: World;
let base: string;
let port: number;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  w = await world(t);
});
afterAll(async () => {
  await t.app.close();
});

let nextDay = 5;
/** A one-hour request in w.roomId on a day no other test of this file uses. */
function slot(from = '10:00', to = '11:00') {
  const d = kyivDate(nextDay++);
  return { roomId: w.roomId, organizationId: w.orgId, start: at(d, from), end: at(d, to) };
}

const bookWithKey = (as: TestUser, key: string, payload: Record<string, unknown>) =>
  inject(t, {
    method: 'POST',
    url: '/api/v1/bookings',
    as,
    headers: { 'idempotency-key': key },
    payload: { title: 'Зустріч громади', attendees: 10, ...payload },
  });

/** Live bookings of the room starting at `start`. */
async function bookingsAt(roomId: string, start: string) {
  return t.db
    .selectFrom('bookings')
    .select(['id', 'title'])
    .where('roomId', '=', roomId)
    .where('status', 'in', ['pending', 'confirmed'])
    .where(sql<boolean>`lower(period) = ${start}::timestamptz`)
    .execute();
}

/**
 * Sends a request over a raw socket and drops the connection as soon as the answer starts to
 * arrive, without reading it: the server has done the work, the client never learns the outcome.
 */
function sendAndDrop(path: string, headers: Record<string, string>, body?: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const lines = [
      `POST ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ...(body === undefined ? [] : ['Content-Type: application/json']),
      `Content-Length: ${Buffer.byteLength(payload)}`,
    ];
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`${lines.join('\r\n')}\r\n\r\n${payload}`);
    });
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('the server closed the connection without answering')));
  });
}

/** What a client does after a dropped connection: the same request again, with the same key. */
function retry(path: string, headers: Record<string, string>, body?: unknown) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('a retry after a dropped connection', () => {
  it('answers with the booking the first request made, and there is exactly one', async () => {
    const s = slot();
    const key = randomUUID();
    const headers = { ...bearer(w.member), 'idempotency-key': key };
    const body = { ...s, title: 'Толока', attendees: 8 };

    await sendAndDrop('/api/v1/bookings', headers, body);
    const made = await bookingsAt(w.roomId, s.start);
    expect(made).toHaveLength(1);

    const res = await retry('/api/v1/bookings', headers, body);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = (await res.json()) as { items: { id: string; title: string; status: string }[] };
    expect(answer.items).toHaveLength(1);
    expect(answer.items[0]).toMatchObject({ id: made[0]!.id, title: 'Толока', status: 'confirmed' });
    expect(await bookingsAt(w.roomId, s.start)).toHaveLength(1);

    // And again: the stored answer does not wear out.
    const again = await retry('/api/v1/bookings', headers, body);
    expect(again.status).toBe(201);
    expect(((await again.json()) as typeof answer).items[0]!.id).toBe(made[0]!.id);
  });

  it('answers an event registration with the place or position it got, and there is one registration', async () => {
    const s = slot('18:00', '20:00');
    const b = await book(t, w.member, s);
    expect(b.statusCode).toBe(201);
    const ev = await inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.member,
      payload: {
        bookingId: b.json().items[0].id,
        title: { uk: 'Дебати', en: 'Debate' },
        category: 'debate',
        capacity: 1,
      },
    });
    expect(ev.statusCode).toBe(201);
    const eventId = ev.json().id as string;
    const path = `/api/v1/events/${eventId}/registrations`;
    const first = await createUser(t);
    expect((await inject(t, { method: 'POST', url: path, as: first })).json()).toMatchObject({
      status: 'confirmed',
    });

    const resident = await createUser(t);
    const headers = { ...bearer(resident), 'idempotency-key': randomUUID() };
    await sendAndDrop(path, headers);
    // Someone else joins the waiting list meanwhile; the replay still tells the first answer.
    const later = await inject(t, { method: 'POST', url: path, as: await createUser(t) });
    expect(later.json()).toMatchObject({ status: 'waitlisted', position: 2 });

    const res = await retry(path, headers);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    const answer = (await res.json()) as { id: string; status: string; position: number; code: string };
    expect(answer).toMatchObject({ status: 'waitlisted', position: 1 });
    const rows = await t.db
      .selectFrom('eventRegistrations')
      .select(['id', 'status', 'position', 'code'])
      .where('eventId', '=', eventId)
      .where('userId', '=', resident.id)
      .execute();
    expect(rows).toEqual([{ id: answer.id, status: 'waitlisted', position: 1, code: answer.code }]);
  });
});

describe('the same key', () => {
  it('with another body is 422 idempotency_key_reused and changes nothing', async () => {
    const s = slot();
    const key = randomUUID();
    expect((await bookWithKey(w.member, key, { ...s, title: 'Перша' })).statusCode).toBe(201);
    const other = slot();
    const res = await bookWithKey(w.member, key, { ...other, title: 'Друга' });
    expectProblem(res, 422, 'idempotency_key_reused');
    expect(await bookingsAt(w.roomId, other.start)).toEqual([]);
    expect((await bookingsAt(w.roomId, s.start)).map((b) => b.title)).toEqual(['Перша']);
    // The key still belongs to its first request.
    const replay = await bookWithKey(w.member, key, { ...s, title: 'Перша' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('sent by several requests at once: one is processed, the others wait (409) or get its answer', async () => {
    const s = slot();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => bookWithKey(w.member, key, { ...s, title: 'Разом' })),
    );
    const made = await bookingsAt(w.roomId, s.start);
    expect(made).toHaveLength(1);
    const processed = answers.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed']);
    expect(processed).toHaveLength(1);
    for (const r of answers) {
      if (r.statusCode === 201) expect(r.json().items[0].id).toBe(made[0]!.id);
      else {
        expectProblem(r, 409, 'idempotency_key_in_progress');
        expect(r.headers['retry-after']).toBe('1');
      }
    }
  });

  it('while the first request is still running is 409; once its lease ran out (process died), a retry takes over', async () => {
    const s = slot();
    const key = randomUUID();
    const first = await bookWithKey(w.member, key, s);
    expect(first.statusCode).toBe(201);
    // As if the process had claimed the key and died before anything was committed.
    const cancel = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${first.json().items[0].id}/cancel`,
      as: w.member,
      payload: {},
    });
    expect(cancel.statusCode).toBe(200);
    const scope = `account:${w.member.id}`;
    await t.db
      .updateTable('idempotencyKeys')
      .set({ responseStatus: null, responseHeaders: null, responseBody: null })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();

    const waiting = await bookWithKey(w.member, key, s);
    expectProblem(waiting, 409, 'idempotency_key_in_progress');
    expect(waiting.headers['retry-after']).toBe('1');
    expect(await bookingsAt(w.roomId, s.start)).toEqual([]);

    await sql`update idempotency_keys set created_at = now() - interval '3 minutes'
              where scope = ${scope} and key = ${key}`.execute(t.db);
    const taken = await bookWithKey(w.member, key, s);
    expect(taken.statusCode).toBe(201);
    expect(taken.headers['idempotent-replayed']).toBeUndefined();
    expect((await bookingsAt(w.roomId, s.start)).map((b) => b.id)).toEqual([taken.json().items[0].id]);
  });

  it('from another account is that account’s own key: no answer crosses between callers', async () => {
    const colleague = await createUser(t, [{ role: 'ngo_member', organizationId: w.orgId }]);
    const key = randomUUID();
    const s = slot();
    const a = await bookWithKey(w.member, key, s);
    expect(a.statusCode).toBe(201);
    // The same key and the same body from a colleague: processed for them, not the member's answer.
    const b = await bookWithKey(colleague, key, s);
    expectProblem(b, 409, 'booking_conflict');
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    // Nor is a third caller's different request a reuse of someone else's key.
    const other = slot();
    const d = await bookWithKey(w.outsider, key, { ...other, organizationId: w.otherOrgId });
    expect(d.statusCode).toBe(201);
    expect(d.headers['idempotent-replayed']).toBeUndefined();
    expect(d.json().items[0].organizationId).toBe(w.otherOrgId);
    expect((await bookingsAt(w.roomId, s.start)).map((x) => x.id)).toEqual([a.json().items[0].id]);
  });

  it('older than 24 hours is forgotten: the request is processed afresh', async () => {
    const s = slot();
    const key = randomUUID();
    expect((await bookWithKey(w.member, key, s)).statusCode).toBe(201);
    await sql`update idempotency_keys set created_at = now() - interval '25 hours'
              where scope = ${`account:${w.member.id}`} and key = ${key}`.execute(t.db);
    // Processed again, the room is now taken by the first booking: a fresh answer, not the replay.
    const again = await bookWithKey(w.member, key, s);
    expectProblem(again, 409, 'booking_conflict');
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await bookingsAt(w.roomId, s.start)).toHaveLength(1);
  });
});

describe('what is kept', () => {
  it('a business refusal such as booking_conflict is the answer to that request, and is replayed', async () => {
    const s = slot();
    const taken = await book(t, w.manager, s);
    expect(taken.statusCode).toBe(201);
    const key = randomUUID();
    expectProblem(await bookWithKey(w.member, key, s), 409, 'booking_conflict');
    await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${taken.json().items[0].id}/cancel`,
      as: w.manager,
      payload: {},
    });
    const replay = await bookWithKey(w.member, key, s);
    expectProblem(replay, 409, 'booking_conflict');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await bookingsAt(w.roomId, s.start)).toEqual([]);
  });

  it('a 403 is not kept: once the caller may do it, the same key is processed', async () => {
    const s = slot();
    const key = randomUUID();
    const newcomer = await createUser(t);
    expectProblem(await bookWithKey(newcomer, key, s), 403, 'forbidden');
    await t.db
      .insertInto('roleGrants')
      .values({ userId: newcomer.id, role: 'ngo_member', organizationId: w.orgId })
      .execute();
    const res = await bookWithKey(newcomer, key, s);
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps 2xx and business 4xx; never 5xx, 401, 403, 408 or 429', () => {
    expect([200, 201, 204, 400, 404, 409, 410, 422].filter(isKeptStatus)).toEqual([
      200, 201, 204, 400, 404, 409, 410, 422,
    ]);
    expect([401, 403, 408, 429, 500, 502, 503].filter(isKeptStatus)).toEqual([]);
  });

  it('expired keys of any caller are swept away as new keys arrive', async () => {
    const scope = `account:${randomUUID()}`;
    await sql`insert into idempotency_keys (scope, key, request_method, request_path, fingerprint, claim_id, created_at)
              values (${scope}, 'old', 'POST', '/api/v1/bookings', 'x', ${randomUUID()}, now() - interval '30 days')`.execute(
      t.db,
    );
    expect((await bookWithKey(w.member, randomUUID(), slot())).statusCode).toBe(201);
    const left = await t.db.selectFrom('idempotencyKeys').select('key').where('scope', '=', scope).execute();
    expect(left).toEqual([]);
  });
});

describe('the header', () => {
  it('absent: behaviour is unchanged and nothing is stored', async () => {
    const newcomer = await createUser(t, [{ role: 'ngo_member', organizationId: w.orgId }]);
    const s = slot();
    const first = await book(t, newcomer, s);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expectProblem(await book(t, newcomer, s), 409, 'booking_conflict');
    const rows = await t.db
      .selectFrom('idempotencyKeys')
      .select('key')
      .where('scope', '=', `account:${newcomer.id}`)
      .execute();
    expect(rows).toEqual([]);
  });

  it('malformed (empty, over 255 characters, not printable ASCII) is 400 and nothing is booked', async () => {
    const s = slot();
    for (const key of ['', '""', ' ', 'k'.repeat(256), 'ключ-1', 'tab\there']) {
      expectProblem(await bookWithKey(w.member, key, s), 400, 'idempotency_key_invalid');
    }
    expect(await bookingsAt(w.roomId, s.start)).toEqual([]);
    // 255 characters, and the draft's quoted form, are fine; the quotes are not part of the key.
    expect((await bookWithKey(w.member, 'k'.repeat(255), s)).statusCode).toBe(201);
    const q = slot();
    const key = randomUUID();
    expect((await bookWithKey(w.member, `"${key}"`, q)).statusCode).toBe(201);
    expect((await bookWithKey(w.member, key, q)).headers['idempotent-replayed']).toBe('true');
  });

  it('is taken by every creating POST but not by /auth/*, and is in the OpenAPI document', async () => {
    const doc = (await inject(t, { method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const takesKey = (path: string, method: string) =>
      (doc.paths[path]?.[method]?.parameters ?? []).some(
        (p) => p.in === 'header' && p.name === 'idempotency-key',
      );
    for (const path of [
      '/api/v1/bookings',
      '/api/v1/events',
      '/api/v1/events/{id}/registrations',
      '/api/v1/events/{id}/feedback',
      '/api/v1/organizations',
      '/api/v1/organizations/{id}/members',
      '/api/v1/hubs',
      '/api/v1/hubs/{id}/rooms',
      '/api/v1/hubs/{id}/closures',
      '/api/v1/hubs/{id}/exceptions',
      '/api/v1/admin/users/{id}/roles',
    ]) {
      expect(takesKey(path, 'post'), path).toBe(true);
    }
    expect(takesKey('/api/v1/auth/login', 'post')).toBe(false);
    expect(takesKey('/api/v1/bookings', 'get')).toBe(false);

    // On /auth/* the header is ignored: two log-ins with one key are two log-ins.
    const login = () =>
      inject(t, {
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'idempotency-key': 'same-key' },
        payload: { email: w.member.email, password: 'correct horse battery staple' },
      });
    const [l1, l2] = [await login(), await login()];
    expect(l1.statusCode).toBe(200);
    expect(l2.statusCode).toBe(200);
    expect(l2.headers['idempotent-replayed']).toBeUndefined();
    expect(refreshCookieOf(l2)).toBeDefined();
    expect(refreshCookieOf(l2)).not.toBe(refreshCookieOf(l1));
  });
});
