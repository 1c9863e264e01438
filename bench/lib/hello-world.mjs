// A bare Fastify 5 hello-world, the yardstick of bench/lean.mjs: the same Fastify the API runs,
// no plugins, one route (and one with a body of a given size). Usage: node bench/lib/hello-world.mjs <port>; prints "listening" when up.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const api = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/api/package.json');
const Fastify = createRequire(api)('fastify');
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
// The same with a body of n bytes (JSON, made once per size): what the body's size alone costs the
// server and the load generator, for reading the ratios of larger answers (bench/lean.mjs).
const bodies = new Map();
app.get('/bytes/:n', async (request, reply) => {
  const n = Math.min(1_000_000, Math.max(16, Number(request.params.n) || 16));
  if (!bodies.has(n)) bodies.set(n, JSON.stringify({ hello: 'w'.repeat(n - 12) }));
  return reply.type('application/json; charset=utf-8').send(bodies.get(n));
});
await app.listen({ port: Number(process.argv[2] ?? 3199), host: '127.0.0.1' });
console.log('listening');
