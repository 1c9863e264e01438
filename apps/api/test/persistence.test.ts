// Embedded mode end to end: a data directory that survives a restart, generated secrets kept,
// demo data loaded once, the first city_admin from ADMIN_EMAIL/ADMIN_PASSWORD.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, afterAll } from 'vitest';
import { buildApp } from '../src/app';
import { prepareDatabase } from '../src/bootstrap';
import { loadConfig, newSigningKey } from '../src/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/db/demo-seed';

const dir = mkdtempSync(path.join(tmpdir(), 'vcentri-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = {
  DATA_DIR: dir,
  ADMIN_EMAIL: 'first.admin@test.vcentri.kyiv.ua',
  ADMIN_PASSWORD: 'first admin password 1',
};

async function boot() {
  const config = loadConfig(env, { webDistDir: '/nonexistent' });
  const prepared = await prepareDatabase(config);
  const app = await buildApp({ config, db: prepared.handle.db });
  const stop = async () => {
    await app.close();
    await prepared.handle.close();
  };
  return { config, prepared, app, stop };
}

describe('embedded mode across a restart', () => {
  // Two boots of an embedded database on disk and one demo load: about 15 s on an idle machine,
  // over 30 s while the rest of the suite runs beside it.
  it('keeps every record, the signing key and loads demo data only once', async () => {
    const first = await boot();
    expect(first.prepared.handle.kind).toBe('embedded');
    expect(first.prepared.migrated.length).toBeGreaterThan(0);
    expect(first.prepared.demoSeeded).toBe(true);
    expect(first.prepared.adminCreated).toBe(true);

    const hubs = (await first.app.inject({ method: 'GET', url: '/api/v1/hubs?limit=100' })).json();
    expect(hubs.total).toBe(5);
    expect(hubs.items.map((h: { district: string }) => h.district)).toContain('obolonskyi');
    const registry = (
      await first.app.inject({ method: 'GET', url: '/api/v1/organizations?limit=100' })
    ).json();
    expect(registry.total).toBeGreaterThanOrEqual(20);
    expect(new Set(registry.items.map((o: { district: string }) => o.district)).size).toBe(10);
    const states = await first.prepared.handle.db
      .selectFrom('organizations')
      .select('status')
      .distinct()
      .execute();
    expect(states.map((s) => s.status).sort()).toEqual([
      'archived',
      'draft',
      'rejected',
      'submitted',
      'suspended',
      'verified',
    ]);
    // Demo bookings (confirmed and pending), upcoming events, and past ones with feedback.
    const bookings = await first.prepared.handle.db.selectFrom('bookings').select(['status']).execute();
    expect(bookings.filter((b) => b.status === 'confirmed').length).toBeGreaterThan(3);
    expect(bookings.filter((b) => b.status === 'pending').length).toBeGreaterThan(0);
    const events = (await first.app.inject({ method: 'GET', url: '/api/v1/events?limit=100' })).json();
    expect(
      events.items.filter((e: { start: string }) => Date.parse(e.start) > Date.now()).length,
    ).toBeGreaterThanOrEqual(3);
    const rated = await first.prepared.handle.db
      .selectFrom('eventFeedback')
      .select('eventId')
      .distinct()
      .execute();
    expect(rated).toHaveLength(2);
    const resident = await first.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'resident1@demo.vcentri.kyiv.ua', password: DEMO_PASSWORD },
    });
    expect(resident.statusCode).toBe(200);
    expect(new Set(hubs.items.map((h: { district: string }) => h.district)).size).toBe(5);
    for (const h of hubs.items) {
      expect(h.roomCount).toBeGreaterThanOrEqual(2);
      expect(h.roomCount).toBeLessThanOrEqual(4);
      expect(h.isDemo).toBe(true);
      expect(h.openingHours.length).toBeGreaterThan(0);
    }

    // Every demo account logs in with the printed password.
    for (const a of DEMO_ACCOUNTS) {
      const res = await first.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: a.email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, a.email).toBe(200);
      const me = (
        await first.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${res.json().accessToken}` },
        })
      ).json();
      expect(me.roles).toContain(a.role);
    }

    const reg = await first.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'kept@test.vcentri.kyiv.ua', password: 'a long enough password', name: 'Kept' },
    });
    expect(reg.statusCode).toBe(201);
    const token = (
      await first.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'kept@test.vcentri.kyiv.ua', password: 'a long enough password' },
      })
    ).json().accessToken;
    const secret = first.config.jwtSecret;
    await first.stop();

    const second = await boot();
    expect(second.config.jwtSecret).toBe(secret);
    expect(second.prepared.migrated).toEqual([]);
    expect(second.prepared.demoSeeded).toBe(false);
    expect(second.prepared.adminCreated).toBe(false);
    // The access token from before the restart is still valid, and the account still there.
    const me = await second.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('kept@test.vcentri.kyiv.ua');
    expect((await second.app.inject({ method: 'GET', url: '/api/v1/hubs' })).json().total).toBe(5);
    const admin = await second.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    });
    const adminMe = await second.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${admin.json().accessToken}` },
    });
    expect(adminMe.json().roles).toContain('city_admin');
    await second.stop();
  }, 90_000);

  it('requires JWT_SECRET and CREDENTIAL_SIGNING_KEY when DATABASE_URL is set', () => {
    const server = { DATABASE_URL: 'postgres://x@127.0.0.1/x' };
    expect(() => loadConfig(server)).toThrow(/JWT_SECRET is required/);
    const withSecret = { ...server, JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(withSecret)).toThrow(/CREDENTIAL_SIGNING_KEY is required/);
    expect(() => loadConfig({ ...withSecret, CREDENTIAL_SIGNING_KEY: '{"kty":"oct"}' })).toThrow(
      /CREDENTIAL_SIGNING_KEY must be an EC P-256/,
    );
    const { d: _private, ...publicOnly } = newSigningKey();
    expect(() => loadConfig({ ...withSecret, CREDENTIAL_SIGNING_KEY: JSON.stringify(publicOnly) })).toThrow(
      /not a usable private key/,
    );
    const key = newSigningKey();
    const config = loadConfig({ ...withSecret, CREDENTIAL_SIGNING_KEY: JSON.stringify(key) });
    expect(config.demoData).toBe(false);
    expect(config.credentialSigningKey).toEqual(key);
  });

  it('generates the credential signing key into DATA_DIR once in embedded mode', () => {
    const first = loadConfig(env).credentialSigningKey;
    expect(first.alg).toBe('ES256');
    expect(loadConfig(env).credentialSigningKey).toEqual(first);
  });
});
