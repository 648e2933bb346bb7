import { MEETING_PERMISSIONS, NOTIFICATION_PAGE, type AppNotification, type NotificationKind, type NotificationParams } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import type { NotificationDraft } from './notification-rules';

/**
 * The notifications' data access: written once per person from a draft, read back only as far as the
 * person may see each now. Typed queries on `db` and the notification's presenter.
 */

export interface NotificationRow {
  id: string;
  user_id: string;
  meeting_id: string;
  kind: NotificationKind;
  ref_id: string;
  params: NotificationParams;
  created_at: Date;
  read_at: Date | null;
}

export const toNotification = (r: NotificationRow): AppNotification => ({
  id: r.id,
  kind: r.kind,
  meetingId: r.meeting_id,
  refId: r.ref_id,
  params: r.params,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

const roles = (action: keyof typeof MEETING_PERMISSIONS) => [...MEETING_PERMISSIONS[action]];

/**
 * Which of a person's notifications they may see now: the same rules as the REST route of the thing
 * each points at (a document released to them now, their own comment, a group they are still in, a vote
 * of a meeting they still follow, an issue holding a question of theirs), in a meeting they still take
 * part in and that is out of draft. `$1` is the user; the role lists follow as $2..$5.
 */
const VISIBLE = `
  n.user_id = $1 AND m.status <> 'draft' AND (
       (n.kind IN ('document.released', 'document.replaced') AND EXISTS (
          SELECT 1 FROM documents d WHERE d.id = n.ref_id AND (p.role = ANY($2) OR (
            p.role = ANY($3) AND d.state = 'released' AND m.release_at <= now() AND COALESCE(d.release_at, m.release_at) <= now()))))
    OR (n.kind = 'comment.replied' AND EXISTS (SELECT 1 FROM comments c WHERE c.id = n.ref_id AND c.author_id = n.user_id))
    OR (n.kind = 'breakout.started' AND EXISTS (SELECT 1 FROM breakout_members bm WHERE bm.group_id = n.ref_id AND bm.user_id = n.user_id))
    OR (n.kind = 'vote.opened' AND p.role = ANY($4) AND EXISTS (SELECT 1 FROM votes v WHERE v.id = n.ref_id AND v.status <> 'draft'))
    OR (n.kind = 'question.answered' AND p.role = ANY($5) AND EXISTS (SELECT 1 FROM questions q WHERE q.issue_id = n.ref_id AND q.author_id = n.user_id)))`;
const VISIBLE_FROM = `notifications n JOIN meetings m ON m.id = n.meeting_id JOIN meeting_participants p ON p.meeting_id = n.meeting_id AND p.user_id = n.user_id`;
const visibleParams = () => [roles('documents.readUnreleased'), roles('documents.readReleased'), roles('votes.read'), roles('questions.ask')];

/** The newest page of what the user may see now. */
export async function listVisibleNotifications(db: Queryable, userId: string): Promise<NotificationRow[]> {
  return db.query(`SELECT n.* FROM ${VISIBLE_FROM} WHERE ${VISIBLE} ORDER BY n.created_at DESC, n.id LIMIT ${NOTIFICATION_PAGE}`, [userId, ...visibleParams()]);
}

export async function countUnreadNotifications(db: Queryable, userId: string): Promise<number> {
  const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${VISIBLE_FROM} WHERE ${VISIBLE} AND n.read_at IS NULL`, [userId, ...visibleParams()]);
  return row.n;
}

/** The notification if the user may see it now. */
export async function findVisibleNotification(db: Queryable, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row]: NotificationRow[] = await db.query(`SELECT n.* FROM ${VISIBLE_FROM} WHERE ${VISIBLE} AND n.id = $6`, [userId, ...visibleParams(), id]);
  return row;
}

/** Read (when first read, kept); [] when it is someone else's or no longer shown to the user. */
export async function markNotificationRead(db: Queryable, userId: string, id: string): Promise<{ id: string }[]> {
  // an UPDATE answers [rows, count]
  const [rows]: [{ id: string }[], number] = await db.query(
    `UPDATE notifications n SET read_at = COALESCE(n.read_at, now()) FROM meetings m, meeting_participants p
        WHERE n.id = $6 AND m.id = n.meeting_id AND p.meeting_id = n.meeting_id AND p.user_id = n.user_id AND ${VISIBLE} RETURNING n.id`,
    [userId, ...visibleParams(), id],
  );
  return rows;
}

export async function markAllNotificationsRead(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
}

/** Each written answer of the issue, with the authors of its questions. */
export async function listAnsweredMessagesOfIssue(db: Queryable, issueId: string): Promise<{ id: string; title: string; authors: string[] }[]> {
  return db.query(
    `SELECT qm.id, i.title, ARRAY(SELECT DISTINCT q.author_id FROM questions q WHERE q.issue_id = i.id) AS authors
         FROM question_messages qm JOIN question_issues i ON i.id = qm.issue_id
        WHERE qm.issue_id = $1 AND qm.kind = 'answer'`,
    [issueId],
  );
}

/** The draft written once to each recipient who takes part in the meeting (a unique key): the rows written now. */
export async function insertNotifications(db: Queryable, d: NotificationDraft): Promise<NotificationRow[]> {
  const recipients = 'userIds' in d.to ? 'p.user_id = ANY($6::uuid[])' : 'p.role = ANY($6::text[])';
  // the first news of a document is that it was released; a newer version of one already announced replaces it
  const kind = `CASE WHEN $2::text = 'document.released' AND EXISTS (SELECT 1 FROM notifications o WHERE o.user_id = p.user_id AND o.ref_id = $3 AND o.kind IN ('document.released', 'document.replaced'))
                  THEN 'document.replaced' ELSE $2::text END`;
  return db.query(
    `INSERT INTO notifications (user_id, meeting_id, kind, ref_id, dedupe_key, params)
       SELECT p.user_id, $1, ${kind}, $3, $4, $5::jsonb || jsonb_build_object('meetingTitle', m.title)
         FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
        WHERE p.meeting_id = $1 AND ${recipients}
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING *`,
    [d.meetingId, d.kind, d.refId, d.dedupeKey, JSON.stringify(d.params), 'userIds' in d.to ? d.to.userIds : [...d.to.roles]],
  );
}
