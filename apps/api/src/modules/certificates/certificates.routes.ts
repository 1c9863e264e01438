// /me/credentials (a volunteer's certificates and their downloads), /credentials (issuers' lists,
// public verification by code, revocation, the signed revocation status lists).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CertificateCodeParams,
  CertificateRequest,
  CertificateSchema,
  CertificateVerification,
  IdParams,
  IssuedCertificatesQuery,
  Page,
  PageQuery,
  ProblemSchema,
  RevokeCertificateBody,
  StatusListParams,
} from '@vcentri/shared';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { requirePrincipal } from '../../plugins/auth';
import { problems, secured } from '../route-schemas';
import {
  issuedCertificates,
  myCertificate,
  myCertificates,
  ownCertificate,
  requestCertificates,
  revokeCertificate,
  statusListCredential,
  verificationView,
  verifyCertificate,
} from './certificates.service';
import { certificatePdf } from './pdf';

const tags = ['certificates'];
const VC_JWT = 'application/vc+jwt';

/**
 * The portal's public origin, which signed credentials, status lists and printed QR codes carry:
 * PUBLIC_URL, else the address this server listens on. Never the request's Host or forwarded
 * headers — a forged one would put an attacker's address into a credential signed with our key,
 * or get a genuinely signed status list naming it, which could then be replayed after a revocation.
 */
function publicBase(config: Readonly<Config>, server: FastifyInstance['server']): string {
  if (config.publicUrl) return config.publicUrl;
  const address = server.address();
  if (!address || typeof address === 'string') return 'http://localhost';
  const host =
    address.address === '0.0.0.0' || address.address === '::'
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  return `http://${host}:${address.port}`;
}

const certificatesRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  app.post(
    '/me/credentials',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Certify my approved hours (one program or all, over a period): one certificate per issuer',
        description:
          'Only the caller’s **approved** hours count. They are grouped by issuer — the organisation that runs the program, or the city for programs of the city, its districts and hubs — and each issuer’s hours become one certificate (all in one transaction). `409 no_approved_hours` when there are none.',
        body: CertificateRequest,
        response: { 201: Page(CertificateSchema), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await requestCertificates(
            db,
            config,
            requirePrincipal(request),
            request.body,
            publicBase(config, app.server),
            request.ip,
          ),
        ),
  );
  app.get(
    '/me/credentials',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'My certificates, newest first, with their status',
        querystring: PageQuery,
        response: { 200: Page(CertificateSchema), ...problems },
      },
    },
    async (request) => myCertificates(db, requirePrincipal(request), request.query),
  );
  app.get(
    '/me/credentials/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'One of my certificates (anyone else’s: 404)',
        params: IdParams,
        response: { 200: CertificateSchema, ...problems },
      },
    },
    async (request) => myCertificate(db, requirePrincipal(request), request.params.id),
  );
  app.get(
    '/me/credentials/:id/credential.jwt',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'The certificate as an Open Badges 3.0 credential (VC-JWT, application/vc+jwt)',
        params: IdParams,
        produces: [VC_JWT],
        response: { 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const cert = await ownCertificate(db, requirePrincipal(request), request.params.id);
      return reply
        .type(VC_JWT)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="certificate-${cert.code}.jwt"`)
        .send(cert.credential as never);
    },
  );
  app.get(
    '/me/credentials/:id/certificate.pdf',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'The certificate as a PDF in its language, with a QR code of its verification address',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const cert = await ownCertificate(db, requirePrincipal(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="certificate-${cert.code}.pdf"`)
        .send((await certificatePdf(verificationView(cert))) as never);
    },
  );
  app.get(
    '/credentials',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary:
          'Certificates an organisation issued (its owners, city admins) or, without organizationId, the city',
        querystring: IssuedCertificatesQuery,
        response: { 200: Page(CertificateSchema), ...problems },
      },
    },
    async (request) => issuedCertificates(db, requirePrincipal(request), request.query),
  );
  app.get(
    '/credentials/status/:list',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A revocation status list (BitstringStatusListCredential as a VC-JWT) credentials point to',
        params: StatusListParams,
        produces: [VC_JWT],
        response: { 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const jwt = await statusListCredential(db, config, publicBase(config, app.server), request.params.list);
      return reply
        .type(VC_JWT)
        .header('cache-control', 'no-cache') // a revocation shows at once
        .header('access-control-allow-origin', '*')
        .send(jwt as never);
    },
  );
  app.get(
    '/credentials/:code',
    {
      config: {
        access: 'public',
        rateLimit: { max: config.credentialVerifyRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Verify a certificate by its code: valid or revoked, and exactly what it certifies',
        description: `No account needed. Shows what the certificate prints and nothing else; ${config.credentialVerifyRateLimit} verifications a minute per client address.`,
        params: CertificateCodeParams,
        response: { 200: CertificateVerification, 404: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return verifyCertificate(db, request.params.code);
    },
  );
  app.post(
    '/credentials/:code/revoke',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Revoke a certificate with a reason (the issuing organisation’s owners, city admins)',
        description:
          'The volunteer is notified, the verification page and the status list show it at once. With `withdrawHours` the certified hours’ approval is withdrawn too (hours approved by mistake), unless another live certificate holds them. Revoking twice: `409 certificate_revoked`.',
        params: CertificateCodeParams,
        body: RevokeCertificateBody,
        response: { 200: CertificateSchema, ...problems },
      },
    },
    async (request) =>
      revokeCertificate(db, requirePrincipal(request), request.params.code, request.body.reason, request.ip, {
        withdrawHours: request.body.withdrawHours ?? false,
      }),
  );
};

export default certificatesRoutes;
