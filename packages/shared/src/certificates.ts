// Certificates of approved volunteer hours: what a volunteer asks for, what a certificate says
// (frozen when issued), and what anyone sees when verifying one by its code. The signed
// credential (an Open Badges 3.0 VC-JWT) and the PDF are downloads of the same certificate.
import { type Static, Type } from 'typebox';
import { Instant, LocaleSchema, Limit, Offset, Uuid } from './common';

const Text = Type.Object({ uk: Type.String(), en: Type.String() });
const KyivDate = Type.String({ format: 'date', description: 'a Kyiv calendar date, YYYY-MM-DD' });

/** 16 characters of A–Z and 2–9 without look-alikes (80 random bits); dashes and case are ignored on input. */
export const CERTIFICATE_CODE_LENGTH = 16;
export const CertificateCode = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'the verification code',
});

export const CertificateRequest = Type.Object(
  {
    locale: LocaleSchema,
    printedName: Type.String({ minLength: 2, maxLength: 120, description: 'the name as it is printed' }),
    programId: Type.Optional(Uuid),
    from: Type.Optional(KyivDate),
    to: Type.Optional(KyivDate),
  },
  { additionalProperties: false },
);
export type CertificateRequest = Static<typeof CertificateRequest>;

/** Who vouches for the hours: the organisation that runs the programs, or the city for its own. */
export const CertificateIssuer = Type.Object({
  kind: Type.Union([Type.Literal('organization'), Type.Literal('city')]),
  organizationId: Type.Union([Uuid, Type.Null()]),
  name: Text,
});
export type CertificateIssuer = Static<typeof CertificateIssuer>;

/** One program's approved hours on the certificate. */
export const CertificateLine = Type.Object({
  program: Text,
  organization: Text,
  from: KyivDate,
  to: KyivDate,
  minutes: Type.Integer({ minimum: 1 }),
});
export type CertificateLine = Static<typeof CertificateLine>;

const certified = {
  code: Type.String(),
  status: Type.Union([Type.Literal('valid'), Type.Literal('revoked')]),
  locale: LocaleSchema,
  printedName: Type.String(),
  issuer: CertificateIssuer,
  lines: Type.Array(CertificateLine),
  totalMinutes: Type.Integer({ minimum: 1 }),
  period: Type.Object({ from: KyivDate, to: KyivDate }),
  issuedAt: Instant,
  revokedAt: Type.Union([Instant, Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
  verifyUrl: Type.String({ description: 'the portal page that verifies it: {base}/verify/{code}' }),
};

/** What anyone sees by the code: exactly what the certificate prints, and its status. */
export const CertificateVerification = Type.Object(certified);
export type CertificateVerification = Static<typeof CertificateVerification>;

/** The certificate as its volunteer and its issuer see it. */
export const CertificateSchema = Type.Object({
  id: Uuid,
  ...certified,
  programId: Type.Union([Uuid, Type.Null()]),
});
export type Certificate = Static<typeof CertificateSchema>;

export const IssuedCertificatesQuery = Type.Object({
  organizationId: Type.Optional(Uuid),
  status: Type.Optional(Type.Union([Type.Literal('valid'), Type.Literal('revoked')])),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type IssuedCertificatesQuery = Static<typeof IssuedCertificatesQuery>;

export const CertificateCodeParams = Type.Object({ code: CertificateCode });
export const StatusListParams = Type.Object({ list: Type.Integer({ minimum: 0, maximum: 1_000_000 }) });

/** The JWK set at /.well-known/jwks.json. */
export const JwkSetSchema = Type.Object({
  keys: Type.Array(
    Type.Object({
      kid: Type.String(),
      kty: Type.String(),
      crv: Type.String(),
      x: Type.String(),
      y: Type.Optional(Type.String()),
      alg: Type.String(),
      use: Type.Literal('sig'),
    }),
  ),
});
export type JwkSet = Static<typeof JwkSetSchema>;

export const RevokeCertificateBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 500 }),
    /**
     * The hours were approved by mistake: withdraw their approval too (they become rejected, with
     * the reason), so no later certificate counts them. Hours another live certificate still holds
     * keep their approval until that one is revoked as well.
     */
    withdrawHours: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RevokeCertificateBody = Static<typeof RevokeCertificateBody>;
