import type { Annotation, Comment, DocumentDetail, DocumentSummary, MeetingDetail, MeetingSummary, Paragraph } from '@hopso/shared';
import { fileKey, hasIndexedDb, offlineDb, type SavedDocument, type SavedMeeting } from './offlineDb';
import { serverOnly, upsertByClientId } from './overlay';
import { offlineSession } from './session';

/** Reads of the offline copy, only ever for the person signed in (a shared phone shows nobody else's). */
async function mine<T extends { userId: string }>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  const userId = offlineSession.userId;
  if (!userId || !hasIndexedDb()) return undefined;
  const value = await read();
  return value && value.userId === userId ? value : undefined;
}

async function savedDocument(documentId: string): Promise<SavedDocument | undefined> {
  return mine(async () => (await offlineDb()).get('documents', documentId));
}

async function updateDocument(documentId: string, change: (doc: SavedDocument) => SavedDocument): Promise<void> {
  if (!hasIndexedDb()) return;
  const db = await offlineDb();
  const tx = db.transaction('documents', 'readwrite');
  const doc = await tx.store.get(documentId);
  if (doc && doc.userId === offlineSession.userId) await tx.store.put(change(doc));
  await tx.done;
}

export const offlineStore = {
  savedMeeting: (meetingId: string): Promise<SavedMeeting | undefined> => mine(async () => (await offlineDb()).get('meetings', meetingId)),

  async savedMeetings(): Promise<SavedMeeting[]> {
    const userId = offlineSession.userId;
    if (!userId || !hasIndexedDb()) return [];
    return (await (await offlineDb()).getAll('meetings')).filter((m) => m.userId === userId);
  },

  meeting: async (meetingId: string): Promise<MeetingDetail | undefined> => (await offlineStore.savedMeeting(meetingId))?.meeting,

  /** The saved meetings as the meeting list shows them (offline, the list is what is on the device). */
  meetings: async (): Promise<MeetingSummary[] | undefined> => {
    const saved = await offlineStore.savedMeetings();
    return saved.length > 0 ? saved.map(({ meeting: { agenda: _agenda, ...summary } }) => summary) : undefined;
  },

  meetingDocuments: async (meetingId: string): Promise<DocumentSummary[] | undefined> => (await offlineStore.savedMeeting(meetingId))?.documents,

  document: async (documentId: string): Promise<DocumentDetail | undefined> => (await savedDocument(documentId))?.detail,

  isDocumentSaved: async (documentId: string): Promise<boolean> => (await savedDocument(documentId)) !== undefined,

  async paragraphs(documentId: string, versionId: string): Promise<Paragraph[] | undefined> {
    if (!(await savedDocument(documentId))) return undefined;
    return (await (await offlineDb()).get('paragraphs', fileKey(documentId, versionId)))?.paragraphs;
  },

  /** The saved PDF bytes of a version, or null. A fresh copy each time: pdf.js takes the buffer over. */
  async file(documentId: string, versionId: string): Promise<Uint8Array | null> {
    if (!(await savedDocument(documentId))) return null;
    const file = await (await offlineDb()).get('files', fileKey(documentId, versionId));
    return file ? new Uint8Array(file.data) : null;
  },

  annotations: async (documentId: string): Promise<Annotation[] | undefined> => (await savedDocument(documentId))?.annotations,
  comments: async (documentId: string): Promise<Comment[] | undefined> => (await savedDocument(documentId))?.comments,

  /** Keeps a saved document's lists current with what the server answered online. */
  storeAnnotations: (documentId: string, list: readonly Annotation[]) => updateDocument(documentId, (doc) => ({ ...doc, annotations: serverOnly(list) })),
  storeComments: (documentId: string, list: readonly Comment[]) => updateDocument(documentId, (doc) => ({ ...doc, comments: serverOnly(list) })),

  /** One annotation the server stored or changed (from the outbox). */
  storeAnnotation: (annotation: Annotation) =>
    updateDocument(annotation.documentId, (doc) => ({ ...doc, annotations: upsertByClientId(doc.annotations, annotation) })),
  dropAnnotation: (documentId: string, id: string) =>
    updateDocument(documentId, (doc) => ({ ...doc, annotations: doc.annotations.filter((a) => a.id !== id) })),
  storeComment: (comment: Comment) => updateDocument(comment.documentId, (doc) => ({ ...doc, comments: upsertByClientId(doc.comments, comment) })),
};
