import { layoutMarginButtons } from './marginLayout';

describe('layoutMarginButtons', () => {
  it('gives each paragraph its own button when there is room', () => {
    const placed = layoutMarginButtons(
      [
        { id: 'a', centre: 100 },
        { id: 'b', centre: 160 },
        { id: 'c', centre: 220 },
      ],
      48,
      1000,
    );
    expect(placed).toEqual([
      { ids: ['a'], top: 76 },
      { ids: ['b'], top: 136 },
      { ids: ['c'], top: 196 },
    ]);
  });

  it('lets paragraphs closer than a finger share one button instead of overlapping or shrinking', () => {
    const placed = layoutMarginButtons(
      [
        { id: 'a', centre: 100 },
        { id: 'b', centre: 112 },
        { id: 'c', centre: 130 },
        { id: 'd', centre: 160 },
      ],
      48,
      1000,
    );
    expect(placed.map((p) => p.ids)).toEqual([['a', 'b', 'c'], ['d']]);
    for (let i = 1; i < placed.length; i++) expect(placed[i].top).toBeGreaterThanOrEqual(placed[i - 1].top + 48);
  });

  it('keeps the buttons on the page', () => {
    const placed = layoutMarginButtons([{ id: 'top', centre: 3 }, { id: 'bottom', centre: 498 }], 48, 500);
    expect(placed[0].top).toBe(0);
    expect(placed[1].top).toBe(452);
  });
});
