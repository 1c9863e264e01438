// Keeping the network up to date (city administrators, and a hub's own managers for their hub):
// hub details and weekly hours, dated exceptions, rooms and their booking rules. Every change
// refreshes whatever shows hubs and rooms, and availability (hours and rules shape it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Hub, HubException, HubInput, HubPatch, Room, RoomInput, RoomPatch } from '@vcentri/shared';
import { api } from '../../../lib/api-client';

export interface HubExceptionInput {
  date: string;
  opens?: string;
  closes?: string;
  note?: string;
}

const hubPath = (id: string) => `/hubs/${encodeURIComponent(id)}`;

export const createHub = (input: HubInput) => api.post<Hub>('/hubs', input);
export const updateHub = ({ id, patch }: { id: string; patch: HubPatch }) =>
  api.patch<Hub>(hubPath(id), patch);
export const createRoom = ({ hubId, input }: { hubId: string; input: RoomInput }) =>
  api.post<Room>(`${hubPath(hubId)}/rooms`, input);
export const updateRoom = ({ id, patch }: { id: string; patch: RoomPatch }) =>
  api.patch<Room>(`/rooms/${encodeURIComponent(id)}`, patch);
export const addHubException = ({ hubId, input }: { hubId: string; input: HubExceptionInput }) =>
  api.post<HubException>(`${hubPath(hubId)}/exceptions`, input);
export const removeHubException = ({ hubId, exceptionId }: { hubId: string; exceptionId: string }) =>
  api.delete(`${hubPath(hubId)}/exceptions/${encodeURIComponent(exceptionId)}`);

function useRefreshNetwork() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['hubs'] }),
      queryClient.invalidateQueries({ queryKey: ['bookings'] }),
    ]);
}

export function useCreateHub(options: { onSuccess?: (hub: Hub) => void } = {}) {
  const refresh = useRefreshNetwork();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHub,
    onSuccess: async (hub) => {
      queryClient.setQueryData(['hubs', 'detail', hub.id], hub);
      await refresh();
      options.onSuccess?.(hub);
    },
  });
}

export function useUpdateHub(options: { onSuccess?: (hub: Hub) => void } = {}) {
  const refresh = useRefreshNetwork();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateHub,
    onSuccess: async (hub) => {
      queryClient.setQueryData(['hubs', 'detail', hub.id], hub);
      await refresh();
      options.onSuccess?.(hub);
    },
  });
}

export function useCreateRoom(options: { onSuccess?: (room: Room) => void } = {}) {
  const refresh = useRefreshNetwork();
  return useMutation({
    mutationFn: createRoom,
    onSuccess: async (room) => {
      await refresh();
      options.onSuccess?.(room);
    },
  });
}

export function useUpdateRoom(options: { onSuccess?: (room: Room) => void } = {}) {
  const refresh = useRefreshNetwork();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoom,
    onSuccess: async (room) => {
      queryClient.setQueryData(['hubs', 'room', room.id], room);
      await refresh();
      options.onSuccess?.(room);
    },
  });
}

export function useAddHubException(options: { onSuccess?: (exception: HubException) => void } = {}) {
  const refresh = useRefreshNetwork();
  return useMutation({
    mutationFn: addHubException,
    onSuccess: async (exception) => {
      await refresh();
      options.onSuccess?.(exception);
    },
  });
}

export function useRemoveHubException(options: { onSuccess?: () => void } = {}) {
  const refresh = useRefreshNetwork();
  return useMutation({
    mutationFn: removeHubException,
    onSuccess: async () => {
      await refresh();
      options.onSuccess?.();
    },
  });
}
