import type { MeetingEvent } from '@hopso/shared';

/**
 * The events of one meeting that are new after `lastSeq`, in seq order, each once.
 * Gaps are normal (staff-only events are not sent to delegates), so a gap is never waited for.
 */
export function newEventsInOrder(lastSeq: number, events: readonly MeetingEvent[]): MeetingEvent[] {
  const bySeq = new Map<number, MeetingEvent>();
  for (const event of events) {
    if (event.seq > lastSeq && !bySeq.has(event.seq)) bySeq.set(event.seq, event);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
