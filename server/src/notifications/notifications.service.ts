import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject, type Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { MEETING_PERMISSIONS, NOTIFICATION_PAGE, type AppNotification, type NotificationKind, type NotificationList, type NotificationParams } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/domain-error';
import { MeetingEventsService, type PublishedEvent } from '../events/meeting-events.service';
import { notificationsOf, type NotificationDraft } from './notification-rules';

interface NotificationRow {
  id: string;
  user_id: string;
  meeting_id: string;
  kind: NotificationKind;
  ref_id: string;
  params: NotificationParams;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (r: NotificationRow): AppNotification => ({
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

/**
 * Notifications come from committed meeting events (one subscriber, so no domain service learns of
 * them): each is written once per person (a unique key), then pushed to the person's user room
 * exactly as GET /notifications would show it to them.
 */
@Injectable()
export class NotificationsService implements OnModuleInit, OnModuleDestroy {
  readonly delivered = new Subject<{ userId: string; notification: AppNotification }>();
  private readonly logger = new Logger(NotificationsService.name);
  private subscription: Subscription | null = null;
  /** One event at a time, in commit order, so "released" always comes before "replaced". */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: MeetingEventsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.published.subscribe((stored) => {
      this.queue = this.queue.then(() => this.fromEvent(stored)).catch((e: unknown) => this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Resolves once every event published so far has been turned into notifications (for tests and shutdown). */
  settled(): Promise<void> {
    return this.queue;
  }

  async list(caller: AuthUser): Promise<NotificationList> {
    const rows: NotificationRow[] = await this.db.query(
      `SELECT n.* FROM ${VISIBLE_FROM} WHERE ${VISIBLE} ORDER BY n.created_at DESC, n.id LIMIT ${NOTIFICATION_PAGE}`,
      [caller.id, ...visibleParams()],
    );
    return { items: rows.map(toNotification), unread: await this.unread(caller.id) };
  }

  async markRead(caller: AuthUser, id: string): Promise<NotificationList> {
    // an UPDATE answers [rows, count]
    const [rows]: [{ id: string }[], number] = await this.db.query(
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, now()) FROM meetings m, meeting_participants p
        WHERE n.id = $6 AND m.id = n.meeting_id AND p.meeting_id = n.meeting_id AND p.user_id = n.user_id AND ${VISIBLE} RETURNING n.id`,
      [caller.id, ...visibleParams(), id],
    );
    // someone else's, or one no longer shown to the caller: as a random id
    if (rows.length === 0) throw notFound('Notification');
    return this.list(caller);
  }

  async markAllRead(caller: AuthUser): Promise<NotificationList> {
    await this.db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [caller.id]);
    return this.list(caller);
  }

  private async unread(userId: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM ${VISIBLE_FROM} WHERE ${VISIBLE} AND n.read_at IS NULL`, [userId, ...visibleParams()]);
    return row.n;
  }

  private async fromEvent(stored: PublishedEvent): Promise<void> {
    const { event } = stored;
    const drafts = notificationsOf(event);
    if (event.type === 'questions.changed' && event.payload.issueId) drafts.push(...(await this.answeredQuestions(event.meetingId, event.payload.issueId)));
    for (const draft of drafts) {
      const written = await this.write(draft);
      if (written.length) await this.push(written);
    }
  }

  /** Each written answer of an issue, once, to the authors of its questions. */
  private async answeredQuestions(meetingId: string, issueId: string): Promise<NotificationDraft[]> {
    const rows: { id: string; title: string; authors: string[] }[] = await this.db.query(
      `SELECT qm.id, i.title, ARRAY(SELECT DISTINCT q.author_id FROM questions q WHERE q.issue_id = i.id) AS authors
         FROM question_messages qm JOIN question_issues i ON i.id = qm.issue_id
        WHERE qm.issue_id = $1 AND qm.kind = 'answer'`,
      [issueId],
    );
    return rows.map((r) => ({ kind: 'question.answered', meetingId, refId: issueId, dedupeKey: `question.answered:${r.id}`, params: { title: r.title }, to: { userIds: r.authors } }));
  }

  private async write(d: NotificationDraft): Promise<NotificationRow[]> {
    const recipients = 'userIds' in d.to ? 'p.user_id = ANY($6::uuid[])' : 'p.role = ANY($6::text[])';
    // the first news of a document is that it was released; a newer version of one already announced replaces it
    const kind = `CASE WHEN $2::text = 'document.released' AND EXISTS (SELECT 1 FROM notifications o WHERE o.user_id = p.user_id AND o.ref_id = $3 AND o.kind IN ('document.released', 'document.replaced'))
                  THEN 'document.replaced' ELSE $2::text END`;
    return this.db.query(
      `INSERT INTO notifications (user_id, meeting_id, kind, ref_id, dedupe_key, params)
       SELECT p.user_id, $1, ${kind}, $3, $4, $5::jsonb || jsonb_build_object('meetingTitle', m.title)
         FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
        WHERE p.meeting_id = $1 AND ${recipients}
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING *`,
      [d.meetingId, d.kind, d.refId, d.dedupeKey, JSON.stringify(d.params), 'userIds' in d.to ? d.to.userIds : [...d.to.roles]],
    );
  }

  /** Live, to each person's user room: only those they may see now (the REST rule, read again). */
  private async push(rows: NotificationRow[]): Promise<void> {
    const visible: NotificationRow[] = [];
    for (const r of rows) {
      const [row]: NotificationRow[] = await this.db.query(`SELECT n.* FROM ${VISIBLE_FROM} WHERE ${VISIBLE} AND n.id = $6`, [r.user_id, ...visibleParams(), r.id]);
      if (row) visible.push(row);
    }
    for (const r of visible) this.delivered.next({ userId: r.user_id, notification: toNotification(r) });
  }
}
