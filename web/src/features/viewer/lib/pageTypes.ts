import type { ReactNode } from 'react';
import type { PageViewport } from 'pdfjs-dist';
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

/**
 * Layers another feature draws on a page (the reading room's highlights and margin buttons), given
 * the page's viewport at scale 1: the viewer knows nothing of what they show.
 */
export interface PageLayers {
  /** Under the text layer, so the text stays selectable (highlights). */
  under?: (viewport: PageViewport) => ReactNode;
  /** In the overlay above the text, beside the search marks (buttons in the margin). */
  over?: (viewport: PageViewport, scale: number) => ReactNode;
}
