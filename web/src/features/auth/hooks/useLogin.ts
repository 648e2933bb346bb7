import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { authApi } from '../api/authApi';
import { logoutMarker } from '../lib/logoutMarker';
import { offlineSession } from '../../offline/lib/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => authApi.login(body),
    onSuccess: (response) => {
      logoutMarker.clear();
      // another person may have used this device: start from a clean cache
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      offlineSession.setUser(response.user);
      queryClient.setQueryData(queryKeys.me, response.user);
    },
  });
}
