// Starts the built server on a free port with a fresh embedded database, and launches Debian's
// Chromium through playwright-core.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
export const ARTIFACTS = path.join(root, 'e2e/artifacts');

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = path.join(root, 'apps/api/dist/server.js');
  if (!existsSync(server)) throw new Error('Build first: node scripts/build.mjs');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vcentri-e2e-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [server], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // Journeys check what people do, on a CI machine that is busy on purpose; refusing work when
      // the event loop or the database queue lags is tested on its own
      // (apps/api/test/overload.test.ts).
      MAX_EVENT_LOOP_DELAY_MS: '0',
      DATABASE_MAX_WAIT_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 180_000);
    const check = () => {
      const m = out.match(/Vcentri is running at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  // A journey that meets a refused connection should say why: the server's end and last words.
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping)
      console.error(
        `The server at ${url} exited during the journey (${code ?? signal}):\n${out.slice(-4000)}`,
      );
  });
  return {
    url,
    output: () => out,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How long a page action or wait may take before the journey fails. Playwright's default is 30 s;
 * on a busy two-core machine a page the server builds from the database may take longer without
 * anything being wrong. Waits poll for what the page shows, so a right page passes at once.
 */
export const PAGE_TIMEOUT_MS = 90_000;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every context the journeys open gets the longer limit.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
    return context;
  };
  return browser;
}

/** Saves a screenshot under e2e/artifacts for a person to look at after a run. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Vcentri-demo-2026';

/** A JSON call to the running server's API, as a script (not the browser) makes it. */
export async function callApi<T>(
  server: RunningServer,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Logs a demo account in through the portal's log-in page. */
export async function logInAs(page: Page, server: RunningServer, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * A journey file's server (fresh embedded database) and browser: started before its tests, closed
 * after them. Read them through the getters once the tests run.
 */
export function useServerAndBrowser(env: Record<string, string> = {}) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: (): RunningServer => {
      if (!server) throw new Error('The server starts in beforeAll');
      return server;
    },
    browser: (): Browser => {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
  };
}
