// Overload on PostgreSQL: (1) the capacity of a mid-weight public read (`GET /hubs`, demo data)
// in a closed loop, (2) five times that rate offered in an open loop for a while, recording what
// was accepted (200) and refused (503 `overloaded` + Retry-After), the latencies of the accepted
// ones and of `/health` probed every 200 ms meanwhile, and (3) how soon after the load stops a
// request is served again at its idle latency. The open loop runs in a worker thread, so the health
// probe's clock is not the generator's busy event loop.
// Usage: node bench/overload.mjs [overload seconds] [factor] [max in flight]
import crypto from 'node:crypto';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fmt, httpClient, runLoad, summarize } from './lib/load.mjs';
import { runOpenLoop } from './lib/open-loop.mjs';
import { build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const PATH = '/api/v1/hubs';
// Visitors from many addresses (behind a trusted proxy), as a public read has them: from one
// address every request's request-limit count would update one row, and those updates queue on
// its lock (a finding of its own, see bench/README.md).
const visitor = (i) => ({
  path: PATH,
  headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
});

if (!isMainThread) {
  const { base, rate, seconds, maxInFlight } = workerData;
  const r = await runOpenLoop({ base, rate, seconds, maxInFlight, request: (i) => visitor(i % 5000) });
  parentPort.postMessage(r);
} else {
  const SECONDS = Number(process.argv[2] ?? 20);
  const FACTOR = Number(process.argv[3] ?? 5);
  // Connections the generator may have open (a request due while all are busy is not sent): many
  // like browsers, or a few like a reverse proxy's upstream pool.
  const MAX_IN_FLIGHT = Number(process.argv[4] ?? 800);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const ms = (x) => `${x.toFixed(1)} ms`;

  // A name of this run's own: the bench creates it, and drops only it.
  const DB = `vcentri_bench_overload_${crypto.randomBytes(4).toString('hex')}`;
  build();
  const url = await freshDatabase(DB);
  // Request limits out of the way: this measures load, not the per-address limit.
  const api = await startApi(url, 3107, {
    DEMO_DATA: '1',
    RATE_LIMIT_ANONYMOUS_MAX: '10000000',
    TRUST_PROXY: '1',
  });
  const out = [
    `${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, PostgreSQL on 127.0.0.1, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}`,
  ];
  try {
    // Idle latency: one request at a time.
    const one = httpClient(api.url, 1);
    for (let i = 0; i < 20; i++) await one.send({ path: PATH });
    const idle = [];
    for (let i = 0; i < 50; i++) idle.push((await one.send({ path: PATH })).ms);
    const idleSummary = summarize(idle, 1);
    const normal = Math.max(2 * idleSummary.p99, 20);
    out.push(`idle, one request at a time: p50 ${ms(idleSummary.p50)}, p99 ${ms(idleSummary.p99)}`);

    // (1) capacity: a closed loop of 20 connections.
    const cap = await runLoad({
      base: api.url,
      connections: 20,
      seconds: 8,
      request: () => ({ path: PATH }),
    });
    out.push(`capacity, closed loop, 20 connections, 8 s: ${fmt(cap)}`);
    const rate = Math.round(cap.rps * FACTOR);

    // (2) the overload, with health probed every 200 ms on a connection of its own.
    const health = [];
    let probing = true;
    const probe = (async () => {
      const h = httpClient(api.url, 1);
      while (probing) {
        const r = await h.send({ path: '/api/v1/health' });
        health.push(r);
        await sleep(Math.max(0, 200 - r.ms));
      }
      h.close();
    })();
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { base: api.url, rate, seconds: SECONDS, maxInFlight: MAX_IN_FLIGHT },
    });
    const load = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    probing = false;
    await probe;
    const accepted = load.results.filter((r) => r.status === 200).map((r) => r.ms);
    const refused = load.results.filter((r) => r.status === 503).map((r) => r.ms);
    const statuses = {};
    for (const r of load.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const acc = summarize(accepted, load.seconds);
    const ref = summarize(refused, load.seconds);
    const hOk = health.filter((r) => r.status === 200).length;
    const hs = summarize(
      health.map((r) => r.ms),
      1,
    );
    out.push(
      `offered ${FACTOR}× = ${rate} req/s open loop for ${SECONDS} s: ${load.sent} sent (${(load.sent / load.seconds).toFixed(0)}/s), ${load.skipped} not sent (generator's in-flight cap), statuses ${JSON.stringify(statuses)}`,
      `  accepted (200): ${acc.requests} = ${acc.rps.toFixed(0)} req/s, p50 ${ms(acc.p50)}, p95 ${ms(acc.p95)}, p99 ${ms(acc.p99)}, max ${ms(acc.max)}`,
      `  refused (503): ${ref.requests} = ${ref.rps.toFixed(0)} req/s, p50 ${ms(ref.p50)}, p99 ${ms(ref.p99)}`,
      `  health every 200 ms: ${hOk}/${health.length} answered 200, p50 ${ms(hs.p50)}, p99 ${ms(hs.p99)}, max ${ms(hs.max)}`,
    );
    // Accepted requests per second over the run: does it keep serving all along?
    const perSecond = Array.from({ length: Math.ceil(load.seconds) }, () => [0, 0]);
    for (const r of load.results) {
      const s = perSecond[Math.min(perSecond.length - 1, Math.floor(r.at / 1000))];
      if (r.status === 200) s[0]++;
      else if (r.status === 503) s[1]++;
    }
    out.push(`  per second, accepted/refused: ${perSecond.map(([a, b]) => `${a}/${b}`).join(' ')}`);

    // (3) recovery: the requests in flight when the load stopped are answered (drain); from then,
    // one request at a time until one is served within twice the idle p99 (at least 20 ms).
    // A loop, not Math.max(...): a fast machine answers more requests than a call takes arguments.
    const lastAnswer = load.results.reduce((m, r) => Math.max(m, r.at + r.ms), 0);
    out.push(
      `  the last answer came ${ms(Math.max(0, lastAnswer - load.seconds * 1000))} after the load stopped`,
    );
    const stopped = performance.now();
    let recovery = null;
    let tries = 0;
    while (performance.now() - stopped < 30_000) {
      const r = await one.send({ path: PATH });
      tries++;
      if (r.status === 200 && r.ms <= normal) {
        recovery = performance.now() - stopped;
        break;
      }
      await sleep(10);
    }
    one.close();
    out.push(
      recovery === null
        ? 'recovery: not within 30 s'
        : `recovery: a request served within ${ms(normal)} after ${ms(recovery)} (${tries} tries)`,
    );
    console.log(out.join('\n'));
  } catch (err) {
    console.error('benchmark failed:', err);
    process.exitCode = 1;
  } finally {
    await api.stop();
    // Only the database this run created.
    if (process.env.BENCH_KEEP) console.log(`kept the database ${DB}`);
    else await dropDatabase(DB);
  }
}
