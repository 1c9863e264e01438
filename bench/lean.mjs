// Lean requests: the cached public reads side by side with a bare Fastify 5 hello-world, in one
// run. Starts the hello-world (bench/lib/hello-world.mjs) and the built API on PostgreSQL with
// demo data (a database of the run's own, vcentri_bench_lean_<random>, dropped after; nothing
// else is touched), then measures each read with autocannon (50 connections, 127.0.0.1 only, a
// process of its own) in rounds that alternate with the hello-world, so the machine's other load
// touches both alike; the ratio is the median of the rounds' ratios. It also reads each server's
// CPU time from /proc: CPU per request does not depend on how busy the machine is. An answer of a
// kilobyte or more is also set against the hello-world sending a body of the same size.
// Usage: node bench/lean.mjs [seconds per measurement] [rounds]   (AUTOCANNON=… another copy)
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, dropDatabase, freshDatabase, root, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 3);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 50;
// Ports another process already holds can be changed: LEAN_HELLO_PORT, LEAN_API_PORT.
const HELLO_PORT = Number(process.env.LEAN_HELLO_PORT ?? 3198);
const API_PORT = Number(process.env.LEAN_API_PORT ?? 3108);
const AUTOCANNON = process.env.AUTOCANNON ?? 'autocannon@8.0.0';
const TICK_MS = 10; // USER_HZ = 100 on Linux

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time (user + system, ms) a process has used so far. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** One autocannon run against a server; requests/s counts 2xx and 304 answers only. */
function autocannon(server, urlPath, headers = {}) {
  const args = ['-y', AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(SECONDS), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(`${server.url}${urlPath}`);
  const cpu0 = cpuMs(server.pid);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      const good = r['2xx'] + (r['3xx'] ?? 0);
      resolve({
        rps: good / r.duration,
        other: r.non2xx - (r['3xx'] ?? 0) + r.errors + r.timeouts,
        cpuUs: ((cpuMs(server.pid) - cpu0) * 1000) / Math.max(1, r.requests.total),
        p50: r.latency.p50,
        p99: r.latency.p99,
      });
    });
  });
}

function startHello() {
  const child = spawn(process.execPath, [path.join(root, 'bench/lib/hello-world.mjs'), String(HELLO_PORT)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      if (String(d).includes('listening'))
        resolve({ url: `http://127.0.0.1:${HELLO_PORT}`, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`hello-world exited with ${code}`)));
  });
}

