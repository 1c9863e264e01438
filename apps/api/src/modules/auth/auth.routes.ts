// /auth: register, log in, refresh (rotating the httpOnly cookie), log out.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LoginBody, ProblemSchema, RegisterBody, TokenResponse, UserSchema } from '@vcentri/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import {
  type AuthContext,
  logIn,
  logOut,
  refreshSession,
  registerAccount,
  type Session,
} from './auth.service';

export const REFRESH_COOKIE = 'vcentri_rt';
export const SESSION_HINT_COOKIE = 'vcentri_session';
const COOKIE_PATH = '/api/v1/auth';

/** Forgets this browser's session cookies (log-out, an erased account). */
export function clearSessionCookies(reply: FastifyReply): FastifyReply {
  return reply
    .clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH })
    .clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

const problems = { 400: ProblemSchema, 401: ProblemSchema, 409: ProblemSchema, 429: ProblemSchema };

const authRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  const ctx = (request: FastifyRequest): AuthContext => ({
    db,
    config,
    ip: request.ip,
    signAccessToken: app.signAccessToken,
  });

  const sendSession = (reply: FastifyReply, session: Session) => {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: 'auto',
      maxAge: config.refreshTokenTtlSeconds,
    });
    // Readable by the portal, holds no secret: tells it a session exists to restore on load.
    reply.setCookie(SESSION_HINT_COOKIE, '1', {
      path: '/',
      httpOnly: false,
      sameSite: 'strict',
      secure: 'auto',
      maxAge: config.refreshTokenTtlSeconds,
    });
    reply.header('cache-control', 'no-store');
    return {
      accessToken: session.accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: config.accessTokenTtlSeconds,
      user: session.user,
    };
  };

  app.post(
    '/register',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Create a resident account',
        body: RegisterBody,
        response: { 201: UserSchema, ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await registerAccount(ctx(request), request.body)),
  );

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the refresh cookie',
        description:
          'Failed attempts are counted in the database (so across all API processes) per account and per client address. An address that failed too often for this account, or too often overall, gets 429 rate_limited until those failures leave the window; past the account’s limit every other address waits a delay that doubles with each further failure (capped). Every 429 carries Retry-After in seconds; no one can lock the owner out.',
        body: LoginBody,
        response: { 200: TokenResponse, ...problems },
      },
    },
    async (request, reply) =>
      sendSession(reply, await logIn(ctx(request), request.body.email, request.body.password)),
  );

  app.post(
    '/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange the refresh cookie for a new access token; rotates the cookie',
        description:
          'Reusing an already rotated refresh token revokes its whole family (401 refresh_token_reused).',
        response: { 200: TokenResponse, ...problems },
      },
    },
    async (request, reply) => {
      try {
        return sendSession(reply, await refreshSession(ctx(request), request.cookies[REFRESH_COOKIE]));
      } catch (err) {
        clearSessionCookies(reply);
        throw err;
      }
    },
  );

  app.post(
    '/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'End the refresh cookie’s session; its access tokens stop working at once',
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      await logOut(ctx(request), request.cookies[REFRESH_COOKIE]);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
