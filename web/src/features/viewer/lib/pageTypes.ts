import type { PdfRect } from '@hopso/shared';

/** Size of a page in PDF units (points), with its rotation applied. */
export interface PageSize {
  width: number;
  height: number;
}

/**
 * Something drawn over a page from a rectangle in PDF units: search hits, the passage just jumped
 * to, and the margin markers of comments and notes (placed beside their line). Geometry stays in
 * document space so it holds at every zoom.
 */
export interface PageOverlayItem {
  key: string;
  rect: PdfRect;
  kind: 'search-hit' | 'search-hit-active' | 'focus' | 'comment' | 'note';
  label?: string;
}
