/**
 * In-app notifications (thông báo) of a delegate: stored per person, marked read, listed over REST
 * and pushed live on the person's own socket room. Each carries the ids to open and the few words
 * the client needs to say it in the reader's language; who still sees it is decided when it is read,
 * by the same rules as the thing it points at.
 */
export const NOTIFICATION_KINDS = ['document.released', 'document.replaced', 'comment.replied', 'breakout.started', 'vote.opened', 'question.answered'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationParams {
  /** The document's title (document.*, comment.replied), the group's name, the vote's question or the title. */
  title: string;
  meetingTitle: string;
  documentId?: string;
  agendaItemId?: string | null;
  versionNo?: number;
}

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  meetingId: string;
  /** The document, comment, breakout group, vote or chất vấn issue it is about. */
  refId: string;
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}

/** How many GET /notifications returns (newest first). */
export const NOTIFICATION_PAGE = 50;
