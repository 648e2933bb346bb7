import { fitWidthZoom, fitWidthZoomBesideMargin, marginGutterPx, outputScaleFor, PDF_TO_CSS, zoomIn, zoomOut } from './zoom';

describe('viewer zoom', () => {
  it('fits an A4 page into a 344 px wide phone column', () => {
    const zoom = fitWidthZoom(344, 595.28);
    expect(595.28 * PDF_TO_CSS * zoom).toBeCloseTo(344, 5);
  });

  it('steps through the zoom levels and stops at the ends', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(0.58)).toBe(0.67);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.5)).toBe(0.5);
  });

  it('caps the canvas size on dense screens', () => {
    expect(outputScaleFor(400, 560, 3)).toBe(3);
    const scale = outputScaleFor(2000, 2800, 3);
    expect(2000 * 2800 * scale * scale).toBeLessThanOrEqual(8_388_608 + 1);
  });
});

describe('fit width beside a margin column', () => {
  it('fills the width as before when the page margin holds the column', () => {
    // 595 pt wide, text from 85 pt (30 mm): at 344 px the margin is 49 px
    expect(fitWidthZoomBesideMargin(344, 595, 85, 48)).toBeCloseTo(fitWidthZoom(344, 595), 6);
    expect(marginGutterPx(fitWidthZoom(344, 595) * PDF_TO_CSS, 85, 48)).toBe(0);
  });

  it('makes a page with a narrow margin smaller, so that column and page together fit and the column covers no text', () => {
    const textLeft = 28; // about 10 mm
    const zoom = fitWidthZoomBesideMargin(344, 595, textLeft, 48);
    const scale = zoom * PDF_TO_CSS;
    const gutter = marginGutterPx(scale, textLeft, 48);
    expect(zoom).toBeLessThan(fitWidthZoom(344, 595));
    expect(gutter + 595 * scale).toBeLessThanOrEqual(344);
    expect(gutter + 595 * scale).toBeGreaterThan(342);
    // the column ends where the text begins
    expect(gutter + textLeft * scale).toBeGreaterThanOrEqual(48);
  });

  it('needs no room when there are no margin buttons', () => {
    expect(marginGutterPx(1, null, 48)).toBe(0);
    expect(fitWidthZoomBesideMargin(344, 595, null, 48)).toBe(fitWidthZoom(344, 595));
  });
});
