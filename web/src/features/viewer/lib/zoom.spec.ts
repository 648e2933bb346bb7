import { fitWidthZoom, outputScaleFor, PDF_TO_CSS, zoomIn, zoomOut } from './zoom';

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
