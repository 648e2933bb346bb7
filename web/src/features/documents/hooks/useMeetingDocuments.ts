import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi } from '../api/documentsApi';

export function useMeetingDocuments(meetingId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: queryKeys.meetingDocuments(meetingId ?? ''),
    queryFn: () => documentsApi.listForMeeting(meetingId as string),
    enabled: Boolean(meetingId) && enabled,
  });
}
