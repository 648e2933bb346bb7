import type { ParagraphCommentCount } from '@hopso/shared';

/** The paragraphs with the most comments, most first; ties in document order. */
export function topParagraphs(counts: readonly ParagraphCommentCount[], limit: number): ParagraphCommentCount[] {
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.paragraphIndex - b.paragraphIndex)
    .slice(0, limit);
}

/** People who have opened a document, of everyone on the list. */
export function readTally(receipts: readonly { firstOpenedAt: string | null }[]): { read: number; total: number } {
  return { read: receipts.filter((r) => r.firstOpenedAt !== null).length, total: receipts.length };
}
