import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';

export function useAudit(meetingId: string) {
  return useQuery({ queryKey: queryKeys.audit(meetingId), queryFn: () => meetingsApi.audit(meetingId), refetchInterval: 30_000 });
}
