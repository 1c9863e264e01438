// Certificates of approved volunteer hours: the volunteer's own (list, request, downloads), the
// public verification by code, and the issuer's list with revoking.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Certificate,
  CertificateRequest,
  CertificateVerification,
  IssuedCertificatesQuery,
  Paged,
} from '@vcentri/shared';
import { api, apiDownload, apiRequest, newIdempotencyKey } from '../../lib/api-client';
import { useAuth } from '../../lib/auth';
import { saveFile } from '../../lib/download';

export const CERTIFICATES_KEY = ['certificates'] as const;

const certificateKeys = {
  mine: (viewer: string) => [...CERTIFICATES_KEY, 'mine', viewer] as const,
  issued: (viewer: string, query: object) => [...CERTIFICATES_KEY, 'issued', viewer, query] as const,
  verification: (code: string) => [...CERTIFICATES_KEY, 'verify', code] as const,
};

export function useMyCertificates() {
  const { status, user } = useAuth();
  return useQuery({
    queryKey: certificateKeys.mine(user?.id ?? 'guest'),
    queryFn: ({ signal }) => api.get<Paged<Certificate>>('/me/credentials', { limit: 100 }, signal),
    enabled: status === 'signed_in',
  });
}

export function useRequestCertificates(options: { onSuccess?: (issued: Certificate[]) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CertificateRequest) =>
      apiRequest<Paged<Certificate>>('/me/credentials', {
        method: 'POST',
        body: input,
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: async (page) => {
      options.onSuccess?.(page.items);
      await queryClient.invalidateQueries({ queryKey: CERTIFICATES_KEY });
    },
  });
}

export type CertificateFile = 'pdf' | 'credential';

const FILES: Record<CertificateFile, { path: string; extension: string }> = {
  pdf: { path: 'certificate.pdf', extension: 'pdf' },
  credential: { path: 'credential.jwt', extension: 'jwt' },
};

/** Downloads one of the volunteer's files (it needs their session, so it is fetched, then saved). */
export function useDownloadCertificate() {
  return useMutation({
    mutationFn: async ({ certificate, file }: { certificate: Certificate; file: CertificateFile }) => {
      const { path, extension } = FILES[file];
      const blob = await apiDownload(`/me/credentials/${encodeURIComponent(certificate.id)}/${path}`);
      saveFile(blob, `certificate-${certificate.code}.${extension}`);
    },
  });
}

export function useVerification(code: string) {
  return useQuery({
    queryKey: certificateKeys.verification(code),
    queryFn: ({ signal }) =>
      api.get<CertificateVerification>(`/credentials/${encodeURIComponent(code)}`, undefined, signal),
    enabled: !!code,
    // A wrong code or too many checks is an answer to show, not a hiccup to retry.
    retry: false,
  });
}

export function useIssuedCertificates(query: IssuedCertificatesQuery, options: { enabled?: boolean } = {}) {
  const { status, user } = useAuth();
  return useQuery({
    queryKey: certificateKeys.issued(user?.id ?? 'guest', query),
    queryFn: ({ signal }) => api.get<Paged<Certificate>>('/credentials', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled: status === 'signed_in' && (options.enabled ?? true),
  });
}

export function useRevokeCertificate(options: { onSuccess?: (certificate: Certificate) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      code,
      reason,
      withdrawHours,
    }: {
      code: string;
      reason: string;
      withdrawHours?: boolean;
    }) =>
      apiRequest<Certificate>(`/credentials/${encodeURIComponent(code)}/revoke`, {
        method: 'POST',
        body: withdrawHours ? { reason, withdrawHours } : { reason },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: async (certificate) => {
      options.onSuccess?.(certificate);
      await queryClient.invalidateQueries({ queryKey: CERTIFICATES_KEY });
    },
  });
}
