import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { speakersApi } from '../api/speakersApi';

/** One agenda item's speakers list; live events keep it current (see speakersCache). */
export function useSpeakersList(meetingId: string, agendaItemId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.speakers(meetingId, agendaItemId ?? ''),
    queryFn: ({ signal }) => speakersApi.list(meetingId, agendaItemId!, signal),
    enabled: Boolean(meetingId && agendaItemId),
  });
}

export function useSpeechRecord(meetingId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.speeches(meetingId), queryFn: () => speakersApi.record(meetingId), enabled });
}

export function useSpeakingTimes(meetingId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.speakingTimes(meetingId), queryFn: () => speakersApi.times(meetingId), enabled });
}
