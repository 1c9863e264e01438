// Benchmarks on PostgreSQL: (1) availability of every room of a hub over a week, (2) booking
// creation (distinct free slots) under 50 concurrent connections, and (3) pgbench's plain insert
// rate on the same machine, for the ratio. Usage: node bench/bookings.mjs [seconds]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { createAccounts } from './lib/accounts.mjs';
import { fmt, runLoad } from './lib/load.mjs';
import { benchDatabaseName, build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 20);
const DB = benchDatabaseName('bookings');
build();
const url = await freshDatabase(DB);
const api = await startApi(url, 3103, { DEMO_DATA: '1' });
const out = [];
try {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  // Demo data gives five hubs; add 100 rooms to one hub's sibling set and a year of bookings.
  const hub = (await client.query(`select id from hubs order by name_uk limit 1`)).rows[0].id;
  const rooms = (await client.query(`select id from rooms where hub_id = $1`, [hub])).rows.map((r) => r.id);
  const org = (
    await client.query(`select id from organizations where status = 'verified' order by name_uk limit 1`)
  ).rows[0].id;
  const [booker] = await createAccounts(client, 'booker', 1);
  const user = booker.id;
  await client.query(
    `insert into role_grants (user_id, role, organization_id) values ($1, 'ngo_member', $2)`,
    [user, org],
  );
  await client.query(
    `update rooms set requires_approval = false, lead_minutes = 0, horizon_days = 730, buffer_minutes = 0, monthly_quota_hours = null, min_minutes = 15, max_minutes = 1440`,
  );
  await client.query(`update hub_opening_hours set opens = '00:00', closes = '24:00'`);
  await client.query(`insert into hub_opening_hours (hub_id, weekday, opens, closes)
    select h.id, d, '00:00', '24:00' from hubs h, generate_series(1, 7) d on conflict do nothing`);
  await client.query('delete from bookings');
  // Background: hourly bookings across the hub's rooms for the past and next 180 days, 09:00–17:00.
  await client.query(
    `insert into bookings (room_id, kind, organization_id, status, title, period, blocked)
     select r, 'booking', $2, 'confirmed', 'Бронювання', tstzrange(t, t + interval '1 hour'), tstzrange(t, t + interval '1 hour')
     from unnest($1::uuid[]) r,
          generate_series(date_trunc('day', now()) - interval '180 days', date_trunc('day', now()) + interval '180 days', interval '1 day') d,
          generate_series(6, 14, 2) h, lateral (select d + make_interval(hours => h) t) x`,
    [rooms, org],
  );
  await client.query('analyze');
  const bookingCount = (await client.query('select count(*)::int n from bookings')).rows[0].n;

  // (1) availability: each request asks one room of the hub for a week.
  const weekFrom = new Date(Date.now() + 86_400_000);
  const weekTo = new Date(weekFrom.getTime() + 7 * 86_400_000);
  const avail = await runLoad({
    base: api.url,
    connections: 50,
    seconds: SECONDS,
    request: (i) => ({
      path: `/api/v1/rooms/${rooms[i % rooms.length]}/availability?from=${encodeURIComponent(weekFrom.toISOString())}&to=${encodeURIComponent(weekTo.toISOString())}`,
    }),
  });
  out.push(
    `availability (one room, one week; ${rooms.length} rooms, ${bookingCount} bookings in the table), 50 connections, ${SECONDS} s:\n  ${fmt(avail)}`,
  );

  // (2) booking creation: every request a distinct free 30-minute slot (evenings, far ahead).
  const token = booker.token;
  const base = Date.parse('2027-06-01T17:00:00Z');
  const create = await runLoad({
    base: api.url,
    connections: 50,
    seconds: SECONDS,
    request: (i) => {
      const room = rooms[i % rooms.length];
      const slot = Math.floor(i / rooms.length);
      const start = new Date(base + Math.floor(slot / 8) * 86_400_000 + (slot % 8) * 30 * 60_000);
      const end = new Date(start.getTime() + 30 * 60_000);
      return {
        method: 'POST',
        path: '/api/v1/bookings',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({
          roomId: room,
          organizationId: org,
          title: 'Bench',
          attendees: 1,
          start: start.toISOString(),
          end: end.toISOString(),
        }),
      };
    },
  });
  out.push(`booking creation (distinct free slots), 50 connections, ${SECONDS} s:\n  ${fmt(create)}`);
  await client.end();

  // (3) pgbench: plain single-row inserts into a one-column table, 50 clients, same duration.
  const script = '/tmp/vcentri-pgbench.sql';
  writeFileSync(script, 'insert into pgbench_plain (v) values (random());\n');
  const c2 = new pg.Client({ connectionString: url });
  await c2.connect();
  await c2.query('create table pgbench_plain (id bigserial primary key, v double precision)');
  await c2.end();
  const u = new URL(url);
  const res = spawnSync(
    'pgbench',
    [
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      u.username || 'postgres',
      '-n',
      '-c',
      '50',
      '-j',
      '2',
      '-T',
      String(SECONDS),
      '-f',
      script,
      u.pathname.slice(1),
    ],
    { encoding: 'utf8' },
  );
  const tps = Number(res.stdout.match(/tps = ([\d.]+)/)?.[1] ?? Number.NaN);
  out.push(`pgbench plain insert, 50 clients, ${SECONDS} s: ${tps.toFixed(0)} tps`);
  out.push(`ratio booking creation / pgbench insert: ${(create.rps / tps).toFixed(3)}`);
  out.push(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, PostgreSQL on 127.0.0.1, ${new Date().toISOString()}`,
  );
  console.log(out.join('\n'));
} catch (err) {
  console.error('benchmark failed:', err);
  process.exitCode = 1;
} finally {
  await api.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
