import type { Anchor, HighlightColor, MeetingRole, Paragraph, PdfRect } from '@hopso/shared';

export const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];

/** One line of a highlight, drawn under the text layer of its page. */
export interface HighlightItem {
  key: string;
  rect: PdfRect;
  color: HighlightColor;
  annotationId: string;
}

/** A paragraph starting on a page, for the comment button in that page's margin. */
export interface MarginParagraph {
  id: string;
  /** 0-based; people see index + 1. */
  index: number;
  firstLine: PdfRect;
  /** Left edge of the document's text, in PDF units: the margin column is left of it. */
  left: number;
  /** Comments shown to this reader on the paragraph (their own, or everyone's for staff). */
  commentCount: number;
}

/** What this reader may do here, from the one permission table in shared/. */
export interface ReadingAccess {
  role: MeetingRole | null;
  canAnnotate: boolean;
  canComment: boolean;
  seesAllComments: boolean;
  canTriage: boolean;
}

/** What a note or a comment being written points at. */
export interface ComposeTarget {
  anchor: Anchor;
  paragraph: Paragraph;
  /** The whole paragraph, rather than a selected quote. */
  whole: boolean;
}

export type ComposeMode = 'comment' | 'note';
