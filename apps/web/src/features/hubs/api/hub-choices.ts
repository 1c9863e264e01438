// The hubs the signed-in account looks after, for pickers: every hub for a city administrator,
// the granted ones for a hub manager.
import { useQuery } from '@tanstack/react-query';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { hubsQueryOptions } from './get-hubs';

export interface HubChoice {
  id: string;
  name: string;
}

export type HubChoices =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry(): void }
  | { status: 'ready'; hubs: HubChoice[] };

export function useHubChoices(): HubChoices {
  const { me } = useAuth();
  const locale = useLocale();
  const cityAdmin = isCityAdmin(me);
  const all = useQuery({ ...hubsQueryOptions({ limit: 100 }), enabled: cityAdmin });
  if (!me) return { status: 'none' };
  if (cityAdmin) {
    if (all.isPending) return { status: 'loading' };
    if (all.isError) return { status: 'error', error: all.error, retry: () => void all.refetch() };
    return {
      status: 'ready',
      hubs: all.data.items.map((h) => ({ id: h.id, name: localized(h.name, locale) })),
    };
  }
  const seen = new Set<string>();
  const hubs: HubChoice[] = [];
  for (const g of me.grants) {
    if (g.role !== 'hub_manager' || !g.hubId || seen.has(g.hubId)) continue;
    seen.add(g.hubId);
    hubs.push({ id: g.hubId, name: g.hubName ?? g.hubId });
  }
  return hubs.length ? { status: 'ready', hubs } : { status: 'none' };
}
