import type { QueryClient } from '@tanstack/react-query';
import type { Minutes, MinutesSummary, MeetingEvent } from '@hopso/shared';

export const minutesKey = (meetingId: string) => ['meetings', meetingId, 'minutes'] as const;
export const oneMinutesKey = (id: string) => ['minutes', id] as const;
export const adoptedKey = (meetingId: string) => ['meetings', meetingId, 'adopted'] as const;

/** The list in the order the server gives it: the sittings' minutes first, the session's last. */
function upsert(list: MinutesSummary[], m: MinutesSummary): MinutesSummary[] {
  const index = list.findIndex((x) => x.id === m.id);
  if (index < 0) return m.sittingId ? [m, ...list] : [...list, m];
  if (list[index].version > m.version) return list;
  const next = [...list];
  next[index] = m;
  return next;
}

/**
 * A minutes changed (drafted, saved, submitted, returned, approved): its row in the list follows; an
 * open minutes whose version moved on is read again (the event carries the summary, not the content).
 * The server sends drafts to the staff only and the final minutes to everyone.
 */
export function applyRecordsEvent(queryClient: QueryClient, event: MeetingEvent): void {
  // a passed vote on a whole document adopts that version: the meeting page's list of resolutions follows
  if (event.type === 'vote.changed') {
    const { vote } = event.payload;
    if (vote.status === 'closed' && vote.result?.passed && vote.versionId && !vote.paragraphId) void queryClient.invalidateQueries({ queryKey: adoptedKey(event.meetingId), exact: true });
    return;
  }
  if (event.type !== 'minutes.changed') return;
  const m = event.payload.minutes;
  queryClient.setQueryData<MinutesSummary[]>(minutesKey(m.meetingId), (list) => (list ? upsert(list, m) : list));
  const open = queryClient.getQueryData<Minutes>(oneMinutesKey(m.id));
  if (open && open.version < m.version) void queryClient.invalidateQueries({ queryKey: oneMinutesKey(m.id), exact: true });
}
