#!/usr/bin/env node
// Builds what is missing or older than its sources: the API bundle and the web portal.
// `--force` rebuilds both; `--api` only the API. Used by `pnpm start`, `pnpm build`, `pnpm migrate` and `pnpm test:e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const apiOnly = process.argv.includes('--api');

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

function stale(output, inputs) {
  if (force || !existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((i) => newest(path.join(root, i)) > built);
}

function run(label, cwd, args) {
  console.log(`› building ${label}…`);
  const res = spawnSync(process.execPath, args, { cwd: path.join(root, cwd), stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`✗ building ${label} failed`);
    process.exit(res.status ?? 1);
  }
}

const shared = ['packages/shared/src'];
if (
  stale(path.join(root, 'apps/api/dist/server.js'), [
    'apps/api/src',
    'apps/api/migrations',
    'apps/api/build.mjs',
    ...shared,
  ])
) {
  run('the API', 'apps/api', ['build.mjs']);
}
if (
  !apiOnly &&
  stale(path.join(root, 'apps/web/dist/index.html'), [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'apps/web/public',
    ...shared,
  ])
) {
  run('the web portal', 'apps/web', [
    path.join(root, 'apps/web/node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
}
