// The only reader of process.env: validated once at boot, then frozen.
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIST_COUNT_CAP } from './modules/list-count';

export interface Config {
  /** postgres://… for a PostgreSQL server; null means the embedded database in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /**
   * A rotated refresh token presented again within this many seconds (two tabs refreshing at
   * once) gets a new token in the same family instead of ending it. 0 disables the grace.
   */
  refreshReuseGraceSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  corsOrigins: string[];
  trustProxy: boolean;
  logLevel: string;
  webDistDir: string | null;
  /**
   * Failed log-ins per account within loginWindowSeconds: the address that made them is then
   * refused for this account (429); other addresses are slowed down, never locked out.
   */
  loginMaxFailuresPerAccount: number;
  /** Failed log-ins allowed per client address (any accounts) within loginWindowSeconds before 429. */
  loginMaxPerAddress: number;
  loginWindowSeconds: number;
  /** The cap of the growing delay (1 s, 2 s, 4 s, …) between attempts on an account past its limit. */
  loginMaxDelaySeconds: number;
  /** How many minutes before an event's start staff may begin checking people in. */
  checkInOpensMinutes: number;
  /** API requests per minute per signed-in account (verified access token), across all processes. */
  rateLimitMax: number;
  /** API requests per minute per client address without a valid access token, across all processes. */
  rateLimitAnonymousMax: number;
  /**
   * A request's headers and body must arrive within this many seconds, else 408 and the
   * connection is closed (slowly trickled bodies hold a socket and a file descriptor each).
   */
  requestTimeoutSeconds: number;
  /**
   * Open connections allowed from one client address (IPv6: one /64); more are closed at once.
   * 0 turns the cap off. Counted on the socket's address, so behind a proxy it counts the proxy.
   */
  connectionsPerAddressMax: number;
  /** smtp://user:pass@host:587 (or smtps://…): every notification is also e-mailed. Null: in-app only. */
  smtpUrl: string | null;
  /** The From of those e-mails. */
  mailFrom: string;
  /** How often the job worker looks for due jobs. */
  jobsPollIntervalMs: number;
  /** The private JWK (ES256 or EdDSA, with a `kid`) that signs certificates' credentials. */
  credentialSigningKey: CredentialSigningKey;
  /**
   * The portal's public address (https://vcentri.kyiv.ua), used in certificates' verification
   * links and credential ids; null: the address the request came to.
   */
  publicUrl: string | null;
  /** The open-data contact e-mail in the DCAT catalogue (OPEN_DATA_CONTACT_EMAIL). */
  openDataContactEmail: string;
  /** Public certificate verifications per minute per client address (or account). */
  credentialVerifyRateLimit: number;
  /**
   * Mean event-loop delay (ms, over the last half second) above which API requests are refused
   * with 503 `overloaded` until it falls again; 0 turns the check off (the embedded default).
   */
  maxEventLoopDelayMs: number;
  /**
   * API requests are refused with 503 `overloaded` while this many database calls already wait
   * for a pooled connection (PostgreSQL only); 0 turns the bound off.
   */
  databaseMaxWaiting: number;
  /**
   * API requests are refused with 503 `overloaded` while a database call has already waited this
   * long (ms) for a pooled connection (PostgreSQL only): a bound on the queue's delay, not its
   * length, so the requests that are taken are not late too; 0 turns it off.
   */
  databaseMaxWaitMs: number;
  /** Days an audit entry keeps the client's address; then it is dropped (AUDIT_IP_RETENTION_DAYS). */
  auditIpRetentionDays: number;
  /** Days a prepared data export can be downloaded; then it is purged (DATA_EXPORT_DAYS). */
  dataExportDays: number;
  /** Days after which an account never used (nothing in it, no sign-in) is erased (UNUSED_ACCOUNT_DAYS). */
  unusedAccountDays: number;
  /** Lists of bookings and events count matches exactly up to this many, then say "more than". */
  listCountCap: number;
  /**
   * Answers of public reads kept in memory (plugins/public-cache.ts), at most this many; 0 turns
   * the cache off (every request is answered from the database, still with ETag and 304).
   */
  publicCacheEntries: number;
  /** How often each process reads the data versions when no notification arrives, in ms. */
  dataVersionPollMs: number;
  /**
   * Principals of access tokens kept in memory per process (plugins/auth.ts), at most this many;
   * 0 turns the cache off (every authenticated request reads the account from the database).
   */
  principalCacheEntries: number;
  /** PostgreSQL `statement_timeout` of every request's statement, in ms; 0: none. */
  databaseStatementTimeoutMs: number;
  /**
   * Whether the hot statements go as named prepared statements (db/database.ts); off behind a
   * pooler that hands a session's statements to other server connections (transaction pooling).
   */
  databasePreparedStatements: boolean;
}

