import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../api/meetingsApi';

export function useMeetings() {
  return useQuery({ queryKey: queryKeys.meetings, queryFn: meetingsApi.list });
}
