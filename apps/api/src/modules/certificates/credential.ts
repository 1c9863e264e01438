// The Open Badges 3.0 credential of a certificate — a W3C Verifiable Credential 2.0 whose JOSE
// securing (VC-JWT) makes the credential itself the JWT's payload — and the revocation status
// lists it points to (W3C Bitstring Status List: one bit per certificate, gzip, base64url).
import { gzipSync } from 'node:zlib';
import {
  addDays,
  type CertificateIssuer,
  type CertificateLine,
  fromKyiv,
  type Locale,
} from '@vcentri/shared';
import type { CredentialSigningKey } from '../../config';
import { hoursText } from './texts';
import { signJwt } from './keys';

/** Bits per status list: the specification's minimum of 16 KB, so a set bit hides in a crowd. */
export const STATUS_LIST_SIZE = 131_072;
export const CREDENTIAL_TYPE = 'vc+jwt';

const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const verifyUrl = (base: string, code: string) => `${base}/verify/${code}`;
export const credentialId = (base: string, code: string) => `${base}/api/v1/credentials/${code}`;
export const statusListUrl = (base: string, list: number) => `${base}/api/v1/credentials/status/${list}`;

/** The platform as the issuer of status lists, and the city as the issuer of its programs' hours. */
export const CITY_ISSUER_NAME = { uk: 'Місто Київ — мережа Vcentri', en: 'City of Kyiv — Vcentri network' };

/**
 * The issuer as the credential names it. Its `id` is the platform's for every certificate — the
 * one that signs it and its status list (a verifier such as Digital Bazaar's status-list checker
 * requires the two issuers to match); the organisation is its name and its registry page.
 */
function issuerProfile(base: string, issuer: CertificateIssuer, locale: Locale) {
  return {
    id: base,
    type: ['Profile'],
    name: issuer.name[locale],
    ...(issuer.organizationId ? { url: `${base}/registry/${issuer.organizationId}` } : {}),
  };
}

export interface CredentialInput {
  id: string;
  code: string;
  base: string;
  locale: Locale;
  printedName: string;
  issuer: CertificateIssuer;
  lines: CertificateLine[];
  totalMinutes: number;
  period: { from: string; to: string };
  issuedAt: Date;
  statusIndex: number;
}

export function openBadgeCredential(c: CredentialInput) {
  const list = Math.floor(c.statusIndex / STATUS_LIST_SIZE);
  const listUrl = statusListUrl(c.base, list);
  const id = credentialId(c.base, c.code);
  const total = hoursText(c.totalMinutes, c.locale);
  const uk = c.locale === 'uk';
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: uk ? 'Сертифікат волонтерських годин' : 'Certificate of volunteer hours',
    issuer: issuerProfile(c.base, c.issuer, c.locale),
    validFrom: c.issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: c.printedName },
      ],
      activityStartDate: fromKyiv(c.period.from, '00:00').toISOString(),
      activityEndDate: fromKyiv(addDays(c.period.to, 1), '00:00').toISOString(),
      achievement: {
        id: `${id}#achievement`,
        type: ['Achievement'],
        name: uk ? `Волонтерські години: ${total}` : `Volunteer hours: ${total}`,
        description: c.lines
          .map(
            (l) =>
              `${l.program[c.locale]} (${l.organization[c.locale]}), ${l.from} – ${l.to}: ${hoursText(l.minutes, c.locale)}`,
          )
          .join('; '),
        criteria: {
          narrative: uk
            ? 'Години, затверджені координаторами програм на платформі Vcentri.'
            : 'Hours approved by the programs’ coordinators on the Vcentri platform.',
        },
      },
    },
    evidence: c.lines.map((l) => ({
      type: ['Evidence'],
      name: l.program[c.locale],
      description: `${l.organization[c.locale]}; ${l.from} – ${l.to}; ${hoursText(l.minutes, c.locale)}`,
    })),
    credentialStatus: {
      id: `${listUrl}#${c.statusIndex % STATUS_LIST_SIZE}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(c.statusIndex % STATUS_LIST_SIZE),
      statusListCredential: listUrl,
    },
  };
}

/** The compact JWS: header `alg`, `kid`, `typ: vc+jwt`; registered claims mirror the credential. */
export function signCredential(key: CredentialSigningKey, c: CredentialInput): Promise<string> {
  const vc = openBadgeCredential(c);
  return signJwt(
    key,
    { ...vc, iss: vc.issuer.id, jti: vc.id, iat: Math.floor(c.issuedAt.getTime() / 1000) },
    CREDENTIAL_TYPE,
  );
}

/** The revocation bits of one list: bit i (left to right, most significant first) is index i. */
export function encodeStatusList(revokedPositions: number[]): string {
  const bits = Buffer.alloc(STATUS_LIST_SIZE / 8);
  for (const i of revokedPositions) bits[i >> 3]! |= 0x80 >> (i & 7);
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function signStatusList(key: CredentialSigningKey, base: string, list: number, revoked: number[]) {
  const id = statusListUrl(base, list);
  const now = new Date();
  return signJwt(
    key,
    {
      '@context': [VC_CONTEXT],
      id,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: base, type: ['Profile'], name: 'Vcentri' },
      validFrom: now.toISOString(),
      credentialSubject: {
        id: `${id}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: encodeStatusList(revoked),
      },
      iss: base,
      jti: id,
      iat: Math.floor(now.getTime() / 1000),
    },
    CREDENTIAL_TYPE,
  );
}
