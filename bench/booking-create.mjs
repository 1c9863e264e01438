// Booking creation against PostgreSQL's own floor, side by side in one run (issue 12):
// (1) `POST /bookings` in a closed loop of 10 connections, every request a distinct free 30-minute
// slot, ten members of verified organisations booking at once; (2) pgbench's one-row INSERT with
// 10 clients on the same server for the same time; (3) `POST /bookings` offered open loop at a
// fixed rate (50/s by default), with p50/p95/p99 of every answer.
// The database is this run's own (`vcentri_bench_bookcreate_<random>`), created and dropped by the
// script; nothing else is touched. Usage: node bench/booking-create.mjs [seconds] [rate]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { createAccounts } from './lib/accounts.mjs';
import { fmt, runLoad, summarize } from './lib/load.mjs';
import { runOpenLoop } from './lib/open-loop.mjs';
import { build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 20);
const RATE = Number(process.argv[3] ?? 50);
const CLIENTS = 10;
const DB = `vcentri_bench_bookcreate_${crypto.randomBytes(4).toString('hex')}`;
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 if unknown. */
const cpuMs = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in 1/100 s (USER_HZ)
  } catch {
    return 0;
  }
};

build();
const url = await freshDatabase(DB);
// BENCH_DB_SOCKET=/var/run/postgresql: the API and pgbench both reach PostgreSQL through its Unix
// socket in that directory instead of TCP on 127.0.0.1 (the same transport for both sides).
const SOCKET = process.env.BENCH_DB_SOCKET ?? '';
const apiUrl = SOCKET ? `${url}${url.includes('?') ? '&' : '?'}host=${encodeURIComponent(SOCKET)}` : url;
const api = await startApi(apiUrl, 3111, { DEMO_DATA: '1' });
const out = [
  `${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, PostgreSQL on ${SOCKET ? `its Unix socket (${SOCKET})` : '127.0.0.1 (TCP)'}, ${new Date().toISOString()}, load average before ${loadavg()}`,
];
try {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  // Every room of the demo hubs open round the clock with no approval, lead time or quota, so
  // every request below is bookable; a year of hourly bookings around today as background.
  const rooms = (await client.query(`select id from rooms order by id`)).rows.map((r) => r.id);
  const orgs = (
    await client.query(`select id from organizations where status = 'verified' order by name_uk limit $1`, [
      CLIENTS,
    ])
  ).rows.map((r) => r.id);
  const bookers = await createAccounts(client, 'booker', CLIENTS);
  await client.query(
    `insert into role_grants (user_id, role, organization_id) select u, 'ngo_member', o from unnest($1::uuid[], $2::uuid[]) as t(u, o)`,
    [bookers.map((b) => b.id), bookers.map((_, i) => orgs[i % orgs.length])],
  );
  await client.query(
    `update rooms set requires_approval = false, lead_minutes = 0, horizon_days = 730, buffer_minutes = 0, monthly_quota_hours = null, min_minutes = 15, max_minutes = 1440`,
  );
  await client.query(`update hub_opening_hours set opens = '00:00', closes = '24:00'`);
  await client.query(`insert into hub_opening_hours (hub_id, weekday, opens, closes)
    select h.id, d, '00:00', '24:00' from hubs h, generate_series(1, 7) d on conflict do nothing`);
  await client.query(`delete from hub_exceptions`);
  await client.query(
    `insert into bookings (room_id, kind, organization_id, status, title, period, blocked)
     select r, 'booking', $2, 'confirmed', 'Бронювання', tstzrange(t, t + interval '1 hour'), tstzrange(t, t + interval '1 hour')
     from unnest($1::uuid[]) r,
          generate_series(date_trunc('day', now()) - interval '180 days', date_trunc('day', now()) + interval '180 days', interval '1 day') d,
          generate_series(6, 14, 2) h, lateral (select d + make_interval(hours => h) t) x
     on conflict do nothing`,
    [rooms, orgs[0]],
  );
  await client.query('analyze');
  const background = (await client.query('select count(*)::int n from bookings')).rows[0].n;
  out.push(`${rooms.length} rooms, ${background} bookings in the table before the run`);

  // Distinct free 30-minute evening slots (17:00–21:00 UTC) a year ahead, rooms in turn: request
  // n of a run takes slot `offset + n`, so no two requests of the whole run ask for the same one.
  const base = Date.parse(`${new Date().getUTCFullYear() + 1}-01-05T17:00:00Z`);
  let next = 0;
  const request = () => {
    const n = next++;
    const room = rooms[n % rooms.length];
    const slot = Math.floor(n / rooms.length);
    const start = new Date(base + Math.floor(slot / 8) * 86_400_000 + (slot % 8) * 30 * 60_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const who = n % CLIENTS;
    return {
      method: 'POST',
      path: '/api/v1/bookings',
      headers: { authorization: `Bearer ${bookers[who].token}` },
      body: JSON.stringify({
        roomId: room,
        organizationId: orgs[who % orgs.length],
        title: 'Bench',
        attendees: 1,
        start: start.toISOString(),
        end: end.toISOString(),
      }),
    };
  };

  // (1) closed loop, 10 connections: warmed up first (the pool's connections open), then the
  // CPU time the API process and its PostgreSQL backends spend is read around the measured run —
  // a cost per booking that other load on the machine changes less than the rate.
  await runLoad({ base: api.url, connections: CLIENTS, seconds: 2, request });
  const backends = (
    await client.query(`select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [
      DB,
    ])
  ).rows.map((r) => r.pid);
  const cpu = () => ({ api: cpuMs(api.pid), db: backends.reduce((sum, pid) => sum + cpuMs(pid), 0) });
  const before = cpu();
  const closed = await runLoad({
    base: api.url,
    connections: CLIENTS,
    seconds: SECONDS,
    warmupSeconds: 0,
    request,
  });
  const after = cpu();
  out.push(`POST /bookings, closed loop, ${CLIENTS} connections, ${SECONDS} s: ${fmt(closed)}`);
  // Per booking made (201): the CPU that requests refused under overload (503) cost counts too.
  const made201 = closed.statuses[201] ?? 0;
  const per = (ms) => (ms / made201).toFixed(2);
  out.push(
    `CPU per booking made (${made201} of ${closed.requests} answered 201): API process ${per(after.api - before.api)} ms, its ${backends.length} PostgreSQL backends ${per(after.db - before.db)} ms`,
  );

  // (2) pgbench, same client count and time: a one-row INSERT into a two-column table (the
  // issue's yardstick), then PostgreSQL's own ceiling for a booking: the row `POST /bookings`
  // writes and its audit entry, straight into `bookings` (the exclusion constraint, nine indexes,
  // the foreign keys and the statistics triggers run; no API, no rules read, no account checked).
  await client.query('create table bench_plain (id bigserial primary key, v double precision)');
  const u = new URL(url);
  const pgbench = (name, text) => {
    const script = `/tmp/${DB}-${name}.sql`;
    writeFileSync(script, text);
    const res = spawnSync(
      'pgbench',
      [
        ...['-h', SOCKET || u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'],
        ...['-n', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), '-f', script],
        u.pathname.slice(1),
      ],
      { encoding: 'utf8' },
    );
    return Number(res.stdout.match(/tps = ([\d.]+)/)?.[1] ?? Number.NaN);
  };
  const tps = pgbench('plain', 'insert into bench_plain (v) values (random());\n');
  out.push(`pgbench one-row INSERT, ${CLIENTS} clients, ${SECONDS} s: ${tps.toFixed(0)} tps`);
  out.push(`ratio booking creation / pgbench insert: ${(closed.rps / tps).toFixed(3)}`);
  await client.query(
    `create table bench_ids as select row_number() over (order by r)::int as n, r as room_id, $2::uuid as org_id, $3::uuid as user_id
     from unnest($1::uuid[]) r`,
    [rooms, orgs[0], bookers[0].id],
  );
  // A random hour four to fourteen years ahead in a random room: far from every booking above,
  // so a collision (skipped by `on conflict do nothing`) is about one in a hundred thousand.
  const bookingRow = `\\set r random(1, ${rooms.length})
\\set h random(0, 87600)
with b as (
  insert into bookings (room_id, kind, organization_id, created_by, title, purpose, attendees, status, period, blocked)
  select room_id, 'booking', org_id, user_id, 'Bench row', 'pgbench', 1, 'confirmed',
    tstzrange(date_trunc('year', now()) + interval '4 years' + :h * interval '1 hour',
      date_trunc('year', now()) + interval '4 years' + :h * interval '1 hour' + interval '30 minutes', '[)'),
    tstzrange(date_trunc('year', now()) + interval '4 years' + :h * interval '1 hour',
      date_trunc('year', now()) + interval '4 years' + :h * interval '1 hour' + interval '30 minutes', '[)')
  from bench_ids where n = :r
  on conflict do nothing
  returning id, created_by
)
insert into audit_log (action, actor_id, target_type, target_id, details)
select 'booking.created', created_by, 'booking', id::text, '{}'::jsonb from b;
`;
  const rowTps = pgbench('booking-row', bookingRow);
  out.push(
    `pgbench, one booking row and its audit entry straight into the tables, ${CLIENTS} clients, ${SECONDS} s: ${rowTps.toFixed(0)} tps = ${(rowTps / tps).toFixed(3)} of the one-row INSERT (PostgreSQL's own ceiling for booking creation with today's schema); booking creation reached ${(closed.rps / rowTps).toFixed(2)} of it`,
  );
  // What the statistics rollups (maintained on write, trigger `bookings_stats`) cost of that
  // ceiling: the same rows with the trigger off, in this run's own database, then on again.
  await client.query('alter table bookings disable trigger bookings_stats');
  const bareTps = pgbench('booking-row-bare', bookingRow);
  await client.query('alter table bookings enable trigger bookings_stats');
  out.push(
    `the same without the statistics trigger: ${bareTps.toFixed(0)} tps = ${(bareTps / tps).toFixed(3)} of the one-row INSERT`,
  );

  // (3) open loop at RATE bookings/s.
  const open = await runOpenLoop({ base: api.url, rate: RATE, seconds: SECONDS, request });
  const statuses = {};
  for (const r of open.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const ok = summarize(
    open.results.filter((r) => r.status !== 'error').map((r) => r.ms),
    open.seconds,
  );
  out.push(
    `POST /bookings, open loop ${RATE}/s, ${SECONDS} s: ${open.sent} sent, ${open.skipped} skipped, p50 ${ok.p50.toFixed(1)} ms, p95 ${ok.p95.toFixed(1)} ms, p99 ${ok.p99.toFixed(1)} ms, max ${ok.max.toFixed(1)} ms, statuses ${JSON.stringify(statuses)}`,
  );
  // Every booking answered 201 is in the table.
  const made = (await client.query(`select count(*)::int n from bookings where title = 'Bench'`)).rows[0].n;
  const created = (closed.statuses[201] ?? 0) + (statuses[201] ?? 0);
  out.push(`bookings made: ${made} in the table, ${created} answered 201 while recording (plus warm-up)`);
  out.push(`load average after ${loadavg()}`);
  await client.end();
  console.log(out.join('\n'));
} catch (err) {
  console.error('benchmark failed:', err);
  process.exitCode = 1;
} finally {
  await api.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
