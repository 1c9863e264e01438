// The API client's contract with the server: Bearer token from memory, one silent refresh and
// retry on 401, a single shared refresh for concurrent callers, problem+json as ApiError, and an
// Idempotency-Key on booking requests and registrations that survives the client's own retries.
import { describe, expect, it, vi } from 'vitest';
import type { BookingInput } from '@vcentri/shared';
import { createBooking } from '../src/features/bookings/api/request-booking';
import { registerForEvent } from '../src/features/events/api/registration';
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

  describe('Idempotency-Key', () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const input = {
      roomId: '20000000-0000-4000-8000-000000000001',
      organizationId: '30000000-0000-4000-8000-000000000001',
      start: '2027-03-02T16:00:00Z',
      end: '2027-03-02T18:00:00Z',
      title: 'Толока',
      attendees: 10,
    } as BookingInput;
    const created = { items: [{ id: '40000000-0000-4000-8000-000000000001' }], skipped: [] };

    it('a booking request lost on the way is sent again with the same key, and resolves with the booking', async () => {
      vi.useFakeTimers();
      let calls = 0;
      const { requests } = installFakeApi({
        'POST /bookings': () => {
          calls += 1;
          if (calls === 1) throw new TypeError('Failed to fetch');
          return json(created, 201);
        },
      });
      setAccessToken('token');

      const result = createBooking(input);
      await vi.runAllTimersAsync();
      await expect(result).resolves.toEqual(created);
      const keys = requests.map((r) => r.headers.get('Idempotency-Key'));
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(UUID);
      expect(keys[1]).toBe(keys[0]);
      expect(requests[1]?.body).toEqual(requests[0]?.body);
    });

    it('a registration the server is still processing is asked again with the same key; each click has its own key', async () => {
      vi.useFakeTimers();
      const answers = [
        problem(409, 'idempotency_key_in_progress'),
        json(
          { id: '50000000-0000-4000-8000-000000000001', status: 'waitlisted', position: 3, code: 'K7Q2' },
          201,
        ),
        json({ id: '50000000-0000-4000-8000-000000000002', status: 'confirmed', code: 'P9X4' }, 201),
      ];
      const { requests } = installFakeApi({
        'POST /events/e1/registrations': () => answers.shift() ?? problem(500, 'internal_error'),
      });
      setAccessToken('token');

      const first = registerForEvent('e1');
      await vi.runAllTimersAsync();
      await expect(first).resolves.toMatchObject({ status: 'waitlisted', position: 3 });
      await expect(registerForEvent('e1')).resolves.toMatchObject({ status: 'confirmed' });
      const keys = requests.map((r) => r.headers.get('Idempotency-Key'));
      expect(keys).toHaveLength(3);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).toMatch(UUID);
      expect(keys[2]).not.toBe(keys[0]);
    });

    it('keeps the key across the refresh-and-retry after a 401', async () => {
      const { requests } = installFakeApi({
        'POST /bookings': (request) =>
          request.headers.get('Authorization') === 'Bearer fresh'
            ? json(created, 201)
            : problem(401, 'token_expired'),
        'POST /auth/refresh': json({ accessToken: 'fresh', tokenType: 'Bearer', expiresIn: 900, user: {} }),
      });
      setAccessToken('stale');

      await expect(createBooking(input)).resolves.toEqual(created);
      const keys = requests
        .filter((r) => r.path === '/bookings')
        .map((r) => r.headers.get('Idempotency-Key'));
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(requests.find((r) => r.path === '/auth/refresh')?.headers.get('Idempotency-Key')).toBeNull();
    });

    it('does not repeat an answered request: a booking conflict is shown at once', async () => {
      const { requests } = installFakeApi({ 'POST /bookings': problem(409, 'booking_conflict') });
      setAccessToken('token');

      await expect(createBooking(input)).rejects.toMatchObject({ status: 409, code: 'booking_conflict' });
      expect(requests).toHaveLength(1);
    });

    it('requests without a key are not repeated after a lost connection', async () => {
      const fetchMock = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
      vi.stubGlobal('fetch', fetchMock);

      await expect(api.post('/organizations', {})).rejects.toMatchObject({ code: 'network_error' });
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });
  });
});
