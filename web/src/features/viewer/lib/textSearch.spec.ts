import { findHitsInPages, findHitsInParagraphs, findMatches, findMatchesInItems, foldText } from './textSearch';

describe('text search', () => {
  it('folds Vietnamese diacritics, đ and case', () => {
    expect(foldText('Ngân SÁCH Đồng Nai').folded).toBe('ngan sach dong nai');
  });

  it('finds a query typed without diacritics and maps back to the original offsets', () => {
    const text = 'Dự toán ngân sách nhà nước năm 2026';
    const [hit] = findMatches(text, 'ngan sach');
    expect(text.slice(hit.start, hit.end)).toBe('ngân sách');
  });

  it('finds text stored in decomposed form (NFD)', () => {
    const text = 'Báo cáo thẩm tra'.normalize('NFD');
    const hits = findMatches(text, 'thẩm tra');
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0].start, hits[0].end).normalize('NFC')).toBe('thẩm tra');
  });

  it('treats runs of whitespace and line breaks as one space', () => {
    expect(findMatches('tờ   trình\nsố 12', 'tờ trình số')).toHaveLength(1);
  });

  it('counts non-overlapping hits and ignores an empty query', () => {
    expect(findMatches('aaaa', 'aa')).toHaveLength(2);
    expect(findMatches('Điều 1', '   ')).toEqual([]);
  });

  it('lists hits in paragraph order with their pages', () => {
    const paragraphs = [
      { id: 'p2', index: 1, page: 2, text: 'Điều 2. Ngân sách xã' },
      { id: 'p1', index: 0, page: 1, text: 'Ngân sách tỉnh và ngân sách huyện' },
    ];
    const hits = findHitsInParagraphs(paragraphs, 'ngân sách');
    expect(hits.map((h) => [h.ordinal, h.page, h.paragraphId])).toEqual([
      [0, 1, 'p1'],
      [1, 1, 'p1'],
      [2, 2, 'p2'],
    ]);
  });

  it('finds hits per page when only page texts are known', () => {
    expect(findHitsInPages(['không', 'nghị quyết', 'Nghị Quyết số 5'], 'nghị quyết').map((h) => h.page)).toEqual([2, 3]);
  });

  it('splits a match across text runs back into per-run ranges', () => {
    const items = [
      { str: 'Kỳ họp ', hasEOL: false },
      { str: 'thứ', hasEOL: true },
      { str: 'bảy', hasEOL: false },
    ];
    expect(findMatchesInItems(items, 'họp thứ bảy')).toEqual([
      [
        { item: 0, start: 3, end: 7 },
        { item: 1, start: 0, end: 3 },
        { item: 2, start: 0, end: 3 },
      ],
    ]);
  });
});
