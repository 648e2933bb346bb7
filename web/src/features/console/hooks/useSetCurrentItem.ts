import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail, MeetingSummary } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { consoleApi } from '../api/consoleApi';

function putCurrentItem(meeting: MeetingDetail | undefined, currentAgendaItemId: string | null): MeetingDetail | undefined {
  return meeting ? { ...meeting, currentAgendaItemId } : meeting;
}

/**
 * Moves the agenda. The console marks the new item at once (the chair is looking at it) and puts
 * back the old one if the server refuses; everyone else follows through the live event.
 */
export function useSetCurrentItem(meetingId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.meeting(meetingId);
  return useMutation({
    mutationFn: (agendaItemId: string | null) => consoleApi.setCurrentItem(meetingId, { agendaItemId }),
    onMutate: async (agendaItemId) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<MeetingDetail>(key)?.currentAgendaItemId ?? null;
      queryClient.setQueryData<MeetingDetail>(key, (m) => putCurrentItem(m, agendaItemId));
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context) queryClient.setQueryData<MeetingDetail>(key, (m) => putCurrentItem(m, context.previous));
    },
    onSuccess: (meeting) => {
      queryClient.setQueryData(key, meeting);
      queryClient.setQueryData<MeetingSummary[]>(queryKeys.meetings, (list) =>
        list?.map((m) => (m.id === meeting.id ? { ...m, currentAgendaItemId: meeting.currentAgendaItemId } : m)),
      );
    },
  });
}
