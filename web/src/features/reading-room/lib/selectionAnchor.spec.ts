import type { Paragraph, PdfRect } from '@hopso/shared';
import { anchorForParagraph, anchorFromSelection, compactFold, excerpt, normaliseText, ParagraphIndex, type SelectionSlice } from './selectionAnchor';

/** The end of page 1 and page 2 of the demo draft resolution, as the server's paragraphs endpoint gives them. */
const line = (page: number, x: number, y: number, w: number): PdfRect => ({ page, x, y, w, h: 13.97 });
const para = (index: number, page: number, text: string, rects: PdfRect[]): Paragraph => ({
  id: `p${index}`,
  versionId: 'v1',
  index,
  page,
  text,
  rects,
  textHash: `hash${index}`,
  label: null,
  kind: 'body',
  cells: null,
});
const PARAGRAPHS: Paragraph[] = [
  para(21, 1, 'Điều 2. Tổ chức thực hiện', [line(1, 113, 224.2, 172)]),
  para(22, 1, '1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; quản lý, điều hành ngân sách theo đúng quy định của Luật Ngân sách nhà nước, bảo đảm tiết kiệm, hiệu quả, công khai và minh bạch.', [
    line(1, 113, 203.31, 425.28),
    line(1, 85, 187.34, 453.28),
    line(1, 85, 171.37, 324.81),
  ]),
  para(23, 1, '2. Giao Thường trực Hội đồng nhân dân xã, các Ban của Hội đồng nhân dân xã, các Tổ đại biểu và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết.', [
    line(1, 113, 150.41, 425.28),
    line(1, 85, 134.44, 453.28),
    line(1, 85, 118.47, 157.88),
  ]),
  para(24, 1, 'Nghị quyết này đã được Hội đồng nhân dân xã Yên Hòa khóa XXI, kỳ họp thứ bảy thông qua ngày tháng 12 năm 2026 và có hiệu lực từ ngày 01 tháng 01 năm 2027./.', [
    line(1, 113, 97.5, 425.28),
    line(1, 85, 81.53, 453.28),
    line(1, 85, 65.56, 149.54),
  ]),
  para(25, 2, 'TM. HỘI ĐỒNG NHÂN DÂN CHỦ TỊCH', [line(2, 337.48, 758.92, 174.96), line(2, 392.82, 744.95, 64.27)]),
  para(26, 2, 'Nguyễn Văn Thành', [line(2, 361.02, 670.98, 127.88)]),
];
const index = new ParagraphIndex(PARAGRAPHS);
const A4 = [0, 0, 595.28, 841.89];
const viewBoxes = new Map([
  [1, A4],
  [2, A4],
]);

/** A text-layer run: its box sits on a paragraph line (a little taller, as pdf.js draws it). */
const run = (page: number, text: string, x: number, y: number, w: number): SelectionSlice => ({ page, text, rects: [{ page, x, y: y - 1.5, w, h: 16 }] });

/** What the server checks: the quote, normalised, inside the paragraph and the next three. */
function serverAccepts(paragraphId: string, exact: string): boolean {
  const p = PARAGRAPHS.find((x) => x.id === paragraphId)!;
  const window = PARAGRAPHS.filter((x) => x.index >= p.index && x.index < p.index + 4);
  return normaliseText(window.map((x) => x.text).join(' ')).includes(normaliseText(exact));
}

