// Benchmark: the public registry search on PostgreSQL with 20,000 organisations under 50
// concurrent connections. Usage: node bench/registry-search.mjs [seconds]
import os from 'node:os';
import pg from 'pg';
import { fmt, runLoad } from './lib/load.mjs';
import { insertOrganizations } from './lib/scale-data.mjs';
import { benchDatabaseName, build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 20);
const ORGS = 20_000;
const DB = benchDatabaseName('registry');

build();
const url = await freshDatabase(DB);
// The request limit out of the way: this measures the search, not one address's limit.
const api = await startApi(url, 3101, { RATE_LIMIT_ANONYMOUS_MAX: '10000000' });
try {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Names built from syllables (bench/lib/scale-data.mjs): a two-syllable word shared by a few
  // dozen organisations and a three-syllable word that is nearly unique.
  await insertOrganizations(client, ORGS);
  await client.end();

  const q = (s) => `q=${encodeURIComponent(s)}`;
  const queries = [
    q('кало'), // a common first word
    q('калотемі'), // a nearly unique word
    q('калтемі'), // the same with a letter missing
    q('кало ратема'), // two words, the second misspelt
    q('kalo'),
    q('Kalotemi NGO'),
    q('допомагає'), // a description word shared by every organisation
    'district=obolonskyi',
    'activity=health&targetGroup=veterans',
    `${q('громада')}&district=podilskyi&sort=name`,
    'sort=newest&offset=200',
    'legalForm=other&limit=50',
  ];
  const mixes = [
    ['names, typos and filters', queries.filter((x) => x !== q('допомагає'))],
    ['the same plus a word every organisation shares (допомагає)', queries],
  ];
  for (const [label, mix] of mixes) {
    const result = await runLoad({
      base: api.url,
      connections: 50,
      seconds: SECONDS,
      request: (i) => ({ path: `/api/v1/organizations?${mix[i % mix.length]}` }),
    });
    console.log(`registry search, ${ORGS} organisations, 50 connections, ${SECONDS} s, ${label}:`);
    console.log(`  ${fmt(result)}`);
  }
  // Open loop (issue 12): the same mix offered at 50 requests/s, as visitors arrive, whatever the
  // answers' pace; once with the answer cache (the API as it runs) and once without it
  // (PUBLIC_CACHE_ENTRIES=0), which shows the bound on ranking alone.
  const { runOpenLoop } = await import('./lib/open-loop.mjs');
  const { summarize } = await import('./lib/load.mjs');
  const uncached = await startApi(url, 3102, {
    PUBLIC_CACHE_ENTRIES: '0',
    RATE_LIMIT_ANONYMOUS_MAX: '10000000',
  });
  try {
    for (const [label, target] of [
      ['answer cache on', api],
      ['answer cache off', uncached],
    ]) {
      const run = await runOpenLoop({
        base: target.url,
        rate: 50,
        seconds: SECONDS,
        request: (i) => ({ path: `/api/v1/organizations?${queries[i % queries.length]}` }),
      });
      // In the order sent (answers arrive in any order), so the i-th result is the i-th query.
      run.results.sort((a, b) => a.at - b.at);
      const ok = (rs) => rs.filter((r) => r.status === 200).map((r) => r.ms);
      const all = summarize(ok(run.results), run.seconds);
      const word = summarize(
        ok(run.results.filter((_, i) => queries[i % queries.length] === q('допомагає'))),
        run.seconds,
      );
      const failed = run.results.filter((r) => r.status !== 200).length;
      console.log(
        `registry search, open loop 50 req/s, ${SECONDS} s, every shape incl. допомагає, ${label}:`,
      );
      console.log(
        `  sent ${run.sent} (skipped ${run.skipped}), ${all.requests} answered 200, ${failed} other; p50 ${all.p50.toFixed(1)} ms, p95 ${all.p95.toFixed(1)} ms, p99 ${all.p99.toFixed(1)} ms, max ${all.max.toFixed(1)} ms`,
      );
      console.log(
        `  допомагає alone: p50 ${word.p50.toFixed(1)} ms, p95 ${word.p95.toFixed(1)} ms, p99 ${word.p99.toFixed(1)} ms`,
      );
      for (const shape of queries) {
        const s = summarize(
          ok(run.results.filter((_, i) => queries[i % queries.length] === shape)),
          run.seconds,
        );
        console.log(
          `    ${decodeURIComponent(shape)}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await uncached.stop();
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
  );
} finally {
  await api.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
