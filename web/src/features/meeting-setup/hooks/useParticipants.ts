import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';

export function useParticipants(meetingId: string) {
  return useQuery({ queryKey: queryKeys.participants(meetingId), queryFn: () => meetingsApi.participants(meetingId) });
}
