// Idempotency-Key (IETF httpapi draft "The Idempotency-Key HTTP Header Field") on every POST under
// /api/v1 except /auth/*: a client that lost the connection after sending a request retries it
// with the same key and gets the answer the first attempt produced, instead of doing it twice.
//
// The key is claimed in PostgreSQL after authentication and body validation (preHandler) and the
// final answer is written into that row just before it is sent (onSend), so any API process can
// replay it. Keys are scoped to the caller (the account, else the client address) and kept 24 h.
//
// What is kept: 2xx answers and the business outcomes of 4xx (400 rule violations, 404, 409
// booking_conflict and the like, 422) — they are the answer to that request. What is not kept, so
// a retry is processed afresh: 5xx, 401, 403, 408 and 429, and anything refused before the claim
// (a missing or expired token, a forbidden role, a malformed body).
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemSchema } from '@vcentri/shared';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { AppError } from '../errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key and its answer are kept; an older key is treated as never seen. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * A key still "in progress" after this long belongs to a process that died mid-request (no
 * request here runs for minutes), so a retry may claim it rather than wait out the 24 hours.
 */
export const IN_PROGRESS_LEASE_SECONDS = 120;
const MAX_KEY_LENGTH = 255;
/** Answers whose headers are part of the answer; everything else is set afresh on a replay. */
const KEPT_HEADERS = ['content-type', 'location', 'etag', 'last-modified', 'content-language', 'link'];
const NOT_KEPT_STATUSES = new Set([401, 403, 408, 429]);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accept Idempotency-Key on this route; defaults to true for POST under the API prefix except /auth/. */
    idempotency?: boolean;
  }
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
  /** Set once this request owns the row. */
  claimId: string | null;
  settled: boolean;
}

const HEADER_DOC = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_KEY_LENGTH + 2,
  description:
    'A unique value per operation (a UUID is ideal), 1–255 printable ASCII characters, optionally in double quotes. Retrying with the same key and the same body within 24 h returns the first answer (with `Idempotent-Replayed: true`); the same key with another body is 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_progress`.',
};

/** The key as sent, or a 400 when it is not 1–255 printable ASCII characters. */
export function parseIdempotencyKey(raw: string | string[]): string {
  const value = Array.isArray(raw) ? null : raw;
  // The draft sends the key as a structured-field string ("…"); plain tokens are common too.
  const key =
    value && value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  if (!key || key.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(key) || !key.trim()) {
    throw new AppError(
      'idempotency_key_invalid',
      400,
      `Idempotency-Key must be 1–${MAX_KEY_LENGTH} printable ASCII characters, e.g. a UUID.`,
    );
  }
  return key;
}

/** JSON with object keys sorted, so the same body always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

function callerScope(request: FastifyRequest): string {
  return request.principal ? `account:${request.principal.userId}` : `address:${request.ip}`;
}

/** True when the answer with this status is the outcome of the request and may be replayed. */
export function isKeptStatus(status: number): boolean {
  return status < 500 && !NOT_KEPT_STATUSES.has(status);
}

async function claim(db: Database, c: IdempotencyClaim, request: FastifyRequest): Promise<string | null> {
  const claimId = randomUUID();
  // One statement: sweep a few expired rows (any caller's), then take the key if it is new,
  // expired, or abandoned in progress. Concurrent claims of one key serialise on its row.
  const res = await sql<{ claimed: string }>`
    with swept as (
      delete from idempotency_keys
      where (scope, key) in (
        select scope, key from idempotency_keys
        where created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
          and not (scope = ${c.scope} and key = ${c.key})
        order by created_at
        limit 100
        for update skip locked
      )
    )
    insert into idempotency_keys (scope, key, request_method, request_path, fingerprint, claim_id)
    values (${c.scope}, ${c.key}, ${request.method}, ${request.url}, ${c.fingerprint}, ${claimId})
    on conflict (scope, key) do update set
      request_method = excluded.request_method,
      request_path = excluded.request_path,
      fingerprint = excluded.fingerprint,
      claim_id = excluded.claim_id,
      created_at = now(),
      response_status = null,
      response_headers = null,
      response_body = null
    where idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
       or (idempotency_keys.response_status is null
           and idempotency_keys.created_at < now() - make_interval(secs => ${IN_PROGRESS_LEASE_SECONDS}))
    returning claim_id as claimed
  `.execute(db);
  return res.rows[0]?.claimed ?? null;
}

function replay(reply: FastifyReply, status: number, headers: Record<string, string>, body: string) {
  reply.code(status).headers(headers).header(REPLAYED_HEADER, 'true');
  return reply.send(status === 204 || status === 304 ? undefined : body);
}

