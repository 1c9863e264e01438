// A small closed-loop load generator: N connections, each sending its next request as soon as
// the previous answer arrives, for a fixed time. Records every latency so percentiles are exact.
// Talks only to the address it is given (the benchmarks use 127.0.0.1).
import http from 'node:http';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/**
 * @param {object} o
 * @param {string} o.base  e.g. http://127.0.0.1:3100
 * @param {(i: number) => {method?: string, path: string, body?: string, headers?: object}} o.request
 * @param {number} o.connections
 * @param {number} o.seconds
 */
export async function runLoad({ base, request, connections, seconds, warmupSeconds = 2 }) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  const statuses = {};
  let counter = 0;
  let recording = false;
  const send = (spec) =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: spec.path,
          method: spec.method ?? 'GET',
          agent,
          headers: { 'content-type': 'application/json', ...(spec.headers ?? {}) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            if (recording) {
              latencies.push(ms);
              statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (recording) statuses.error = (statuses.error ?? 0) + 1;
        resolve();
      });
      if (spec.body) req.write(spec.body);
      req.end();
    });

  const loop = async (until) => {
    while (Date.now() < until) await send(request(counter++));
  };
  const warmEnd = Date.now() + warmupSeconds * 1000;
  await Promise.all(Array.from({ length: connections }, () => loop(warmEnd)));
  recording = true;
  const start = Date.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, () => loop(end)));
  const elapsed = (Date.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    statuses,
  };
}

export const fmt = (r) =>
  `${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}`;
