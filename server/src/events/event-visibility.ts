import { can, isStaff, type Breakout, type MeetingEvent, type MeetingRole, type MeetingStatus } from '@hopso/shared';
import type { Audience } from './meeting-events.service';
import { documentReadable } from '../documents/document-release';
import { summaryFor } from '../documents/document-summaries';

/**
 * Who is looking: a signed-in person (their role in the meeting now, null for an administrator
 * who does not take part) with the breakout groups they belong to, or a hall display link.
 */
export type Viewer =
  | { kind: 'display' }
  | { kind: 'user'; userId: string; role: MeetingRole | null; isAdmin: boolean; groupIds: ReadonlySet<string> };

/** What of the meeting decides visibility: drafts are staff-only, documents wait for the release time. */
export interface MeetingVisibilityState {
  status: MeetingStatus;
  releaseAt: Date;
}

export interface StoredEvent {
  event: MeetingEvent;
  audience: Audience;
}

/** The same rule as documentsReleased() in meeting-access, on the state the event stream carries. */
export const releasedNow = (m: MeetingVisibilityState, now = Date.now()) => m.status !== 'draft' && m.releaseAt.getTime() <= now;

/** What the hall screen shows of breakouts (as GET /api/hall does): a group's report only once submitted. */
export function hallBreakout(b: Breakout): Breakout {
  return { ...b, groups: b.groups.map((g) => (g.report?.submittedAt ? g : { ...g, report: null })) };
}

/** What a delegate or observer sees of a breakout (as GET /breakouts does): their own groups only. */
export function memberBreakout(b: Breakout, userId: string): Breakout {
  return { ...b, groups: b.groups.filter((g) => g.memberIds.includes(userId)) };
}

/**
 * The one visibility rule for every channel: a live event, a socket catch-up and
 * GET /meetings/:id/events carry exactly what REST would show this viewer now, or nothing (null).
 * `memo` lets one release share a projected event between viewers that see the same thing.
 */
export function viewOf(stored: StoredEvent, viewer: Viewer, meeting: MeetingVisibilityState, memo?: Map<string, MeetingEvent | null>, now = Date.now()): MeetingEvent | null {
  const remember = (key: string, make: () => MeetingEvent | null): MeetingEvent | null => {
    if (!memo) return make();
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key)!;
  };
  const { event, audience } = stored;
  if (viewer.kind === 'display') {
    switch (event.type) {
      case 'meeting.updated':
      case 'agenda.changed':
      case 'meeting.edited':
        return event;
      case 'breakout.changed':
        return remember('display', () => ({ ...event, payload: { breakout: hallBreakout(event.payload.breakout) } }));
      case 'sitting.changed':
      case 'quorum.changed':
      case 'vote.tally':
        return event;
      case 'vote.changed':
        return hallVote(event);
      case 'speakers.changed':
        return event;
      default:
        return null;
    }
  }
  const { role } = viewer;
  const staff = isStaff(role);
  // an administrator who does not take part has the setup actions of meeting-access, never documents or comments
  const adminOnly = role === null && viewer.isAdmin;
  if (role === null && !adminOnly) return null;
  // an official (người trả lời chất vấn) reads their questions through REST, nothing of the meeting's stream
  if (role !== null && !can(role, 'meeting.read')) return null;
  if (!staff && !adminOnly && meeting.status === 'draft') return null;
  switch (event.type) {
    case 'meeting.updated':
    case 'agenda.changed':
    case 'meeting.edited':
    case 'participant.changed':
      return event;
    case 'document.deleted':
      // whoever could read it hears that it is gone, and nothing more than its summary held for them
      if (staff) return event;
      return !adminOnly && releasedNow(meeting, now) && documentReadable(role, event.payload.document, meeting, now) ? remember('reader-deleted', () => ({ ...event, payload: { document: summaryFor(role, event.payload.document) } })) : null;
    case 'document.changed':
      if (staff) return event;
      // a draft document, or one whose own release time is still ahead, is not yet there for them
      if (!(!adminOnly && releasedNow(meeting, now) && documentReadable(role, event.payload.document, meeting, now))) return null;
      // a newer version that is not ready stays the staff's: delegates hear of the newest ready one
      return event.payload.document.readableVersion ? remember(`reader:${role ?? ''}`, () => ({ ...event, payload: { document: summaryFor(role, event.payload.document) } })) : event;
    case 'comment.created':
    case 'comment.updated':
      return staff || (!adminOnly && (audience.userIds ?? []).includes(viewer.userId)) ? event : null;
    case 'breakout.changed':
      if (staff || adminOnly) return event;
      {
        const own = event.payload.breakout.groups.filter((g) => g.memberIds.includes(viewer.userId)).map((g) => g.id);
        return remember(`member:${own.join(',')}`, () => ({ ...event, payload: { breakout: memberBreakout(event.payload.breakout, viewer.userId) } }));
      }
    case 'group.message':
      return staff || (!adminOnly && viewer.groupIds.has(event.payload.message.groupId)) ? event : null;
    case 'vote.deleted':
      // drafts are the staff's (GET /votes/:id of a draft is 404 to everyone else)
      return staff ? event : null;
    case 'displayLinks.changed':
      // GET /meetings/:id/display-links is meeting.update: the secretariat and the chair, an administrator too
      return can(role, 'meeting.update') || adminOnly ? event : null;
    // session day (votes, attendance): participants only, as the votes and attendance routes say
    case 'sitting.changed':
    case 'quorum.changed':
    case 'attendance.changed':
    case 'vote.changed':
    case 'vote.tally':
    case 'speakers.changed': // the speakers list: everyone
    case 'questions.changed': // chất vấn: staff and the people concerned, ids only
      return !adminOnly && byAudience(audience, viewer, staff) ? event : null;
    case 'minutes.changed':
      // a draft is the staff's (GET /minutes/:id is 404 to anyone else until final); the final minutes are every participant's
      if (staff) return event;
      return !adminOnly && can(role, 'records.readFinal') && event.payload.minutes.status === 'final' ? event : null;
    default:
      return null;
  }
}

/** The audience the writer chose: everyone, the staff (and the people named), or a group (and the staff). */
function byAudience(audience: Audience, viewer: Extract<Viewer, { kind: 'user' }>, staff: boolean): boolean {
  if (staff || (audience.userIds ?? []).includes(viewer.userId)) return true;
  if (audience.to === 'all') return true;
  return audience.to === 'group' && viewer.groupIds.has(audience.groupId);
}

/**
 * What the hall screen hears of a vote (as GET /api/hall/:id/session-day shows): open votes and the
 * one put on the screen; a draft never, and a closed vote not on the screen without its result.
 */
function hallVote(event: Extract<MeetingEvent, { type: 'vote.changed' }>): MeetingEvent | null {
  const { vote } = event.payload;
  if (vote.status === 'draft') return null;
  if (vote.status === 'closed' && !vote.onHallScreen) return { ...event, payload: { vote: { ...vote, result: null } } };
  return event;
}
