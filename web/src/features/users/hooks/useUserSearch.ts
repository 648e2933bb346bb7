import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { usersApi } from '../api/usersApi';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

/** Users matching `text` (debounced); with `minLength` > 0 nothing is asked until enough is typed. */
export function useUserSearch(text: string, minLength = 2) {
  const q = useDebouncedValue(text.trim(), 300);
  return useQuery({
    queryKey: queryKeys.users(q),
    queryFn: ({ signal }) => usersApi.search(q, signal),
    enabled: q.length >= minLength,
    placeholderData: keepPreviousData,
  });
}
