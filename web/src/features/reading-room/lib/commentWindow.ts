import type { ErrorCode, MeetingSummary } from '@hopso/shared';

export type CommentWindowState = 'open' | 'not-open' | 'closed';

export interface CommentWindow {
  state: CommentWindowState;
  opensAt: string;
  closesAt: string;
}

/** Whether comments are taken now: from the release time to the comment deadline, never after the meeting closed (as the server decides). */
export function commentWindow(meeting: Pick<MeetingSummary, 'releaseAt' | 'commentDeadline' | 'status'>, now: Date): CommentWindow {
  const opens = new Date(meeting.releaseAt).getTime();
  const closes = new Date(meeting.commentDeadline).getTime();
  const at = now.getTime();
  const state: CommentWindowState = meeting.status === 'closed' || at > closes ? 'closed' : at < opens ? 'not-open' : 'open';
  return { state, opensAt: meeting.releaseAt, closesAt: meeting.commentDeadline };
}

/** The server has the last word: its refusal code overrides what the clock of this device says. */
export function windowFromRefusal(window: CommentWindow, code: ErrorCode | null): CommentWindow {
  if (code === 'COMMENTS_CLOSED') return { ...window, state: 'closed' };
  if (code === 'COMMENTS_NOT_OPEN') return { ...window, state: 'not-open' };
  return window;
}
