import { z } from 'zod';
import { anchorSchema, type StoredAnchor } from './anchors';

export const COMMENT_STATUSES = ['sent', 'received', 'accepted', 'answered', 'declined'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** A delegate's comment (góp ý) on a paragraph, or on a quote inside it, sent to the secretariat and the chair. */
export const createCommentRequest = z.object({
  clientId: z.string().uuid(),
  anchor: anchorSchema,
  body: z.string().trim().min(1, 'Write your comment').max(10_000),
});
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
  body: string;
  status: CommentStatus;
  reply: string;
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