/** A private JWK as `crypto.createPrivateKey` takes it, with its key id and algorithm. */
export interface CredentialSigningKey {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  kty: string;
  crv: string;
  x: string;
  y?: string;
  d: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0`);
}

/** The embedded mode keeps one generated signing key next to its database, so tokens survive restarts. */
function embeddedJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Reads a private JWK: EC P-256 (ES256) or OKP Ed25519 (EdDSA), with a `kid`. */
export function parseSigningKey(raw: string, name: string): CredentialSigningKey {
  let jwk: Record<string, unknown>;
  try {
    jwk = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} must be a private JWK in JSON`);
  }
  const alg =
    jwk.kty === 'EC' && jwk.crv === 'P-256'
      ? 'ES256'
      : jwk.kty === 'OKP' && jwk.crv === 'Ed25519'
        ? 'EdDSA'
        : null;
  if (!alg) throw new ConfigError(`${name} must be an EC P-256 or OKP Ed25519 JWK`);
  if (typeof jwk.kid !== 'string' || !/^[\w.-]{1,64}$/.test(jwk.kid))
    throw new ConfigError(`${name} needs a "kid" of 1–64 letters, digits, dots, dashes or underscores`);
  if (jwk.alg !== undefined && jwk.alg !== alg) throw new ConfigError(`${name}: "alg" must be ${alg}`);
  try {
    createPrivateKey({ key: jwk as never, format: 'jwk' });
  } catch {
    throw new ConfigError(`${name} is not a usable private key (is "d" there?)`);
  }
  return { ...(jwk as unknown as CredentialSigningKey), alg };
}

