// Authentication and the one guard. Every /api/v1 route declares `config.access`; a route without
// it fails at start-up (deny by default). The guard verifies the access token (HS256 pinned,
// issuer and audience checked), loads the account's current grants, and checks the role; the
// per-object checks (this hub, this organisation) use the Principal in the services. The token is
// verified on every request; the account, its session and grants come from a per-process cache
// that any committed write to users, role_grants or refresh_tokens makes stale (PrincipalCache).
import fastifyJwt from '@fastify/jwt';
import type { GrantedRole } from '@vcentri/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { forbidden, unauthorized } from '../errors';
import { type Principal, PrincipalCache } from '../modules/users/principal';
import { appDataVersions } from './public-cache';

/** public: anyone; optional: anyone, with the principal when a valid token is sent; signed-in: any account; or the roles that may call the route at all. */
export type Access = 'public' | 'optional' | 'signed-in' | { roles: GrantedRole[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    principals: PrincipalCache;
    /** An access token for the account, bound to the refresh-token family `sessionId`. */
    signAccessToken(userId: string, sessionId: string): Promise<string>;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** `sid` is the refresh-token family: revoking the family (log-out, reuse) ends the token too. */
    payload: { sub: string; typ: 'access'; sid: string };
    user: { sub: string; typ: 'access'; sid: string; iat: number; exp: number };
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

export default fp(
  async (app: FastifyInstance, opts: { config: Readonly<Config>; db: Database }) => {
    const { config, db } = opts;
    await app.register(fastifyJwt, {
      secret: config.jwtSecret,
      sign: {
        algorithm: 'HS256',
        iss: config.jwtIssuer,
        aud: config.jwtAudience,
        expiresIn: config.accessTokenTtlSeconds,
      },
      verify: {
        algorithms: ['HS256'],
        allowedIss: config.jwtIssuer,
        allowedAud: config.jwtAudience,
        // fast-jwt checks iss, aud and exp only when present; a token without exp would never end.
        requiredClaims: ['iss', 'aud', 'sub', 'iat', 'exp', 'sid'],
      },
    });

    app.decorate('signAccessToken', async (userId: string, sessionId: string) =>
      app.jwt.sign({ sub: userId, typ: 'access', sid: sessionId }),
    );
    app.decorateRequest('principal', null);

    // The data versions shared with the public cache (one per database handle).
    const versions = appDataVersions(app, db, config.dataVersionPollMs, (err) =>
      app.log.warn({ err }, 'data versions unavailable; principals are read from the database'),
    );
    const principals = new PrincipalCache(db, versions, config.principalCacheEntries);
    app.decorate('principals', principals);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/v1')) return;
      if (route.method === 'HEAD' || route.method === 'OPTIONS') return;
      if (!route.config?.access)
        throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    });

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config?.access;
      if (!access || access === 'public') return;
      const hasToken = typeof request.headers.authorization === 'string';
      if (access === 'optional' && !hasToken) return;
      const claims = await request.jwtVerify<{ sub?: unknown; typ?: unknown; sid?: unknown }>();
      if (
        claims.typ !== 'access' ||
        typeof claims.sub !== 'string' ||
        !UUID_RE.test(claims.sub) ||
        typeof claims.sid !== 'string' ||
        !UUID_RE.test(claims.sid)
      )
        throw unauthorized();
      const found = await principals.load(claims.sub, claims.sid);
      if (!found) throw unauthorized('The account no longer exists.');
      if (!found.sessionLive) throw unauthorized('This session has ended; sign in again.');
      const { principal } = found;
      request.principal = principal;
      if (typeof access === 'object' && !access.roles.some((r) => principal.hasRole(r))) throw forbidden();
    });
  },
  { name: 'auth', dependencies: ['problem'] },
);
