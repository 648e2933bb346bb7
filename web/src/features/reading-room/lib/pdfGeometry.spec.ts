import type { PdfRect } from '@hopso/shared';
import { rectToPercent } from '../../viewer/lib/rectToPercent';
import { clampToPage, mergeLineRects, screenRectToPdfRect, type PdfPointViewport } from './pdfGeometry';

/** A scale-1 viewport of an A4 page as pdf.js builds it, unrotated or turned a quarter clockwise. */
function a4(rotation: 0 | 90): PdfPointViewport & { convertToViewportRectangle(r: number[]): number[] } {
  const [W, H] = [595.28, 841.89];
  const toView = (x: number, y: number) => (rotation === 0 ? [x, H - y] : [y, x]);
  return {
    width: rotation === 0 ? W : H,
    height: rotation === 0 ? H : W,
    viewBox: [0, 0, W, H],
    convertToPdfPoint: (x, y) => (rotation === 0 ? [x, H - y] : [y, x]),
    convertToViewportRectangle: ([x1, y1, x2, y2]) => [...toView(x1, y1), ...toView(x2, y2)],
  };
}

describe('screenRectToPdfRect', () => {
  it.each([0, 90] as const)('undoes rectToPercent at any zoom and page position (rotation %i)', (rotation) => {
    const viewport = a4(rotation);
    const rect: PdfRect = { page: 3, x: 113.2, y: 429.5, w: 408.1, h: 14.2 };
    for (const zoom of [0.58, 1, 1.333, 2.75]) {
      // the page as drawn: somewhere in the scrolled view, its box the viewport scaled
      const pageBox = { left: 8.5, top: -1234.25, width: viewport.width * zoom, height: viewport.height * zoom };
      const box = rectToPercent(rect, viewport);
      const screen = {
        left: pageBox.left + (box.left / 100) * pageBox.width,
        top: pageBox.top + (box.top / 100) * pageBox.height,
        right: pageBox.left + ((box.left + box.width) / 100) * pageBox.width,
        bottom: pageBox.top + ((box.top + box.height) / 100) * pageBox.height,
      };
      const back = screenRectToPdfRect(screen, pageBox, 3, viewport);
      expect(back.page).toBe(3);
      expect(back.x).toBeCloseTo(rect.x, 6);
      expect(back.y).toBeCloseTo(rect.y, 6);
      expect(back.w).toBeCloseTo(rect.w, 6);
      expect(back.h).toBeCloseTo(rect.h, 6);
    }
  });

  it('puts a box near the top of the screen page high in PDF space (y grows upwards)', () => {
    const viewport = a4(0);
    const pageBox = { left: 0, top: 0, width: 595.28, height: 841.89 };
    const r = screenRectToPdfRect({ left: 100, top: 40, right: 200, bottom: 54 }, pageBox, 1, viewport);
    expect(r.y).toBeCloseTo(841.89 - 54);
    expect(r.h).toBeCloseTo(14);
  });
});

describe('clampToPage', () => {
  it('cuts a text run that runs past the page edge, and drops one wholly outside', () => {
    const viewBox = [0, 0, 595.28, 841.89];
    expect(clampToPage({ page: 1, x: 500, y: 100, w: 120, h: 14 }, viewBox)).toEqual({ page: 1, x: 500, y: 100, w: 95.27999999999997, h: 14 });
    expect(clampToPage({ page: 1, x: 600, y: 100, w: 20, h: 14 }, viewBox)).toBeNull();
  });
});

describe('mergeLineRects', () => {
  it('makes one rectangle per line out of the runs of a selection, in reading order', () => {
    const merged = mergeLineRects([
      { page: 1, x: 85, y: 503, w: 120, h: 14 },
      { page: 1, x: 113, y: 519, w: 200, h: 14 },
      { page: 1, x: 313.5, y: 519.4, w: 100, h: 13.2 },
      { page: 2, x: 337, y: 759, w: 175, h: 14 },
      { page: 1, x: 205, y: 503, w: 3, h: 14 },
    ]);
    expect(merged).toEqual([
      { page: 1, x: 113, y: 519, w: 300.5, h: 14 },
      { page: 1, x: 85, y: 503, w: 123, h: 14 },
      { page: 2, x: 337, y: 759, w: 175, h: 14 },
    ]);
  });

  it('keeps two columns of one row apart', () => {
    const merged = mergeLineRects([
      { page: 1, x: 93, y: 772, w: 150, h: 13 },
      { page: 1, x: 300, y: 772, w: 240, h: 13 },
    ]);
    expect(merged).toHaveLength(2);
  });
});
