// The whole system as a visitor meets it: built (API and portal), on an embedded database in a
// temporary directory, with its demo data. For the browser benches (page weight, Lighthouse).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './server.mjs';

/** Builds, starts, and resolves with `{ base, firstRoom, stop }` once it is listening. */
export async function startPortal(label) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const dataDir = mkdtempSync(path.join(tmpdir(), `vcentri-${label}-`));
  const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/server.js')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Vcentri is running at (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const hubs = await (await fetch(`${base}/api/v1/hubs`)).json();
  const rooms = await (await fetch(`${base}/api/v1/hubs/${hubs.items[0].id}/rooms`)).json();
  const firstRoom = (rooms.items ?? rooms)[0].id;
  return {
    base,
    firstRoom,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
