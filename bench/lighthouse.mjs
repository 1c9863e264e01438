// Lighthouse (mobile: 4× slower CPU, slow 4G, 412 px) on the four pages issue 10 names — `/`,
// a room page, `/events` and the registry — against the built system with demo data. Runs each
// page several times, interleaved, and prints every run and each page's median.
//   node bench/lighthouse.mjs [runs per page]      (default 3)
// Lighthouse is not a dependency: LIGHTHOUSE=<path to its cli> or it is fetched with npx
// (`lighthouse@12`). CHROMIUM_PATH for another browser (default /usr/bin/chromium).
// LIGHTHOUSE_NICE=-10 (as root) gives the browser priority over other work on a shared machine:
// on a phone the page has the CPU to itself, and the server is not on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startPortal } from './lib/portal.mjs';

const runs = Number(process.argv[2] ?? 3);
const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cli = process.env.LIGHTHOUSE ? [process.env.LIGHTHOUSE] : ['npx', '-y', 'lighthouse@12'];
const nice = process.env.LIGHTHOUSE_NICE ? ['nice', '-n', process.env.LIGHTHOUSE_NICE] : [];
const out = mkdtempSync(path.join(tmpdir(), 'vcentri-lighthouse-'));

/** One Lighthouse run; a run that fails to record its trace (NO_NAVSTART happens) is repeated. */
function lighthouse(url, file, attempts = 3) {
  const [command, ...args] = [...nice, ...cli];
  const r = spawnSync(
    command,
    [
      ...args,
      url,
      `--chrome-path=${chrome}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu',
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${file}`,
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) {
    if (attempts > 1) return lighthouse(url, file, attempts - 1);
    throw new Error(`lighthouse failed on ${url}`);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const a = report.audits;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
  };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
const portal = await startPortal('lighthouse');
try {
  const pages = {
    '/': '/',
    'a room page': `/rooms/${portal.firstRoom}`,
    '/events': '/events',
    '/registry': '/registry',
  };
  const results = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  console.log('run  page          load  perf  a11y    FCP    LCP  blocking  shift');
  for (let run = 1; run <= runs; run++) {
    for (const [name, url] of Object.entries(pages)) {
      const load = loadavg()[0];
      const r = lighthouse(portal.base + url, path.join(out, `${run}.json`));
      results[name].push(r);
      console.log(
        `${String(run).padStart(3)}  ${name.padEnd(12)} ${load.toFixed(1).padStart(5)}  ${String(r.performance).padStart(4)}  ${String(r.accessibility).padStart(4)}  ${(r.fcp / 1000).toFixed(1).padStart(4)} s  ${(r.lcp / 1000).toFixed(1).padStart(4)} s  ${String(Math.round(r.tbt)).padStart(5)} ms  ${r.cls.toFixed(3)}`,
      );
    }
  }
  console.log('\nmedian of each page (range of performance):');
  for (const [name, rs] of Object.entries(results)) {
    const perf = rs.map((r) => r.performance);
    console.log(
      `  ${name.padEnd(12)} performance ${median(perf)} (${Math.min(...perf)}–${Math.max(...perf)}), accessibility ${median(rs.map((r) => r.accessibility))}, LCP ${(median(rs.map((r) => r.lcp)) / 1000).toFixed(1)} s, blocking ${Math.round(median(rs.map((r) => r.tbt)))} ms, shift ${median(rs.map((r) => r.cls)).toFixed(3)}`,
    );
  }
} finally {
  await portal.stop();
  rmSync(out, { recursive: true, force: true });
}
