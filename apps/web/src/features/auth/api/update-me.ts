import { useMutation } from '@tanstack/react-query';
import type { MeResponse, UpdateMeBody } from '@vcentri/shared';
import { api } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';

export const updateMe = (body: UpdateMeBody) => api.patch<MeResponse>('/me', body);

/** PATCH /me; the answer replaces the signed-in user everywhere the auth context is read. */
export function useUpdateMe(options: { onSuccess?: (me: MeResponse) => void } = {}) {
  const { setMe } = useAuth();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => {
      setMe(me);
      options.onSuccess?.(me);
    },
  });
}
