import type { MeetingRole } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

export interface Target {
  id: string;
  username: string;
  full_name: string;
  phone: string | null;
  is_admin: boolean;
  role: MeetingRole | null;
  /** Holds a staff role in some meeting, or sits in some council's secretariat. */
  staff_anywhere: boolean;
  /** Takes part in a meeting of another council. */
  elsewhere: boolean;
}

/** The meeting's participants among `userIds`, with what decides whether the secretariat may reset their password. */
export async function listResetTargets(db: Queryable, meetingId: string, councilId: string, userIds: string[]): Promise<Target[]> {
  return db.query(
    `SELECT u.id, u.username, u.full_name, u.phone, u.is_admin, p.role,
            (EXISTS (SELECT 1 FROM meeting_participants sp WHERE sp.user_id = u.id AND sp.role IN ('chair', 'secretary'))
              OR EXISTS (SELECT 1 FROM council_staff cs WHERE cs.user_id = u.id)) AS staff_anywhere,
            EXISTS (SELECT 1 FROM meeting_participants op JOIN meetings om ON om.id = op.meeting_id
                     WHERE op.user_id = u.id AND om.council_id <> $2) AS elsewhere
       FROM users u JOIN meeting_participants p ON p.user_id = u.id AND p.meeting_id = $1
      WHERE u.id = ANY($3::uuid[])`,
    [meetingId, councilId, userIds],
  );
}
