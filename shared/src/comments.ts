import { z } from './zod';
import { anchorSchema, type StoredAnchor } from './anchors';

export const COMMENT_STATUSES = ['sent', 'received', 'accepted', 'answered', 'declined'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** A delegate's comment (góp ý) on a paragraph, or on a quote inside it, sent to the secretariat and the chair. */
export const createCommentRequest = z.object({
  clientId: z.string().uuid(),
  anchor: anchorSchema,
  body: z.string().trim().min(1, 'Write your comment').max(10_000),
  /**
   * When the delegate wrote it (offline clients send it with the outbox). A comment
   * written before the deadline but arriving after it is accepted within
   * LATE_COMMENT_GRACE_HOURS, and never after the meeting has started.
   */
  writtenAt: z.string().datetime({ offset: true }).optional(),
});

/**
 * How long after the comment deadline a comment written offline before it may still
 * arrive. Twelve hours covers a delegate who wrote in the evening with no signal and
 * only reconnects the next morning; the meeting's start time caps it, since a comment
 * that arrives once the session has opened can no longer be prepared for.
 */
export const LATE_COMMENT_GRACE_HOURS = 12;
export type CreateCommentRequest = z.infer<typeof createCommentRequest>;

/** Triage by the secretariat or the chair. */
export const triageCommentRequest = z.object({
  status: z.enum(COMMENT_STATUSES),
  reply: z.string().trim().max(10_000).optional(),
});
export type TriageCommentRequest = z.infer<typeof triageCommentRequest>;

export interface Comment {
  id: string;
  clientId: string;
  meetingId: string;
  documentId: string;
  documentTitle: string;
  agendaItemId: string | null;
  authorId: string;
  authorName: string;
  anchor: StoredAnchor;
  /** Paragraph order in the version the anchor points at (for the synthesis report). */
  paragraphIndex: number | null;
  /** That paragraph's place in the legal text ("Điều 2, khoản 1"), null where the document has no such structure. */
  paragraphLabel: string | null;
  body: string;
  status: CommentStatus;
  reply: string;
  /** When the delegate wrote it (differs from createdAt for comments sent from an offline outbox). */
  writtenAt: string;
  createdAt: string;
  updatedAt: string;
}

/** Per delegate, per document: when they opened it (null: not yet). Staff only. */
export interface ReadReceipt {
  userId: string;
  fullName: string;
  unit: string;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  views: number;
}
