// Process concerns only: configuration, logger, database, listen, graceful close.
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/demo-seed';
import { DEMO_VOLUNTEERS, demoVolunteerEmail } from './db/demo-volunteering';

/** Pending connections the kernel may queue for this process (see listen below). */
const LISTEN_BACKLOG = 4096;

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
];

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const prepared = await prepareDatabase(config);
  const app = await buildApp({
    config,
    db: prepared.handle.db,
    logger: { level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' } },
  });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await prepared.handle.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  // Connections waiting to be accepted: Node's default (511) overflows when hundreds of visitors
  // connect at once to a busy process, and the kernel drops their handshakes, which clients retry
  // only after 1, 3, 7 s — slower than any refusal. The kernel caps this at net.core.somaxconn.
  await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const lines = [
    '',
    `Vcentri is running at ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${prepared.handle.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
  ];
  if (prepared.migrated.length) lines.push(`  Migrations applied: ${prepared.migrated.join(', ')}`);
  if (prepared.adminCreated) lines.push(`  City administrator created: ${config.adminEmail}`);
  if (config.demoData) {
    lines.push(`  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.role.padEnd(15)} ${a.email}`);
    lines.push(
      `    ${'volunteers'.padEnd(15)} ${demoVolunteerEmail(DEMO_VOLUNTEERS[0]!.key)} … ${demoVolunteerEmail(DEMO_VOLUNTEERS.at(-1)!.key)}`,
    );
  }
  lines.push('  Stop with Ctrl+C.', '');
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error('Vcentri failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
