// Liveness with a database check: 503 when the database does not answer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema } from '@vcentri/shared';
import { type Database, pingDatabase } from '../../db/database';

const healthRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/health',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Health of the API and its database',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const ok = await Promise.race([
        pingDatabase(db),
        new Promise<boolean>((r) => setTimeout(() => r(false), 3000).unref()),
      ]);
      reply.header('cache-control', 'no-store');
      return ok
        ? { status: 'ok' as const, db: 'ok' as const }
        : reply.status(503).send({ status: 'unavailable', db: 'unreachable' });
    },
  );
};

export default healthRoutes;
