// The built portal as a browser receives it: brotli or gzip copies made at build time for those
// that accept them, hashed assets kept for a year, pages revalidated on every visit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOR_API_ANSWERS } from '../src/app';
import { buildTestApp, type TestApp } from './helper';

const page = `<!doctype html><title>Vcentri</title><script src="/assets/app-1a2b.js"></script>${' '.repeat(600)}`;
const script = `console.log(${JSON.stringify('портал '.repeat(200))});`;

describe('the built portal', () => {
  let web: string;
  let t: TestApp;
  beforeAll(async () => {
    web = mkdtempSync(path.join(tmpdir(), 'vcentri-static-'));
    mkdirSync(path.join(web, 'assets'));
    for (const [name, text] of [
      ['index.html', page],
      ['assets/app-1a2b.js', script],
    ] as const) {
      writeFileSync(path.join(web, name), text);
      writeFileSync(path.join(web, `${name}.br`), brotliCompressSync(text));
      writeFileSync(path.join(web, `${name}.gz`), gzipSync(text));
    }
    writeFileSync(path.join(web, 'assets/tiny-9f9f.css'), 'a{}');
    t = await buildTestApp({ webDistDir: web });
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends brotli to browsers that accept it, gzip to those that accept only gzip, plain to the rest', async () => {
    const br = await get('/assets/app-1a2b.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);

    const gz = await get('/assets/app-1a2b.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/app-1a2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    // A file too small to be worth compressing has no copies and is sent as it is.
    const tiny = await get('/assets/tiny-9f9f.css', 'br');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.body).toBe('a{}');
  });

  it('compresses the page that boots the portal on every portal route', async () => {
    for (const url of ['/', '/index.html', '/events', '/volunteering/programs/abc']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(page);
    }
  });

  it('lets browsers keep hashed assets for a year and revalidate pages', async () => {
    for (const encoding of [undefined, 'br']) {
      expect((await get('/assets/app-1a2b.js', encoding)).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
      for (const url of ['/', '/index.html', '/registry']) {
        expect((await get(url, encoding)).headers['cache-control'], url).toBe('no-cache');
      }
    }
  });

  it('sends the document policies with pages and only the file protections with assets', async () => {
    const asset = await get('/assets/app-1a2b.js', 'br');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
    for (const name of [
      'content-security-policy',
      'x-frame-options',
      'strict-transport-security',
      'last-modified',
    ]) {
      expect(asset.headers[name], name).toBeUndefined();
    }
    const headerBytes = (h: Record<string, unknown>) =>
      Object.entries(h).reduce((sum, [k, v]) => sum + k.length + String(v).length + 4, 0);
    expect(headerBytes(asset.headers)).toBeLessThan(400);

    for (const url of ['/', '/events']) {
      const res = await get(url, 'br');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toBeDefined();
    }
  });

  it('sends the API’s answers the protections of an answer, not the policies of a document', async () => {
    // The list the API leaves off (app.ts); the page must carry each, the API's answers none.
    const documentOnly = NOT_FOR_API_ANSWERS;
    expect(documentOnly.length).toBeGreaterThanOrEqual(7);
    const page = await get('/events', 'br');
    for (const name of documentOnly) expect(page.headers[name], name).toBeDefined();
    // A first answer, a cached one, a problem: the same protections, none of the document's.
    for (const url of ['/api/v1/hubs', '/api/v1/hubs', '/api/v1/nowhere']) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toBe(page.headers['content-security-policy']);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['strict-transport-security'], url).toBeDefined();
      for (const name of documentOnly) expect(res.headers[name], `${url} ${name}`).toBeUndefined();
    }
    // The API's documentation is a page: it keeps them all.
    const docs = await get('/api/docs/');
    for (const name of documentOnly) expect(docs.headers[name], `docs ${name}`).toBeDefined();
  });

  it('answers a missing asset with a 404 problem, not the page', async () => {
    const res = await get('/assets/gone-0000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
