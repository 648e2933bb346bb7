import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgendaItem, MeetingDetail } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';

/** Moves `ids` into the order given; shows it at once and rolls back if the server refuses. */
export function useReorderAgenda(meetingId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.meeting(meetingId);
  return useMutation({
    mutationFn: (itemIds: string[]) => meetingsApi.reorderAgenda(meetingId, itemIds),
    onMutate: async (itemIds) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<MeetingDetail>(key);
      if (previous) {
        const byId = new Map(previous.agenda.map((item) => [item.id, item]));
        const agenda = itemIds.flatMap((id, position) => {
          const item = byId.get(id);
          return item ? [{ ...item, position }] : [];
        });
        queryClient.setQueryData<MeetingDetail>(key, { ...previous, agenda });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (agenda: AgendaItem[]) => {
      const current = queryClient.getQueryData<MeetingDetail>(key);
      if (current && Array.isArray(agenda)) queryClient.setQueryData<MeetingDetail>(key, { ...current, agenda });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key, exact: true }),
  });
}
