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
  /** The conversation after the reply: staff and the delegate taking turns, oldest first. */
  messages: CommentMessage[];
  /** When the secretariat or the chair marked it resolved (đã giải quyết); null while open. */
  resolvedAt: string | null;
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

/**
 * A reply can become a short conversation between the secretariat (or the chair) and the delegate
 * who wrote the comment: staff write first, the delegate answers, staff write again… It closes when
 * the comment is marked resolved. Nobody else sees it, as nobody else sees the comment.
 */
export const COMMENT_THREAD_MAX = 60;
export const COMMENT_MESSAGE_MAX = 2_000;

export const commentMessageRequest = z.object({
  /** Generated once per message the person writes; a retry with it returns the stored message's comment. */
  clientId: z.string().uuid(),
  body: z.string().trim().min(1, 'Write your message').max(COMMENT_MESSAGE_MAX),
});
export type CommentMessageRequest = z.infer<typeof commentMessageRequest>;

export const commentResolutionRequest = z.object({ resolved: z.boolean() });
export type CommentResolutionRequest = z.infer<typeof commentResolutionRequest>;

export interface CommentMessage {
  id: string;
  authorId: string;
  authorName: string;
  /** Written by the secretariat or the chair (otherwise by the comment's author). */
  fromStaff: boolean;
  body: string;
  createdAt: string;
}

/** Whether the delegate may answer now: staff have written (a reply or a message) and it is not resolved. */
export function delegateMayAnswer(comment: Pick<Comment, 'reply' | 'messages' | 'resolvedAt'>): boolean {
  return comment.resolvedAt === null && (comment.reply.trim() !== '' || comment.messages.some((m) => m.fromStaff));
}

/** The texts the desk's search looks in (see matchesSearch): the same on the server and in the browser. */
export function commentSearchTexts(comment: Pick<Comment, 'body' | 'authorName' | 'documentTitle' | 'anchor'>): string[] {
  return [comment.body, comment.anchor.quote.exact, comment.authorName, comment.documentTitle];
}
