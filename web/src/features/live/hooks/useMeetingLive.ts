import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { appLiveClient } from '../lib/appLiveClient';
import type { MeetingLiveState } from '../lib/liveClient';

/**
 * Follows a meeting live while the calling screen is shown: joins its room, catches up after a
 * reconnect and applies every event to the query cache (meeting, agenda, comments, documents).
 * Returns the connection state for the indicator.
 */
export function useMeetingLive(meetingId: string | undefined): MeetingLiveState {
  const queryClient = useQueryClient();
  const client = appLiveClient(queryClient);
  useEffect(() => (meetingId ? client.watch(meetingId) : undefined), [client, meetingId]);
  return useSyncExternalStore(client.subscribe, () => client.getState(meetingId));
}
