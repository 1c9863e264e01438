// Benchmark: the public registry search on PostgreSQL with 20,000 organisations under 50
// concurrent connections. Usage: node bench/registry-search.mjs [seconds]
import os from 'node:os';
import pg from 'pg';
import { fmt, runLoad } from './lib/load.mjs';
import { build, dropDatabase, freshDatabase, startApi } from './lib/server.mjs';

const SECONDS = Number(process.argv[2] ?? 20);
const ORGS = 20_000;
const DB = 'vcentri_bench_registry';

build();
const url = await freshDatabase(DB);
const api = await startApi(url, 3101);
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
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
  );
} finally {
  await api.stop();
  if (!process.env.BENCH_KEEP) await dropDatabase(DB);
}
