// Helmet's security headers on every answer, worked out once at start instead of per request.
// @fastify/helmet builds a new helmet middleware (parsing the content security policy again) for
// every request and sets each header on the raw response one by one: about a tenth of the CPU of
// a small cached read. The headers depend only on the options, so a throwaway Fastify instance
// with @fastify/helmet answers one request at start, and its headers are copied onto every reply
// in one step. The same options give the same headers; routes may still remove or change them.
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Headers every answer of a bare Fastify carries anyway: not helmet's. */
const OWN = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/** The headers @fastify/helmet sets with these options, by a request to a throwaway instance. */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, options);
  probe.get('/', async () => 'ok');
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (!OWN.has(name) && value !== undefined) headers[name] = String(value);
  }
  return headers;
}

export interface SecurityHeadersOptions {
  helmet: FastifyHelmetOptions;
  /**
   * Answers under `prefix` (the API's JSON, CSV, PDF and calendar files, never a document the
   * portal runs in) go without the headers in `without`: those that govern only what a document
   * does (opener, referrer, prefetching, old downloads and XSS filters, Flash policies). A
   * cached public read is mostly bytes on the socket, and these were a quarter of its headers.
   */
  api?: { prefix: string; without: readonly string[] };
}

export default fp(
  async (app: FastifyInstance, options: SecurityHeadersOptions) => {
    const headers = await helmetHeaders(options.helmet);
    const api = options.api;
    const apiHeaders = api
      ? Object.fromEntries(Object.entries(headers).filter(([name]) => !api.without.includes(name)))
      : headers;
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(api && request.url.startsWith(api.prefix) ? apiHeaders : headers);
      done();
    });
  },
  { name: 'security-headers' },
);
