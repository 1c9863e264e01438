// Benchmark: every list and statistics endpoint at city scale — 1,000,000 bookings over two years
// in 192 rooms of 24 hubs, 20,000 organisations, 5,000 events with 100,000 registrations — at 20
// concurrent clients. Usage: node bench/scale.mjs [seconds per endpoint] [bookings]
// BENCH_KEEP=1 keeps the database (its name is printed) for EXPLAIN ANALYZE; BENCH_REUSE=<that
// name> measures it again without generating (and leaves it in place).
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { createAccounts } from './lib/accounts.mjs';
import { fmt, runLoad } from './lib/load.mjs';
import { generateCity, insertOrganizations } from './lib/scale-data.mjs';
import { ADMIN_URL, benchDatabaseName, build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const BOOKINGS = Number(process.argv[3] ?? 1_000_000);
const CONNECTIONS = 20;
const REUSE = process.env.BENCH_REUSE?.trim() || null;
const DB = REUSE ?? benchDatabaseName('scale');
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

build();
let url = null;
if (REUSE) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${REUSE}`;
  url = u.toString();
} else url = await freshDatabase(DB);
console.log(`database ${DB}`);
// Every bench client comes from 127.0.0.1: the anonymous limit (per address, 6,000 a minute by
// default) would answer the public rows 429 after a second. Raised for this bench only, as
// RATE_LIMIT_MAX already is for accounts (startApi); production defaults are unchanged.
const api = await startApi(url, Number(process.env.BENCH_PORT ?? 3108), {
  RATE_LIMIT_ANONYMOUS_MAX: '10000000',
});
// CPU time (ms) of some processes from /proc (utime + stime, in clock ticks of 10 ms): the API's,
// and the PostgreSQL backends connected to the bench database. Unlike req/s and latencies on a
// shared machine, CPU per request does not depend on what else runs.
const TICK_MS = 1000 / 100;
const cpuMs = (pids) => {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended.
    }
  }
  return ticks * TICK_MS;
};
const client = new pg.Client({ connectionString: url });
client.on('error', () => {});
try {
  await client.connect();
  if (!REUSE) {
    const started = Date.now();
    await insertOrganizations(client, 20_000);
    const orgSeconds = (Date.now() - started) / 1000;
    const city = await generateCity(client, { bookings: BOOKINGS });
    console.log(
      `generated in ${((Date.now() - started) / 1000).toFixed(0)} s (organisations ${orgSeconds.toFixed(1)} s, ${Object.entries(
        city.timings,
      )
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')}):`,
    );
    const { timings: _, ...counts } = city;
    console.log(`  ${JSON.stringify(counts)}`);
  }

  // The people: a city admin, a district admin, a hub manager and a member of the organisation
  // that books most in that hub.
  const hub = (
    await client.query(`select h.id, h.district from hubs h
      where exists (select 1 from rooms r join bookings b on b.room_id = r.id where r.hub_id = h.id)
      order by h.name_uk limit 1`)
  ).rows[0];
  const room = (
    await client.query(`select id from rooms where hub_id = $1 order by name_uk limit 1`, [hub.id])
  ).rows[0].id;
  const org = (
    await client.query(
      `select b.organization_id id from bookings b join rooms r on r.id = b.room_id where r.hub_id = $1
       group by 1 order by count(*) desc limit 1`,
      [hub.id],
    )
  ).rows[0].id;
  // Twenty of each, one per connection, as twenty people would be: every request counts against
  // its account's rate-limit row, and one shared account would make the requests queue on it.
  const people = await createAccounts(client, `scale${process.pid}`, 4 * CONNECTIONS);
  const [cityAdmin, districtAdmin, manager, member] = [0, 1, 2, 3].map((k) =>
    people.slice(k * CONNECTIONS, (k + 1) * CONNECTIONS),
  );
  await client.query(
    `insert into role_grants (user_id, role, district, hub_id, organization_id)
     select unnest($1::uuid[]), 'city_admin', null::text, null::uuid, null::uuid
     union all select unnest($2::uuid[]), 'district_admin', $5::text, null, null
     union all select unnest($3::uuid[]), 'hub_manager', null, $6::uuid, null
     union all select unnest($4::uuid[]), 'ngo_member', null, null, $7::uuid`,
    [
      cityAdmin.map((u) => u.id),
      districtAdmin.map((u) => u.id),
      manager.map((u) => u.id),
      member.map((u) => u.id),
      hub.district,
      hub.id,
      org,
    ],
  );

  const day = 86_400_000;
  const today = new Date(Math.floor(Date.now() / day) * day);
  const iso = (d) => encodeURIComponent(d.toISOString());
  const week = `from=${iso(new Date(today.getTime() + 3 * day))}&to=${iso(new Date(today.getTime() + 10 * day))}`;
  const month = `from=${iso(new Date(today.getTime() - 40 * day))}&to=${iso(new Date(today.getTime() - 10 * day))}`;
  // A quarter on Kyiv day boundaries, and one with edges inside days.
  const quarter = `from=${encodeURIComponent('2026-10-01T00:00:00+03:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+02:00')}`;
  const ragged = `from=${encodeURIComponent('2026-09-03T10:30:00+03:00')}&to=${encodeURIComponent('2026-12-20T12:15:00+02:00')}`;
  const as = (who, i) => ({ authorization: `Bearer ${who[i % who.length].token}` });
  // A deep page as a client paging on holds it: the place after the hub's 900th booking.
  const deep = await (
    await fetch(`${api.url}/api/v1/bookings?hubId=${hub.id}&offset=880`, { headers: as(cityAdmin, 0) })
  ).json();
  const endpoints = [
    // A reference: the cheapest API answer. The lists answer the contract's default page (20);
    // the `limit=100` rows ask for the contract's largest page.
    ['GET /health (reference)', null, '/health'],
    ['GET /bookings, city admin, limit=100', cityAdmin, '/bookings?limit=100'],
    [
      'GET /bookings, city admin, hubId + one week, limit=100',
      cityAdmin,
      `/bookings?hubId=${hub.id}&${week}&limit=100`,
    ],
    ['GET /bookings, district admin, one week, limit=100', districtAdmin, `/bookings?${week}&limit=100`],
    ['GET /bookings, hub manager, limit=100', manager, '/bookings?limit=100'],
    ['GET /bookings, organisation member, 30 days, limit=100', member, `/bookings?${month}&limit=100`],
    [
      'GET /events, staff (hub manager), hub, with cancelled, limit=100',
      manager,
      `/events?hubId=${hub.id}&includeCancelled=true&limit=100`,
    ],
    // What the portal's calendars ask (limit=500, the bookings' and events' largest page): a hub's
    // week (hub calendar), an organisation's bookings from today on (My bookings), a hub's events.
    [
      'GET /bookings, hub manager, hub calendar week, limit=500 (as the portal asks)',
      manager,
      `/bookings?hubId=${hub.id}&${week}&limit=500`,
    ],
    [
      'GET /bookings, organisation member, from today, limit=500 (as the portal asks)',
      member,
      `/bookings?from=${iso(today)}&limit=500`,
    ],
    [
      'GET /events, staff (hub manager), hub, with cancelled, from today, limit=500 (as the portal asks)',
      manager,
      `/events?hubId=${hub.id}&includeCancelled=true&from=${iso(today)}&limit=500`,
    ],
    ['GET /bookings, city admin', cityAdmin, '/bookings'],
    ['GET /bookings, city admin, one week', cityAdmin, `/bookings?${week}`],
    ['GET /bookings, city admin, hubId', cityAdmin, `/bookings?hubId=${hub.id}`],
    ['GET /bookings, city admin, hubId + one week', cityAdmin, `/bookings?hubId=${hub.id}&${week}`],
    ['GET /bookings, city admin, roomId + 30 days', cityAdmin, `/bookings?roomId=${room}&${month}`],
    ['GET /bookings, city admin, status=pending', cityAdmin, '/bookings?status=pending'],
    ['GET /bookings, city admin, status=declined + 30 days', cityAdmin, `/bookings?status=declined&${month}`],
    ['GET /bookings, district admin', districtAdmin, '/bookings'],
    ['GET /bookings, district admin, one week', districtAdmin, `/bookings?${week}`],
    ['GET /bookings, hub manager', manager, '/bookings'],
    ['GET /bookings, hub manager, status=pending + one week', manager, `/bookings?status=pending&${week}`],
    ['GET /bookings, organisation member', member, '/bookings'],
    ['GET /bookings, organisation member, 30 days', member, `/bookings?${month}`],
    ['GET /bookings, city admin, offset 900', cityAdmin, `/bookings?hubId=${hub.id}&offset=900`],
    [
      'GET /bookings, city admin, after the 900th (keyset)',
      cityAdmin,
      `/bookings?hubId=${hub.id}&after=${deep.next}`,
    ],
    ['GET /stats/bookings, city, a quarter', cityAdmin, `/stats/bookings?${quarter}`],
    ['GET /stats/bookings, city, ragged edges', cityAdmin, `/stats/bookings?${ragged}`],
    ['GET /stats/bookings, district admin, a quarter', districtAdmin, `/stats/bookings?${quarter}`],
    ['GET /stats/events, city, a quarter', cityAdmin, `/stats/events?${quarter}`],
    ['GET /stats/events, district admin, a quarter', districtAdmin, `/stats/events?${quarter}`],
    ['GET /events, public', null, '/events'],
    ['GET /events, public, district + 30 days', null, `/events?district=${hub.district}&${month}`],
    [
      'GET /events, staff (hub manager), hub, with cancelled',
      manager,
      `/events?hubId=${hub.id}&includeCancelled=true`,
    ],
  ];
  const backends = async () =>
    (
      await client.query(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid);
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  const rows = [];
  for (const [label, who, path] of endpoints) {
    if (only && !only.test(label)) continue;
    const probe = await fetch(`${api.url}/api/v1${path}`, { headers: who ? as(who, 0) : {} });
    const text = await probe.text();
    const body = JSON.parse(text);
    const shape =
      probe.status !== 200
        ? `status ${probe.status}`
        : 'total' in body
          ? `${body.items.length} items, total ${body.total}${body.totalExact === false ? '+ (capped)' : ''}`
          : Array.isArray(body.items)
            ? `${body.items.length} rows`
            : 'no list';
    const bytes = `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
    const before = load();
    const apiCpu0 = cpuMs([api.pid]);
    const dbCpu0 = new Map((await backends()).map((pid) => [pid, cpuMs([pid])]));
    const r = await runLoad({
      base: api.url,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: 1,
      request: (i) => ({ path: `/api/v1${path}`, headers: who ? as(who, i) : {} }),
    });
    const pidsAfter = await backends();
    const apiCpu = cpuMs([api.pid]) - apiCpu0;
    // Backends that were there before count from then; those opened during the run, whole.
    // Backends that were there before count from then, those opened during the run whole (one
    // that closed during the run is missed: the API's pool keeps its connections).
    const dbCpu = pidsAfter.reduce((sum, pid) => sum + cpuMs([pid]) - (dbCpu0.get(pid) ?? 0), 0);
    // Over the whole run, warm-up included: `total` counts those answers too.
    r.apiCpu = apiCpu / r.total;
    r.dbCpu = dbCpu / r.total;
    rows.push({ label, r, shape: `${shape}, ${bytes}`, load: before });
    console.log(
      `${label} (${shape}; load ${before}):\n  ${fmt(r)}; CPU/request: API ${r.apiCpu.toFixed(2)} ms, PostgreSQL ${r.dbCpu.toFixed(2)} ms`,
    );
  }
  console.log(
    `\n| endpoint | answer | req/s | p50 | p95 | p99 | CPU/req API | CPU/req PostgreSQL | statuses | load avg before |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { label, r, shape, load: l } of rows)
    console.log(
      `| ${label} | ${shape} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.apiCpu.toFixed(2)} ms | ${r.dbCpu.toFixed(2)} ms | ${Object.entries(
        r.statuses,
      )
        .map(([k, v]) => `${v}×${k}`)
        .join(' ')} | ${l} |`,
    );
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, PostgreSQL on 127.0.0.1, ${new Date().toISOString()}, load average now ${load()}`,
  );
} catch (err) {
  console.error('benchmark failed:', err);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await api.stop();
  if (process.env.BENCH_KEEP || REUSE) console.log(`kept ${DB}`);
  else await dropDatabase(DB);
}
