import { adminCan, can, type CurrentUser, type MeetingSummary } from '@hopso/shared';

/** Chair and secretariat prepare a meeting; administrators may too (shared/src/roles.ts). The server re-checks every write. */
export function canPrepareMeeting(user: Pick<CurrentUser, 'isAdmin'>, meeting: Pick<MeetingSummary, 'myRole'>): boolean {
  return adminCan(user.isAdmin, 'meeting.update') || can(meeting.myRole, 'meeting.update');
}
