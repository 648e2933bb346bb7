import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';
import { queryKeys } from '../lib/queryKeys';

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended: drop the current user so the app shows the login page.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) client.setQueryData(queryKeys.me, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // run even when the browser says it is offline: reads fall back to the offline copy (features/offline)
        networkMode: 'always',
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // 4xx answers won't change by asking again; network blips and 5xx might
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
