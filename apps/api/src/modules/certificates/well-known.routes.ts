// Served at the site's root, outside /api/v1: the JWK set third parties verify credentials with.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { JwkSetSchema } from '@vcentri/shared';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { jwkSet } from './keys';

const wellKnownRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['certificates'],
        summary: 'The public keys that sign certificates’ credentials (current first, then earlier ones)',
        response: { 200: JwkSetSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      reply.header('access-control-allow-origin', '*');
      return reply.type('application/jwk-set+json').send(await jwkSet(db, config.credentialSigningKey));
    },
  );
};

export default wellKnownRoutes;
