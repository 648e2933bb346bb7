import type { ErrorCode } from './errors';
import { LATE_COMMENT_GRACE_HOURS } from './comments';

export type CommentWindowState = 'open' | 'not-open' | 'closed';

/** A clock a few minutes ahead on a phone is not a lie about when a comment was written. */
export const COMMENT_CLOCK_SKEW_MS = 5 * 60_000;

interface WindowMeeting {
  status: string;
  releaseAt: Date | string;
  commentDeadline: Date | string;
  /** Only needed for a comment that arrives after the deadline (the grace ends when the meeting starts). */
  startsAt?: Date | string;
}

/** Why a comment is not taken: the server turns each into its refusal, the web client into a state. */
export type CommentRefusal = 'meeting-closed' | 'not-open' | 'impossible-time' | 'deadline-passed' | 'arrived-too-late';

const ms = (at: Date | string) => (typeof at === 'string' ? new Date(at).getTime() : at.getTime());

/**
 * The one comment-window rule, used by the server to refuse and by the web client to show the
 * state. Comments are taken from the release time until the comment deadline, never once the
 * meeting is closed; one written offline before the deadline (its `writtenAt`) may arrive up to
 * LATE_COMMENT_GRACE_HOURS later, but not once the meeting has started.
 */
export function commentRefusal(meeting: WindowMeeting, now: Date, writtenAt: Date = now): CommentRefusal | null {
  if (meeting.status === 'closed') return 'meeting-closed';
  const opens = ms(meeting.releaseAt);
  const closes = ms(meeting.commentDeadline);
  if (now.getTime() < opens) return 'not-open';
  if (writtenAt.getTime() > now.getTime() + COMMENT_CLOCK_SKEW_MS || writtenAt.getTime() < opens) return 'impossible-time';
  if (now.getTime() <= closes) return null;
  if (writtenAt.getTime() > closes) return 'deadline-passed';
  const graceEnd = Math.min(closes + LATE_COMMENT_GRACE_HOURS * 3600_000, meeting.startsAt === undefined ? Infinity : ms(meeting.startsAt));
  return now.getTime() > graceEnd ? 'arrived-too-late' : null;
}

export interface CommentWindow {
  state: CommentWindowState;
  opensAt: string;
  closesAt: string;
}

/** Whether comments are taken now: from the release time to the comment deadline, never after the meeting closed (as the server decides). */
export function commentWindow(meeting: { releaseAt: string; commentDeadline: string; status: string }, now: Date): CommentWindow {
  const refusal = commentRefusal(meeting, now);
  const state: CommentWindowState = refusal === null ? 'open' : refusal === 'not-open' ? 'not-open' : 'closed';
  return { state, opensAt: meeting.releaseAt, closesAt: meeting.commentDeadline };
}

/** The server has the last word: its refusal code overrides what the clock of this device says. */
export function windowFromRefusal(window: CommentWindow, code: ErrorCode | null): CommentWindow {
  if (code === 'COMMENTS_CLOSED') return { ...window, state: 'closed' };
  if (code === 'COMMENTS_NOT_OPEN') return { ...window, state: 'not-open' };
  return window;
}
