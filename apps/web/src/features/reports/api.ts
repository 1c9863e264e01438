// The reports: the public list, a published report and its hash check; the city admin's list with
// drafts, a draft, building, narratives and publishing. Every change invalidates ['reports'].
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Paged,
  Report,
  ReportNarrativesPatch,
  ReportSummary,
  ReportVerification,
} from '@vcentri/shared';
import { API_BASE, api } from '../../lib/api-client';

export const REPORTS_KEY = ['reports'] as const;
export const REPORTS_PAGE = 20;

const enc = encodeURIComponent;

/** Where a published report's PDF is (public: a plain link works). */
export const reportPdfUrl = (period: string, lang: 'uk' | 'en') =>
  `${API_BASE}/reports/${enc(period)}.pdf${lang === 'en' ? '?lang=en' : ''}`;
export const reportJsonUrl = (period: string) => `${API_BASE}/reports/${enc(period)}`;

export const publishedReportsQuery = (offset: number) =>
  queryOptions({
    queryKey: [...REPORTS_KEY, 'published', offset],
    queryFn: ({ signal }) =>
      api.get<Paged<ReportSummary>>('/reports', { limit: REPORTS_PAGE, offset }, signal),
    placeholderData: keepPreviousData,
  });
export const usePublishedReports = (offset: number) => useQuery(publishedReportsQuery(offset));

export const reportQuery = (period: string) =>
  queryOptions({
    queryKey: [...REPORTS_KEY, 'published-one', period],
    queryFn: ({ signal }) => api.get<Report>(`/reports/${enc(period)}`, undefined, signal),
  });
export const useReport = (period: string) => useQuery(reportQuery(period));

export const getVerification = (period: string) =>
  api.get<ReportVerification>(`/reports/${enc(period)}/verify`);
export const useVerifyReport = () => useMutation({ mutationFn: getVerification });

export const allReportsQuery = (offset: number) =>
  queryOptions({
    queryKey: [...REPORTS_KEY, 'all', offset],
    queryFn: ({ signal }) =>
      api.get<Paged<ReportSummary>>('/admin/reports', { limit: REPORTS_PAGE, offset }, signal),
    placeholderData: keepPreviousData,
  });
export const useAllReports = (offset: number) => useQuery(allReportsQuery(offset));

export const draftQuery = (period: string) =>
  queryOptions({
    queryKey: [...REPORTS_KEY, 'draft', period],
    queryFn: ({ signal }) => api.get<Report>(`/reports/${enc(period)}/draft`, undefined, signal),
  });
export const useDraft = (period: string | null) =>
  useQuery({ ...draftQuery(period ?? ''), enabled: !!period });

function useReportMutation<A>(mutationFn: (arg: A) => Promise<Report>, onSuccess?: (r: Report) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (report) => {
      queryClient.setQueryData(draftQuery(report.period).queryKey, report);
      onSuccess?.(report);
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
    },
  });
}

export const useBuildDraft = (onSuccess?: (r: Report) => void) =>
  useReportMutation((period: string) => api.post<Report>(`/reports/${enc(period)}/draft`), onSuccess);
export const useSaveNarratives = (onSuccess?: (r: Report) => void) =>
  useReportMutation(
    ({ period, patch }: { period: string; patch: ReportNarrativesPatch }) =>
      api.patch<Report>(`/reports/${enc(period)}/draft`, patch),
    onSuccess,
  );
export const usePublishReport = (onSuccess?: (r: Report) => void) =>
  useReportMutation((period: string) => api.post<Report>(`/reports/${enc(period)}/publish`), onSuccess);
