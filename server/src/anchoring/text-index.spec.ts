import { loadApproxSearch, rectsForRange, TextIndex, type IndexedParagraph } from './text-index';
import { textHash } from '../documents/ingest/normalise-text';

const para = (i: number, text: string): IndexedParagraph => ({
  id: `p${i}`,
  index: i,
  text,
  rects: [{ page: 1, x: 100, y: 700 - i * 20, w: 400, h: 12 }],
  textHash: textHash(text),
});

describe('TextIndex.place', () => {
  const paragraphs = [
    para(0, 'Điều 1. Phạm vi điều chỉnh'),
    para(1, 'Tổng thu ngân sách xã là 12.800 triệu đồng, tăng 9% so với năm trước.'),
    para(2, 'Giao Ủy ban nhân dân xã tổ chức thực hiện.'),
    para(3, 'Giao Ủy ban nhân dân xã tổ chức thực hiện.'),
  ];
  const index = new TextIndex(paragraphs);

  it('finds an unchanged paragraph by its hash even when it moved', async () => {
    const placed = index.place({ exact: 'tổ chức thực hiện', prefix: '', suffix: '' }, { paragraphHash: paragraphs[3].textHash, relativePosition: 0.9 }, await loadApproxSearch());
    expect(placed?.paragraphId).toBe('p3');
  });

  it('uses context to choose between equal quotes', async () => {
    const placed = index.place({ exact: 'Giao Ủy ban nhân dân xã', prefix: 'năm trước. ', suffix: '' }, { paragraphHash: null, relativePosition: null }, await loadApproxSearch());
    expect(placed?.paragraphId).toBe('p2');
  });

  it('finds an edited sentence approximately, with its new wording', async () => {
    const placed = index.place(
      { exact: 'Tổng thu ngân sách xã là 12.500 triệu đồng, tăng 8% so với năm trước.', prefix: '', suffix: '' },
      { paragraphHash: 'gone', relativePosition: 0.25 },
      await loadApproxSearch(),
    );
    expect(placed?.paragraphId).toBe('p1');
    expect(placed?.quote.exact).toContain('12.800');
  });

  it('gives up on text that is no longer there', async () => {
    const placed = index.place({ exact: 'Chi đầu tư phát triển cho đường giao thông thôn Nà Pồng', prefix: '', suffix: '' }, { paragraphHash: 'gone', relativePosition: 0.5 }, await loadApproxSearch());
    expect(placed).toBeNull();
  });
});

describe('rectsForRange', () => {
  it('crops the lines a character range covers', () => {
    const lines = [
      { page: 1, x: 0, y: 100, w: 300, h: 10 },
      { page: 1, x: 0, y: 88, w: 100, h: 10 },
    ];
    // 40 characters: 30 on the first line, 10 on the second
    expect(rectsForRange(lines, 15, 35, 40)).toEqual([
      { page: 1, x: 150, y: 100, w: 150, h: 10 },
      { page: 1, x: 0, y: 88, w: 50, h: 10 },
    ]);
  });
});
