// Benchmark: the public registry search on PostgreSQL with 20,000 organisations under 50
// concurrent connections. Usage: node bench/registry-search.mjs [seconds]
import os from 'node:os';
import pg from 'pg';
import { fmt, runLoad } from './lib/load.mjs';
import { build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 20);
const ORGS = 20_000;
// A name of this run's own: the bench creates it and drops only it.
const DB = `vcentri_bench_registry_${process.pid}_${Date.now()}`;

build();
const url = await freshDatabase(DB);
// The request limit out of the way: this measures the search, not one address's limit.
const api = await startApi(url, 3101, { RATE_LIMIT_ANONYMOUS_MAX: '10000000' });
try {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Names built from syllables: a two-syllable word shared by a few dozen organisations and a
  // three-syllable word that is nearly unique, so queries match as selectively as real names do.
  await client.query(`
    with syl as (
      select array['ка','ло','ми','ра','те','ні','во','да','ся','ко','лі','ну','бе','ре','го','ди','жа','зо','пі','ту','фе','ха','це','чу','ша','ві','ма','ле','со','ян'] uk,
             array['ka','lo','my','ra','te','ni','vo','da','sia','ko','li','nu','be','re','ho','dy','zha','zo','pi','tu','fe','kha','tse','chu','sha','vi','ma','le','so','ian'] en,
             array['holosiivskyi','darnytskyi','desnianskyi','dniprovskyi','obolonskyi','pecherskyi','podilskyi','sviatoshynskyi','solomianskyi','shevchenkivskyi'] districts,
             array['education','culture','social_support','health','environment','human_rights','veterans_support','youth_work','sport','digital_skills'] acts,
             array['children','youth','older_people','veterans','idps','families','women','students'] groups
    ), n as (
      select i, (i * 7919) % 900 a, (i * 104729) % 27000 b from generate_series(1, ${ORGS}) i
    )
    insert into organizations (name_uk, name_en, status, district, legal_form, address, activities, target_groups,
                               description_uk, description_en, verified_at, updated_at)
    select 'ГО «' || initcap(uk[1 + a / 30] || uk[1 + a % 30]) || ' ' || initcap(uk[1 + b / 900] || uk[1 + (b / 30) % 30] || uk[1 + b % 30]) || '»',
           initcap(en[1 + a / 30] || en[1 + a % 30]) || ' ' || initcap(en[1 + b / 900] || en[1 + (b / 30) % 30] || en[1 + b % 30]) || ' NGO',
           case when i % 10 = 0 then 'submitted' else 'verified' end,
           districts[1 + i % 10], 'other', 'Київ, вул. Тестова, ' || i,
           array[acts[1 + i % 10], acts[1 + (i / 10) % 10]], array[groups[1 + i % 8]],
           'Організація ' || uk[1 + a % 30] || uk[1 + b % 30] || ' працює у районі та допомагає мешканцям: освіта, культура, підтримка.',
           'The organisation works in the district and helps residents: education, culture, support.',
           now() - (i || ' minutes')::interval, now()
    from syl, n`);
  await client.query('analyze organizations');
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
