import type { MeetingStatus, MeetingSummary } from '@hopso/shared';

const STATUS_ORDER: Record<MeetingStatus, number> = { in_session: 0, published: 1, draft: 2, closed: 3 };

/** Meetings in session first, then upcoming ones soonest first, closed ones last (latest first). */
export function sortMeetings(meetings: readonly MeetingSummary[]): MeetingSummary[] {
  return [...meetings].sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    const diff = new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime();
    return a.status === 'closed' ? -diff : diff;
  });
}
