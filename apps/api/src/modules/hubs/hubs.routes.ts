// The hub network, public: hubs, one hub, its rooms, one room.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  HubExceptionInput,
  HubExceptionSchema,
  HubInput,
  HubListQuery,
  HubPatch,
  HubSchema,
  IdParams,
  Page,
  RoomInput,
  RoomPatch,
  RoomSchema,
  Uuid,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { Type } from 'typebox';
import { requirePrincipal } from '../../plugins/auth';
import {
  addException,
  createHub,
  createRoom,
  listExceptions,
  removeException,
  updateHub,
  updateRoom,
} from './hubs.service';
import type { Database } from '../../db/database';
import { problems, secured } from '../route-schemas';
import { notFound } from '../../errors';
import { findHub, findRoom, listHubs, listRooms } from './hubs.repository';

const tags = ['hubs'];

const hubsRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/hubs',
    {
      config: { access: 'public', publicCache: { tables: ['hubs', 'rooms', 'hub_opening_hours'] } },
      schema: {
        tags: ['hubs'],
        summary: 'The hub network',
        querystring: HubListQuery,
        response: { 200: Page(HubSchema), ...problems },
      },
    },
    async (request, reply) =>
      app.publicCache.send(request, reply, () =>
        listHubs(db, {
          district: request.query.district,
          limit: request.query.limit ?? DEFAULT_LIMIT,
          offset: request.query.offset ?? 0,
        }),
      ),
  );
  app.get(
    '/hubs/:id',
    {
      config: { access: 'public', publicCache: { tables: ['hubs', 'rooms', 'hub_opening_hours'] } },
      schema: {
        tags: ['hubs'],
        summary: 'One hub',
        params: IdParams,
        response: { 200: HubSchema, ...problems },
      },
    },
    async (request, reply) =>
      app.publicCache.send(
        request,
        reply,
        async () => (await findHub(db, request.params.id)) ?? Promise.reject(notFound('No such hub.')),
      ),
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
      config: { access: 'public', publicCache: { tables: ['rooms'] } },
      schema: {
        tags: ['hubs'],
        summary: 'One room',
        params: IdParams,
        response: { 200: RoomSchema, ...problems },
      },
    },
    async (request, reply) =>
      app.publicCache.send(
        request,
        reply,
        async () => (await findRoom(db, request.params.id)) ?? Promise.reject(notFound('No such room.')),
      ),
  );

  app.post(
    '/hubs',
    {
      config: { access: { roles: ['city_admin'] } },
      schema: {
        tags,
        ...secured,
        summary: 'City admin: open a hub',
        body: HubInput,
        response: { 201: HubSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createHub(db, requirePrincipal(request), request.body, request.ip)),
  );
  app.patch(
    '/hubs/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'City admin or the hub’s manager: change details or weekly hours (replaced whole)',
        params: IdParams,
        body: HubPatch,
        response: { 200: HubSchema, ...problems },
      },
    },
    async (request) => updateHub(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/hubs/:id/rooms',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'City admin or the hub’s manager: add a room',
        params: IdParams,
        body: RoomInput,
        response: { 201: RoomSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createRoom(db, requirePrincipal(request), request.params.id, request.body, request.ip)),
  );
  app.patch(
    '/rooms/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'City admin or the hub’s manager: change a room and its booking rules',
        params: IdParams,
        body: RoomPatch,
        response: { 200: RoomSchema, ...problems },
      },
    },
    async (request) => updateRoom(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.get(
    '/hubs/:id/exceptions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Dated exceptions to the weekly hours (holidays, special hours)',
        params: IdParams,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date' })),
          to: Type.Optional(Type.String({ format: 'date' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(HubExceptionSchema) }), ...problems },
      },
    },
    async (request) => {
      if (!(await findHub(db, request.params.id))) throw notFound('No such hub.');
      return { items: await listExceptions(db, request.params.id, request.query.from, request.query.to) };
    },
  );
  app.post(
    '/hubs/:id/exceptions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'City admin or the hub’s manager: a closed day, or special hours for a date',
        params: IdParams,
        body: HubExceptionInput,
        response: { 201: HubExceptionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addException(db, requirePrincipal(request), request.params.id, request.body, request.ip)),
  );
  app.delete(
    '/hubs/:id/exceptions/:exceptionId',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Remove a dated exception',
        params: Type.Object({ id: Uuid, exceptionId: Uuid }),
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await removeException(
        db,
        requirePrincipal(request),
        request.params.id,
        request.params.exceptionId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );
};

export default hubsRoutes;
