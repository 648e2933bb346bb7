import type { PdfRect } from '@hopso/shared';

/** Size of a page in PDF units (points), with its rotation applied. */
export interface PageSize {
  width: number;
  height: number;
}

/**
 * Something drawn over a page from a rectangle in PDF units: search hits now; highlights and
 * comment markers later. Geometry stays in document space so it holds at every zoom.
 */
export interface PageOverlayItem {
  key: string;
  rect: PdfRect;
  kind: 'search-hit' | 'search-hit-active' | 'highlight' | 'comment';
  label?: string;
}
