// The API client's contract with the server: Bearer token from memory, one silent refresh and
// retry on 401, a single shared refresh for concurrent callers, and problem+json as ApiError.
import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, getAccessToken, onSessionChange, setAccessToken } from '../src/lib/api-client';
import { installFakeApi, json, problem } from './fake-api';

describe('api client', () => {
  it('refreshes the access token once on 401 and retries the call with the new token', async () => {
    const { requests } = installFakeApi({
      'GET /me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? json({ ok: true })
          : problem(401, 'token_expired'),
      'POST /auth/refresh': json({ accessToken: 'fresh', tokenType: 'Bearer', expiresIn: 900, user: {} }),
    });
    setAccessToken('stale');

    await expect(api.get('/me')).resolves.toEqual({ ok: true });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /me',
      'POST /auth/refresh',
      'GET /me',
    ]);
    expect(getAccessToken()).toBe('fresh');
  });

  it('shares one refresh between concurrent 401s (the refresh token rotates on use)', async () => {
    const { requests } = installFakeApi({
      'GET /me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? json({ ok: true })
          : problem(401, 'token_expired'),
      'POST /auth/refresh': json({ accessToken: 'fresh', tokenType: 'Bearer', expiresIn: 900, user: {} }),
    });
    setAccessToken('stale');

    await Promise.all([api.get('/me'), api.get('/me'), api.get('/me')]);
    expect(requests.filter((r) => r.path === '/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh fails, and does not retry auth endpoints', async () => {
    const { requests } = installFakeApi({
      'GET /me': problem(401, 'token_expired'),
      'POST /auth/refresh': problem(401, 'refresh_token_reused'),
      'POST /auth/login': problem(401, 'invalid_credentials'),
    });
    const sessions: (string | null)[] = [];
    const stop = onSessionChange((token) => sessions.push(token));
    setAccessToken('stale');

    await expect(api.get('/me')).rejects.toMatchObject({ status: 401, code: 'token_expired' });
    expect(getAccessToken()).toBeNull();
    expect(sessions).toEqual([null]);

    await expect(api.post('/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(requests.filter((r) => r.path === '/auth/refresh')).toHaveLength(1);
    stop();
  });

  it('treats a token whose session ended elsewhere (401 unauthorized) like an expired one', async () => {
    // Log-out in another tab, or a revoked refresh family, ends the access token at once.
    const { requests } = installFakeApi({
      'GET /me': problem(401, 'unauthorized'),
      'POST /auth/refresh': problem(401, 'refresh_token_invalid'),
    });
    const sessions: (string | null)[] = [];
    const stop = onSessionChange((token) => sessions.push(token));
    setAccessToken('ended');

    await expect(api.get('/me')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me', 'POST /auth/refresh']);
    expect(getAccessToken()).toBeNull();
    expect(sessions).toEqual([null]);
    stop();
  });

  it('turns problem+json into an ApiError with field errors by field name', async () => {
    installFakeApi({
      'POST /auth/register': problem(400, 'validation_failed', [
        { path: '/email', code: 'format', message: 'must match format "email"' },
        { path: '/name', code: 'minLength', message: 'too short' },
      ]),
    });

    const error = await api.post('/auth/register', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(Object.keys(apiError.fieldErrorsByName())).toEqual(['email', 'name']);
  });

  it('reports an unreachable server as network_error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

    await expect(api.get('/hubs')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
