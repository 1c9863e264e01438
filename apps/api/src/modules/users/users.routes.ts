// /me for every signed-in account; /admin/users and /admin/audit for city administrators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminUserQuery,
  AdminUserSchema,
  AuditEntrySchema,
  AuditQuery,
  GrantRoleBody,
  MeResponse,
  Page,
  RoleGrantSchema,
  UpdateMeBody,
  Uuid,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { problems, secured } from '../route-schemas';
import { requirePrincipal } from '../../plugins/auth';
import { listAudit } from '../audit/audit.repository';
import { describeMe, grantRole, listUsers, revokeRole, updateMe } from './users.service';

const cityAdmin = { access: { roles: ['city_admin' as const] } };

export const meRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account, its roles and scopes',
        ...secured,
        response: { 200: MeResponse, ...problems },
      },
    },
    async (request) => describeMe(db, requirePrincipal(request).userId),
  );
  app.patch(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Change your name, preferred language or the notification kinds not to e-mail',
        ...secured,
        body: UpdateMeBody,
        response: { 200: MeResponse, ...problems },
      },
    },
    async (request) => updateMe(db, requirePrincipal(request).userId, request.body),
  );
};

export const adminRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/admin/users',
    {
      config: cityAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Accounts with their role grants',
        ...secured,
        querystring: AdminUserQuery,
        response: { 200: Page(AdminUserSchema), ...problems },
      },
    },
    async (request) =>
      listUsers(db, request.query.q, request.query.limit ?? DEFAULT_LIMIT, request.query.offset ?? 0),
  );
  app.post(
    '/admin/users/:id/roles',
    {
      config: cityAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Grant a role (with its district, hub or organisation)',
        ...secured,
        params: Type.Object({ id: Uuid }),
        body: GrantRoleBody,
        response: { 201: RoleGrantSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await grantRole(db, requirePrincipal(request), request.params.id, request.body, request.ip)),
  );
  app.delete(
    '/admin/users/:id/roles/:grantId',
    {
      config: cityAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Revoke a role grant',
        ...secured,
        params: Type.Object({ id: Uuid, grantId: Uuid }),
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await revokeRole(db, requirePrincipal(request), request.params.id, request.params.grantId, request.ip);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/admin/audit',
    {
      config: cityAdmin,
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first',
        ...secured,
        querystring: AuditQuery,
        response: { 200: Page(AuditEntrySchema), ...problems },
      },
    },
    async (request) =>
      listAudit(db, {
        action: request.query.action,
        actorId: request.query.actorId,
        limit: request.query.limit ?? DEFAULT_LIMIT,
        offset: request.query.offset ?? 0,
      }),
  );
};
