import type { QueryClient } from '@tanstack/react-query';
import type { HallSessionDay, MeetingEvent, MySitting, SittingAttendance, Vote, VoteForMe } from '@hopso/shared';
import { attendanceKeys } from '../../attendance/lib/attendanceKeys';
import { voteKeys } from './voteKeys';

function putVote(queryClient: QueryClient, vote: Vote): void {
  queryClient.setQueryData<VoteForMe[]>(voteKeys.votes(vote.meetingId), (list) => {
    if (!list) return list;
    const old = list.find((v) => v.id === vote.id);
    // the event carries no ballot of anyone: keep what we know of our own
    const next: VoteForMe = { ...vote, myBallot: old?.myBallot ?? { cast: false, choice: null } };
    return old ? list.map((v) => (v.id === vote.id ? next : v)) : [...list, next].sort((a, b) => a.position - b.position);
  });
  // as the server answers: the open vote, else the one staff put on the hall screen
  queryClient.setQueryData<HallSessionDay>(voteKeys.hallSessionDay(vote.meetingId), (h) => {
    if (!h) return h;
    if (vote.status === 'open' || vote.onHallScreen) return { ...h, vote };
    return h.vote?.id === vote.id ? { ...h, vote: null } : h;
  });
}

/** Session-day events into the same query cache REST fills: votes, counts, quorum, attendance. */
export function applySessionDayEvent(queryClient: QueryClient, event: MeetingEvent): void {
  const meetingId = event.meetingId;
  switch (event.type) {
    case 'vote.changed':
      putVote(queryClient, event.payload.vote);
      return;
    case 'vote.deleted': {
      const { voteId } = event.payload;
      queryClient.setQueryData<VoteForMe[]>(voteKeys.votes(meetingId), (list) => list?.filter((v) => v.id !== voteId));
      return;
    }
    case 'vote.tally': {
      const { tally } = event.payload;
      queryClient.setQueryData<VoteForMe[]>(voteKeys.votes(meetingId), (list) => list?.map((v) => (v.id === tally.voteId && v.status === 'open' ? { ...v, ballotsCast: Math.max(v.ballotsCast, tally.ballotsCast) } : v)));
      queryClient.setQueryData<HallSessionDay>(voteKeys.hallSessionDay(meetingId), (h) =>
        h?.vote?.id === tally.voteId && h.vote.status === 'open' ? { ...h, vote: { ...h.vote, ballotsCast: Math.max(h.vote.ballotsCast, tally.ballotsCast) } } : h,
      );
      return;
    }
    case 'quorum.changed': {
      const { quorum } = event.payload;
      queryClient.setQueryData<HallSessionDay>(voteKeys.hallSessionDay(meetingId), (h) => (h?.sitting?.id === quorum.sittingId ? { ...h, quorum } : h));
      queryClient.setQueryData<SittingAttendance>(attendanceKeys.attendance(meetingId, quorum.sittingId), (a) => (a ? { ...a, quorum } : a));
      // the caller's own entry may have changed (the secretariat marked them): ask for it
      queryClient.setQueryData<MySitting[]>(attendanceKeys.sittings(meetingId), (list) => list?.map((s) => (s.sitting.id === quorum.sittingId ? { ...s, quorum } : s)));
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.sittings(meetingId), exact: true });
      return;
    }
    case 'attendance.changed': {
      const { sittingId, entries } = event.payload;
      queryClient.setQueryData<SittingAttendance>(attendanceKeys.attendance(meetingId, sittingId), (a) =>
        a ? { ...a, entries: a.entries.map((e) => entries.find((x) => x.userId === e.userId) ?? e) } : a,
      );
      return;
    }
    case 'sitting.changed':
      // the check-in code travels only over REST (staff and the hall screen)
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.sittings(meetingId) });
      void queryClient.invalidateQueries({ queryKey: voteKeys.hallSessionDay(meetingId), exact: true });
      return;
    default:
      return;
  }
}
