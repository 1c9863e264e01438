// An open-loop load generator: requests leave at a fixed rate whether or not earlier ones were
// answered, as real visitors arrive (a closed loop slows down with the server and so never
// overloads it). In-flight requests are capped so the generator cannot exhaust its own sockets;
// a request due while the cap is reached is not sent and counted as `skipped`.
import { httpClient } from './load.mjs';

/**
 * @param {object} o
 * @param {string} o.base  e.g. http://127.0.0.1:3100
 * @param {(i: number) => {method?: string, path: string, headers?: object}} o.request
 * @param {number} o.rate  requests per second offered
 * @param {number} o.seconds
 * @param {number} [o.maxInFlight]
 * @returns {Promise<{sent: number, skipped: number, seconds: number, results: {status: number|'error', ms: number, at: number}[]}>}
 *   `at` is when the request left, in ms from the start.
 */
export async function runOpenLoop({ base, request, rate, seconds, maxInFlight = 800 }) {
  const client = httpClient(base, maxInFlight);
  const results = [];
  let sent = 0;
  let skipped = 0;
  let inFlight = 0;
  let drained = () => {};
  const start = performance.now();
  const end = start + seconds * 1000;

  const fire = (spec) => {
    inFlight++;
    const t0 = performance.now();
    client.send(spec).then(({ status, ms }) => {
      results.push({ status, ms, at: t0 - start });
      inFlight--;
      if (inFlight === 0) drained();
    });
  };

  // Every few milliseconds, send what is due by now: the schedule, not the answers, sets the pace.
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.floor(((Math.min(now, end) - start) / 1000) * rate);
      while (sent + skipped < due) {
        if (inFlight >= maxInFlight) skipped++;
        else fire(request(sent++));
      }
      if (now >= end) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  if (inFlight > 0) await new Promise((resolve) => (drained = resolve));
  client.close();
  return { sent, skipped, seconds: elapsed, results };
}
