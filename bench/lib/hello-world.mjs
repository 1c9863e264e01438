// A bare Fastify 5 hello-world, the yardstick of bench/lean.mjs: the same Fastify the API runs,
// no plugins, one route. Usage: node bench/lib/hello-world.mjs <port>; prints "listening" when up.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const api = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/api/package.json');
const Fastify = createRequire(api)('fastify');
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.argv[2] ?? 3199), host: '127.0.0.1' });
console.log('listening');
