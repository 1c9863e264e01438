// The whole application as one Fastify instance: external plugins, then app plugins, then the
// domain modules under /api/v1, then the built web portal for every other path.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import type { JobHandler } from './jobs/worker';
import actionPlanRoutes from './modules/action-plan/action-plan.routes';
import authRoutes from './modules/auth/auth.routes';
import bookingsRoutes from './modules/bookings/bookings.routes';
import eventsRoutes from './modules/events/events.routes';
import volunteeringRoutes from './modules/volunteering/volunteering.routes';
import wellKnownRoutes from './modules/certificates/well-known.routes';
import certificatesRoutes from './modules/certificates/certificates.routes';
import dashboardRoutes from './modules/dashboard/dashboard.routes';
import { KeyIdReusedError, publishKey } from './modules/certificates/keys';
import healthRoutes from './modules/health/health.routes';
import hubsRoutes from './modules/hubs/hubs.routes';
import openDataRoutes from './modules/open-data/open-data.routes';
import organizationsRoutes from './modules/organizations/organizations.routes';
import privacyRoutes from './modules/privacy/privacy.routes';
import reportsRoutes from './modules/reports/reports.routes';
import surveysRoutes from './modules/surveys/surveys.routes';
import { adminRoutes, meRoutes } from './modules/users/users.routes';
import authPlugin from './plugins/auth';
import { capConnectionsPerAddress, serverTimeouts } from './plugins/connections';
import idempotencyPlugin from './plugins/idempotency';
import jobsPlugin from './plugins/jobs';
import overloadPlugin from './plugins/overload';
import inputPlugin, { strictDateFormats } from './plugins/input';
import publicCachePlugin from './plugins/public-cache';
import problemPlugin, { clientErrorHandler, frameworkErrors, sendProblem } from './plugins/problem';
import rateLimitPlugin from './plugins/rate-limit';
import { lazyChildLogger } from './plugins/request-logger';
import securityHeadersPlugin from './plugins/security-headers';

export const API_PREFIX = '/api/v1';

export interface AppOptions {
  config: Readonly<Config>;
  db: Database;
  logger?: FastifyServerOptions['logger'];
  /** Job handlers by kind besides the app's own (see plugins/jobs.ts). */
  jobHandlers?: Record<string, JobHandler>;
}

/** Where the built portal lives: apps/web/dist, two levels up from this file in src/ or dist/. */
function defaultWebDist(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * Helmet's headers that apply to documents only (or are learnt from any one response, like HSTS),
 * plus Last-Modified, which an immutable, hash-named file never needs: left off the built assets.
 * `X-Content-Type-Options` and `Cross-Origin-Resource-Policy` stay, as they protect the files.
 */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'last-modified',
] as const;

/**
 * Helmet's headers that govern only what a document does, left off the API's answers (JSON, CSV,
 * PDF, calendar files). The API's answers keep the content security policy, HSTS, `nosniff`,
 * `X-Frame-Options` and `Cross-Origin-Resource-Policy` (OWASP's REST Security Cheat Sheet asks
 * for the first four on API answers; the last keeps another site from reading them).
 */
