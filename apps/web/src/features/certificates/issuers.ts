// Who may list and revoke which certificates: the owners of the issuing organisation (not its
// members), and city admins — for the city's own and any organisation's. The API checks again.
import type { MeResponse } from '@vcentri/shared';
import { isCityAdmin } from '../../lib/auth';
import { CITY_ISSUER } from './paths';

export interface IssuerChoice {
  /** An organisation's id, or CITY_ISSUER. */
  value: string;
  name: { uk: string; en: string } | null;
}

export function issuerChoicesOf(me: MeResponse | null): IssuerChoice[] {
  if (!me) return [];
  const owned = new Map<string, IssuerChoice>();
  for (const g of me.grants) {
    if (g.role !== 'ngo_owner' || !g.organizationId) continue;
    const uk = g.organizationName ?? '';
    owned.set(g.organizationId, { value: g.organizationId, name: { uk, en: g.organizationNameEn ?? uk } });
  }
  return [...(isCityAdmin(me) ? [{ value: CITY_ISSUER, name: null }] : []), ...owned.values()];
}

/** Whether the account may see (and revoke) the certificates of this issuer. */
export function canRevokeFor(me: MeResponse | null, issuer: string | null): boolean {
  if (isCityAdmin(me)) return true;
  return issuerChoicesOf(me).some((c) => c.value === (issuer ?? CITY_ISSUER));
}
