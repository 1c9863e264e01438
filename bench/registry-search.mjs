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
const api = await startApi(url, 3101);
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
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
  );
} finally {
  await api.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
