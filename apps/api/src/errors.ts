// The one error type services throw. The error handler turns it into application/problem+json.
import type { ErrorCode, ProblemFieldError } from '@vcentri/shared';

export class AppError extends Error {
  /** Response headers that belong to the problem, e.g. Retry-After of a 429. */
  headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly detail?: string,
    readonly errors?: ProblemFieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (detail = 'The resource does not exist.') => new AppError('not_found', 404, detail);
export const forbidden = (detail = 'You may not do this.') => new AppError('forbidden', 403, detail);
export const unauthorized = (detail = 'Sign in first.') => new AppError('unauthorized', 401, detail);
export const conflict = (code: ErrorCode, detail: string, extra?: Record<string, unknown>) =>
  new AppError(code, 409, detail, undefined, extra);
/** A 429 whose Retry-After says, in whole seconds, when the next attempt will be let through. */
export const tooManyRequests = (retryAfterSeconds: number, detail: string) => {
  const err = new AppError('rate_limited', 429, detail);
  err.headers = { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  return err;
};
export const badRequest = (code: ErrorCode, detail: string, errors?: ProblemFieldError[]) =>
  new AppError(code, 400, detail, errors);

/** PostgreSQL SQLSTATEs we turn into 409s: unique violation and exclusion violation. */
export function pgErrorCode(err: unknown): string | undefined {
  if (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof (err as { code: unknown }).code === 'string'
  ) {
    const code = (err as { code: string }).code;
    if (/^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
export const isUniqueViolation = (err: unknown) => pgErrorCode(err) === '23505';
export const isExclusionViolation = (err: unknown) => pgErrorCode(err) === '23P01';
/** 57014 query_canceled: a statement cancelled, here by `statement_timeout` (we cancel nothing else). */
export const isStatementTimeout = (err: unknown) => pgErrorCode(err) === '57014';
/**
 * Two inserts racing for one slot can each wait on the other's exclusion check; PostgreSQL then
 * aborts one with 40P01. For a booking that is the same outcome as losing the race.
 */
export const isSlotRace = (err: unknown) => isExclusionViolation(err) || pgErrorCode(err) === '40P01';

// PostgreSQL away (restarting, crashed, refusing connections): the request could not be served,
// but retrying shortly will be. SQLSTATE class 08 is connection exceptions; 57P01–57P03 are
// "terminating connection" at shutdown or crash and "cannot connect now" while it starts up or
// recovers; 53300 is too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// node-postgres reports a lost or unobtainable connection by message only.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
];

/** True when an error means the database cannot be reached right now (not that the request is wrong). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const sqlstate = pgErrorCode(err);
  if (sqlstate && (sqlstate.startsWith('08') || UNAVAILABLE_SQLSTATES.has(sqlstate))) return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
  // Connecting to a name with several addresses fails with an AggregateError of each attempt.
  if (err instanceof AggregateError) return err.errors.some((e) => isDatabaseUnavailable(e, depth + 1));
  return isDatabaseUnavailable((err as { cause?: unknown }).cause, depth + 1);
}