function payloadText(payload: unknown): string | null {
  if (payload === null || payload === undefined) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null; // a stream: not something to keep
}

export default fp(
  async (app: FastifyInstance, opts: { db: Database; apiPrefix: string }) => {
    const { db, apiPrefix } = opts;
    app.decorateRequest('idempotency', null);

    app.addHook('onRoute', (route) => {
      const defaultOn =
        route.method === 'POST' &&
        route.url.startsWith(`${apiPrefix}/`) &&
        !route.url.startsWith(`${apiPrefix}/auth/`);
      const on = route.config?.idempotency ?? defaultOn;
      route.config = { ...route.config, idempotency: on };
      if (!on) return;
      // Document the header and the answers it adds on each operation that takes it.
      const schema = { ...(route.schema ?? {}) } as Record<string, unknown>;
      const headers = (schema.headers ?? { type: 'object', properties: {} }) as {
        properties?: Record<string, unknown>;
      };
      schema.headers = {
        ...headers,
        properties: { ...headers.properties, [IDEMPOTENCY_HEADER]: HEADER_DOC },
      };
      if (schema.response && typeof schema.response === 'object') {
        schema.response = {
          409: ProblemSchema,
          422: ProblemSchema,
          ...(schema.response as Record<string, unknown>),
        };
      }
      route.schema = schema;
    });

    // Before body validation, which may coerce or strip fields: the fingerprint is of what was sent.
    app.addHook('preValidation', async (request) => {
      if (!request.routeOptions.config?.idempotency) return;
      const raw = request.headers[IDEMPOTENCY_HEADER];
      if (raw === undefined) return;
      const key = parseIdempotencyKey(raw);
      request.idempotency = {
        scope: callerScope(request),
        key,
        fingerprint: fingerprintOf(request),
        claimId: null,
        settled: false,
      };
    });

    app.addHook('preHandler', async (request, reply) => {
      const c = request.idempotency;
      if (!c) return;
      // A row can vanish between the claim and the read (its owner failed and let it go): try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const claimId = await claim(db, c, request);
        if (claimId) {
          c.claimId = claimId;
          return;
        }
        const row = await db
          .selectFrom('idempotencyKeys')
          .select(['fingerprint', 'responseStatus', 'responseHeaders', 'responseBody'])
          .where('scope', '=', c.scope)
          .where('key', '=', c.key)
          .executeTakeFirst();
        if (!row) continue;
        if (row.fingerprint !== c.fingerprint) {
          throw new AppError(
            'idempotency_key_reused',
            422,
            'This Idempotency-Key was used for a different request; use a new key for a new request.',
          );
        }
        if (row.responseStatus === null) {
          reply.header('retry-after', '1');
          throw new AppError(
            'idempotency_key_in_progress',
            409,
            'A request with this Idempotency-Key is still being processed; retry shortly to get its answer.',
          );
        }
        return replay(reply, row.responseStatus, row.responseHeaders ?? {}, row.responseBody ?? '');
      }
      throw new AppError(
        'idempotency_key_in_progress',
        409,
        'A request with this Idempotency-Key is changing hands; retry shortly.',
      );
    });

    // Runs whether or not the client is still connected: the answer is kept before it is sent.
    app.addHook('onSend', async (request, reply, payload) => {
      const c = request.idempotency;
      if (!c?.claimId || c.settled) return payload;
      c.settled = true;
      const status = reply.statusCode;
      const body = payloadText(payload);
      try {
        if (isKeptStatus(status) && body !== null) {
          const headers: Record<string, string> = {};
          for (const name of KEPT_HEADERS) {
            const v = reply.getHeader(name);
            if (v !== undefined) headers[name] = Array.isArray(v) ? v.join(', ') : String(v);
          }
          await db
            .updateTable('idempotencyKeys')
            .set({ responseStatus: status, responseHeaders: JSON.stringify(headers), responseBody: body })
            .where('scope', '=', c.scope)
            .where('key', '=', c.key)
            .where('claimId', '=', c.claimId)
            .execute();
        } else {
          // Let the key go, so that a retry is processed afresh.
          await db
            .deleteFrom('idempotencyKeys')
            .where('scope', '=', c.scope)
            .where('key', '=', c.key)
            .where('claimId', '=', c.claimId)
            .execute();
        }
      } catch (err) {
        // The answer still goes out; the key stays "in progress" until its lease runs out.
        request.log.error({ err }, 'could not record the Idempotency-Key answer');
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['problem', 'auth'] },
);