const DB = `vcentri_bench_lean_${crypto.randomBytes(4).toString('hex')}`;
build();
const dbUrl = await freshDatabase(DB);
const loads = [];
const sample = () => loads.push(os.loadavg()[0]);
let hello;
let api;
try {
  hello = await startHello();
  // The request limit out of the way: this measures a read, not one address's limit.
  api = await startApi(dbUrl, API_PORT, { DEMO_DATA: '1', RATE_LIMIT_ANONYMOUS_MAX: '10000000' });
  const json = async (p) => (await fetch(`${api.url}${p}`)).json();
  const hubs = await json('/api/v1/hubs');
  const hubId = hubs.items[0].id;
  const roomId = (await json(`/api/v1/hubs/${hubId}/rooms`)).items[0].id;
  const etag = (await fetch(`${api.url}/api/v1/hubs`)).headers.get('etag');
  const size = async (p) =>
    (await (await fetch(`${api.url}${p}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
      .byteLength;
  const reads = [
    ['GET /api/v1/hubs', '/api/v1/hubs'],
    ['GET /api/v1/hubs/{id}', `/api/v1/hubs/${hubId}`],
    ['GET /api/v1/rooms/{id}', `/api/v1/rooms/${roomId}`],
    ['GET /api/v1/events', '/api/v1/events'],
    ['GET /api/v1/open-data', '/api/v1/open-data'],
    ['GET /api/v1/hubs, brotli', '/api/v1/hubs', { 'accept-encoding': 'br' }],
    // What a browser sends (Chrome's Accept-Encoding): the answers of a kilobyte or more go
    // compressed, as the portal and every browser get them.
    ['GET /api/v1/hubs, as a browser asks', '/api/v1/hubs', BROWSER],
    ['GET /api/v1/events, as a browser asks', '/api/v1/events', BROWSER],
    ['GET /api/v1/open-data, as a browser asks', '/api/v1/open-data', BROWSER],
    ['GET /api/v1/hubs, If-None-Match (304)', '/api/v1/hubs', { 'if-none-match': etag }],
    ['GET /api/v1/health (not cached)', '/api/v1/health'],
  ];
  // LEAN_ONLY=<regular expression> measures the matching reads only.
  const only = process.env.LEAN_ONLY ? new RegExp(process.env.LEAN_ONLY) : null;
  if (only) reads.splice(0, reads.length, ...reads.filter(([label]) => only.test(label)));
  // Warm both (JIT, caches) before measuring.
  await autocannon(hello, '/');
  for (const [, p, headers] of reads) await autocannon(api, p, headers);
  const rows = [];
  for (const [label, p, headers] of reads) {
    const rounds = [];
    // A plain (uncompressed) answer of a kilobyte or more is also measured against the
    // hello-world sending a body of the same size, in the same round: the bytes cost the load
    // generator (on the same cores) and the kernel as much for one server as for the other.
    const bytes = headers ? 0 : await size(p);
    const sameSize = bytes >= 1024 ? `/bytes/${bytes}` : null;
    for (let i = 0; i < ROUNDS; i++) {
      const h = await autocannon(hello, '/');
      sample();
      const r = await autocannon(api, p, headers);
      sample();
      const s = sameSize ? await autocannon(hello, sameSize) : null;
      if (s) sample();
      rounds.push({ h, r, s, ratio: r.rps / h.rps, sameRatio: s ? r.rps / s.rps : null });
    }
    const row = {
      label,
      bytes: headers ? '' : bytes,
      same: sameSize ? median(rounds.map((x) => x.sameRatio)) : null,
      sameCpu: sameSize ? median(rounds.map((x) => x.s.cpuUs)) : null,
      rps: median(rounds.map((x) => x.r.rps)),
      hello: median(rounds.map((x) => x.h.rps)),
      ratio: median(rounds.map((x) => x.ratio)),
      spread: `${Math.min(...rounds.map((x) => x.ratio)).toFixed(2)}–${Math.max(...rounds.map((x) => x.ratio)).toFixed(2)}`,
      cpu: median(rounds.map((x) => x.r.cpuUs)),
      helloCpu: median(rounds.map((x) => x.h.cpuUs)),
      p50: median(rounds.map((x) => x.r.p50)),
      p99: median(rounds.map((x) => x.r.p99)),
      other: rounds.reduce((n, x) => n + x.r.other, 0),
    };
    rows.push(row);
    console.log(
      `${label}: ${row.rps.toFixed(0)} req/s vs hello-world ${row.hello.toFixed(0)} req/s, ratio ${row.ratio.toFixed(2)} (rounds ${row.spread}); CPU ${row.cpu.toFixed(0)} µs vs ${row.helloCpu.toFixed(0)} µs a request${row.same !== null ? `; vs a same-size hello-world ${row.same.toFixed(2)} (its CPU ${row.sameCpu.toFixed(0)} µs)` : ''}${row.other ? `; ${row.other} not 2xx/304` : ''}`,
    );
  }
  console.log(
    '\n| read | body bytes | req/s | hello-world req/s | ratio (median; rounds) | server CPU a request (hello-world) | ratio to a same-size hello-world (its CPU) | p50 / p99 |\n|---|---|---|---|---|---|---|---|',
  );
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.bytes} | ${r.rps.toFixed(0)} | ${r.hello.toFixed(0)} | **${r.ratio.toFixed(2)}** (${r.spread}) | ${r.cpu.toFixed(0)} µs (${r.helloCpu.toFixed(0)} µs) | ${r.same !== null ? `${r.same.toFixed(2)} (${r.sameCpu.toFixed(0)} µs)` : ''} | ${r.p50} / ${r.p99} ms |`,
    );
  console.log(
    `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${ROUNDS} rounds of ${SECONDS} s each, ${CONNECTIONS} connections, load average (1 min) during the run ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, ${new Date().toISOString()}`,
  );
} finally {
  hello?.stop();
  await api?.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
