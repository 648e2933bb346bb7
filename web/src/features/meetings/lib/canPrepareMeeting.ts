import { isStaff, type CurrentUser, type MeetingSummary } from '@hopso/shared';

/** Chair and secretariat prepare a meeting; administrators may too. The server re-checks every write. */
export function canPrepareMeeting(user: Pick<CurrentUser, 'isAdmin'>, meeting: Pick<MeetingSummary, 'myRole'>): boolean {
  return user.isAdmin || isStaff(meeting.myRole);
}