export const NOT_FOR_API_ANSWERS = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    // Each request's logger is made when it first logs (plugins/request-logger.ts).
    ...(opts.logger ? { childLoggerFactory: lazyChildLogger } : {}),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true }, onCreate: strictDateFormats },
    routerOptions: { ignoreTrailingSlash: true },
    ...serverTimeouts(config),
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  capConnectionsPerAddress(app.server, config.connectionsPerAddressMax);

  // Only JSON bodies; anything else is 415.
  app.removeContentTypeParser('text/plain');

  await app.register(problemPlugin);
  await app.register(inputPlugin);
  await app.register(securityHeadersPlugin, {
    helmet: {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      crossOriginEmbedderPolicy: false,
    },
    api: { prefix: `${API_PREFIX}/`, without: NOT_FOR_API_ANSWERS },
  });
  if (config.corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: config.corsOrigins, credentials: true });
  }
  // Before the request limit and auth, so a refused request costs no database work.
  await app.register(overloadPlugin, { config, db });
  await app.register(fastifyCookie);
  await app.register(rateLimitPlugin, { config, db });
  // After the request limit, before auth: a repeated public read is answered from memory here.
  await app.register(publicCachePlugin, { config, db });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vcentri API',
        version: '1.0.0',
        description:
          "Kyiv's Vcentri HUB network and the Registry of Civil Society Institutions. Errors are application/problem+json with a stable `code`.",
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { config, db });
  await app.register(idempotencyPlugin, { db, apiPrefix: API_PREFIX });
  await app.register(jobsPlugin, { config, db, handlers: opts.jobHandlers });

  await app.register(
    async (api) => {
      // API answers of a kilobyte or more (lists, open data, calendar feeds) go brotli or
      // gzip-compressed to a client that accepts it: a registry page's answer is 15 KB as JSON,
      // 5 KB compressed. Only here: the built portal's files come precompressed (below) or are too
      // small to be worth it. Request bodies are taken as sent only: a compressed upload is refused
      // (415) rather than inflated past the body limit.
      await api.register(fastifyCompress, {
        encodings: ['br', 'gzip'],
        threshold: 1024,
        requestEncodings: ['identity'],
      });
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(healthRoutes, { db });
      await api.register(authRoutes, { db, config, prefix: '/auth' });
      await api.register(meRoutes, { db });
      await api.register(adminRoutes, { db });
      await api.register(hubsRoutes, { db });
      await api.register(organizationsRoutes, { db });
      await api.register(openDataRoutes, { db, config });
      await api.register(bookingsRoutes, { db, config });
      await api.register(eventsRoutes, { db, config });
      await api.register(volunteeringRoutes, { db });
      await api.register(privacyRoutes, { db, config });
      await api.register(certificatesRoutes, { db, config });
      await api.register(dashboardRoutes, { db });
      await api.register(actionPlanRoutes, { db });
      await api.register(surveysRoutes, { db });
      await api.register(reportsRoutes, { db, config });
    },
    { prefix: API_PREFIX },
  );

  await app.register(wellKnownRoutes, { db, config });
  // The signing key's public half is in the JWK set from the first start, before it signs anything.
  app.addHook('onReady', async () => {
    await publishKey(db, config.credentialSigningKey).catch((err) => {
      // A reused kid is a configuration error: refuse to start. A database that is away is not.
      if (err instanceof KeyIdReusedError) throw err;
      app.log.warn({ err }, 'could not record the credential signing key; retried when it signs');
    });
  });

  const webDist = config.webDistDir ?? defaultWebDist();
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    const assetsDir = path.join(webDist, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      // The build writes a brotli and a gzip copy beside each text file (apps/web/precompress.ts);
      // a browser that accepts one gets it, with `Vary: Accept-Encoding`.
      preCompressed: true,
      // Vite names each built asset by its content's hash, so a changed file gets a new name: a
      // browser may keep these for a year without asking again. Everything else is revalidated.
      setHeaders: (reply, filePath) => {
        if (!filePath.startsWith(assetsDir)) {
          reply.header('cache-control', 'no-cache');
          return;
        }
        reply.header('cache-control', 'public, max-age=31536000, immutable');
        // A script, style sheet or picture is never a document, so the policies that only govern
        // documents mean nothing on it; sent with each of the twenty-odd files of a first visit
        // they cost about 12 KB on a phone. The page that loads them carries them all.
        for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name);
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/');
    if (hasWeb && wantsPage && !path.extname(url)) {
      // A portal route (client-side routing): the one page that boots the portal.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    }
    return sendProblem(reply, 404, 'not_found', 'There is nothing at this address.');
  });

  return app;
}
