import { cellColSpan, cellRowSpan, cellText, tableRowWidths, type TableCell } from './table-cells';

describe('table cells', () => {
  it('reads a plain cell as one column and one row, a merged one with its spans', () => {
    const merged: TableCell = { text: 'Dự toán', colSpan: 2, rowSpan: 1 };
    expect([cellText('STT'), cellColSpan('STT'), cellRowSpan('STT')]).toEqual(['STT', 1, 1]);
    expect([cellText(merged), cellColSpan(merged), cellRowSpan(merged)]).toEqual(['Dự toán', 2, 1]);
  });

  it('counts in each row the columns its cells cover and those merged cells of the rows above reach down into', () => {
    const rows: TableCell[][] = [
      [{ text: 'STT', colSpan: 1, rowSpan: 3 }, { text: 'Dự toán', colSpan: 2, rowSpan: 1 }],
      ['2026', '2027'],
      ['1', '2'],
      ['a', 'b', 'c'],
      [{ text: 'Tổng', colSpan: 2, rowSpan: 1 }, '9'],
    ];
    expect(tableRowWidths(rows)).toEqual([3, 3, 3, 3, 3]);
    expect(tableRowWidths([['a', 'b'], ['c']])).toEqual([2, 1]);
  });
});
