import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { offlineReads } from '../../offline/lib/offlineReads';
import { meetingsApi } from '../api/meetingsApi';

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.meeting(id ?? ''),
    queryFn: () => offlineReads.meeting(id as string, () => meetingsApi.get(id as string)),
    enabled: Boolean(id),
  });
}
