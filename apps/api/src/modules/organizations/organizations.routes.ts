// /organizations: the public registry, applications, moderation, history and members.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddMemberBody,
  HistoryEntry,
  IdParams,
  Member,
  ModerationQuery,
  Organization,
  OrganizationInput,
  type OrganizationAction,
  OrganizationPatch,
  OrganizationSearchQuery,
  Page,
  PublicOrganization,
  ReasonBody,
  TransferOwnershipBody,
  Uuid,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { problems, secured } from '../route-schemas';
import { requirePrincipal } from '../../plugins/auth';
import {
  listForModeration,
  listMemberOrganizations,
  searchVerified,
  toDto,
  toPublicDto,
} from './organizations.repository';
import {
  acknowledgeChanges,
  addMember,
  createOrganization,
  getHistory,
  getMembers,
  getOrganization,
  removeMember,
  transferOwnership,
  transition,
  updateOrganizationFields,
} from './organizations.service';

const tags = ['organizations'];

const organizationsRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/organizations',
    {
      config: { access: 'public', publicCache: { tables: ['organizations'] } },
      schema: {
        tags,
        summary: 'The public registry: verified organisations',
        description:
          '`q` matches Ukrainian and English names and descriptions, case-insensitively and tolerating a typo; best matches first unless `sort` says otherwise. `lang` picks the name used for sorting by name.',
        querystring: OrganizationSearchQuery,
        response: { 200: Page(PublicOrganization), ...problems },
      },
    },
    async (request, reply) =>
      app.publicCache.send(request, reply, async () => {
        const { items, total, totalExact } = await searchVerified(db, request.query);
        return { items: items.map(toPublicDto), total, totalExact };
      }),
  );

  app.post(
    '/organizations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Start an application (a draft); you become its owner',
        body: OrganizationInput,
        response: { 201: Organization, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createOrganization(db, requirePrincipal(request), request.body, request.ip)),
  );

  app.get(
    '/me/organizations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'The organisations you belong to, in any state',
        response: { 200: Page(Organization), ...problems },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const rows = await listMemberOrganizations(db, p.userId);
      return {
        items: rows.map((r) => toDto(r, r.myRole as 'ngo_owner' | 'ngo_member', p.isCityAdmin())),
        total: rows.length,
      };
    },
  );

  app.get(
    '/moderation/organizations',
    {
      config: { access: { roles: ['city_admin'] } },
      schema: {
        tags,
        ...secured,
        summary: 'The moderation queue (oldest application first)',
        querystring: Type.Intersect([
          ModerationQuery,
          Type.Object({ changed: Type.Optional(Type.Boolean()) }),
        ]),
        response: { 200: Page(Organization), ...problems },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listForModeration(db, {
        ...q,
        limit: q.limit ?? DEFAULT_LIMIT,
        offset: q.offset ?? 0,
      });
      return { items: items.map((r) => toDto(r, null, true)), total };
    },
  );

  app.get(
    '/organizations/:id',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'One organisation: verified ones for anyone; any state for its people and city admins',
        params: IdParams,
        response: { 200: Organization, ...problems },
      },
    },
    async (request) => getOrganization(db, request.principal, request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Edit (owner, member, city_admin); changes to a verified organisation are flagged for staff',
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: Organization, ...problems },
      },
    },
    async (request) =>
      updateOrganizationFields(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );

  const transitions: {
    action: OrganizationAction;
    summary: string;
    reason: 'required' | 'optional' | 'none';
  }[] = [
    {
      action: 'submit',
      summary: 'Owner: send a draft or rejected application for verification',
      reason: 'none',
    },
    { action: 'verify', summary: 'City admin: verify a submitted application', reason: 'none' },
    {
      action: 'reject',
      summary: 'City admin: reject a submitted application, with a reason',
      reason: 'required',
    },
    {
      action: 'suspend',
      summary: 'City admin: suspend a verified organisation, with a reason',
      reason: 'required',
    },
    { action: 'reinstate', summary: 'City admin: verify a suspended organisation again', reason: 'none' },
    { action: 'archive', summary: 'Owner or city admin: archive the organisation', reason: 'optional' },
  ];
  for (const t of transitions) {
    // An optional reason may come without any body at all, so it is read by hand below.
    const body = t.reason === 'required' ? ReasonBody : undefined;
    app.post(
      `/organizations/:id/${t.action}`,
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          ...secured,
          summary: t.summary,
          params: IdParams,
          ...(body ? { body } : {}),
          response: { 200: Organization, ...problems },
        },
      },
      async (request) => {
        const raw = (request.body as { reason?: unknown } | undefined)?.reason;
        const reason = typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, 2000) : null;
        return transition(db, requirePrincipal(request), request.params.id, t.action, reason, request.ip);
      },
    );
  }

  app.post(
    '/organizations/:id/acknowledge-changes',
    {
      config: { access: { roles: ['city_admin'] } },
      schema: {
        tags,
        ...secured,
        summary: 'City admin: mark a verified organisation’s edits as reviewed',
        params: IdParams,
        response: { 200: Organization, ...problems },
      },
    },
    async (request) => acknowledgeChanges(db, requirePrincipal(request), request.params.id, request.ip),
  );

  app.get(
    '/organizations/:id/history',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Every change: who, when, what (owner, city_admin)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }), ...problems },
      },
    },
    async (request) => ({ items: await getHistory(db, requirePrincipal(request), request.params.id) }),
  );

  app.get(
    '/organizations/:id/members',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'The people who act for the organisation',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Member) }), ...problems },
      },
    },
    async (request) => ({ items: await getMembers(db, requirePrincipal(request), request.params.id) }),
  );

  app.post(
    '/organizations/:id/members',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Owner: add a member by the e-mail of an existing account',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: Member, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addMember(db, requirePrincipal(request), request.params.id, request.body.email, request.ip),
        ),
  );

  app.delete(
    '/organizations/:id/members/:userId',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Owner: remove a member (a member may also leave)',
        params: Type.Object({ id: Uuid, userId: Uuid }),
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await removeMember(db, requirePrincipal(request), request.params.id, request.params.userId, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/organizations/:id/transfer-ownership',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Owner: hand ownership to a member; you stay as a member',
        params: IdParams,
        body: TransferOwnershipBody,
        response: { 200: Type.Object({ items: Type.Array(Member) }), ...problems },
      },
    },
    async (request) => ({
      items: await transferOwnership(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body.userId,
        request.ip,
      ),
    }),
  );
};

export default organizationsRoutes;
