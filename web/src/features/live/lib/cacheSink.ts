import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { applyMeetingEvent } from './applyMeetingEvent';
import type { LiveSink } from './liveClient';

/**
 * Where live events land: the one TanStack Query cache. A resync refetches what was fetched before
 * the join was answered (it may predate events the socket will never replay); presence is stored
 * under its own key so any screen can read it with useQuery.
 */
export function cacheSink(queryClient: QueryClient, extra: Partial<Pick<LiveSink, 'refused' | 'removed'>> = {}): LiveSink {
  return {
    apply(_meetingId, events) {
      for (const event of events) applyMeetingEvent(queryClient, event);
    },
    resync(meetingId, since) {
      const prefixes = [queryKeys.meeting(meetingId), queryKeys.hall(meetingId)];
      for (const queryKey of prefixes) {
        void queryClient.invalidateQueries({
          queryKey,
          predicate: (q) => q.state.dataUpdatedAt < since || q.state.fetchStatus === 'fetching',
        });
      }
    },
    presence(snapshot) {
      queryClient.setQueryData(queryKeys.presence(snapshot.meetingId), snapshot.onlineUserIds);
    },
    removed(meetingId) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetings, exact: true });
      extra.removed?.(meetingId);
    },
    refused() {
      extra.refused?.();
    },
  };
}
