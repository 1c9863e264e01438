// Surveys for the portal: staff lists and edits, the resident's one-time token and anonymous
// answer, and the results. The answer is sent WITHOUT the account (no Authorization header, no
// cookies), so nothing on the wire ties it to the person; the token is kept in localStorage only
// until the answer is accepted.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerInput,
  Paged,
  Problem,
  SurveyInput,
  SurveyListQuery,
  SurveyPatch,
  SurveyResults,
  SurveyView,
} from '@vcentri/shared';
import { API_BASE, ApiError, api } from '../../lib/api-client';

export const SURVEYS_KEY = ['surveys'] as const;
export const surveyKeys = {
  list: (query: object) => [...SURVEYS_KEY, 'list', query] as const,
  one: (id: string) => [...SURVEYS_KEY, 'one', id] as const,
  results: (id: string) => [...SURVEYS_KEY, 'results', id] as const,
};

const path = (id: string) => `/surveys/${encodeURIComponent(id)}`;

export function useSurveys(query: SurveyListQuery) {
  return useQuery({
    queryKey: surveyKeys.list(query),
    queryFn: ({ signal }) => api.get<Paged<SurveyView>>('/surveys', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: surveyKeys.one(id),
    queryFn: ({ signal }) => api.get<SurveyView>(path(id), undefined, signal),
  });
}

export function useSurveyResults(id: string, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: ({ signal }) => api.get<SurveyResults>(`${path(id)}/results`, undefined, signal),
    enabled,
  });
}

function useSaved(onSuccess?: (survey: SurveyView) => void) {
  const queryClient = useQueryClient();
  return async (survey: SurveyView) => {
    queryClient.setQueryData(surveyKeys.one(survey.id), survey);
    onSuccess?.(survey);
    await queryClient.invalidateQueries({ queryKey: SURVEYS_KEY });
  };
}

export function useCreateSurvey(options: { onSuccess?: (survey: SurveyView) => void } = {}) {
  return useMutation({
    mutationFn: (input: SurveyInput) => api.post<SurveyView>('/surveys', input),
    onSuccess: useSaved(options.onSuccess),
  });
}

export function useUpdateSurvey(options: { onSuccess?: (survey: SurveyView) => void } = {}) {
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: SurveyPatch }) => api.patch<SurveyView>(path(id), patch),
    onSuccess: useSaved(options.onSuccess),
  });
}

export function useSurveyAction(action: 'publish' | 'close', options: { onSuccess?: () => void } = {}) {
  const saved = useSaved(options.onSuccess);
  return useMutation({
    mutationFn: (id: string) => api.post<SurveyView>(`${path(id)}/${action}`),
    onSuccess: saved,
  });
}

export function useDeleteSurvey(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(path(id)),
    onSuccess: async () => {
      options.onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: SURVEYS_KEY });
    },
  });
}

const tokenKey = (id: string) => `vcentri.survey-token.${id}`;

export function storedToken(id: string): string | null {
  try {
    return globalThis.localStorage?.getItem(tokenKey(id)) ?? null;
  } catch {
    return null;
  }
}

function storeToken(id: string, token: string | null) {
  try {
    if (token) globalThis.localStorage?.setItem(tokenKey(id), token);
    else globalThis.localStorage?.removeItem(tokenKey(id));
  } catch {
    // Private mode without storage: the token lives in memory for this visit only.
  }
}

/** Takes the one-time token (signed in) and keeps it in this browser until the answer is sent. */
export async function takeToken(id: string): Promise<string> {
  const { token } = await api.post<{ token: string }>(`${path(id)}/invitation`);
  storeToken(id, token);
  return token;
}

/** Sends the answer anonymously: no Authorization header, no cookies. */
export async function sendAnswer(id: string, token: string, answers: AnswerInput[]) {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path(id)}/responses`, {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, answers }),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'network_error');
  }
  if (!response.ok) {
    let problem: Partial<Problem> | null = null;
    try {
      problem = (await response.json()) as Partial<Problem>;
    } catch {
      problem = null;
    }
    const code = typeof problem?.code === 'string' ? problem.code : 'unknown_error';
    // A used token will never work again: forget it.
    if (code === 'invitation_used' || code === 'invitation_invalid') storeToken(id, null);
    throw new ApiError(response.status, code, problem?.detail, problem?.errors ?? []);
  }
  storeToken(id, null);
  return (await response.json()) as { answeredOn: string };
}