describe('anchorFromSelection', () => {
  it('cuts the quote from the paragraph text, although the text layer has no spaces between its runs and lines', () => {
    // "…Hội đồng nhân dân xã, các Tổ đại biểu và đại" | "biểu Hội đồng nhân dân xã giám sát" selected over two lines
    const result = anchorFromSelection({
      versionId: 'v1',
      before: '2. Giao Thường trực Hội đồng nhân dân xã, các Ban của Hội đồng nhân dân xã,',
      slices: [run(1, 'các Tổ đại biểu và đại', 400, 150.41, 138), run(1, 'biểu', 85, 134.44, 25), run(1, 'Hội đồng nhân dân xã giám sát', 112, 134.44, 170)],
      paragraphs: index,
      viewBoxes,
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.anchor.paragraphId).toBe('p23');
    expect(result.anchor.quote.exact).toBe('các Tổ đại biểu và đại biểu Hội đồng nhân dân xã giám sát');
    expect(serverAccepts(result.anchor.paragraphId, result.anchor.quote.exact)).toBe(true);
    expect(result.anchor.quote.prefix).toBe('c Ban của Hội đồng nhân dân xã, ');
    expect(result.anchor.quote.prefix.length).toBeLessThanOrEqual(32);
    expect(result.anchor.quote.suffix).toBe(' việc thực hiện Nghị quyết. Nghị');
    expect(result.anchor.rects).toEqual([
      { page: 1, x: 400, y: 148.91, w: 138, h: 16 },
      { page: 1, x: 85, y: 132.94, w: 197, h: 16 },
    ]);
  });

  it('matches whatever the Unicode form and the spacing of the text layer', () => {
    const result = anchorFromSelection({
      versionId: 'v1',
      before: '',
      slices: [run(1, 'Điều  2.Tổ chức'.normalize('NFD'), 113, 224.2, 120)],
      paragraphs: index,
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.anchor.quote.exact).toBe('Điều 2. Tổ chức');
    expect(result.anchor.quote.exact).toBe(result.anchor.quote.exact.normalize('NFC'));
  });

  it('tells a repeated phrase apart by the text before the selection', () => {
    const phrase = 'Hội đồng nhân dân xã';
    const second = anchorFromSelection({
      versionId: 'v1',
      before: '2. Giao Thường trực Hội đồng nhân dân xã, các Ban của',
      slices: [run(1, phrase, 300, 150.41, 120)],
      paragraphs: index,
    });
    const third = anchorFromSelection({
      versionId: 'v1',
      before: 'các Tổ đại biểu và đại biểu',
      slices: [run(1, phrase, 112, 134.44, 120)],
      paragraphs: index,
    });
    if (!second.ok || !third.ok) throw new Error('not anchored');
    expect(second.anchor.quote.prefix.endsWith('các Ban của ')).toBe(true);
    expect(third.anchor.quote.prefix.endsWith('đại biểu ')).toBe(true);
    expect(third.anchor.quote.suffix.startsWith(' giám sát')).toBe(true);
  });

  it('makes one anchor with rects on both pages for a selection across a page break, leaving out the page number', () => {
    const result = anchorFromSelection({
      versionId: 'v1',
      before: 'Nghị quyết này đã được Hội đồng nhân dân xã Yên Hòa khóa XXI, kỳ họp thứ bảy thông qua ngày tháng 12 năm 2026 và có',
      slices: [
        run(1, 'hiệu lực từ ngày', 440, 81.53, 98),
        run(1, '01 tháng 01 năm 2027./.', 85, 65.56, 149.54),
        run(2, '2', 295, 800, 6), // the page number: part of no paragraph
        run(2, 'TM. HỘI ĐỒNG', 337.48, 758.92, 90),
      ],
      paragraphs: index,
      viewBoxes,
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.anchor.paragraphId).toBe('p24');
    expect(result.anchor.quote.exact).toBe('hiệu lực từ ngày 01 tháng 01 năm 2027./. TM. HỘI ĐỒNG');
    expect(serverAccepts('p24', result.anchor.quote.exact)).toBe(true);
    expect(result.anchor.rects.map((r) => r.page)).toEqual([1, 1, 2]);
    expect(result.anchor.rects.some((r) => r.y > 790)).toBe(false);
  });

  it('refuses a selection over more paragraphs than the server accepts in one quote', () => {
    const result = anchorFromSelection({
      versionId: 'v1',
      before: '',
      slices: [run(1, 'Điều 2. Tổ chức thực hiện', 113, 224.2, 172), run(1, '1. Giao', 113, 203.31, 50), run(1, '2. Giao', 113, 150.41, 50), run(1, 'Nghị quyết', 113, 97.5, 60), run(2, 'TM.', 337.48, 758.92, 20)],
      paragraphs: index,
    });
    expect(result).toEqual({ ok: false, problem: 'too-long' });
  });

  it('refuses a selection that touches no paragraph (a page number, a margin)', () => {
    expect(anchorFromSelection({ versionId: 'v1', before: '', slices: [run(2, '2', 295, 800, 6)], paragraphs: index })).toEqual({
      ok: false,
      problem: 'outside-text',
    });
  });

  it('says so when the selected text is not in the paragraph', () => {
    const result = anchorFromSelection({ versionId: 'v1', before: '', slices: [run(1, 'một câu không có trong văn bản', 113, 224.2, 172)], paragraphs: index });
    expect(result).toEqual({ ok: false, problem: 'not-found' });
  });

  it('still anchors when a stray run sits inside the selection', () => {
    const result = anchorFromSelection({
      versionId: 'v1',
      before: '1. Giao',
      slices: [run(1, 'Ủy ban nhân dân xã tổ chức thực hiện', 140, 203.31, 200), run(1, '*', 345, 203.31, 4), run(1, 'Nghị quyết; quản lý, điều hành', 350, 203.31, 180)],
      paragraphs: index,
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.anchor.quote.exact).toBe('Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; quản lý, điều hành');
  });
});

describe('anchorForParagraph', () => {
  it('quotes the whole paragraph with its lines and the text around it', () => {
    const anchor = anchorForParagraph('v1', PARAGRAPHS[4], index);
    expect(anchor).toEqual({
      versionId: 'v1',
      paragraphId: 'p25',
      quote: { exact: 'TM. HỘI ĐỒNG NHÂN DÂN CHỦ TỊCH', prefix: 'từ ngày 01 tháng 01 năm 2027./. ', suffix: ' Nguyễn Văn Thành' },
      rects: PARAGRAPHS[4].rects,
    });
    expect(anchor.quote.prefix.length).toBeLessThanOrEqual(32);
  });
});

describe('compactFold', () => {
  it('drops whitespace, case and diacritics, and maps back to the original offsets', () => {
    const folded = compactFold('Đồng  ý');
    expect(folded.text).toBe('dongy');
    expect(folded.starts[4]).toBe(6);
  });
});

describe('excerpt', () => {
  it('shortens at a word boundary', () => {
    expect(excerpt('Tổng thu ngân sách nhà nước trên địa bàn xã', 20)).toBe('Tổng thu ngân sách…');
    expect(excerpt('ngắn', 20)).toBe('ngắn');
  });
});
