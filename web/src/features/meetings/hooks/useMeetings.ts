import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { offlineReads } from '../../offline/lib/offlineReads';
import { meetingsApi } from '../api/meetingsApi';

/** My meetings; with no connection, the meetings saved on this device for offline reading. */
export function useMeetings() {
  return useQuery({ queryKey: queryKeys.meetings, queryFn: () => offlineReads.meetings(meetingsApi.list) });
}
