// Benchmark: the public dashboard (GET /stats/dashboard, issue 13) at city scale — a year's figures
// over 1,000,000 bookings in 192 rooms of 24 hubs, 100,000 event registrations and 200,000
// volunteer hour entries (bench/lib/scale-data.mjs) — at 20 concurrent clients, and single
// uncached requests one after another.
// Usage: node bench/dashboard.mjs [seconds per row] [bookings] [registrations] [hours]
// BENCH_KEEP=1 keeps the database (its name is printed) for EXPLAIN ANALYZE; BENCH_REUSE=<that
// name> measures it again without generating (and leaves it in place). BENCH_ONLY=<regexp> runs
// only the rows whose label matches.
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { createAccounts } from './lib/accounts.mjs';
import { fmt, httpClient, summarize } from './lib/load.mjs';
import { generateCity, insertOrganizations } from './lib/scale-data.mjs';
import { ADMIN_URL, benchDatabaseName, build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const BOOKINGS = Number(process.argv[3] ?? 1_000_000);
const REGISTRATIONS = Number(process.argv[4] ?? 100_000);
const HOURS = Number(process.argv[5] ?? 200_000);
const CONNECTIONS = 20;
/** Single requests, one after another, per scope. */
const SAMPLES = 20;
/** The dashboard's public answers are kept this long (dashboard.routes.ts, publicCache.ttlMs). */
const CACHE_TTL_MS = 60_000;
const REUSE = process.env.BENCH_REUSE?.trim() || null;
const DB = REUSE ?? benchDatabaseName('dashboard');
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
// Every bench client comes from 127.0.0.1: the anonymous limit (per address) would answer the
// anonymous rows 429 after a second. Raised for this bench only, as in bench/scale.mjs.
const api = await startApi(url, Number(process.env.BENCH_PORT ?? 3109), {
  RATE_LIMIT_ANONYMOUS_MAX: '10000000',
});
// CPU time (ms) of some processes from /proc (utime + stime, in clock ticks of 10 ms), as in
// bench/scale.mjs: the API's, and the PostgreSQL backends connected to the bench database.
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

/** `YYYY-MM-DD` of the first and last day of month `m` (1–12, may be ≤ 0) of `year`. */
const pad = (n) => String(n).padStart(2, '0');
const monthRange = (year, m) => {
  const first = new Date(Date.UTC(year, m - 1, 1));
  const last = new Date(Date.UTC(year, m, 0));
  const day = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { from: day(first), to: day(last) };
};

/**
 * `runLoad` (bench/lib/load.mjs) with the latencies kept per status: the percentiles are the 200
 * answers' (a 503 `overloaded` refusal is fast and would flatter them); the 503s' median is kept
 * apart. Same closed loop: `connections` clients, each sending its next request when the previous
 * answer arrives, a warm-up not recorded. `onAnswer(spec, answer)` sees every answer, warm-up included.
 */
async function runLoadByStatus({ base, request, connections, seconds, warmupSeconds = 1, onAnswer }) {
  const http = httpClient(base, connections);
  const byStatus = {};
  let counter = 0;
  let recording = false;
  let total = 0;
  let total200 = 0;
  const loop = async (until) => {
    while (Date.now() < until) {
      const spec = request(counter++);
      const r = await http.send(spec);
      total++;
      if (r.status === 200) total200++;
      onAnswer?.(spec, r);
      if (recording) record(byStatus, r);
    }
  };
  const warmEnd = Date.now() + warmupSeconds * 1000;
  await Promise.all(Array.from({ length: connections }, () => loop(warmEnd)));
  recording = true;
  const start = Date.now();
  await Promise.all(Array.from({ length: connections }, () => loop(start + seconds * 1000)));
  const elapsed = (Date.now() - start) / 1000;
  http.close();
  return result(byStatus, elapsed, total, total200);
}

const record = (byStatus, r) => {
  byStatus[r.status] = byStatus[r.status] ?? [];
  byStatus[r.status].push(r.ms);
};

/** The 200s' count, rate and percentiles, every status's count, the 503s' median. */
function result(byStatus, elapsed, total, total200) {
  const statuses = Object.fromEntries(Object.entries(byStatus).map(([k, v]) => [k, v.length]));
  const refused = byStatus[503] ? summarize(byStatus[503], elapsed) : null;
  return {
    ...summarize(byStatus[200] ?? [], elapsed),
    statuses,
    total,
    total200,
    refusedP50: refused?.p50 ?? null,
  };
}

const cpu = (r) =>
  `CPU per answer: API ${r.apiCpu.toFixed(2)} ms, PostgreSQL ${r.dbCpu.toFixed(2)} ms; per 200: API ${r.apiCpu200.toFixed(2)} ms, PostgreSQL ${r.dbCpu200.toFixed(2)} ms`;
const show = (r) =>
  `200s: ${fmt(r)}${r.refusedP50 === null ? '' : `; 503s' p50 ${r.refusedP50.toFixed(1)} ms`}`;

const client = new pg.Client({ connectionString: url });
client.on('error', () => {});
try {
  await client.connect();
  if (!REUSE) {
    const started = Date.now();
    await insertOrganizations(client, 20_000);
    const orgSeconds = (Date.now() - started) / 1000;
    const city = await generateCity(client, {
      bookings: BOOKINGS,
      registrations: REGISTRATIONS,
      hours: HOURS,
    });
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

  // The past whole year: the twelve months before the current month (Kyiv time), its four
  // three-month quarters and its twelve months.
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Kyiv',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  const year = { from: monthRange(y, m - 12).from, to: monthRange(y, m - 1).to };
  const quarters = [0, 1, 2, 3].map((q) => ({
    from: monthRange(y, m - 12 + 3 * q).from,
    to: monthRange(y, m - 10 + 3 * q).to,
  }));
  const months = Array.from({ length: 12 }, (_, k) => monthRange(y, m - 12 + k));
  const periods = [year, ...quarters, ...months];
  const q = (p, scope = '') => `/stats/dashboard?from=${p.from}&to=${p.to}${scope}`;
  console.log(`past year ${year.from} – ${year.to}`);

  const hubs = (await client.query('select id, district from hubs order by name_uk')).rows;
  const districts = [...new Set(hubs.map((h) => h.district))].sort();
  // The district and hub of the single-scope rows: the hub with most bookings and its district.
  const hub =
    (
      await client.query(`select h.id, h.district from hubs h join rooms r on r.hub_id = h.id
      join room_day_stats s on s.room_id = r.id group by h.id order by sum(s.confirmed) desc, h.id limit 1`)
    ).rows[0] ?? hubs[0];

  // Twenty of each, one per connection, as twenty people would be (see bench/scale.mjs); the
  // resident has no role: signed in, so never cached, and without staff detail — the public
  // figures computed on every request.
  const people = await createAccounts(client, `dashboard${process.pid}`, 2 * CONNECTIONS + 1);
  const cityAdmin = people.slice(0, CONNECTIONS);
  const districtAdmin = people.slice(CONNECTIONS, 2 * CONNECTIONS);
  const resident = people.slice(2 * CONNECTIONS);
  await client.query(
    `insert into role_grants (user_id, role, district)
     select unnest($1::uuid[]), 'city_admin', null::text
     union all select unnest($2::uuid[]), 'district_admin', $3::text`,
    [cityAdmin.map((u) => u.id), districtAdmin.map((u) => u.id), hub.district],
  );
  const as = (who, i) => (who ? { authorization: `Bearer ${who[i % who.length].token}` } : {});

  // Which anonymous answers came from the cache. The API does not say (no header: a hit is
  // written with the same headers as the answer it repeats), so they are counted here from the
  // answers: the first 200 for a URL was computed and is kept 60 s; a later 200 for it within
  // those 60 s is a hit, except one asked while the first was being computed (it waits for that
  // computation: counted as a hit here, but it was as slow as a miss). A `503 overloaded` is
  // refused before the cache is looked at and fills nothing.
  const firstAnswered = new Map();
  const tally = () => {
    const t = { answers: 0, ok: 0, computed: 0, urls: new Set(), answered: new Set() };
    t.note = (u, status) => {
      const now = Date.now();
      t.answers++;
      t.urls.add(u);
      if (status !== 200) return;
      t.ok++;
      t.answered.add(u);
      const at = firstAnswered.get(u);
      if (at === undefined || now - at >= CACHE_TTL_MS) {
        firstAnswered.set(u, now);
        t.computed++;
      }
    };
    return t;
  };

  // The anonymous mix: the city, every district and every hub × the year, its quarters and its
  // months, in a fixed shuffled order.
  const scopes = ['', ...districts.map((d) => `&district=${d}`), ...hubs.map((h) => `&hubId=${h.id}`)];
  const mix = scopes.flatMap((s) => periods.map((p) => q(p, s)));
  let seed = 13;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = mix.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [mix[i], mix[j]] = [mix[j], mix[i]];
  }

  const rows = [
    // [label, who, (i) => path, anonymous tally?]
    [
      'city, past year, anonymous (one URL: after the first, answers from the cache)',
      null,
      () => q(year),
      true,
    ],
    [
      `anonymous mix: city, ${districts.length} districts, ${hubs.length} hubs × year, 4 quarters, 12 months (${mix.length} URLs)`,
      null,
      (i) => mix[i % mix.length],
      true,
    ],
    [
      'district admin, own district, past year (never cached, with organisations served)',
      districtAdmin,
      () => q(year, `&district=${hub.district}`),
      false,
    ],
    [
      'city admin, city, past year (never cached, with organisations served)',
      cityAdmin,
      () => q(year),
      false,
    ],
  ];
  const singles = [
    ['single uncached request, city, past year', q(year)],
    ['single uncached request, district, past year', q(year, `&district=${hub.district}`)],
    ['single uncached request, hub, past year', q(year, `&hubId=${hub.id}`)],
  ];

  const backends = async () =>
    (
      await client.query(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid);
  /** CPU per answer of the API and PostgreSQL while `run` runs; `run` returns its result with `total`. */
  const measured = async (run) => {
    const apiCpu0 = cpuMs([api.pid]);
    const dbCpu0 = new Map((await backends()).map((pid) => [pid, cpuMs([pid])]));
    const r = await run();
    const apiCpu = cpuMs([api.pid]) - apiCpu0;
    // Backends that were there before count from then, those opened during the run whole.
    const dbCpu = (await backends()).reduce((sum, pid) => sum + cpuMs([pid]) - (dbCpu0.get(pid) ?? 0), 0);
    r.apiCpu = apiCpu / r.total;
    r.dbCpu = dbCpu / r.total;
    // Per 200 answer: what an answered request costs, the refusals' cost included.
    r.apiCpu200 = apiCpu / Math.max(1, r.total200);
    r.dbCpu200 = dbCpu / Math.max(1, r.total200);
    return r;
  };
  const probe = async (path, headers) => {
    const res = await fetch(`${api.url}/api/v1${path}`, { headers });
    const text = await res.text();
    if (res.status !== 200) return `status ${res.status}: ${text.slice(0, 200)}`;
    const body = JSON.parse(text);
    const f = body.figures;
    return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${f.bookings} bookings, ${f.registrations} registrations, ${f.volunteerHours} volunteer hours${body.organizations ? `, ${body.organizations.length} organisations` : ''}`;
  };

  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  const results = [];
  for (const [label, who, path, anonymous] of rows) {
    if (only && !only.test(label)) continue;
    // The probe is a request like the others: for anonymous rows it is noted (it fills the cache).
    const t = anonymous ? tally() : null;
    const shape = await probe(path(0), as(who, 0));
    t?.note(path(0), shape.startsWith('status') ? 0 : 200);
    const before = load();
    const r = await measured(() =>
      runLoadByStatus({
        base: api.url,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: 1,
        request: (i) => ({ path: `/api/v1${path(i)}`, headers: as(who, i) }),
        onAnswer: t ? (spec, a) => t.note(spec.path.slice('/api/v1'.length), a.status) : undefined,
      }),
    );
    if (t)
      r.cache = `${t.urls.size} distinct URLs asked, ${t.answered.size} answered 200; ${t.answers} answers (warm-up and probe included), ${t.ok} × 200: ${t.computed} computed, ${
        t.ok - t.computed
      } (${((100 * (t.ok - t.computed)) / Math.max(1, t.ok)).toFixed(1)}%) from the cache`;
    results.push({ label, r, shape, load: before, mode: `${CONNECTIONS} concurrent` });
    console.log(
      `${label} (${shape}; load ${before}):\n  ${show(r)}; ${cpu(r)}${r.cache ? `\n  cache: ${r.cache}` : ''}`,
    );
  }
  for (const [label, path] of singles) {
    if (only && !only.test(label)) continue;
    const headers = as(resident, 0);
    const shape = await probe(path, headers);
    const before = load();
    const http = httpClient(api.url, 1);
    const r = await measured(async () => {
      const byStatus = {};
      const started = Date.now();
      for (let k = 0; k < SAMPLES; k++) {
        const x = await http.send({ path: `/api/v1${path}`, headers });
        record(byStatus, x);
      }
      return result(byStatus, (Date.now() - started) / 1000, SAMPLES, byStatus[200]?.length ?? 0);
    });
    http.close();
    results.push({ label, r, shape, load: before, mode: `sequential, ${SAMPLES} samples` });
    console.log(`${label} (${shape}; load ${before}):\n  ${show(r)}; ${cpu(r)}`);
  }

  console.log(
    '\n| row | clients | answer | req/s (200s) | p50 (200s) | p95 (200s) | p99 (200s) | CPU/answer API | CPU/answer PostgreSQL | CPU/200 API | CPU/200 PostgreSQL | statuses | cache | load avg before |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { label, r, shape, load: l, mode } of results)
    console.log(
      `| ${label} | ${mode} | ${shape} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.apiCpu.toFixed(2)} ms | ${r.dbCpu.toFixed(2)} ms | ${r.apiCpu200.toFixed(2)} ms | ${r.dbCpu200.toFixed(2)} ms | ${Object.entries(
        r.statuses,
      )
        .map(([k, v]) => `${v}×${k}`)
        .join(
          ' ',
        )}${r.refusedP50 === null ? '' : ` (503 p50 ${r.refusedP50.toFixed(1)} ms)`} | ${r.cache ?? 'never cached'} | ${l} |`,
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
