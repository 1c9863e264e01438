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
/**
 * A keep-alive HTTP client for `connections` parallel requests to `base`; `send(spec)` resolves to
 * the status (or 'error'), the latency in ms and, with `spec.read`, the parsed JSON body.
 */
export function httpClient(base, connections) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
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
          // A body is JSON; a request without one has no content type (the API refuses empty JSON).
          headers: { ...(spec.body ? { 'content-type': 'application/json' } : {}), ...(spec.headers ?? {}) },
        },
        (res) => {
          const chunks = [];
          if (spec.read) res.on('data', (c) => chunks.push(c));
          else res.resume();
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            let body = null;
            if (spec.read && chunks.length) {
              try {
                body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                body = null;
              }
            }
            resolve({ status: res.statusCode, ms, body });
          });
        },
      );
      req.on('error', () =>
        resolve({ status: 'error', ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
      if (spec.body) req.write(spec.body);
      req.end();
    });
  return { send, close: () => agent.destroy() };
}

/**
 * @param {object} o
 * @param {string} o.base  e.g. http://127.0.0.1:3100
 * @param {(i: number) => {method?: string, path: string, body?: string, headers?: object}} o.request
 * @param {number} o.connections
 * @param {number} o.seconds
 */
export async function runLoad({ base, request, connections, seconds, warmupSeconds = 2 }) {
  const client = httpClient(base, connections);
  const latencies = [];
  const statuses = {};
  let counter = 0;
  let recording = false;
  // Every answer, warm-up included (for costs measured over the whole run).
  let total = 0;
  const send = async (spec) => {
    const r = await client.send(spec);
    total++;
    if (!recording) return;
    if (r.status !== 'error') latencies.push(r.ms);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  };

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
  client.close();
  return { ...summarize(latencies, elapsed), statuses, total };
}

/** Count, rate and exact percentiles (ms) of the latencies recorded over `seconds`. */
export function summarize(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const fmt = (r) =>
  `${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}`;
