import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { offlineReads } from '../../offline/lib/offlineReads';
import { documentsApi } from '../api/documentsApi';

export function useMeetingDocuments(meetingId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: queryKeys.meetingDocuments(meetingId ?? ''),
    queryFn: () => offlineReads.meetingDocuments(meetingId as string, () => documentsApi.listForMeeting(meetingId as string)),
    enabled: Boolean(meetingId) && enabled,
  });
}
