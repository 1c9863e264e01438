// The hub network, public: hubs, one hub, its rooms, one room.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HubListQuery, HubSchema, IdParams, Page, ProblemSchema, RoomSchema } from '@vcentri/shared';
import type { Database } from '../../db/database';
import { notFound } from '../../errors';
import { findHub, findRoom, listHubs, listRooms } from './hubs.repository';

const problems = { 400: ProblemSchema, 404: ProblemSchema };

const hubsRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/hubs',
    {
      config: { access: 'public' },
      schema: {
        tags: ['hubs'],
        summary: 'The hub network',
        querystring: HubListQuery,
        response: { 200: Page(HubSchema), ...problems },
      },
    },
    async (request) =>
      listHubs(db, {
        district: request.query.district,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      }),
  );
  app.get(
    '/hubs/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['hubs'],
        summary: 'One hub',
        params: IdParams,
        response: { 200: HubSchema, ...problems },
      },
    },
    async (request) => (await findHub(db, request.params.id)) ?? Promise.reject(notFound('No such hub.')),
  );
  app.get(
    '/hubs/:id/rooms',
    {
      config: { access: 'public' },
      schema: {
        tags: ['hubs'],
        summary: 'The rooms of a hub',
        params: IdParams,
        response: { 200: Page(RoomSchema), ...problems },
      },
    },
    async (request) => {
      if (!(await findHub(db, request.params.id))) throw notFound('No such hub.');
      const items = await listRooms(db, request.params.id);
      return { items, total: items.length };
    },
  );
  app.get(
    '/rooms/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['hubs'],
        summary: 'One room',
        params: IdParams,
        response: { 200: RoomSchema, ...problems },
      },
    },
    async (request) => (await findRoom(db, request.params.id)) ?? Promise.reject(notFound('No such room.')),
  );
};

export default hubsRoutes;
