import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { offlineReads } from '../../offline/lib/offlineReads';
import { offlineSession } from '../../offline/lib/session';
import { authApi } from '../api/authApi';

/**
 * The signed-in user. With no connection, the person last signed in on this device (so saved
 * meetings open offline); the server decides again as soon as it answers.
 */
export function useCurrentUser() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async () => {
      const user = await offlineReads.me(authApi.me);
      offlineSession.setUser(user);
      return user;
    },
    staleTime: 5 * 60_000,
  });
}
