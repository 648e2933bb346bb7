import type { Annotation, Comment, CurrentUser, DocumentDetail, DocumentSummary, MeetingDetail, MeetingSummary, Paragraph } from '@hopso/shared';
import { offlineStore } from './offlineStore';
import { outbox } from './outbox';
import { overlayAnnotations, overlayComments } from './overlay';
import { readThrough } from './readThrough';
import { offlineSession } from './session';

/**
 * The reads the offline copy can answer. Each goes to the server first and falls back to what was
 * saved on this device when there is no connection.
 */
export const offlineReads = {
  me: (remote: () => Promise<CurrentUser | null>) =>
    readThrough(remote, async () => offlineSession.lastUser() ?? undefined),
  meetings: (remote: () => Promise<MeetingSummary[]>) => readThrough(remote, () => offlineStore.meetings()),
  meeting: (meetingId: string, remote: () => Promise<MeetingDetail>) => readThrough(remote, () => offlineStore.meeting(meetingId)),
  meetingDocuments: (meetingId: string, remote: () => Promise<DocumentSummary[]>) => readThrough(remote, () => offlineStore.meetingDocuments(meetingId)),
  document: (documentId: string, remote: () => Promise<DocumentDetail>) => readThrough(remote, () => offlineStore.document(documentId)),
  /** Paragraphs never change: the saved copy answers first, online or not (no need to download them again). */
  async paragraphs(documentId: string, versionId: string, remote: () => Promise<Paragraph[]>): Promise<Paragraph[]> {
    const saved = await offlineStore.paragraphs(documentId, versionId).catch(() => undefined);
    return saved ?? remote();
  },
};

/** Annotations and comments: the server's (or the saved) list, kept in the offline copy, with the outbox's pending writes on top. */
export const readPendingOverlay = {
  async annotations(documentId: string, remote: () => Promise<Annotation[]>): Promise<Annotation[]> {
    const base = await readThrough(remote, () => offlineStore.annotations(documentId), (list) => offlineStore.storeAnnotations(documentId, list));
    return overlayAnnotations(base, await pendingItems(), documentId);
  },
  async comments(documentId: string, remote: () => Promise<Comment[]>): Promise<Comment[]> {
    const base = await readThrough(remote, () => offlineStore.comments(documentId), (list) => offlineStore.storeComments(documentId, list));
    return overlayComments(base, await pendingItems(), documentId);
  },
};

async function pendingItems() {
  const userId = offlineSession.userId;
  return userId ? outbox.pending(userId).catch(() => []) : [];
}
