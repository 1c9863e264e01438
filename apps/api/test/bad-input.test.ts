// What the fuzz test found, one focused case each: input PostgreSQL cannot take is a 400 naming the
// field and changes nothing; what the router and Node's HTTP parser refuse is problem+json too,
// over a real socket where inject cannot reach (malformed request lines, header overflow,
// pipelining).
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import {
  createUser,
  expectProblem,
  inject,
  type TestApp,
  type TestUser,
  buildTestApp,
  createHub,
  testConfig,
  testDatabase,
} from './helper';
import { orgInput } from './org-fixture';

let t: TestApp;
let admin: TestUser;
let resident: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createUser(t, [{ role: 'city_admin' }]);
  resident = await createUser(t);
});

describe('input PostgreSQL cannot store', () => {
  it('a NUL in a query string is a 400 validation_failed naming the parameter', async () => {
    for (const url of [
      '/api/v1/organizations?q=%00',
      '/api/v1/events?district=%00',
      '/api/v1/admin/audit?action=a%00b',
    ]) {
      const p = expectProblem(await inject(t, { method: 'GET', url, as: admin }), 400, 'validation_failed');
      expect(p.errors?.[0]).toMatchObject({
        code: 'nul',
        path: expect.stringMatching(/^\/querystring\/(q|district|action)$/),
      });
    }
  });

  it('a NUL or a lone surrogate in a body is a 400 naming the field, and nothing is created', async () => {
    const before = (await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: resident })).json();
    for (const [field, value, code] of [
      ['nameUk', 'ГО \u0000 тест', 'nul'],
      ['descriptionEn', 'half an emoji \uD83D', 'encoding'],
    ] as const) {
      const res = await inject(t, {
        method: 'POST',
        url: '/api/v1/organizations',
        as: resident,
        payload: orgInput({ [field]: value }),
      });
      const p = expectProblem(res, 400, 'validation_failed');
      expect(p.errors).toEqual([expect.objectContaining({ path: `/${field}`, code })]);
    }
    const after = (await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: resident })).json();
    expect(after).toEqual(before);
  });

  it('offset and limit out of range or not finite are 400s on every paginated list', async () => {
    const doc = (await inject(t, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    const lists = Object.entries(doc.paths as Record<string, { get?: { parameters?: { name: string }[] } }>)
      .filter(([path, item]) => !path.includes('{') && item.get?.parameters?.some((p) => p.name === 'offset'))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThanOrEqual(9);
    for (const path of lists) {
      for (const query of [
        'offset=1e21',
        'offset=Infinity',
        'limit=Infinity',
        'offset=-1',
        'offset=9007199254740993',
      ]) {
        const res = await inject(t, { method: 'GET', url: `${path}?${query}`, as: admin });
        const p = expectProblem(res, 400, 'validation_failed');
        expect(p.errors?.[0]?.path, `${path}?${query}`).toBe(`/querystring/${query.split('=')[0]}`);
      }
      const deepest = await inject(t, { method: 'GET', url: `${path}?offset=2147483647`, as: admin });
      expect(deepest.statusCode, path).toBe(200);
    }
  });

  it('instants and dates PostgreSQL or JavaScript cannot take are 400s; ordinary ones pass', async () => {
    const hub = await createHub(t);
    for (const [url, field] of [
      ['/api/v1/events?to=0000-01-01T00:00:00Z', '/querystring/to'],
      ['/api/v1/events?from=2026-06-30T23:59:60Z', '/querystring/from'],
      ['/api/v1/events?from=2026-06-01T10:00:00%2B15:00', '/querystring/from'],
      ['/api/v1/bookings?from=9999-12-31T23:59:59-14:00', '/querystring/from'],
      [`/api/v1/hubs/${hub}/exceptions?from=0000-01-01`, '/querystring/from'],
      [`/api/v1/hubs/${hub}/exceptions?to=2026-02-29`, '/querystring/to'],
    ]) {
      const p = expectProblem(await inject(t, { method: 'GET', url, as: admin }), 400, 'validation_failed');
      expect(p.errors?.[0]?.path, url).toBe(field);
    }
    for (const url of [
      '/api/v1/events?from=2026-06-01T10:00:00%2B03:00&to=2026-06-30T23:59:59.999Z',
      '/api/v1/bookings?from=2028-02-29T00:00:00Z',
      `/api/v1/hubs/${hub}/exceptions?from=2028-02-29`,
    ]) {
      expect((await inject(t, { method: 'GET', url, as: admin })).statusCode, url).toBe(200);
    }
  });

  it('a body nested thousands deep is a 400, not a stack overflow', async () => {
    for (const payload of [
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    ]) {
      const res = await inject(t, {
        method: 'POST',
        url: '/api/v1/auth/logout',
        as: resident,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectProblem(res, 400, 'validation_failed');
    }
  });
});

describe('what the router refuses', () => {
  it('a broken percent-encoding in the path is a 400 malformed_request problem', async () => {
    for (const url of ['/api/v1/bookings/%zz', '/api/v1/hubs/%E0%A4%A/rooms', '/api/v1/%']) {
      expectProblem(await inject(t, { method: 'GET', url }), 400, 'malformed_request');
    }
  });

  it('an over-long path parameter is a 400 validation_failed like any other bad id', async () => {
    const p = expectProblem(
      await inject(t, { method: 'GET', url: `/api/v1/bookings/${'a'.repeat(150)}` }),
      400,
      'validation_failed',
    );
    expect(p.errors?.[0]?.path).toBe('/params');
  });
});

describe('what Node’s HTTP parser refuses, over a real socket', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let port: number;
  const logs: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const handle = await testDatabase();
    app = await buildApp({ config: testConfig(), db: handle.db, logger: { level: 'info', stream } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => app?.close());

  /** Writes the bytes in one go and collects everything until the server closes the connection. */
  function exchange(bytes: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => {
        received += d;
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no close; got ${received}`)));
      socket.write(bytes);
    });
  }

  /** The HTTP responses in what a socket received, in order. */
  function responses(raw: string) {
    const out: { status: number; headers: string; body: string }[] = [];
    let rest = raw;
    while (rest.startsWith('HTTP/1.1 ')) {
      const end = rest.indexOf('\r\n\r\n');
      const head = rest.slice(0, end);
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      const body = Buffer.from(rest.slice(end + 4))
        .subarray(0, length)
        .toString();
      out.push({ status: Number(head.slice(9, 12)), headers: head, body });
      rest = rest.slice(end + 4 + body.length);
    }
    return out;
  }

  const isProblem = (r: { headers: string; body: string }, code: string) => {
    expect(r.headers).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(r.body)).toMatchObject({ code });
  };

  it('a malformed request line is a 400 malformed_request problem', async () => {
    const [r] = responses(await exchange('GARBAGE\r\n\r\n'));
    expect(r?.status).toBe(400);
    isProblem(r!, 'malformed_request');
  });

  it('headers over the size limit are a 431 headers_too_large problem', async () => {
    const [r] = responses(
      await exchange(`GET /api/v1/hubs HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(r?.status).toBe(431);
    isProblem(r!, 'headers_too_large');
  });

  it('a percent-garbage path is a 400 problem on the wire too', async () => {
    const [r] = responses(
      await exchange('GET /api/v1/bookings/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    expect(r?.status).toBe(400);
    isProblem(r!, 'malformed_request');
  });

  it('a malformed request pipelined after a valid one: the valid one is answered first, nothing logged as an error', async () => {
    logs.length = 0;
    const raw = await exchange(
      'GET /api/v1/hubs HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/hubs HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
    );
    const [first, second] = responses(raw);
    expect(first?.status).toBe(200);
    expect(JSON.parse(first!.body)).toHaveProperty('items');
    expect(second?.status).toBe(400);
    isProblem(second!, 'malformed_request');
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
