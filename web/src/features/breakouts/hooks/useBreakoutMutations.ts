import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AutoSplitRequest, Breakout, PrepareBreakoutRequest, SaveGroupReportRequest } from '@hopso/shared';
import { breakoutsApi } from '../api/breakoutsApi';
import { putBreakout } from '../lib/breakoutCache';

/** Every staff write answers with the whole breakout: it goes straight into the cache (others follow by the live event). */
function usePut() {
  const queryClient = useQueryClient();
  return (breakout: Breakout) => putBreakout(queryClient, breakout);
}

export function usePrepareBreakout(meetingId: string) {
  const onSuccess = usePut();
  return useMutation({ mutationFn: (body: PrepareBreakoutRequest) => breakoutsApi.prepare(meetingId, body), onSuccess });
}

export function useAutoSplit(meetingId: string) {
  const onSuccess = usePut();
  return useMutation({ mutationFn: (body: AutoSplitRequest) => breakoutsApi.autoSplit(meetingId, body), onSuccess });
}

/** Start (after saving the groups as edited, if they changed) or end the breakout of an agenda item. */
export function useStartBreakout(meetingId: string) {
  const onSuccess = usePut();
  return useMutation({
    mutationFn: async ({ agendaItemId, groups }: { agendaItemId: string; groups: PrepareBreakoutRequest['groups'] | null }) => {
      // saved even if the start is then refused, so the console shows what the server holds
      if (groups) onSuccess(await breakoutsApi.prepare(meetingId, { agendaItemId, groups }));
      return breakoutsApi.start(meetingId, agendaItemId);
    },
    onSuccess,
  });
}

export function useEndBreakout(meetingId: string) {
  const onSuccess = usePut();
  return useMutation({ mutationFn: (agendaItemId: string) => breakoutsApi.end(meetingId, agendaItemId), onSuccess });
}

export function useSaveReport(groupId: string) {
  const onSuccess = usePut();
  return useMutation({ mutationFn: (body: SaveGroupReportRequest) => breakoutsApi.saveReport(groupId, body), onSuccess });
}

/** The chair's countdown for the running discussion: minutes from now, or null to take it away. */
export function useBreakoutCountdown(meetingId: string) {
  const onSuccess = usePut();
  return useMutation({ mutationFn: ({ agendaItemId, minutes }: { agendaItemId: string; minutes: number | null }) => breakoutsApi.countdown(meetingId, agendaItemId, minutes), onSuccess });
}
