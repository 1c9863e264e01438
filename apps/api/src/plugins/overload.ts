// Graceful overload: when the process cannot keep up, API requests are refused at once with
// 503 `overloaded` and a Retry-After, instead of queueing until every answer is late. Two signals:
// the event loop's delay (@fastify/under-pressure; in embedded mode the database runs on the event
// loop too, so its backlog shows here) and, on PostgreSQL, the database calls already waiting for
// a pooled connection (how many, and how long the oldest has waited). `/api/v1/health` and the portal's files are never refused: a load balancer
// must still hear that the process lives, and a page must still load to show the message.
import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { type Database, oldestConnectionWait, waitingForConnection } from '../db/database';
import { OVERLOAD_RETRY_AFTER_SECONDS, problemBody } from './problem';
/** How often the event-loop delay is sampled; the refusal ends at most this long after the load. */
const SAMPLE_INTERVAL_MS = 500;

const OVERLOADED_DETAIL = 'The service is too busy to take this request now; try again in a few seconds.';

/** Requests that are never refused for load: health, and everything outside the API (the portal). */
export function exemptFromOverload(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/')) return true;
  // By its route, so `/api/v1/health/` and `/api/v1/health?x` are health too.
  return request.routeOptions.url === '/api/v1/health';
}

/** Prepares the reply as the 503 `overloaded` problem and returns its body. */
function overloaded(reply: FastifyReply) {
  reply
    .status(503)
    .header('retry-after', String(OVERLOAD_RETRY_AFTER_SECONDS))
    .header('cache-control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify);
  return problemBody(503, 'overloaded', OVERLOADED_DETAIL);
}

export default fp(
  async (app: FastifyInstance, opts: { config: Readonly<Config>; db: Database }) => {
    const { config, db } = opts;
    let lastWarning = 0;
    const warn = (reason: string, value: unknown) => {
      if (Date.now() - lastWarning < 10_000) return;
      lastWarning = Date.now();
      app.log.warn({ reason, value }, 'overloaded: refusing API requests with 503');
    };

    // Start-up (compiling every route's schemas, and in embedded mode migrating and seeding) stalls
    // the event loop, and the sample that covers it would refuse the first requests. Delay is
    // trusted once a whole sample has been taken after the app was ready.
    let trustedFrom = Number.POSITIVE_INFINITY;
    app.addHook('onReady', async () => {
      trustedFrom = performance.now() + 2 * SAMPLE_INTERVAL_MS;
    });

    // Registered even with the check off, so `app.isUnderPressure()` and `memoryUsage()` exist.
    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      sampleInterval: SAMPLE_INTERVAL_MS,
      // Returning nothing lets the request through; returning a body makes the plugin answer with
      // it and stop there (its types only mention void, but it sends any non-null result).
      pressureHandler: (request, reply, type, value) => {
        if (exemptFromOverload(request)) return;
        if (type === 'eventLoopDelay' && performance.now() < trustedFrom) return;
        warn(type, value);
        return overloaded(reply) as unknown as undefined;
      },
    });

    // Database work waiting for a connection: past either bound (how many calls wait, how long
    // the oldest has waited), new requests are refused before they add to it (requests already
    // running finish; their calls wait at most the connect timeout). The time bound keeps the
    // accepted requests prompt: a queue of a few calls behind slow statements is already late.
    const maxWaiting = config.databaseMaxWaiting;
    const maxWaitMs = config.databaseMaxWaitMs;
    if (maxWaiting > 0 || maxWaitMs > 0) {
      // Callback style: run on every request, it should cost no promise when there is no queue.
      app.addHook('onRequest', (request, reply, done) => {
        const waiting = waitingForConnection(db);
        if (waiting === null || waiting === 0) return done();
        const tooMany = maxWaiting > 0 && waiting >= maxWaiting;
        const waitedMs = tooMany || maxWaitMs === 0 ? 0 : (oldestConnectionWait(db) ?? 0);
        if (!tooMany && waitedMs <= maxWaitMs) return done();
        if (exemptFromOverload(request)) return done();
        if (tooMany) warn('databaseWaiting', waiting);
        else warn('databaseWaitMs', Math.round(waitedMs));
        // Answered here: the chain stops (done is not called).
        reply.send(overloaded(reply));
      });
    }
  },
  { name: 'overload', dependencies: ['problem'] },
);
