import type { PdfRect } from '@hopso/shared';

/** The part of pdf.js's PageViewport (at scale 1) that maps viewport pixels back to PDF user space. */
export interface PdfPointViewport {
  width: number;
  height: number;
  /** [xMin, yMin, xMax, yMax] of the page in PDF user space. */
  viewBox: number[];
  convertToPdfPoint(x: number, y: number): number[];
}

export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Rounding in the browser may put a box a hair outside the page; the server allows 2 units. */
const PAGE_SLACK = 0.5;

/**
 * A rectangle on screen (client pixels) over a page whose box on screen is `pageBox` → a rectangle
 * in PDF units on that page: the inverse of rectToPercent. Works at any zoom and rotation, because
 * the page box is the viewport scaled, and the viewport knows the page's rotation and origin.
 */
export function screenRectToPdfRect(rect: ScreenRect, pageBox: ScreenBox, page: number, viewport: PdfPointViewport): PdfRect {
  const sx = viewport.width / pageBox.width;
  const sy = viewport.height / pageBox.height;
  const [x1, y1] = viewport.convertToPdfPoint((rect.left - pageBox.left) * sx, (rect.top - pageBox.top) * sy);
  const [x2, y2] = viewport.convertToPdfPoint((rect.right - pageBox.left) * sx, (rect.bottom - pageBox.top) * sy);
  return { page, x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) };
}

/** The part of `rect` inside the page (text layer spans may run past the edge); null when nothing is left. */
export function clampToPage(rect: PdfRect, viewBox: readonly number[]): PdfRect | null {
  const [bx1, by1, bx2, by2] = viewBox;
  const x1 = Math.max(rect.x, Math.min(bx1, bx2));
  const y1 = Math.max(rect.y, Math.min(by1, by2));
  const x2 = Math.min(rect.x + rect.w, Math.max(bx1, bx2));
  const y2 = Math.min(rect.y + rect.h, Math.max(by1, by2));
  if (x2 - x1 < PAGE_SLACK || y2 - y1 < PAGE_SLACK) return null;
  return { page: rect.page, x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

export function overlapArea(a: Omit<PdfRect, 'page'>, b: Omit<PdfRect, 'page'>): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function containsPoint(rect: PdfRect, page: number, x: number, y: number, slack = 0): boolean {
  return rect.page === page && x >= rect.x - slack && x <= rect.x + rect.w + slack && y >= rect.y - slack && y <= rect.y + rect.h + slack;
}

/** Two boxes on one line: they share most of their height. */
function sameLine(a: PdfRect, b: PdfRect): boolean {
  const shared = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return shared >= 0.5 * Math.min(a.h, b.h);
}

/**
 * One rectangle per line and page from the many boxes a selection gives (one per text run, some
 * overlapping), in reading order (page, top to bottom, left to right). Boxes on one line merge
 * unless a wide gap separates them (two columns on one row stay two rectangles).
 */
export function mergeLineRects(rects: readonly PdfRect[]): PdfRect[] {
  const sorted = rects
    .filter((r) => r.w > 0 && r.h > 0)
    .sort((a, b) => a.page - b.page || b.y + b.h - (a.y + a.h) || a.x - b.x);
  const lines: PdfRect[][] = [];
  for (const rect of sorted) {
    const line = lines.find((l) => l[0].page === rect.page && sameLine(l[0], rect));
    if (line) line.push(rect);
    else lines.push([rect]);
  }
  const merged: PdfRect[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current = { ...line[0] };
    for (const rect of line.slice(1)) {
      const gap = rect.x - (current.x + current.w);
      if (gap <= 1.5 * Math.max(current.h, rect.h)) {
        const x2 = Math.max(current.x + current.w, rect.x + rect.w);
        const y1 = Math.min(current.y, rect.y);
        const y2 = Math.max(current.y + current.h, rect.y + rect.h);
        current = { page: current.page, x: current.x, y: y1, w: x2 - current.x, h: y2 - y1 };
      } else {
        merged.push(current);
        current = { ...rect };
      }
    }
    merged.push(current);
  }
  return merged.sort((a, b) => a.page - b.page || b.y + b.h - (a.y + a.h) || a.x - b.x);
}

/** Rounded to 1/100 of a unit: enough for any zoom, and stored anchors stay small. */
export function roundRect(rect: PdfRect): PdfRect {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { page: rect.page, x: r(rect.x), y: r(rect.y), w: r(rect.w), h: r(rect.h) };
}
