import type { ParagraphIndex } from '../../reading-room/lib/selectionAnchor';

/**
 * The paragraph a reader is at on the PDF pages: the first whose line reaches below `top` (PDF
 * units from the page's foot, as the view's top edge on that page), else the first on a later page.
 */
export function paragraphAtTop(paragraphs: ParagraphIndex, page: number, top: number): number | null {
  const lines = paragraphs.linesOnPage(page);
  for (const { paragraph, rect } of lines) if (rect.y <= top) return paragraph.index;
  const later = paragraphs.sorted.find((p) => p.rects.some((r) => r.page > page));
  return later?.index ?? paragraphs.sorted[paragraphs.sorted.length - 1]?.index ?? null;
}
