// Personal data: what the portal keeps (the public description), a person's consents, their data
// exports (requested, prepared by a background job, downloaded with the session's token), the
// erasure of their own account, and a city administrator acting on someone's written request.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Consent,
  ConsentKind,
  DataExport,
  PrivacyInfo,
  SetConsentBody,
  StaffPrivacyBody,
} from '@vcentri/shared';
import { API_BASE, api, apiDownload, apiRequest, isApiError, newIdempotencyKey } from '../../lib/api-client';
import { useAuth } from '../../lib/auth';
import { saveFile } from '../../lib/download';
import { kyivToday } from '../../lib/kyiv-dates';

export const PRIVACY_KEY = ['privacy'] as const;

const privacyKeys = {
  info: [...PRIVACY_KEY, 'info'] as const,
  consents: (viewer: string) => [...PRIVACY_KEY, 'consents', viewer] as const,
  exports: (viewer: string, userId: string) => [...PRIVACY_KEY, 'exports', viewer, userId] as const,
};

/** How often a list with an archive still being prepared is read again. */
export const EXPORT_POLL_MS = 3000;

interface Items<T> {
  items: T[];
}

/** The categories of personal data, the configured periods and the consents' current wording. */
export function usePrivacyInfo() {
  return useQuery({
    queryKey: privacyKeys.info,
    queryFn: ({ signal }) => api.get<PrivacyInfo>('/privacy', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useMyConsents() {
  const { status, user } = useAuth();
  return useQuery({
    queryKey: privacyKeys.consents(user?.id ?? 'guest'),
    queryFn: ({ signal }) => api.get<Items<Consent>>('/me/consents', undefined, signal),
    enabled: status === 'signed_in',
  });
}

export function useSetConsent(options: { onSuccess?: (consent: Consent) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: ConsentKind; body: SetConsentBody }) =>
      apiRequest<Consent>(`/me/consents/${encodeURIComponent(kind)}`, { method: 'PUT', body }),
    onSuccess: async (consent) => {
      options.onSuccess?.(consent);
      await queryClient.invalidateQueries({ queryKey: [...PRIVACY_KEY, 'consents'] });
    },
    onError: async (error) => {
      // The wording changed meanwhile: read the current one, so the person decides on it.
      if (isApiError(error) && error.code === 'consent_outdated')
        await queryClient.invalidateQueries({ queryKey: privacyKeys.info });
    },
  });
}

const hasPending = (data: Items<DataExport> | undefined) => !!data?.items.some((e) => e.status === 'pending');

/**
 * Data exports, newest first: the signed-in person's own (`userId` null) or, for a city
 * administrator, another account's. Read again every few seconds while one is being prepared.
 */
export function useDataExports(userId: string | null, options: { enabled?: boolean } = {}) {
  const { status, user } = useAuth();
  const path = userId ? `/admin/users/${encodeURIComponent(userId)}/data-exports` : '/me/data-exports';
  return useQuery({
    queryKey: privacyKeys.exports(user?.id ?? 'guest', userId ?? 'me'),
    queryFn: ({ signal }) => api.get<Items<DataExport>>(path, undefined, signal),
    enabled: status === 'signed_in' && (options.enabled ?? true),
    refetchInterval: (query) => (hasPending(query.state.data) ? EXPORT_POLL_MS : false),
  });
}

/** Whose archive to prepare: one's own, or another account's on a written request. */
export type DataExportRequest = { userId: null } | { userId: string; reason: string };

/** Asks for an archive (prepared by a background job; the list shows it as pending meanwhile). */
export function useRequestDataExport(options: { onSuccess?: (dataExport: DataExport) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DataExportRequest) =>
      apiRequest<DataExport>(
        request.userId === null
          ? '/me/data-exports'
          : `/admin/users/${encodeURIComponent(request.userId)}/data-exports`,
        {
          method: 'POST',
          body: request.userId === null ? undefined : ({ reason: request.reason } satisfies StaffPrivacyBody),
          idempotencyKey: newIdempotencyKey(),
        },
      ),
    onSuccess: async (dataExport) => {
      options.onSuccess?.(dataExport);
      await queryClient.invalidateQueries({ queryKey: [...PRIVACY_KEY, 'exports'] });
    },
  });
}

/** The archive's name on the reader's disk: `vcentri-data-2026-12-02.zip`. */
export function archiveFileName(now: Date = new Date()): string {
  return `vcentri-data-${kyivToday(now)}.zip`;
}

/** Fetches a ready archive with the session's token and offers it to save. */
export function useDownloadDataExport() {
  return useMutation({
    mutationFn: async (dataExport: DataExport) => {
      const url = dataExport.downloadUrl ?? `${API_BASE}/data-exports/${dataExport.id}/archive.zip`;
      const blob = await apiDownload(url.startsWith(API_BASE) ? url.slice(API_BASE.length) : url);
      saveFile(blob, archiveFileName());
    },
  });
}

/**
 * Deletes the signed-in account (the password confirms it is them). The session ends with it:
 * the caller leaves the page and forgets the session.
 */
export function useEraseMe(options: { onSuccess?: () => void } = {}) {
  return useMutation({
    mutationFn: (password: string) => apiRequest<void>('/me', { method: 'DELETE', body: { password } }),
    onSuccess: () => options.onSuccess?.(),
  });
}
