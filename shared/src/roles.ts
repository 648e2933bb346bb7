/** Per-meeting roles. A person can be a delegate in one meeting and chair in another. */
export const MEETING_ROLES = ['chair', 'secretary', 'delegate', 'observer'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** Staff run the meeting: they see everything of it and edit it. */
export const STAFF_ROLES: readonly MeetingRole[] = ['chair', 'secretary'];

export type MeetingAction =
  | 'meeting.read'
  | 'meeting.update'
  | 'agenda.read'
  | 'agenda.write'
  | 'participants.read'
  | 'participants.write'
  /** Read documents once the meeting's release time has passed. */
  | 'documents.readReleased'
  /** Read documents before release (staff preparing the meeting). */
  | 'documents.readUnreleased'
  | 'documents.write'
  | 'audit.read'
  /** Private highlights and notes on the meeting's documents (each person sees only their own). */
  | 'annotations.own'
  | 'comments.create'
  /** Every participant's comments (the secretariat and the chair); others see only their own. */
  | 'comments.readAll'
  | 'comments.triage'
  | 'readReceipts.read'
  /** Make, start and end breakout groups; read every group's messages. */
  | 'breakouts.manage'
  /** Sittings, attendance lists, voting rights (the secretariat's fast list). */
  | 'attendance.manage'
  /** Check in, report an absence ahead (báo vắng). Voting members only (checked from the voting right). */
  | 'attendance.self'
  /** Create, open, close, repeat votes; enter a show-of-hands result; put a result on the hall screen. */
  | 'votes.manage'
  /** Open and closed votes and their results. */
  | 'votes.read'
  /** Cast a ballot (also needs the voting right and presence in the sitting). */
  | 'votes.cast'
  /** Who chose what in a named vote, who voted in a secret one; exports. */
  | 'votes.records';

/**
 * The one permission table. The server checks every request against it; the web
 * client uses it only to decide what to show.
 */
export const MEETING_PERMISSIONS: Record<MeetingAction, readonly MeetingRole[]> = {
  'meeting.read': ['chair', 'secretary', 'delegate', 'observer'],
  'meeting.update': ['chair', 'secretary'],
  'agenda.read': ['chair', 'secretary', 'delegate', 'observer'],
  'agenda.write': ['chair', 'secretary'],
  'participants.read': ['chair', 'secretary', 'delegate', 'observer'],
  'participants.write': ['chair', 'secretary'],
  'documents.readReleased': ['chair', 'secretary', 'delegate', 'observer'],
  'documents.readUnreleased': ['chair', 'secretary'],
  'documents.write': ['chair', 'secretary'],
  'audit.read': ['chair', 'secretary'],
  'annotations.own': ['chair', 'secretary', 'delegate', 'observer'],
  'comments.create': ['delegate', 'observer'],
  'comments.readAll': ['chair', 'secretary'],
  'comments.triage': ['chair', 'secretary'],
  'readReceipts.read': ['chair', 'secretary'],
  'breakouts.manage': ['chair', 'secretary'],
  'attendance.manage': ['chair', 'secretary'],
  'attendance.self': ['chair', 'secretary', 'delegate'],
  'votes.manage': ['chair', 'secretary'],
  'votes.read': ['chair', 'secretary', 'delegate', 'observer'],
  'votes.cast': ['chair', 'secretary', 'delegate'],
  'votes.records': ['chair', 'secretary'],
};

/** Voting right by default: the chair (an HĐND chair is a delegate) and delegates; secretaries only when marked; observers never. */
export function defaultVotingRight(role: MeetingRole): boolean {
  return role === 'chair' || role === 'delegate';
}

export function can(role: MeetingRole | null | undefined, action: MeetingAction): boolean {
  return role != null && MEETING_PERMISSIONS[action].includes(role);
}

export function isStaff(role: MeetingRole | null | undefined): boolean {
  return role != null && STAFF_ROLES.includes(role);
}
