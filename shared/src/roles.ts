/**
 * Per-meeting roles. A person can be a delegate in one meeting and chair in another.
 * `official` is người trả lời chất vấn: they see the questions addressed to them and the
 * meeting's released documents, nothing else of the meeting.
 */
export const MEETING_ROLES = ['chair', 'secretary', 'delegate', 'observer', 'official'] as const;
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
  /** The speakers list of each agenda item (and the record of speeches). */
  | 'speakers.read'
  /** Ask for the floor from one's own phone; withdraw while waiting. */
  | 'speakers.request'
  /** Reorder the queue, add someone from the hall, remove a request, set speaking times. */
  | 'speakers.manage'
  /** Start, stop, extend a speech, give the floor to the next: the chair alone. */
  | 'speakers.run'
  /** Send written questions (phiếu chất vấn), follow up on answers. */
  | 'questions.ask'
  /** Group questions by issue, assign officials, set deadlines, run the issue in the hall. */
  | 'questions.manage'
  /** Answer the questions addressed to oneself. */
  | 'questions.answer';

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
  'documents.readReleased': ['chair', 'secretary', 'delegate', 'observer', 'official'],
  'documents.readUnreleased': ['chair', 'secretary'],
  'documents.write': ['chair', 'secretary'],
  'audit.read': ['chair', 'secretary'],
  'annotations.own': ['chair', 'secretary', 'delegate', 'observer'],
  'comments.create': ['delegate', 'observer'],
  'comments.readAll': ['chair', 'secretary'],
  'comments.triage': ['chair', 'secretary'],
  'readReceipts.read': ['chair', 'secretary'],
  'breakouts.manage': ['chair', 'secretary'],
  'speakers.read': ['chair', 'secretary', 'delegate', 'observer'],
  'speakers.request': ['chair', 'delegate'],
  'speakers.manage': ['chair', 'secretary'],
  'speakers.run': ['chair'],
  'questions.ask': ['chair', 'delegate'],
  'questions.manage': ['chair', 'secretary'],
  'questions.answer': ['official'],
};

export function can(role: MeetingRole | null | undefined, action: MeetingAction): boolean {
  return role != null && MEETING_PERMISSIONS[action].includes(role);
}

export function isStaff(role: MeetingRole | null | undefined): boolean {
  return role != null && STAFF_ROLES.includes(role);
}
