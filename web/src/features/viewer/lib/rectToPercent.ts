import type { PdfRect } from '@hopso/shared';

/** The part of pdf.js's PageViewport this module needs (a viewport at scale 1). */
export interface UnitViewportLike {
  width: number;
  height: number;
  convertToViewportRectangle(rect: number[]): number[];
}

export interface PercentBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A rectangle in PDF user space (origin bottom-left) → percentages of the page box, so an overlay
 * child positioned with them stays right at every zoom without being recomputed.
 */
export function rectToPercent(rect: Pick<PdfRect, 'x' | 'y' | 'w' | 'h'>, viewport: UnitViewportLike): PercentBox {
  const [x1, y1, x2, y2] = viewport.convertToViewportRectangle([rect.x, rect.y, rect.x + rect.w, rect.y + rect.h]);
  const left = Math.min(x1, x2);
  const top = Math.min(y1, y2);
  return {
    left: (left / viewport.width) * 100,
    top: (top / viewport.height) * 100,
    width: (Math.abs(x2 - x1) / viewport.width) * 100,
    height: (Math.abs(y2 - y1) / viewport.height) * 100,
  };
}
