import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, DocumentSummary } from '@hopso/shared';
import { onServerAnswer } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/queryKeys';
import { connectivity } from '../lib/connectivity';
import { refreshSavedMeetings } from '../lib/offlineCopy';
import { offlineStore } from '../lib/offlineStore';
import { outboxSnapshot, reloadOutboxSnapshot } from '../lib/outboxSnapshot';
import { offlineSession } from '../lib/session';
import { syncEngine } from '../lib/syncEngine';
import { AppUpdatePrompt } from './AppUpdatePrompt';

/**
 * The offline machinery of the signed-in app, mounted once: sends the outbox whenever the
 * connection shows signs of life (the browser's online event, any answer from the server — which
 * a live socket's reconnect and catch-up produce —, the app coming back to the foreground, app
 * start), catches up afterwards, and keeps saved meetings current.
 */
export function OfflineRuntime() {
  const queryClient = useQueryClient();

  useEffect(() => {
    syncEngine.attach(queryClient);
    let userId: string | null = null;
    const start = () => {
      void reloadOutboxSnapshot();
      void syncEngine.flush();
      void refreshSavedMeetings();
    };
    const onUser = () => {
      const user = queryClient.getQueryData<CurrentUser | null>(queryKeys.me);
      if (user === undefined) return;
      if ((user?.id ?? null) === userId) return;
      userId = user?.id ?? null;
      offlineSession.setUser(user);
      if (userId) start();
      else void reloadOutboxSnapshot();
    };

    // the meeting's documents changed (a live document.changed, a refetch) and it is saved: fetch what is new
    const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const onDocumentsChanged = (meetingId: string, documents: readonly DocumentSummary[]) => {
      void offlineStore.savedMeeting(meetingId).then((saved) => {
        if (!saved || navigator.onLine === false) return;
        const key = (list: readonly DocumentSummary[]) =>
          list
            .filter((d) => d.currentVersion.status === 'ready')
            .map((d) => `${d.id}:${d.currentVersion.id}`)
            .sort()
            .join();
        if (key(saved.documents) === key(documents)) return;
        clearTimeout(refreshTimers.get(meetingId));
        refreshTimers.set(meetingId, setTimeout(() => void refreshSavedMeetings([meetingId]), 1_000));
      });
    };

    const unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      const key = event.query.queryKey;
      if (key === queryKeys.me || (key[0] === queryKeys.me[0] && key[1] === queryKeys.me[1])) onUser();
      else if (key[0] === 'meetings' && key[2] === 'documents' && key.length === 3 && Array.isArray(event.query.state.data)) {
        onDocumentsChanged(String(key[1]), event.query.state.data as DocumentSummary[]);
      }
    });
    onUser();

    const flushIfWaiting = () => {
      if (outboxSnapshot.get().pending > 0) void syncEngine.flush();
    };
    const onOnline = () => {
      void syncEngine.flush();
      void refreshSavedMeetings();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') flushIfWaiting();
    };
    document.addEventListener('visibilitychange', onVisible);
    const offAnswer = onServerAnswer((answered) => {
      if (answered) flushIfWaiting();
    });
    // the server answers again after a spell without (a probe, any request): send and catch up
    let wasOnline = connectivity.online();
    const offConnectivity = connectivity.subscribe(() => {
      const online = connectivity.online();
      if (online && !wasOnline) onOnline();
      wasOnline = online;
    });

    // after the outbox went out: fetch again what it changed (the server may have re-anchored it to
    // a newer version meanwhile) and what was missed while offline
    const offSynced = syncEngine.onSynced((documentIds, meetingIds) => {
      for (const id of documentIds) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.annotations(id), exact: true });
        void queryClient.invalidateQueries({ queryKey: queryKeys.documentComments(id), exact: true });
      }
      for (const id of meetingIds.filter(Boolean)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(id), exact: true });
        void queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(id), exact: true });
      }
      void refreshSavedMeetings(meetingIds);
    });

    return () => {
      unsubscribeCache();
      offConnectivity();
      document.removeEventListener('visibilitychange', onVisible);
      offAnswer();
      offSynced();
      for (const timer of refreshTimers.values()) clearTimeout(timer);
    };
  }, [queryClient]);

  return <AppUpdatePrompt />;
}
