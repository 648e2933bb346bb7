import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClientToServerEvents, ServerToClientEvents } from '@hopso/shared';
import type { Socket } from 'socket.io-client';
import { queryKeys } from '../../../lib/queryKeys';

/**
 * An official follows no meeting room (they may see none of its events); the server tells their own
 * user room, with ids only, when something addressed to them changed. Their desk reads again then,
 * and after every reconnect (what was said while away is read, not replayed).
 */
export function useOfficialLive(meetingId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
    let stopped = false;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.questions(meetingId) });
    void import('socket.io-client').then(({ io }) => {
      if (stopped) return;
      socket = io({ path: '/socket.io', withCredentials: true });
      socket.on('connect', refresh);
      socket.on('questions:changed', (info) => {
        if (info.meetingId === meetingId) refresh();
      });
    });
    return () => {
      stopped = true;
      socket?.disconnect();
    };
  }, [meetingId, queryClient]);
}
