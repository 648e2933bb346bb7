import { rectToPercent, type UnitViewportLike } from './rectToPercent';

/** An unrotated A4 page: PDF y grows upwards, viewport y grows downwards. */
const a4: UnitViewportLike = {
  width: 595,
  height: 842,
  convertToViewportRectangle: ([x1, y1, x2, y2]) => [x1, 842 - y1, x2, 842 - y2],
};

describe('rectToPercent', () => {
  it('flips the y axis and turns PDF units into percentages of the page', () => {
    // top edge at y = 842 - 42.1 = 799.9 → 5 % from the top; 42.1 high → 5 % of the page
    const box = rectToPercent({ x: 59.5, y: 757.8, w: 119, h: 42.1 }, a4);
    expect(box.left).toBeCloseTo(10);
    expect(box.width).toBeCloseTo(20);
    expect(box.top).toBeCloseTo(5);
    expect(box.height).toBeCloseTo(5);
  });
});
