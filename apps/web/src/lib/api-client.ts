// The one way the portal talks to the API: JSON over fetch to /api/v1, the access token kept in
// memory only (never in storage, so an injected script cannot lift it from there), a single silent
// refresh-and-retry when a call answers 401, and problem+json turned into a typed ApiError.
// Creating requests may carry an Idempotency-Key: then a dropped connection or an answer that the
// first attempt is still running is retried with the same key, so the server does it only once.
import type { Problem, ProblemFieldError } from '@vcentri/shared';

export const API_BASE = '/api/v1';

/** Codes the client produces itself, on top of the API's ERROR_CODES. */
export type ClientErrorCode = 'network_error' | 'unknown_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: ProblemFieldError[];
  /** Members of the problem beyond the standard ones, e.g. `conflicts` of a booking_conflict. */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail?: string,
    fieldErrors: ProblemFieldError[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.extra = extra;
  }

  /** Field errors keyed by JSON pointer without the leading slash ('/email' -> 'email'). */
  fieldErrorsByName(): Record<string, ProblemFieldError[]> {
    const byName: Record<string, ProblemFieldError[]> = {};
    for (const e of this.fieldErrors) {
      const name = e.path.replace(/^\//, '').split('/')[0] ?? '';
      const list = byName[name] ?? [];
      list.push(e);
      byName[name] = list;
    }
    return byName;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let accessToken: string | null = null;
let refreshInFlight: Promise<string | null> | null = null;
const sessionListeners = new Set<(token: string | null) => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called with null when a refresh fails, i.e. the session is gone. */
export function onSessionChange(listener: (token: string | null) => void): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key; the same value on every retry of this one submission. */
  idempotencyKey?: string;
}

/** A fresh Idempotency-Key for one submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; an address served over plain http still gets a v4 UUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Pauses before each retry of a keyed request; one entry per retry. */
const KEYED_RETRY_DELAYS_MS = [500, 1500, 3000];

function buildUrl(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error');
  }
}

const STANDARD_PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'code', 'detail', 'errors', 'instance']);

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> | null = null;
  try {
    problem = (await response.json()) as Partial<Problem>;
  } catch {
    problem = null;
  }
  const code =
    typeof problem?.code === 'string'
      ? problem.code
      : response.status >= 500
        ? 'internal_error'
        : 'unknown_error';
  const fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  const extra: Record<string, unknown> = {};
  if (problem && typeof problem === 'object') {
    for (const [key, value] of Object.entries(problem)) {
      if (!STANDARD_PROBLEM_MEMBERS.has(key)) extra[key] = value;
    }
  }
  return new ApiError(response.status, code, problem?.detail, fieldErrors, extra);
}

async function parseBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request:
 * the refresh token rotates on every use, and presenting the old one twice would look like
 * token theft to the server (refresh_token_reused) and end the session.
 */
export function refreshSession(): Promise<string | null> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      try {
        const response = await send('/auth/refresh', { method: 'POST' });
        if (!response.ok) {
          setAccessToken(null);
          return null;
        }
        const tokens = await parseBody<{ accessToken: string }>(response);
        setAccessToken(tokens.accessToken);
        return tokens.accessToken;
      } catch {
        setAccessToken(null);
        return null;
      }
    })().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function isStillInProgress(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  try {
    const problem = (await response.clone().json()) as Partial<Problem>;
    return problem.code === 'idempotency_key_in_progress';
  } catch {
    return false;
  }
}

/**
 * Sends once, or, with an Idempotency-Key, again after a lost connection or while the server says
 * the first attempt is still running: the key makes the server answer a repeat with the outcome
 * of the first, so the retry cannot book twice.
 */
async function sendKeyed(path: string, options: RequestOptions): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const delay = KEYED_RETRY_DELAYS_MS[attempt];
    const canRetry = options.idempotencyKey !== undefined && delay !== undefined;
    let response: Response;
    try {
      response = await send(path, options);
    } catch (error) {
      if (canRetry && isApiError(error) && error.code === 'network_error') {
        await sleep(delay);
        continue;
      }
      throw error;
    }
    if (!canRetry || !(await isStillInProgress(response))) return response;
    const retryAfter = Number(response.headers.get('Retry-After'));
    await sleep(retryAfter > 0 ? Math.min(retryAfter * 1000, 5000) : delay);
  }
}

/** Sends a request; for everything outside /auth/ a 401 triggers one refresh and one retry. */
async function authorized(path: string, options: RequestOptions): Promise<Response> {
  let response = await sendKeyed(path, options);
  if (response.status === 401 && !path.startsWith('/auth/')) {
    const hadToken = accessToken !== null;
    const token = await refreshSession();
    if (token) {
      response = await sendKeyed(path, options);
    } else if (hadToken) {
      for (const listener of sessionListeners) listener(null);
    }
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Performs a request and reads its JSON answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return parseBody<T>(await authorized(path, options));
}

/** Fetches a file the API serves only to the signed-in account (a certificate's PDF, say). */
export async function apiDownload(path: string, signal?: AbortSignal): Promise<Blob> {
  return (await authorized(path, { signal })).blob();
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: { idempotencyKey?: string } = {}) =>
    apiRequest<T>(path, { method: 'POST', body, ...options }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
