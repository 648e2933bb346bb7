import type {
  Annotation,
  Comment,
  CreateAnnotationRequest,
  CreateCommentRequest,
  DocumentDetail,
  DocumentSummary,
  MeetingDetail,
  Paragraph,
  UpdateAnnotationRequest,
  UpdateAnnotationResponse,
} from '@hopso/shared';

/** How the outbox sends each kind of write: handed in by the features that own them. */
export interface OutboxSenders {
  createAnnotation(documentId: string, body: CreateAnnotationRequest): Promise<Annotation>;
  /** To check whether an edit sent before (answer lost) was stored. */
  annotations(documentId: string): Promise<Annotation[]>;
  /** Answers the stored annotation and, when the edit met a concurrent one, the conflict copy kept of the other. */
  updateAnnotation(id: string, body: UpdateAnnotationRequest): Promise<UpdateAnnotationResponse>;
  deleteAnnotation(id: string): Promise<unknown>;
  createComment(documentId: string, body: CreateCommentRequest): Promise<Comment>;
}

/** What "save this meeting for reading offline" downloads. */
export interface OfflineCopySources {
  meeting(meetingId: string): Promise<MeetingDetail>;
  meetingDocuments(meetingId: string): Promise<DocumentSummary[]>;
  document(documentId: string): Promise<DocumentDetail>;
  annotations(documentId: string): Promise<Annotation[]>;
  comments(documentId: string): Promise<Comment[]>;
  paragraphs(documentId: string, versionId: string): Promise<Paragraph[]>;
  fileUrl(documentId: string, versionId: string): string;
}

let registered: { senders: OutboxSenders; sources: OfflineCopySources } | null = null;

/**
 * The registry of the server calls the offline layer makes. The app fills it at start-up
 * (web/src/app/offlineRegistry.ts), so this feature imports no other feature.
 */
export const offlineApi = {
  register(senders: OutboxSenders, sources: OfflineCopySources): void {
    registered = { senders, sources };
  },
  get senders(): OutboxSenders {
    if (!registered) throw new Error('offlineApi.register was not called at start-up');
    return registered.senders;
  },
  get sources(): OfflineCopySources {
    if (!registered) throw new Error('offlineApi.register was not called at start-up');
    return registered.sources;
  },
};
