// Benchmark on PostgreSQL: volunteer sign-ups under 50 concurrent volunteers. A published program
// with 14 days × 3 non-overlapping three-hour shifts a day (made through the API), N volunteers with
// profiles; each volunteer signs up for K distinct shifts, one after the other, 50 volunteers at a
// time. Early shifts are chosen more often, so they fill up and their latecomers are waitlisted.
// Then 50 at a time withdraw a tenth of the confirmed places of full shifts (the first waiting
// volunteer moves up). Afterwards the database is checked: no shift with more confirmed than
// places, waiting lists numbered 1..N without a gap and only on full shifts, no volunteer holding
// two shifts at once, the answers' statuses equal to the rows, no 5xx.
// Usage: node bench/volunteer-signups.mjs [volunteers=1000] [shifts per volunteer=5] [uniform]
// (`uniform`: every shift equally wanted — no hot shifts, for comparison.)
import os from 'node:os';
import pg from 'pg';
import { createAccounts } from './lib/accounts.mjs';
import { fmt, httpClient, summarize } from './lib/load.mjs';
import { benchDatabaseName, build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const VOLUNTEERS = Number(process.argv[2] ?? 1000);
const PER_VOLUNTEER = Number(process.argv[3] ?? 5);
const UNIFORM = process.argv[4] === 'uniform';
const CONCURRENCY = 50;
const DAYS = 14;
const SLOTS = [
  ['09:00', '12:00'],
  ['13:00', '16:00'],
  ['17:00', '20:00'],
];
const SHIFTS = DAYS * SLOTS.length;
// Places for about 85 % of the sign-ups; the popular early shifts fill, the late ones do not.
const PLACES = Math.max(1, Math.round((VOLUNTEERS * PER_VOLUNTEER * 0.85) / SHIFTS));
const DB = benchDatabaseName('volunteer_signups');

/** A small deterministic random generator, so every run asks for the same shifts. */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `jobs` (async functions) `concurrency` at a time; returns when all are done. */
async function pool(jobs, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Kyiv wall time of a day from today as an instant (the bench's shifts are at least a day ahead). */
function kyivInstant(daysAhead, hhmm) {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  const date = day.toLocaleDateString('sv-SE', { timeZone: 'Europe/Kyiv' });
  // Kyiv is UTC+2 in winter, +3 in summer: find the offset of that date by formatting noon UTC.
  const noon = new Date(`${date}T12:00:00Z`);
  const kyivNoon = noon.toLocaleTimeString('en-GB', { timeZone: 'Europe/Kyiv', hour12: false });
  const offset = Number(kyivNoon.slice(0, 2)) - 12;
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((h - offset) * 60 + m) * 60_000);
}

build();
const url = await freshDatabase(DB);
const api = await startApi(url, 3105);
const out = [];
let failed = false;
const check = (ok, what) => {
  out.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};
try {
  const db = new pg.Client({ connectionString: url });
  db.on('error', () => {});
  await db.connect();
  const org = (
    await db.query(
      `insert into organizations (name_uk, name_en, status, district, legal_form, verified_at)
       values ('ГО «Бенчмарк»', 'Bench NGO', 'verified', 'podilskyi', 'public_association', now()) returning id`,
    )
  ).rows[0].id;
  const [coordinator] = await createAccounts(db, 'coordinator', 1);
  await db.query(`insert into role_grants (user_id, role, organization_id) values ($1, 'ngo_owner', $2)`, [
    coordinator.id,
    org,
  ]);
  const volunteers = await createAccounts(db, 'volunteer', VOLUNTEERS);
  await db.query(
    `insert into volunteer_profiles (user_id, skills, languages, districts, birth_year, consent_to_contact, consent_given_at)
     select u, array['пакування'], array['uk'], array['podilskyi'], 1960 + (n % 45), true, now()
     from unnest($1::uuid[]) with ordinality as t(u, n)`,
    [volunteers.map((v) => v.id)],
  );

  const http = httpClient(api.url, CONCURRENCY);
  const call = async (token, method, path, body) =>
    http.send({
      method,
      path: `/api/v1${path}`,
      headers: { authorization: `Bearer ${token}` },
      body: body ? JSON.stringify(body) : undefined,
      read: true,
    });
  const program = await call(coordinator.token, 'POST', '/volunteering/programs', {
    organizationId: org,
    title: { uk: 'Пакування наборів (бенчмарк)', en: 'Packing parcels (bench)' },
    cause: 'humanitarian_aid',
    districts: ['podilskyi'],
    status: 'published',
  });
  if (program.status !== 201) throw new Error(`program: ${program.status} ${JSON.stringify(program.body)}`);
  for (const [from, to] of SLOTS) {
    const res = await call(coordinator.token, 'POST', `/volunteering/programs/${program.body.id}/shifts`, {
      start: kyivInstant(1, from).toISOString(),
      end: kyivInstant(1, to).toISOString(),
      recurrence: { frequency: 'daily', count: DAYS },
      address: 'вул. Костянтинівська, 9 (бенчмарк)',
      district: 'podilskyi',
      places: PLACES,
      task: 'Пакування продуктових наборів',
    });
    if (res.status !== 201) throw new Error(`shifts: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const shifts = (
    await db.query(`select id from volunteer_shifts where program_id = $1 order by starts_at`, [
      program.body.id,
    ])
  ).rows.map((r) => r.id);

  // Each volunteer: K distinct shifts (one per slot and day, so never overlapping, at most 9 h a
  // day), drawn with weight 1 / (1 + index / 6): the first days are wanted most (or, uniform, all alike).
  const random = mulberry32(20261202);
  const weights = shifts.map((_, i) => (UNIFORM ? 1 : 1 / (1 + i / 6)));
  const plans = volunteers.map(() => {
    const picked = new Set();
    while (picked.size < Math.min(PER_VOLUNTEER, shifts.length)) {
      let r = random() * weights.reduce((a, w, i) => a + (picked.has(i) ? 0 : w), 0);
      for (const [i, w] of weights.entries()) {
        if (picked.has(i)) continue;
        r -= w;
        if (r <= 0) {
          picked.add(i);
          break;
        }
      }
    }
    return [...picked].map((i) => shifts[i]);
  });

  // Phase 1: sign-ups, 50 volunteers at a time, each doing their K one after the other.
  const statuses = {};
  const results = {};
  const codes = {};
  const latencies = [];
  const started = Date.now();
  await pool(
    volunteers.map((v, n) => async () => {
      for (const shift of plans[n]) {
        const r = await call(v.token, 'POST', `/volunteering/shifts/${shift}/signups`);
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 201) results[r.body.status] = (results[r.body.status] ?? 0) + 1;
        else codes[r.body?.code ?? r.status] = (codes[r.body?.code ?? r.status] ?? 0) + 1;
      }
    }),
    CONCURRENCY,
  );
  const signupSeconds = (Date.now() - started) / 1000;
  const signups = summarize(latencies, signupSeconds);
  out.push(
    `sign-ups${UNIFORM ? ' (uniform)' : ''}: ${VOLUNTEERS} volunteers × ${PER_VOLUNTEER} shifts, ${CONCURRENCY} volunteers at a time, ${shifts.length} shifts of ${PLACES} places, ${signupSeconds.toFixed(1)} s:`,
    `  ${fmt({ ...signups, statuses })}`,
    `  results ${JSON.stringify(results)}${Object.keys(codes).length ? `; refusals ${JSON.stringify(codes)}` : ''}`,
  );
  const db1 = (
    await db.query(`select status, count(*)::int n from volunteer_signups group by status order by status`)
  ).rows;
  const dbCount = (s) => db1.find((r) => r.status === s)?.n ?? 0;
  check(
    dbCount('confirmed') === (results.confirmed ?? 0) && dbCount('waitlisted') === (results.waitlisted ?? 0),
    `rows match the answers: ${JSON.stringify(db1)}`,
  );

  // Phase 2: a tenth of the confirmed volunteers of full shifts withdraw, 50 at a time.
  const leaving = (
    await db.query(
      `select x.shift_id, x.user_id from volunteer_signups x
       where x.status = 'confirmed'
         and exists (select 1 from volunteer_signups w where w.shift_id = x.shift_id and w.status = 'waitlisted')
       order by md5(x.id::text) limit $1`,
      [Math.round(dbCount('confirmed') / 10)],
    )
  ).rows;
  const tokenOf = new Map(volunteers.map((v) => [v.id, v.token]));
  const wStatuses = {};
  const wLatencies = [];
  const wStarted = Date.now();
  await pool(
    leaving.map((x) => async () => {
      const r = await call(tokenOf.get(x.user_id), 'DELETE', `/volunteering/shifts/${x.shift_id}/signups/me`);
      wLatencies.push(r.ms);
      wStatuses[r.status] = (wStatuses[r.status] ?? 0) + 1;
    }),
    CONCURRENCY,
  );
  const wSeconds = (Date.now() - wStarted) / 1000;
  out.push(
    `withdrawals from full shifts (the first waiting volunteer moves up), ${CONCURRENCY} at a time, ${wSeconds.toFixed(1)} s:`,
    `  ${fmt({ ...summarize(wLatencies, wSeconds), statuses: wStatuses })}`,
  );
  http.close();

  // The invariants, on the rows.
  const over = await db.query(
    `select s.id from volunteer_shifts s
     where (select count(*) from volunteer_signups x where x.shift_id = s.id and x.status = 'confirmed') > s.places`,
  );
  check(over.rowCount === 0, `no shift has more confirmed than places (${over.rowCount} do)`);
  const gaps = await db.query(
    `select shift_id from volunteer_signups where status = 'waitlisted' group by shift_id
     having min(position) <> 1 or max(position) <> count(*) or count(distinct position) <> count(*)`,
  );
  check(
    gaps.rowCount === 0,
    `waiting positions are 1..N on every shift (${gaps.rowCount} shifts with a gap)`,
  );
  const notFull = await db.query(
    `select s.id from volunteer_shifts s
     where exists (select 1 from volunteer_signups w where w.shift_id = s.id and w.status = 'waitlisted')
       and (select count(*) from volunteer_signups x where x.shift_id = s.id and x.status = 'confirmed') < s.places`,
  );
  check(notFull.rowCount === 0, `a waiting list only on full shifts (${notFull.rowCount} with free places)`);
  const overlaps = await db.query(
    `select 1 from volunteer_signups a join volunteer_shifts sa on sa.id = a.shift_id
     join volunteer_signups b on b.user_id = a.user_id and b.id < a.id join volunteer_shifts sb on sb.id = b.shift_id
     where a.status <> 'cancelled' and b.status <> 'cancelled' and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at`,
  );
  check(overlaps.rowCount === 0, `no volunteer holds two shifts at once (${overlaps.rowCount} pairs)`);
  const fiveXX = [...Object.entries(statuses), ...Object.entries(wStatuses)]
    .filter(([s]) => s === 'error' || Number(s) >= 500)
    .reduce((a, [, n]) => a + n, 0);
  check(fiveXX === 0, `no 5xx or connection errors (${fiveXX})`);
  const final = (
    await db.query(`select status, count(*)::int n from volunteer_signups group by status order by status`)
  ).rows;
  const full = (
    await db.query(
      `select count(*)::int n from volunteer_shifts s
       where (select count(*) from volunteer_signups x where x.shift_id = s.id and x.status = 'confirmed') = s.places`,
    )
  ).rows[0].n;
  out.push(`after both phases: ${JSON.stringify(final)}; ${full} of ${shifts.length} shifts full`);
  await db.end();
  out.push(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, PostgreSQL on 127.0.0.1, ${new Date().toISOString()}`,
  );
  console.log(out.join('\n'));
  if (failed) process.exitCode = 1;
} catch (err) {
  console.log(out.join('\n'));
  console.error('benchmark failed:', err);
  process.exitCode = 1;
} finally {
  await api.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
