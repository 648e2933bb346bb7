import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject, type Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AppNotification, NotificationList } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/domain-error';
import { MeetingEventsService, type PublishedEvent } from '../events/meeting-events.service';
import { notificationsOf, type NotificationDraft } from './notification-rules';
import { countUnreadNotifications, findVisibleNotification, insertNotifications, listAnsweredMessagesOfIssue, listVisibleNotifications, markAllNotificationsRead, markNotificationRead, type NotificationRow, toNotification } from './notifications.repository';

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
    const rows = await listVisibleNotifications(this.db, caller.id);
    return { items: rows.map(toNotification), unread: await this.unread(caller.id) };
  }

  async markRead(caller: AuthUser, id: string): Promise<NotificationList> {
    const rows = await markNotificationRead(this.db, caller.id, id);
    // someone else's, or one no longer shown to the caller: as a random id
    if (rows.length === 0) throw notFound('Notification');
    return this.list(caller);
  }

  async markAllRead(caller: AuthUser): Promise<NotificationList> {
    await markAllNotificationsRead(this.db, caller.id);
    return this.list(caller);
  }

  private async unread(userId: string): Promise<number> {
    return countUnreadNotifications(this.db, userId);
  }

  private async fromEvent(stored: PublishedEvent): Promise<void> {
    const { event } = stored;
    const drafts = notificationsOf(event);
    if (event.type === 'questions.changed' && event.payload.issueId) drafts.push(...(await this.answeredQuestions(event.meetingId, event.payload.issueId)));
    for (const draft of drafts) {
      const written = await insertNotifications(this.db, draft);
      if (written.length) await this.push(written);
    }
  }

  /** Each written answer of an issue, once, to the authors of its questions. */
  private async answeredQuestions(meetingId: string, issueId: string): Promise<NotificationDraft[]> {
    const rows = await listAnsweredMessagesOfIssue(this.db, issueId);
    return rows.map((r) => ({ kind: 'question.answered', meetingId, refId: issueId, dedupeKey: `question.answered:${r.id}`, params: { title: r.title }, to: { userIds: r.authors } }));
  }

  /** Live, to each person's user room: only those they may see now (the REST rule, read again). */
  private async push(rows: NotificationRow[]): Promise<void> {
    const visible: NotificationRow[] = [];
    for (const r of rows) {
      const row = await findVisibleNotification(this.db, r.user_id, r.id);
      if (row) visible.push(row);
    }
    for (const r of visible) this.delivered.next({ userId: r.user_id, notification: toNotification(r) });
  }
}
