import { layoutMarginButtons } from './marginLayout';

describe('layoutMarginButtons', () => {
  it('gives each paragraph its own button, level with its first line, when there is room', () => {
    const placed = layoutMarginButtons(
      [
        { id: 'a', top: 100 },
        { id: 'b', top: 160 },
        { id: 'c', top: 220 },
      ],
      48,
      1000,
    );
    expect(placed).toEqual([
      { ids: ['a'], top: 100 },
      { ids: ['b'], top: 160 },
      { ids: ['c'], top: 220 },
    ]);
  });

  it('lets paragraphs starting within one finger share one button, and no paragraph starts beside a button not its own', () => {
    const entries = [
      { id: 'a', top: 100 },
      { id: 'b', top: 112 },
      { id: 'c', top: 130 },
      { id: 'd', top: 160 },
      { id: 'e', top: 171 },
    ];
    const placed = layoutMarginButtons(entries, 48, 1000);
    expect(placed.map((p) => p.ids)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    for (let i = 1; i < placed.length; i++) expect(placed[i].top).toBeGreaterThanOrEqual(placed[i - 1].top + 48);
    for (const button of placed) {
      for (const entry of entries) {
        const beside = entry.top >= button.top && entry.top < button.top + 48;
        expect([entry.id, beside]).toEqual([entry.id, button.ids.includes(entry.id)]);
      }
    }
  });

  it('keeps the buttons on the page', () => {
    const placed = layoutMarginButtons([{ id: 'top', top: -3 }, { id: 'bottom', top: 498 }], 48, 500);
    expect(placed[0].top).toBe(0);
    expect(placed[1].top).toBe(452);
  });

  it('joins the last button to the one above when keeping it on the page would make them overlap', () => {
    const placed = layoutMarginButtons([{ id: 'a', top: 420 }, { id: 'b', top: 490 }], 48, 500);
    expect(placed).toEqual([{ ids: ['a', 'b'], top: 420 }]);
  });
});
