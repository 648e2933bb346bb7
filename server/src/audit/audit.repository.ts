import type { AuditAction, AuditEntry } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import type { AuditEventEntity } from './audit-event.entity';

export async function insertAuditEvent(
  db: Queryable,
  e: { userId: string | null; action: AuditAction; meetingId: string | null; targetId: string | null; meta: AuditEventEntity['meta'] },
): Promise<void> {
  await db.query('INSERT INTO audit_events (user_id, action, meeting_id, target_id, meta) VALUES ($1, $2, $3, $4, $5)', [
    e.userId,
    e.action,
    e.meetingId,
    e.targetId,
    JSON.stringify(e.meta),
  ]);
}

export interface AuditEventRow {
  id: string;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  action: AuditAction;
  meeting_id: string | null;
  target_id: string | null;
  meta: AuditEntry['meta'];
}

/** The meeting's newest `limit` entries, newest first, with the name of whoever acted. */
export async function listAuditEventsOfMeeting(db: Queryable, meetingId: string, limit: number): Promise<AuditEventRow[]> {
  return db.query(
    `SELECT e.id AS id, e.at AS at, e.user_id AS user_id, u.full_name AS user_name, e.action AS action, e.meeting_id AS meeting_id, e.target_id AS target_id, e.meta AS meta
       FROM audit_events e LEFT JOIN users u ON u.id = e.user_id
      WHERE e.meeting_id = $1
      ORDER BY e.at DESC, e.id DESC
      LIMIT $2`,
    [meetingId, limit],
  );
}

export const toAuditEntry = (r: AuditEventRow): AuditEntry => ({
  id: String(r.id),
  at: new Date(r.at).toISOString(),
  userId: r.user_id,
  userName: r.user_name,
  action: r.action,
  meetingId: r.meeting_id,
  targetId: r.target_id,
  meta: r.meta,
});
