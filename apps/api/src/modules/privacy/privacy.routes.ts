// /privacy (what is kept and why), /me/consents, /me/data-exports, DELETE /me, the archive's
// download, and the city administration's export and erasure on a person's written request.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CONSENT_KINDS,
  CONSENT_WORDING,
  ConsentKindSchema,
  ConsentSchema,
  DATA_CATEGORIES,
  DataExportSchema,
  EraseMeBody,
  IdParams,
  PrivacyInfo,
  SetConsentBody,
  StaffPrivacyBody,
} from '@vcentri/shared';
import { Type } from 'typebox';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { AppError, conflict, notFound } from '../../errors';
import { requirePrincipal } from '../../plugins/auth';
import { clearSessionCookies } from '../auth/auth.routes';
import { verifyPassword } from '../auth/passwords';
import { problems, secured } from '../route-schemas';
import { listConsents, setConsent } from './consents';
import { eraseAccount } from './erase';
import { exportArchive, listExports, requestExport } from './export';

const tags = ['privacy'];
const cityAdmin = { access: { roles: ['city_admin' as const] } };
const Items = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item) });

const privacyRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  const info = {
    categories: DATA_CATEGORIES.map((c) => ({ ...c })),
    retention: {
      auditIpDays: config.auditIpRetentionDays,
      exportDays: config.dataExportDays,
      unusedAccountDays: config.unusedAccountDays,
    },
    consents: CONSENT_KINDS.map((kind) => ({
      kind,
      version: CONSENT_WORDING[kind].version,
      text: { uk: CONSENT_WORDING[kind].uk, en: CONSENT_WORDING[kind].en },
    })),
  };

  app.get(
    '/privacy',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What personal data is kept, why, for how long, who sees it, and the consents’ wording',
        response: { 200: PrivacyInfo },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return info;
    },
  );

  app.get(
    '/me/consents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Your consents and when you decided',
        response: { 200: Items(ConsentSchema), ...problems },
      },
    },
    async (request) => ({ items: await listConsents(db, requirePrincipal(request).userId) }),
  );

  app.put(
    '/me/consents/:kind',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Give or withdraw a consent, to the wording version you were shown',
        description:
          'An older wording version: `409 consent_outdated`. Consent to be contacted as a volunteer needs a volunteer profile (`403 volunteer_profile_required`).',
        params: Type.Object({ kind: ConsentKindSchema }),
        body: SetConsentBody,
        response: { 200: ConsentSchema, ...problems },
      },
    },
    async (request) =>
      setConsent(db, requirePrincipal(request), request.params.kind, request.body, request.ip),
  );

  app.post(
    '/me/data-exports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Ask for an archive of everything linked to your account (prepared in the background)',
        description: `You are notified when it is ready; it can be downloaded for ${config.dataExportDays} days. Asking again while one is being prepared returns that one.`,
        response: { 202: DataExportSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const x = await requestExport(db, p.userId, { userId: p.userId, email: p.email }, request.ip);
      return reply.status(202).send(x);
    },
  );

  app.get(
    '/me/data-exports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Your data exports, newest first',
        response: { 200: Items(DataExportSchema), ...problems },
      },
    },
    async (request) => ({ items: await listExports(db, requirePrincipal(request).userId) }),
  );

  app.get(
    '/data-exports/:id/archive.zip',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Download a data export (the person it describes, or the city admin who asked for it)',
        description: 'Not ready yet: `409 export_not_ready`; expired or not yours: `404`.',
        params: IdParams,
        produces: ['application/zip'],
        response: problems,
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const found = await exportArchive(db, request.params.id, {
        userId: p.userId,
        isCityAdmin: p.isCityAdmin(),
      });
      if (!found) throw notFound('No such data export, or it has expired.');
      if (found === 'not_ready') throw conflict('export_not_ready', 'The archive is still being prepared.');
      const day = found.requestedAt.toISOString().slice(0, 10);
      return reply
        .type('application/zip')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="vcentri-data-${day}.zip"`)
        .send(found.archive as never);
    },
  );

  app.delete(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Delete your account: closed at once and your personal data erased',
        description:
          'Needs your password (`403 invalid_credentials`). The only owner of an organisation hands ownership over first (`409 owner_must_transfer`); the last city administrator cannot leave (`409 last_city_admin`). Future registrations and shift sign-ups are cancelled; bookings, attendance counts, approved hours and issued certificates stay without you.',
        body: EraseMeBody,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const user = await db
        .selectFrom('users')
        .select('passwordHash')
        .where('id', '=', p.userId)
        .executeTakeFirst();
      if (!user || !(await verifyPassword(user.passwordHash, request.body.password)))
        throw new AppError('invalid_credentials', 403, 'The password is not right.');
      await eraseAccount(db, p.userId, { actorId: p.userId, actorEmail: p.email, ip: request.ip });
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/users/:id/data-exports',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'Prepare a person’s data export on their written request (the reason is audited)',
        params: IdParams,
        body: StaffPrivacyBody,
        response: { 202: DataExportSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      await liveAccount(db, request.params.id);
      const x = await requestExport(
        db,
        request.params.id,
        { userId: p.userId, email: p.email },
        request.ip,
        request.body.reason,
      );
      return reply.status(202).send(x);
    },
  );

  app.get(
    '/admin/users/:id/data-exports',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'A person’s data exports',
        params: IdParams,
        response: { 200: Items(DataExportSchema), ...problems },
      },
    },
    async (request) => {
      await liveAccount(db, request.params.id);
      return { items: await listExports(db, request.params.id) };
    },
  );

  app.post(
    '/admin/users/:id/erase',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'Erase a person’s account on their written request (the reason is audited)',
        params: IdParams,
        body: StaffPrivacyBody,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      await eraseAccount(db, request.params.id, {
        actorId: p.userId,
        actorEmail: p.email,
        ip: request.ip,
        reason: request.body.reason,
      });
      return reply.status(204).send(null);
    },
  );
};

async function liveAccount(db: Database, userId: string) {
  const u = await db.selectFrom('users').select('erasedAt').where('id', '=', userId).executeTakeFirst();
  if (!u || u.erasedAt) throw notFound('No such account.');
}

export default privacyRoutes;
