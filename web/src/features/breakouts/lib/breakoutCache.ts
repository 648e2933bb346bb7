import type { QueryClient } from '@tanstack/react-query';
import type { Breakout, GroupMessage, HallState, MeetingEvent } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';

/** One breakout per agenda item: a newer copy replaces the cached one, a new item is added. */
export function upsertBreakout(list: readonly Breakout[], breakout: Breakout): Breakout[] {
  const index = list.findIndex((b) => b.agendaItemId === breakout.agendaItemId);
  if (index < 0) return [...list, breakout];
  const next = [...list];
  next[index] = breakout;
  return next;
}

/** Messages in the order they were written, each once (a live event and a REST answer may both bring it). */
export function upsertMessage(list: readonly GroupMessage[], message: GroupMessage): GroupMessage[] {
  if (list.some((m) => m.id === message.id)) return list as GroupMessage[];
  const next = [...list, message];
  next.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return next;
}

export function putBreakout(queryClient: QueryClient, breakout: Breakout): void {
  queryClient.setQueryData<Breakout[]>(queryKeys.breakouts(breakout.meetingId), (list) => (list ? upsertBreakout(list, breakout) : list));
}

/**
 * A group message into its group's list, and its count into the groups list (the server announces
 * groups only when they change, not on every message). The count moves only for a message newer
 * than the group's last one, so a list fetched after the message was written is not counted twice.
 */
export function putGroupMessage(queryClient: QueryClient, meetingId: string, message: GroupMessage): void {
  queryClient.setQueryData<GroupMessage[]>(queryKeys.groupMessages(meetingId, message.groupId), (list) => (list ? upsertMessage(list, message) : list));
  queryClient.setQueryData<Breakout[]>(queryKeys.breakouts(meetingId), (list) =>
    list?.map((b) =>
      b.groups.some((g) => g.id === message.groupId)
        ? {
            ...b,
            groups: b.groups.map((g) =>
              g.id === message.groupId && (g.lastMessageAt === null || g.lastMessageAt < message.createdAt)
                ? { ...g, messageCount: g.messageCount + 1, lastMessageAt: message.createdAt }
                : g,
            ),
          }
        : b,
    ),
  );
}

/** Live breakout events into every cache showing them: the meeting's breakouts, a group's messages, the hall screen. */
export function applyBreakoutEvent(queryClient: QueryClient, event: MeetingEvent): void {
  if (event.type === 'breakout.changed') {
    const { breakout } = event.payload;
    queryClient.setQueryData<HallState>(queryKeys.hall(event.meetingId), (h) =>
      h ? { ...h, seq: Math.max(h.seq, event.seq), breakouts: [...h.breakouts.filter((b) => b.agendaItemId !== breakout.agendaItemId), breakout] } : h,
    );
    putBreakout(queryClient, breakout);
  } else if (event.type === 'group.message') {
    putGroupMessage(queryClient, event.meetingId, event.payload.message);
  }
}
