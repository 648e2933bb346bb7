import type { CreateAnnotationRequest, CreateCommentRequest, ErrorCode, HighlightColor } from '@hopso/shared';

/** Which annotation an edit or a delete is about: its server id once known, always the clientId it was created with. */
export interface AnnotationTarget {
  id: string | null;
  clientId: string;
}

export type OutboxOp =
  | { kind: 'annotation.create'; body: CreateAnnotationRequest }
  | {
      kind: 'annotation.update';
      target: AnnotationTarget;
      body: { color?: HighlightColor; note?: string; editedAt: string; baseUpdatedAt?: string };
    }
  | { kind: 'annotation.delete'; target: AnnotationTarget }
  | { kind: 'comment.create'; body: CreateCommentRequest & { writtenAt: string } };

export type OutboxKind = OutboxOp['kind'];

/** Why the server refused an item: kept on it, so the delegate sees it and can copy their text. */
export interface OutboxRefusal {
  status: number;
  code: ErrorCode;
  message: string;
}

/**
 * One write waiting for the server. Items are sent in `seq` order with the ids they were made
 * with, so sending one twice (an answer lost on the way back) stores it once.
 */
export type OutboxItem = OutboxOp & {
  /** Assigned by IndexedDB: the order the writes were made in. */
  seq?: number;
  userId: string;
  meetingId: string;
  documentId: string;
  documentTitle: string;
  createdAt: string;
  /** Sends started: more than 0 means the server may already have it. */
  attempts: number;
  state: 'pending' | 'refused';
  refusal: OutboxRefusal | null;
};

export type StoredOutboxItem = OutboxItem & { seq: number };

/** The clientId of the annotation or comment an item creates or changes. */
export function subjectClientId(item: OutboxItem): string {
  return item.kind === 'annotation.create' || item.kind === 'comment.create' ? item.body.clientId : item.target.clientId;
}

/** The words the delegate wrote in an item (to copy when it was refused). */
export function itemText(item: OutboxItem): string {
  if (item.kind === 'comment.create') return item.body.body;
  if (item.kind === 'annotation.create') return item.body.note || item.body.anchor.quote.exact;
  if (item.kind === 'annotation.update') return item.body.note ?? '';
  return '';
}
