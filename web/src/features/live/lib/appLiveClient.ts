import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { cacheSink } from './cacheSink';
import { LiveClient } from './liveClient';

const clients = new WeakMap<QueryClient, LiveClient>();

/**
 * The signed-in app's one socket (authenticated by the session cookie), shared by every screen
 * that follows a meeting. It connects when the first meeting is watched and hangs up after the last.
 */
export function appLiveClient(queryClient: QueryClient): LiveClient {
  let client = clients.get(queryClient);
  if (!client) {
    client = new LiveClient({
      sink: cacheSink(queryClient, {
        // the server dropped the socket: maybe the session ended, which /api/auth/me will tell
        refused: () => void queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
      }),
    });
    clients.set(queryClient, client);
  }
  return client;
}
