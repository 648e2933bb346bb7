import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HallState } from '@hopso/shared';
import { ApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/queryKeys';
import { cacheSink } from '../../live/lib/cacheSink';
import { LiveClient, type MeetingLiveState } from '../../live/lib/liveClient';
import { hallApi } from '../api/hallApi';

/** A wrong or revoked token: the server answers 401 or 404. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404);
}

const IDLE_STATE: MeetingLiveState = { connection: 'idle', live: false, staff: false, removed: false, joinError: null };
const noSubscribe = () => () => undefined;

/**
 * The hall screen's data: HallState over REST, then live over its own socket authenticated by the
 * display token, starting from HallState.seq so nothing between the two is lost. Events land in the
 * same query cache as everywhere else. Revocation (meeting:removed, a refused handshake, a 401)
 * ends it for good.
 */
export function useHallLive(meetingId: string, token: string) {
  const queryClient = useQueryClient();
  const [revoked, setRevoked] = useState(false);
  const hall = useQuery({
    queryKey: queryKeys.hall(meetingId),
    queryFn: ({ signal }) => hallApi.state(meetingId, token, signal),
    enabled: Boolean(meetingId && token) && !revoked,
    // the socket keeps it current; a TV left on for days still checks in now and then
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.status === 'error' && !isRefusal(query.state.error) ? 10_000 : 15 * 60_000),
    refetchIntervalInBackground: true,
    retry: (count, error) => !isRefusal(error) && count < 3,
    // a refetch read before the last live event must not put the screen back
    structuralSharing: (previous, next) => {
      const old = previous as HallState | undefined;
      const fresh = next as HallState;
      return old && fresh && fresh.seq < old.seq ? old : fresh;
    },
  });
  const refused = revoked || isRefusal(hall.error);
  const baseline = hall.data?.seq;
  const ready = baseline !== undefined && !refused;

  const baselineRef = useRef(baseline);
  baselineRef.current = baseline;
  const [client, setClient] = useState<LiveClient | null>(null);
  useEffect(() => {
    if (!ready || !token) return;
    const live = new LiveClient({
      auth: { displayToken: token },
      sink: cacheSink(queryClient, {
        removed: () => setRevoked(true),
        // the handshake was refused: ask REST whether the link still works (a 401 shows the revoked screen)
        refused: () => void queryClient.invalidateQueries({ queryKey: queryKeys.hall(meetingId), exact: true }),
      }),
    });
    setClient(live);
    const unwatch = live.watch(meetingId, { baseline: baselineRef.current });
    return () => {
      unwatch();
      live.close();
      setClient(null);
    };
    // one socket per page: a refetched HallState (new seq) must not open another, so the baseline is read from a ref
  }, [ready, token, meetingId, queryClient]);

  const state = useSyncExternalStore(client?.subscribe ?? noSubscribe, () => (client ? client.getState(meetingId) : IDLE_STATE));
  return { hall, refused, live: state };
}
