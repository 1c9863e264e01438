// Registration, log-in, refresh-token rotation with reuse detection, log-out.
import { randomUUID } from 'node:crypto';
import { passwordProblem, type RegisterBody, type User } from '@vcentri/shared';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { AppError, badRequest, conflict, isUniqueViolation } from '../../errors';
import { countRecent, recordAudit } from '../audit/audit.repository';
import { findUserByEmail, findUserById, insertUser, toUserDto } from '../users/users.repository';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import {
  consumeRefreshToken,
  findRefreshToken,
  hashRefreshToken,
  insertRefreshToken,
  newRefreshToken,
  revokeFamily,
} from './refresh-tokens.repository';

export interface AuthContext {
  db: Database;
  config: Readonly<Config>;
  ip: string;
  signAccessToken(userId: string): Promise<string>;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

export async function registerAccount(ctx: AuthContext, body: RegisterBody): Promise<User> {
  const problem = passwordProblem(body.email, body.password);
  if (problem) {
    const detail =
      problem === 'weak_password'
        ? 'Use at least 10 characters.'
        : 'The password must not contain the e-mail address.';
    throw badRequest(problem, detail, [{ path: '/password', code: problem, message: detail }]);
  }
  const passwordHash = await hashPassword(body.password);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await insertUser(trx, {
        email: body.email.trim(),
        passwordHash,
        name: body.name.trim(),
        locale: body.locale ?? 'uk',
      });
      await recordAudit(trx, {
        action: 'auth.register',
        actorId: row.id,
        actorEmail: row.email,
        targetType: 'user',
        targetId: row.id,
        ip: ctx.ip,
      });
      return toUserDto(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('email_taken', 'An account with this e-mail already exists.');
    }
    throw err;
  }
}

async function issueSession(
  ctx: AuthContext,
  userId: string,
  familyId: string,
): Promise<Omit<Session, 'user'>> {
  const { token, hash } = newRefreshToken();
  await insertRefreshToken(ctx.db, {
    userId,
    familyId,
    tokenHash: hash,
    ttlSeconds: ctx.config.refreshTokenTtlSeconds,
  });
  return { accessToken: await ctx.signAccessToken(userId), refreshToken: token };
}

const rateLimited = () =>
  new AppError('rate_limited', 429, 'Too many failed log-in attempts; try again later.');

export async function logIn(ctx: AuthContext, email: string, password: string): Promise<Session> {
  const account = email.trim().toLowerCase();
  const { loginWindowSeconds: window } = ctx.config;
  // Counted in the database, so the limits hold across every API process.
  const [byAccount, byAddress] = await Promise.all([
    countRecent(ctx.db, 'auth.login_failed', { targetId: account }, window),
    countRecent(ctx.db, 'auth.login_failed', { ip: ctx.ip }, window),
  ]);
  if (byAccount >= ctx.config.loginMaxFailuresPerAccount || byAddress >= ctx.config.loginMaxPerAddress)
    throw rateLimited();

  const user = await findUserByEmail(ctx.db, account);
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);
  if (!user || !ok) {
    await recordAudit(ctx.db, {
      action: 'auth.login_failed',
      actorId: user?.id ?? null,
      actorEmail: account,
      targetType: 'account',
      targetId: account,
      ip: ctx.ip,
    });
    throw new AppError('invalid_credentials', 401, 'The e-mail or the password is wrong.');
  }
  const session = await issueSession(ctx, user.id, randomUUID());
  await recordAudit(ctx.db, {
    action: 'auth.login',
    actorId: user.id,
    actorEmail: user.email,
    targetType: 'account',
    targetId: account,
    ip: ctx.ip,
  });
  return { ...session, user: toUserDto(user) };
}

export async function refreshSession(ctx: AuthContext, refreshToken: string | undefined): Promise<Session> {
  const invalid = () => new AppError('refresh_token_invalid', 401, 'Sign in again.');
  if (!refreshToken) throw invalid();
  const hash = hashRefreshToken(refreshToken);
  const live = await consumeRefreshToken(ctx.db, hash);
  if (!live) {
    const known = await findRefreshToken(ctx.db, hash);
    const grace = ctx.config.refreshReuseGraceSeconds * 1000;
    if (known?.usedAt && !known.revokedAt && Date.now() - known.usedAt.getTime() <= grace) {
      // Two tabs of one browser refreshing at the same moment: both get a session.
      const user = await findUserById(ctx.db, known.userId);
      if (!user) throw invalid();
      return { ...(await issueSession(ctx, user.id, known.familyId)), user: toUserDto(user) };
    }
    if (known?.usedAt) {
      // A rotated token came back later: someone holds a copy. End the whole family.
      await revokeFamily(ctx.db, known.familyId);
      if (!known.revokedAt) {
        await recordAudit(ctx.db, {
          action: 'auth.refresh_reuse_detected',
          actorId: known.userId,
          targetType: 'user',
          targetId: known.userId,
          ip: ctx.ip,
          details: { familyId: known.familyId },
        });
      }
      throw new AppError('refresh_token_reused', 401, 'This session was ended for safety; sign in again.');
    }
    throw invalid();
  }
  const user = await findUserById(ctx.db, live.userId);
  if (!user) throw invalid();
  const session = await issueSession(ctx, user.id, live.familyId);
  return { ...session, user: toUserDto(user) };
}

export async function logOut(ctx: AuthContext, refreshToken: string | undefined): Promise<void> {
  if (!refreshToken) return;
  const known = await findRefreshToken(ctx.db, hashRefreshToken(refreshToken));
  if (!known) return;
  await revokeFamily(ctx.db, known.familyId);
  await recordAudit(ctx.db, {
    action: 'auth.logout',
    actorId: known.userId,
    targetType: 'user',
    targetId: known.userId,
    ip: ctx.ip,
  });
}