/** A new ES256 signing key; its kid carries the day it was made, so rotations read in order. */
export function newSigningKey(now = new Date()): CredentialSigningKey {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const kid = `${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  return { kid, alg: 'ES256', kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, d: jwk.d! };
}

/** Like the JWT secret: the embedded mode makes its credential signing key once and keeps it. */
function embeddedSigningKey(dataDir: string): CredentialSigningKey {
  const file = path.join(dataDir, 'credential-signing-key.json');
  if (existsSync(file)) return parseSigningKey(readFileSync(file, 'utf8'), file);
  mkdirSync(dataDir, { recursive: true });
  const key = newSigningKey();
  writeFileSync(file, `${JSON.stringify(key)}\n`, { mode: 0o600 });
  return key;
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must start with postgres://');
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');
  let jwtSecret = env.JWT_SECRET?.trim() || overrides.jwtSecret || '';
  if (!jwtSecret) {
    if (databaseUrl) throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
    jwtSecret = embeddedJwtSecret(dataDir);
  }
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const rawSigningKey = env.CREDENTIAL_SIGNING_KEY?.trim();
  let credentialSigningKey = overrides.credentialSigningKey;
  if (!credentialSigningKey) {
    if (rawSigningKey) credentialSigningKey = parseSigningKey(rawSigningKey, 'CREDENTIAL_SIGNING_KEY');
    else if (databaseUrl)
      throw new ConfigError('CREDENTIAL_SIGNING_KEY is required when DATABASE_URL is set');
    else credentialSigningKey = embeddedSigningKey(dataDir);
  }
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '') || null;
  if (publicUrl && !/^https?:\/\/[^/?#]+$/.test(publicUrl))
    throw new ConfigError('PUBLIC_URL must be an origin such as https://vcentri.kyiv.ua');
  const openDataContactEmail = env.OPEN_DATA_CONTACT_EMAIL?.trim() || 'opendata@vcentri.kyiv.ua';
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(openDataContactEmail))
    throw new ConfigError('OPEN_DATA_CONTACT_EMAIL must be an e-mail address');
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null))
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD go together');

  const config: Config = {
    databaseUrl,
    dataDir,
    port: intVar(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    jwtSecret,
    jwtIssuer: 'vcentri',
    jwtAudience: 'vcentri-api',
    accessTokenTtlSeconds: intVar(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 10, 900),
    refreshTokenTtlSeconds: intVar(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60, 90 * 24 * 3600),
    refreshReuseGraceSeconds: intVar(env, 'REFRESH_REUSE_GRACE_SECONDS', 10, 0, 60),
    adminEmail,
    adminPassword,
    demoData: boolVar(env, 'DEMO_DATA', databaseUrl === null),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: boolVar(env, 'TRUST_PROXY', false),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    webDistDir: env.WEB_DIST_DIR?.trim() || null,
    loginMaxFailuresPerAccount: intVar(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxPerAddress: intVar(env, 'LOGIN_MAX_PER_ADDRESS', 20, 1, 100000),
    loginWindowSeconds: intVar(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    loginMaxDelaySeconds: intVar(env, 'LOGIN_MAX_DELAY_SECONDS', 60, 1, 3600),
    rateLimitMax: intVar(env, 'RATE_LIMIT_MAX', 600, 1, 10_000_000),
    checkInOpensMinutes: intVar(env, 'CHECK_IN_OPENS_MINUTES', 120, 0, 7 * 24 * 60),
    rateLimitAnonymousMax: intVar(env, 'RATE_LIMIT_ANONYMOUS_MAX', 6000, 1, 10_000_000),
    requestTimeoutSeconds: intVar(env, 'REQUEST_TIMEOUT_SECONDS', 30, 1, 3600),
    // Behind a proxy every connection comes from the proxy, so the cap is off unless set.
    connectionsPerAddressMax: intVar(
      env,
      'CONNECTIONS_PER_ADDRESS_MAX',
      boolVar(env, 'TRUST_PROXY', false) ? 0 : 1000,
      0,
      1_000_000,
    ),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Vcentri <no-reply@vcentri.kyiv.ua>',
    jobsPollIntervalMs: intVar(env, 'JOBS_POLL_INTERVAL_MS', 1000, 10, 3_600_000),
    credentialSigningKey,
    publicUrl,
    openDataContactEmail,
    credentialVerifyRateLimit: intVar(env, 'CREDENTIAL_VERIFY_RATE_LIMIT', 30, 1, 100_000),
    // The embedded database runs its statements on the event loop, so there one slow statement
    // reads as a stalled loop and would refuse the next requests: off unless set.
    maxEventLoopDelayMs: intVar(env, 'MAX_EVENT_LOOP_DELAY_MS', databaseUrl ? 200 : 0, 0, 60_000),
    databaseMaxWaiting: intVar(env, 'DATABASE_MAX_WAITING', 50, 0, 100_000),
    databaseMaxWaitMs: intVar(env, 'DATABASE_MAX_WAIT_MS', 250, 0, 60_000),
    auditIpRetentionDays: intVar(env, 'AUDIT_IP_RETENTION_DAYS', 90, 1, 3650),
    dataExportDays: intVar(env, 'DATA_EXPORT_DAYS', 7, 1, 90),
    unusedAccountDays: intVar(env, 'UNUSED_ACCOUNT_DAYS', 365, 30, 3650),
    databaseStatementTimeoutMs: intVar(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 0, 3_600_000),
    databasePreparedStatements: boolVar(env, 'DATABASE_PREPARED_STATEMENTS', true),
    listCountCap: intVar(env, 'LIST_COUNT_CAP', DEFAULT_LIST_COUNT_CAP, 1, 1_000_000),
    publicCacheEntries: intVar(env, 'PUBLIC_CACHE_ENTRIES', 2000, 0, 1_000_000),
    dataVersionPollMs: intVar(env, 'DATA_VERSION_POLL_MS', 2000, 50, 3_600_000),
    principalCacheEntries: intVar(env, 'PRINCIPAL_CACHE_ENTRIES', 10_000, 0, 1_000_000),
    ...overrides,
  };
  return Object.freeze(config);
}
