// Starts the built API against a fresh PostgreSQL database for a benchmark, and removes both after.
// Every run makes its own database (a unique name) and drops only what it made, so two people
// benchmarking on one PostgreSQL never wipe each other's.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The JWT secret the bench gives the API; bench/lib/accounts.mjs signs access tokens with it. */
// A throwaway certificate signing key (a private JWK): required next to DATABASE_URL.
const BENCH_SIGNING_KEY = JSON.stringify({
  ...crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
  // A kid of its own: a kept database (BENCH_REUSE) already lists an earlier run's key.
  kid: `bench-${process.pid}-${Date.now()}`,
});
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database name no other run uses: `vcentri_bench_<label>_<pid>_<time>`. */
export function benchDatabaseName(label) {
  return `vcentri_bench_${label}_${process.pid}_${Date.now()}`;
}

// The databases this process created: the only ones `dropDatabase` removes.
const created = new Set();

/**
 * Creates the database `name` (use `benchDatabaseName`) and returns its URL. A database of that
 * name that already exists is someone else's: the bench stops instead of replacing it.
 */
export async function freshDatabase(name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a bench database name: ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  created.add(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database this process created with `freshDatabase`; any other name is left alone. */
export async function dropDatabase(name) {
  if (!created.has(name)) {
    console.error(`not dropping ${name}: this run did not create it`);
    return;
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  created.delete(name);
}

export function build() {
  const res = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--api'], {
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error('build failed');
}

export async function startApi(databaseUrl, port, extraEnv = {}) {
  // BENCH_API_NODE_ARGS: extra Node.js flags for the API, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'apps/api/dist/server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: BENCH_JWT_SECRET,
      CREDENTIAL_SIGNING_KEY: BENCH_SIGNING_KEY,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: '0',
      RATE_LIMIT_MAX: '10000000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Vcentri is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`API exited with ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
