// A PostgreSQL server of the test's own, built with the installed server's initdb in a temporary
// directory, on a free port, with its unix socket there too: restarting or killing it disturbs
// no one else's database.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The directory holding initdb, pg_ctl and postgres: PG_BIN_DIR, else the newest one installed. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  for (const root of ['/usr/lib/postgresql', '/usr/local/lib/postgresql']) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(root, v, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  return (
    candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b)))) ??
    null
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Alive and not a zombie: a killed postmaster nobody has reaped yet counts as gone. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return kids;
}

export interface DisposablePostgres {
  /** postgres://… to the `postgres` database of this server, over TCP. */
  url: string;
  port: number;
  /** The log of the server, for a failing test's message. */
  log(): string;
  /** `pg_ctl restart -m fast`: every connection is ended, the server comes back at once. */
  restartFast(): Promise<void>;
  /** `kill -9` of the postmaster, then waits for it and its orphaned backends to be gone. */
  killHard(): Promise<void>;
  /** Starts the server again (after killHard), retrying while the old one's remains linger. */
  start(): Promise<void>;
  /** Stops the server and removes every file it had. Safe to call twice. */
  destroy(): Promise<void>;
}

export async function startDisposablePostgres(binDir: string): Promise<DisposablePostgres> {
  const root = mkdtempSync(path.join(tmpdir(), 'vcentri-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const port = await freePort();
  // initdb refuses to run as root; then the server runs as the postgres account, owning the dir.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(root, uid, gid);
  }
  const pg = (bin: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, bin), ...args], { cwd: root })
      : run(path.join(binDir, bin), args, { cwd: root });
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${root}`,
    '-c max_connections=60',
    '-c shared_buffers=16MB',
    // Process crashes are what is tested, not power loss: the OS keeps what was written.
    '-c fsync=off',
  ].join(' ');
  const pgCtl = (action: string, extra: string[] = []) =>
    pg('pg_ctl', [action, '-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', serverOptions, ...extra]);
  const postmasterPid = () => {
    try {
      return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  };
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };

  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    const pid = postmasterPid();
    if (pid && isRunning(pid)) {
      await pg('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '20']).catch(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      });
    }
    rmSync(root, { recursive: true, force: true });
  };

  const start = async () => {
    let lastError: unknown;
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        await pgCtl('start');
        return;
      } catch (err) {
        // Backends of a killed postmaster may still hold its shared memory for a moment.
        lastError = err;
        await sleep(500);
      }
    }
    throw new Error(`PostgreSQL did not start again: ${String(lastError)}\n${log()}`);
  };

  try {
    await pg('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await start();
  } catch (err) {
    await destroy();
    throw err;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    log,
    restartFast: async () => {
      await pgCtl('restart', ['-m', 'fast']);
    },
    killHard: async () => {
      const pid = postmasterPid();
      if (!pid) throw new Error('PostgreSQL is not running');
      const backends = childrenOf(pid);
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 60_000;
      while ([pid, ...backends].some(isRunning)) {
        if (Date.now() > deadline) throw new Error('the killed server’s backends did not exit');
        await sleep(50);
      }
      // The pid file stays behind; an unreaped postmaster would make the new one think it runs.
      rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    },
    start,
    destroy,
  };
}
