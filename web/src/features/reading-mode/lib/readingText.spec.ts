import type { Paragraph, PdfRect } from '@hopso/shared';
import { ParagraphIndex } from '../../reading-room/lib/selectionAnchor';
import { anchorFromReadingRange, piecesOf, rectsOfSpan, spansOfAnchor } from './readingText';

const para = (index: number, text: string, rects: PdfRect[]): Paragraph => ({ id: `p${index}`, versionId: 'v1', index, page: rects[0].page, text, rects, textHash: `h${index}`, label: null, kind: 'body', cells: null });
const P0 = para(0, 'Điều 2. Tổ chức', [{ page: 1, x: 100, y: 700, w: 75, h: 14 }]);
const P1 = para(1, '1. Giao Ủy ban nhân  dân xã tổ chức thực hiện', [
  { page: 1, x: 100, y: 680, w: 100, h: 14 },
  { page: 1, x: 100, y: 664, w: 120, h: 14 },
]);
const P2 = para(2, 'tổ chức thực hiện lại', [{ page: 2, x: 100, y: 780, w: 105, h: 14 }]);
const index = new ParagraphIndex([P0, P1, P2]);

describe('anchorFromReadingRange', () => {
  it('anchors a selection in one paragraph with the quote, its context and boxes on its lines', () => {
    // "1. Giao Ủy ban nhân dân xã tổ chức thực hiện" (normalised: one space), "Ủy ban" at 8…14
    const result = anchorFromReadingRange('v1', index, { paragraphIndex: 1, offset: 8 }, { paragraphIndex: 1, offset: 14 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.anchor.paragraphId).toBe('p1');
    expect(result.anchor.quote).toEqual({ exact: 'Ủy ban', prefix: 'Điều 2. Tổ chức 1. Giao ', suffix: ' nhân dân xã tổ chức thực hiện t' });
    // 44 characters over 220 units: 5 units a character, all on the first line
    expect(result.anchor.rects).toEqual([{ page: 1, x: 140, y: 680, w: 30, h: 14 }]);
  });

  it('spans paragraphs and pages, trims spaces, and refuses more than four paragraphs or an empty range', () => {
    const result = anchorFromReadingRange('v1', index, { paragraphIndex: 1, offset: 34 }, { paragraphIndex: 2, offset: 7 });
    expect(result.ok && result.anchor.quote.exact).toBe('thực hiện tổ chức');
    expect(result.ok && result.anchor.rects.map((r) => r.page)).toEqual([1, 2]);
    expect(anchorFromReadingRange('v1', index, { paragraphIndex: 1, offset: 5 }, { paragraphIndex: 1, offset: 5 })).toEqual({ ok: false, problem: 'outside-text' });
    expect(anchorFromReadingRange('v1', index, { paragraphIndex: 0, offset: 0 }, { paragraphIndex: 4, offset: 1 })).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('spansOfAnchor', () => {
  it('finds a quote made on the pages in the reading text, the occurrence its context names', () => {
    const anchor = { paragraphId: 'p1', quote: { exact: 'tổ chức thực hiện', prefix: 'dân xã ', suffix: ' tổ chức' } };
    expect(spansOfAnchor(index, anchor)).toEqual([{ paragraphIndex: 1, start: 27, end: 44 }]);
    // a quote running into the next paragraph is cut at the paragraph's end
    expect(spansOfAnchor(index, { paragraphId: 'p1', quote: { exact: 'thực hiện tổ chức', prefix: '', suffix: '' } })).toEqual([
      { paragraphIndex: 1, start: 35, end: 44 },
      { paragraphIndex: 2, start: 0, end: 7 },
    ]);
    expect(spansOfAnchor(index, { paragraphId: 'p1', quote: { exact: 'không có', prefix: '', suffix: '' } })).toEqual([]);
  });

  it('round-trips: what the reading view anchors, it finds again', () => {
    const made = anchorFromReadingRange('v1', index, { paragraphIndex: 1, offset: 27 }, { paragraphIndex: 1, offset: 44 });
    expect(made.ok && spansOfAnchor(index, made.anchor)).toEqual([{ paragraphIndex: 1, start: 27, end: 44 }]);
  });
});

describe('rectsOfSpan and piecesOf', () => {
  it('places a span across a line end on both lines', () => {
    expect(rectsOfSpan(P1, 15, 25)).toEqual([
      { page: 1, x: 175, y: 680, w: 25, h: 14 },
      { page: 1, x: 100, y: 664, w: 25, h: 14 },
    ]);
  });

  it('cuts text into plain and marked pieces, overlapping marks kept once', () => {
    expect(piecesOf('abcdefgh', [{ start: 2, end: 4, key: 'a', color: 'yellow' }, { start: 3, end: 6, key: 'b', color: 'green' }])).toEqual([
      { text: 'ab', mark: null },
      { text: 'cd', mark: { key: 'a', color: 'yellow' } },
      { text: 'ef', mark: { key: 'b', color: 'green' } },
      { text: 'gh', mark: null },
    ]);
  });
});
