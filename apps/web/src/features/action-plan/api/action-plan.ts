// The action plan: the public view as of a quarter, and the city admin's changes to commitments,
// indicators and quarterly values. Every change invalidates the plan, so the public page and the
// editor show the same figures.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionPlanView,
  CommitmentInput,
  CommitmentPatch,
  CommitmentView,
  IndicatorInput,
  IndicatorPatch,
  IndicatorValueInput,
  IndicatorView,
} from '@vcentri/shared';
import { api, apiRequest } from '../../../lib/api-client';

export const ACTION_PLAN_KEY = ['action-plan'] as const;

const enc = encodeURIComponent;

export const getActionPlan = (quarter?: string, signal?: AbortSignal) =>
  api.get<ActionPlanView>('/action-plan', quarter ? { quarter } : undefined, signal);

export const actionPlanQueryOptions = (quarter?: string) =>
  queryOptions({
    queryKey: [...ACTION_PLAN_KEY, quarter ?? 'current'],
    queryFn: ({ signal }) => getActionPlan(quarter, signal),
  });

export function useActionPlan(quarter?: string) {
  return useQuery(actionPlanQueryOptions(quarter));
}

export const createCommitment = (input: CommitmentInput) =>
  api.post<CommitmentView>('/action-plan/commitments', input);
export const updateCommitment = ({ id, patch }: { id: string; patch: CommitmentPatch }) =>
  api.patch<CommitmentView>(`/action-plan/commitments/${enc(id)}`, patch);
export const deleteCommitment = (id: string) => api.delete(`/action-plan/commitments/${enc(id)}`);

export const createIndicator = (input: IndicatorInput) =>
  api.post<IndicatorView>('/action-plan/indicators', input);
export const updateIndicator = ({ id, patch }: { id: string; patch: IndicatorPatch }) =>
  api.patch<IndicatorView>(`/action-plan/indicators/${enc(id)}`, patch);
export const deleteIndicator = (id: string) => api.delete(`/action-plan/indicators/${enc(id)}`);

export const recordValue = ({
  id,
  quarter,
  input,
}: {
  id: string;
  quarter: string;
  input: IndicatorValueInput;
}) =>
  apiRequest<IndicatorView>(`/action-plan/indicators/${enc(id)}/values/${enc(quarter)}`, {
    method: 'PUT',
    body: input,
  });
export const deleteValue = ({ id, quarter }: { id: string; quarter: string }) =>
  api.delete(`/action-plan/indicators/${enc(id)}/values/${enc(quarter)}`);

/** A mutation that refreshes every view of the plan once it succeeds. */
function usePlanMutation<A, R>(mutationFn: (arg: A) => Promise<R>, onSuccess?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      onSuccess?.(result);
      await queryClient.invalidateQueries({ queryKey: ACTION_PLAN_KEY });
    },
  });
}

export const useCreateCommitment = (onSuccess?: (c: CommitmentView) => void) =>
  usePlanMutation(createCommitment, onSuccess);
export const useUpdateCommitment = (onSuccess?: (c: CommitmentView) => void) =>
  usePlanMutation(updateCommitment, onSuccess);
export const useDeleteCommitment = (onSuccess?: () => void) => usePlanMutation(deleteCommitment, onSuccess);
export const useCreateIndicator = (onSuccess?: (i: IndicatorView) => void) =>
  usePlanMutation(createIndicator, onSuccess);
export const useUpdateIndicator = (onSuccess?: (i: IndicatorView) => void) =>
  usePlanMutation(updateIndicator, onSuccess);
export const useDeleteIndicator = (onSuccess?: () => void) => usePlanMutation(deleteIndicator, onSuccess);
export const useRecordValue = (onSuccess?: (i: IndicatorView) => void) =>
  usePlanMutation(recordValue, onSuccess);
export const useDeleteValue = (onSuccess?: () => void) => usePlanMutation(deleteValue, onSuccess);
