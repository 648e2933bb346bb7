import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientToServerEvents, NotificationList, ServerToClientEvents } from '@hopso/shared';
import type { Socket } from 'socket.io-client';
import { notificationsApi, notificationsKey } from '../api/notificationsApi';
import { withNotification } from '../lib/notificationTarget';
import { queryKeys } from '../../../lib/queryKeys';

/**
 * The caller's notifications: read over REST, then kept current by the server's pushes to their own
 * user room (`notification:new`), and read again after every reconnect (what came while away).
 */
export function useNotifications() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: notificationsKey, queryFn: notificationsApi.list, staleTime: 60_000 });
  useEffect(() => {
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
    let stopped = false;
    void import('socket.io-client').then(({ io }) => {
      if (stopped) return;
      socket = io({ path: '/socket.io', withCredentials: true });
      socket.on('connect', () => void queryClient.invalidateQueries({ queryKey: notificationsKey }));
      socket.on('notification:new', (n) => {
        queryClient.setQueryData<NotificationList>(notificationsKey, (list) => withNotification(list, n));
        // the home card's "Vào phòng Tổ N" reads the breakouts again (it follows no meeting room)
        if (n.kind === 'breakout.started') void queryClient.invalidateQueries({ queryKey: queryKeys.breakouts(n.meetingId) });
      });
    });
    return () => {
      stopped = true;
      socket?.disconnect();
    };
  }, [queryClient]);
  const put = (list: NotificationList) => queryClient.setQueryData(notificationsKey, list);
  const markRead = useMutation({ mutationFn: notificationsApi.read, onSuccess: put });
  const markAllRead = useMutation({ mutationFn: notificationsApi.readAll, onSuccess: put });
  return { list: query.data, isLoading: query.isLoading, error: query.error, markRead, markAllRead };
}
