// The API as a real process (src/server.ts through tsx), the way an operator runs it: for tests of
// what happens to the process itself — a database that goes away, replicas that start together.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { TEST_SIGNING_KEY } from './helper';

const API_DIR = path.resolve(import.meta.dirname, '..');

export interface ApiProcess {
  /** http://127.0.0.1:port, once it printed that it runs. */
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its exit code or signal once it ended, else null. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  stop(): Promise<void>;
}

/**
 * Starts the API with the given environment on a free port and resolves once it prints
 * "Vcentri is running at URL"; rejects with its output if it exits or stays silent too long.
 */
export function startApiProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? API_DIR,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '/nonexistent',
      CREDENTIAL_SIGNING_KEY: JSON.stringify(TEST_SIGNING_KEY),
      // Tests fire bursts of simultaneous requests (races) on a machine busy with other tests:
      // load refusals (503 overloaded) are off unless a test sets them, as in helper.ts.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      DATABASE_MAX_WAITING: '0',
      DATABASE_MAX_WAIT_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    // Enough to explain a failure; a long outage logs a warning per refused request.
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const m = /Vcentri is running at (http:\/\/\S+)/.exec(output);
      if (!m?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        url: m[1],
        child,
        output: () => output,
        exited: () => exit,
        stop: async () => {
          if (exit) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exitedPromise;
          clearTimeout(killer);
        },
      });
    };
    child.stdout.on('data', onData);
    void exitedPromise.then(() => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${JSON.stringify(exit)}) before it started:\n${output}`));
    });
  });
}
