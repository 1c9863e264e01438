// Registration, log-in, refresh-token rotation with reuse detection, log-out.
import { randomUUID } from 'node:crypto';
import { passwordProblem, type RegisterBody, type User } from '@vcentri/shared';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { AppError, badRequest, conflict, isUniqueViolation, tooManyRequests } from '../../errors';
import {
  lockLoginCounters,
  loginFailureStats,
  markLoginSucceeded,
  recordAudit,
} from '../audit/audit.repository';
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
  signAccessToken(userId: string, sessionId: string): Promise<string>;
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
  return { accessToken: await ctx.signAccessToken(userId, familyId), refreshToken: token };
}

/**
 * How many seconds this address must wait before trying this account again; 0 when it may try now.
 * Throttling that nobody can turn into a lock-out (OWASP ASVS 2.2.1): an address that failed too
 * often for this account, or too often overall, is refused until those failures leave the window;
 * every other address only waits a delay that doubles with each failure on the account past its
 * limit (1 s, 2 s, 4 s … up to loginMaxDelaySeconds after the last failure), so the owner still
 * gets in while a guesser spread over many addresses gets very few tries.
 */
async function loginWaitSeconds(ctx: AuthContext, account: string): Promise<number> {
  const { config } = ctx;
  const stats = await loginFailureStats(ctx.db, {
    account,
    ip: ctx.ip,
    windowSeconds: config.loginWindowSeconds,
    pairMax: config.loginMaxFailuresPerAccount,
    addressMax: config.loginMaxPerAddress,
  });
  const now = stats.now.getTime();
  const windowMs = config.loginWindowSeconds * 1000;
  const until: number[] = [];
  if (stats.pairLimitAt) until.push(stats.pairLimitAt.getTime() + windowMs);
  if (stats.addressLimitAt) until.push(stats.addressLimitAt.getTime() + windowMs);
  const overLimit = stats.accountFailures - config.loginMaxFailuresPerAccount;
  if (overLimit > 0 && stats.accountLastFailureAt) {
    const delaySeconds = Math.min(2 ** (overLimit - 1), config.loginMaxDelaySeconds);
    until.push(stats.accountLastFailureAt.getTime() + delaySeconds * 1000);
  }
  const waitMs = Math.max(0, ...until.map((t) => t - now));
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

export async function logIn(ctx: AuthContext, email: string, password: string): Promise<Session> {
  const account = email.trim().toLowerCase();
  const user = await findUserByEmail(ctx.db, account);
  // The check and the record of the attempt happen under a lock on the account and the address,
  // and the attempt counts as failed until its password proves right: a burst of parallel guesses
  // (from one process or many) then sees each earlier guess and cannot slip past the limits.
  // The check comes before the password, so a refusal tells nothing about it; refusals are not
  // recorded, so hammering one does not lengthen anyone's wait.
  const attempt = await ctx.db.transaction().execute(async (trx) => {
    await lockLoginCounters(trx, account, ctx.ip);
    const wait = await loginWaitSeconds({ ...ctx, db: trx }, account);
    if (wait > 0) return { wait };
    const auditId = await recordAudit(trx, {
      action: 'auth.login_failed',
      actorId: user?.id ?? null,
      actorEmail: account,
      targetType: 'account',
      targetId: account,
      ip: ctx.ip,
    });
    return { auditId };
  });
  if (attempt.wait !== undefined)
    throw tooManyRequests(attempt.wait, `Too many failed log-in attempts; try again in ${attempt.wait} s.`);

  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);
  if (!user || !ok) throw new AppError('invalid_credentials', 401, 'The e-mail or the password is wrong.');

  const session = await issueSession(ctx, user.id, randomUUID());
  await markLoginSucceeded(ctx.db, attempt.auditId, { id: user.id, email: user.email });
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
