// The one error handler and the one not-found handler: every failure leaves as
// application/problem+json (RFC 9457) with a stable code; internals are logged, never sent.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { finished } from 'node:stream';
import type { ErrorCode, Problem, ProblemFieldError } from '@vcentri/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  AppError,
  isDatabaseUnavailable,
  isExclusionViolation,
  isStatementTimeout,
  isUniqueViolation,
  pgErrorCode,
} from '../errors';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemBody(
  status: number,
  code: ErrorCode,
  detail?: string,
  errors?: ProblemFieldError[],
  extra?: Record<string, unknown>,
): Problem & Record<string, unknown> {
  return {
    type: `https://vcentri.kyiv.ua/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
    ...extra,
  };
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  detail?: string,
  errors?: ProblemFieldError[],
  extra?: Record<string, unknown>,
) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problemBody(status, code, detail, errors, extra));
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route (and so before the error
 * handler) sees the request. Without it these leave as Fastify's own JSON, not problem+json.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return sendProblem(
        reply,
        400,
        'malformed_request',
        'The address is not valid: it has a broken percent-encoding.',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // No id, dataset or code of ours is that long, so it is an invalid value like any other.
      return sendProblem(reply, 400, 'validation_failed', 'Some fields are missing or invalid.', [
        { path: '/params', code: 'maxLength', message: 'a path parameter is too long' },
      ]);
  }
  request.log.error({ err }, 'unhandled router error');
  return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side.');
}

const answeredSockets = new WeakSet<Socket>();

/** Runs `then` once every response already under way on the socket has been sent. */
function afterInFlightResponses(socket: Socket, then: () => void) {
  // Node keeps the response being written as socket._httpMessage and, when it finishes, hands the
  // socket to the next pipelined response before our 'finish' callback runs.
  const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!current || current.writableFinished || socket.destroyed) return then();
  finished(current, () => setImmediate(() => afterInFlightResponses(socket, then)));
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser rejects (a malformed request line
 * or header, headers over the size limit, a request that took too long to arrive) never become
 * requests, so they are answered here, on the socket. The requests pipelined before the bad one
 * are valid and already being handled: they are answered first and the connection closed after,
 * where Node and Fastify would destroy the socket and leave them unanswered.
 */
export function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed || answeredSockets.has(socket)) return;
  answeredSockets.add(socket);
  const [status, code, detail]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are too large.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'malformed_request', 'The request could not be read.'];
  // A client's malformed bytes are not our failure: worth a debug line, never an error.
  this.log.debug({ code: err.code }, 'malformed request refused');
  const body = JSON.stringify(problemBody(status, code, detail));
  const response =
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    'Content-Type: application/problem+json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body;
  const answer = () => {
    // Closed once the answer is out: a client still trickling bytes must not keep the socket.
    if (socket.writable) socket.end(response, () => socket.destroy());
    else socket.destroy();
  };
  // A request that took too long to arrive is the one in flight: waiting for its answer would
  // wait for the very body that never comes.
  if (status === 408) answer();
  else afterInFlightResponses(socket, answer);
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(validation: AjvError[], context: string | undefined): ProblemFieldError[] {
  const prefix = context && context !== 'body' ? `/${context}` : '';
  return validation.map((v) => {
    let path = v.instancePath ?? '';
    const missing = v.params?.missingProperty;
    if (v.keyword === 'required' && typeof missing === 'string') path = `${path}/${missing}`;
    const extra = v.params?.additionalProperty;
    if (v.keyword === 'additionalProperties' && typeof extra === 'string') path = `${path}/${extra}`;
    return {
      path: `${prefix}${path}` || '/',
      code: v.keyword ?? 'invalid',
      message: v.message ?? 'is invalid',
    };
  });
}

function toProblem(err: FastifyError & { validationContext?: string }): {
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: ProblemFieldError[];
  extra?: Record<string, unknown>;
} | null {
  if (err instanceof AppError)
    return { status: err.status, code: err.code, detail: err.detail, errors: err.errors, extra: err.extra };
  if (err.validation) {
    return {
      status: 400,
      code: 'validation_failed',
      detail: 'Some fields are missing or invalid.',
      errors: fieldErrors(err.validation as AjvError[], err.validationContext),
    };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', detail: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', detail: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, code: 'unsupported_media_type', detail: 'Send application/json.' };
    case 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED':
      return { status: 401, code: 'token_expired', detail: 'The access token has expired; refresh it.' };
  }
  // Any other token problem (missing, malformed, foreign signature, wrong algorithm, issuer or audience).
  if (typeof err.code === 'string' && /^(FST|FAST)_JWT_/.test(err.code)) {
    return { status: 401, code: 'unauthorized', detail: 'Sign in first.' };
  }
  if (err.statusCode === 429)
    return { status: 429, code: 'rate_limited', detail: 'Too many requests; try again later.' };
  // The database's own guard (migration 20261203000000) on hours inside a live certificate.
  if (pgErrorCode(err) === 'P0001' && err.message.startsWith('hours_certified'))
    return {
      status: 409,
      code: 'hours_certified',
      detail: 'These hours are in a certificate; it must be revoked before they change.',
    };
  if (isUniqueViolation(err) || isExclusionViolation(err))
    return { status: 409, code: 'conflict', detail: 'This conflicts with existing data.' };
  if (err.statusCode === 413)
    return { status: 413, code: 'payload_too_large', detail: 'The request body is too large.' };
  if (err.statusCode === 415)
    return { status: 415, code: 'unsupported_media_type', detail: 'Send application/json.' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: 400, code: 'validation_failed', detail: 'The request is not valid.' };
  }
  return null;
}

/** Seconds an overloaded client is asked to wait: a short overload is usually over by then. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 2;

/** Seconds a client is asked to wait when the database is unavailable: about a restart's length. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      // Not a bug of ours and not the caller's fault, so 503 with a time to come back, and a
      // warning rather than an error in the log: the database is away (restarting, failing over),
      // or a statement ran past DATABASE_STATEMENT_TIMEOUT_MS and was cancelled (too busy, or the
      // question too heavy, right now).
      const unavailable: [ErrorCode, number, string] | null = isDatabaseUnavailable(err)
        ? ['service_unavailable', DATABASE_RETRY_AFTER_SECONDS, 'database unavailable']
        : isStatementTimeout(err)
          ? ['overloaded', OVERLOAD_RETRY_AFTER_SECONDS, 'statement timed out']
          : null;
      if (unavailable) {
        const [code, retryAfter, message] = unavailable;
        request.log.warn({ err: { message: err.message, code: err.code } }, message);
        return sendProblem(
          reply.header('retry-after', String(retryAfter)),
          503,
          code,
          code === 'overloaded'
            ? 'The service is too busy to answer this now; try again in a few seconds.'
            : 'The service is temporarily unavailable; try again in a few seconds.',
        );
      }
      const problem = toProblem(err);
      if (problem) {
        if (problem.status === 401 || problem.status === 429)
          request.log.info({ code: problem.code }, 'request refused');
        // AppErrors carry their own headers; of other errors only the rate limiter's are trusted.
        const headers =
          err instanceof AppError
            ? err.headers
            : err.statusCode === 429
              ? (err as { headers?: Record<string, string> }).headers
              : undefined;
        const r = headers ? reply.headers(headers) : reply;
        return sendProblem(r, problem.status, problem.code, problem.detail, problem.errors, problem.extra);
      }
      request.log.error({ err }, 'unhandled error');
      return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side.');
    });
  },
  { name: 'problem' },
);
