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
  /** Participants' phone numbers (contacting them is the secretariat's work). */
  | 'participants.readContacts'
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
  | 'votes.records'
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
  | 'questions.answer'
  /** Generate the meeting's reports and minutes, write the summaries, submit them to the chair. */
  | 'records.draft'
  /** Approve the minutes (they become final) or return them with a note: the chair alone. */
  | 'records.approve'
  /** Final minutes and adopted resolutions. */
  | 'records.readFinal'
  /** Give the meeting's delegates new one-time passwords and print their account slips (not staff, not other councils' people). */
  | 'participants.resetPasswords';

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
  'participants.readContacts': ['chair', 'secretary'],
  'attendance.manage': ['chair', 'secretary'],
  'attendance.self': ['chair', 'secretary', 'delegate'],
  'votes.manage': ['chair', 'secretary'],
  'votes.read': ['chair', 'secretary', 'delegate', 'observer'],
  'votes.cast': ['chair', 'secretary', 'delegate'],
  'votes.records': ['chair', 'secretary'],
  'speakers.read': ['chair', 'secretary', 'delegate', 'observer'],
  'speakers.request': ['chair', 'delegate'],
  'speakers.manage': ['chair', 'secretary'],
  'speakers.run': ['chair'],
  'questions.ask': ['chair', 'delegate'],
  'questions.manage': ['chair', 'secretary'],
  'questions.answer': ['official'],
  'records.draft': ['chair', 'secretary'],
  'records.approve': ['chair'],
  'records.readFinal': ['chair', 'secretary', 'delegate', 'observer'],
  'participants.resetPasswords': ['secretary'],
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

// ---- the administrator, and rules about accounts outside any one meeting ----

/**
 * What an administrator may do to any meeting without taking part in it: set it up and look after
 * its people. Documents, comments, annotations and breakouts stay with the participants.
 */
export const ADMIN_MEETING_ACTIONS: readonly MeetingAction[] = [
  'meeting.read',
  'meeting.update',
  'agenda.read',
  'agenda.write',
  'participants.read',
  'participants.write',
  'participants.readContacts',
  'audit.read',
];

/** An administrator's setup rights on a meeting they do not take part in. */
export function adminCan(isAdmin: boolean, action: MeetingAction): boolean {
  return isAdmin && ADMIN_MEETING_ACTIONS.includes(action);
}

/**
 * participants.write on oneself: only for someone who already holds it as a participant. An
 * administrator cannot add or promote themselves into a meeting (and so reach its documents) on the
 * strength of administrator rights; the meeting's secretariat adds them.
 */
export function canChangeParticipant(role: MeetingRole | null | undefined, isAdmin: boolean, targetIsSelf: boolean): boolean {
  if (can(role, 'participants.write')) return true;
  return adminCan(isAdmin, 'participants.write') && !targetIsSelf;
}

/** Who someone is towards accounts: an administrator, a member of some council's secretariat, anyone else. */
export type AccountRole = 'admin' | 'councilStaff' | 'member';

export type AccountAction =
  /** Find people by name, username or phone (to add them to a meeting or a secretariat). */
  | 'users.search'
  /** See the phone numbers of the people found. */
  | 'users.readPhone'
  /** Create and edit accounts, councils and their secretariats. */
  | 'users.manage';

export const ACCOUNT_PERMISSIONS: Record<AccountAction, readonly AccountRole[]> = {
  'users.search': ['admin', 'councilStaff'],
  'users.readPhone': ['admin', 'councilStaff'],
  'users.manage': ['admin'],
};

/**
 * Whose accounts a search reaches: an administrator's every account; a council secretariat's only the
 * people of its own councils (their secretariats, and the participants of their meetings).
 */
export const USER_SEARCH_SCOPE: Record<AccountRole, 'all' | 'ownCouncils' | 'none'> = {
  admin: 'all',
  councilStaff: 'ownCouncils',
  member: 'none',
};

export function accountCan(role: AccountRole, action: AccountAction): boolean {
  return ACCOUNT_PERMISSIONS[action].includes(role);
}

/** Who someone is towards accounts, from their administrator flag and whether they sit in any council's secretariat. */
export function accountRoleOf(isAdmin: boolean, inSomeSecretariat: boolean): AccountRole {
  if (isAdmin) return 'admin';
  return inSomeSecretariat ? 'councilStaff' : 'member';
}

// ---- one council: its administrator and its secretariat (tổ thư ký) ----

/** Who someone is towards one council: an administrator, a member of that council's secretariat, anyone else. */
export type CouncilRole = 'admin' | 'staff' | 'none';

export type CouncilAction =
  /** See the council, its secretariat and its settings (seats, vote rules, default speaking times). */
  | 'council.read'
  /** Set the council's seats, vote rules and default speaking times. */
  | 'council.setDefaults'
  /** Create the council's meetings. */
  | 'council.createMeeting';

export const COUNCIL_PERMISSIONS: Record<CouncilAction, readonly CouncilRole[]> = {
  'council.read': ['admin', 'staff'],
  'council.setDefaults': ['admin'],
  'council.createMeeting': ['admin', 'staff'],
};

export function councilRoleOf(isAdmin: boolean, isStaffOfCouncil: boolean): CouncilRole {
  if (isAdmin) return 'admin';
  return isStaffOfCouncil ? 'staff' : 'none';
}

export function councilCan(role: CouncilRole, action: CouncilAction): boolean {
  return COUNCIL_PERMISSIONS[action].includes(role);
}

// ---- a breakout group ----

/** The group leader (tổ trưởng) writes and submits the group's report; so may whoever manages breakouts. */
export function canWriteGroupReport(role: MeetingRole | null | undefined, isLeader: boolean): boolean {
  return isLeader || can(role, 'breakouts.manage');
}
