import type { Paragraph, PdfRect, TableCell } from '@hopso/shared';
import { piecesByCell, readingBlocks } from './readingBlocks';

const rect = (page: number, y: number): PdfRect => ({ page, x: 85, y, w: 400, h: 14 });
const para = (index: number, kind: Paragraph['kind'], text: string, cells: TableCell[] | null, page = 1): Paragraph => ({
  id: `p${index}`,
  versionId: 'v1',
  index,
  page,
  text,
  rects: [rect(page, 700 - 20 * index)],
  textHash: `h${index}`,
  label: null,
  kind,
  cells,
});

describe('reading blocks', () => {
  it('gathers the rows of a read table into one grid and the rows of an unread one into a region per page', () => {
    const blocks = readingBlocks([
      para(0, 'body', 'Bảng 1', null),
      para(1, 'table', 'STT Nội dung', ['STT', 'Nội dung']),
      para(2, 'table', '1 Thu thuế', ['1', 'Thu thuế']),
      para(3, 'body', 'Sau bảng', null),
      para(4, 'table', 'a b', null),
      para(5, 'table', 'c d', null),
      para(6, 'table', 'e f', null, 2),
    ]);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.paragraph.index : `${b.kind}:${b.rows.map((r) => r.index).join(',')}`))).toEqual([0, 'grid:1,2', 3, 'region:4,5', 'region:6']);
    const region = blocks[3];
    // rows 4 and 5 (y 620 and 600, 14 high), with a margin of 6 around them
    expect(region.kind === 'region' && region.rect).toEqual({ page: 1, x: 79, y: 594, w: 412, h: 46 });
  });

  it('cuts a row’s marked pieces at its cells, the spaces between them left out', () => {
    const pieces = [
      { text: '1 Thu th', mark: null },
      { text: 'uế 1.250', mark: 'm' },
    ];
    expect(piecesByCell(['1', 'Thu thuế', '', '1.250'], pieces)).toEqual([
      [{ text: '1', mark: null }],
      [
        { text: 'Thu th', mark: null },
        { text: 'uế', mark: 'm' },
      ],
      [],
      [{ text: '1.250', mark: 'm' }],
    ]);
  });

  it('keeps a table with merged cells one grid, counting the columns merged cells cover and those reaching down from above', () => {
    const blocks = readingBlocks([
      para(0, 'table', 'STT Nội dung Dự toán', [{ text: 'STT', colSpan: 1, rowSpan: 2 }, { text: 'Nội dung', colSpan: 1, rowSpan: 2 }, { text: 'Dự toán', colSpan: 2, rowSpan: 1 }]),
      para(1, 'table', '2026 2027', ['2026', '2027']),
      para(2, 'table', '1 Chi 2.150 2.340', ['1', 'Chi', '2.150', '2.340']),
      para(3, 'table', 'Tổng 5.170 5.450', [{ text: 'Tổng', colSpan: 2, rowSpan: 1 }, '5.170', '5.450']),
      // three columns: another table
      para(4, 'table', 'a b c', ['a', 'b', 'c']),
    ]);
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.paragraph.index : `${b.kind}:${b.rows.map((r) => r.index).join(',')}`))).toEqual(['grid:0,1,2,3', 'grid:4']);
  });
});
