import type { AppNotification } from '@hopso/shared';

/** Where a notification takes its reader: the document, their group's room, or the meeting. */
export function notificationTarget(n: AppNotification): string {
  switch (n.kind) {
    case 'document.released':
    case 'document.replaced':
      return `/documents/${n.refId}`;
    case 'comment.replied':
      return n.params.documentId ? `/meetings/${n.meetingId}/my-comments` : `/meetings/${n.meetingId}`;
    case 'breakout.started':
      return `/meetings/${n.meetingId}/groups/${n.refId}`;
    default:
      return `/meetings/${n.meetingId}`;
  }
}

/** A notification pushed live into the list REST filled: newest first, each once. */
export function withNotification<T extends { items: AppNotification[]; unread: number }>(list: T | undefined, n: AppNotification): T | undefined {
  if (!list || list.items.some((x) => x.id === n.id)) return list;
  return { ...list, items: [n, ...list.items], unread: list.unread + (n.readAt ? 0 : 1) };
}
