import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { authApi } from '../api/authApi';
import { logoutMarker } from '../lib/logoutMarker';
import { offlineSession } from '../../offline/lib/session';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      logoutMarker.mark();
      // first show the login page, then forget everything the previous user loaded
      // offline copies stay, keyed to their owner; the outbox keeps their unsent writes for their next sign-in
      offlineSession.setUser(null);
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
    },
  });
}
