// Addresses of the certificate pages.
export const MY_CERTIFICATES_PATH = '/my/certificates';
export const ISSUED_CERTIFICATES_PATH = '/admin/certificates';

/** The public verification page of a certificate (the address its QR code carries). */
export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

/** The issuer's list: an organisation's certificates, or the city's (`?issuer=city`). */
export function issuedCertificatesPath(issuer: string | null): string {
  return `${ISSUED_CERTIFICATES_PATH}?issuer=${encodeURIComponent(issuer ?? CITY_ISSUER)}`;
}

/** The issuer choice that stands for the city (its own, district and hub programs). */
export const CITY_ISSUER = 'city';

/** The code as it is printed: groups of four ("K7M2-Q9TX-R4WZ-P3HD"). */
export function groupedCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
