import { buildRunningPagesPdf, pageNumberText, renderPdf, type PageNumberShape } from '../../../../fixtures';
import { extractDocument } from './extract-paragraphs';

/** Paragraph texts of a generated PDF, in reading order. */
async function paragraphsOf(pdf: Uint8Array): Promise<string[]> {
  return (await extractDocument(pdf)).paragraphs.map((p) => p.text);
}

const COLUMN_PARAGRAPHS = [
  'Thực hiện Nghị quyết của Hội đồng nhân dân xã về nhiệm vụ phát triển kinh tế – xã hội năm 2026, Ủy ban nhân dân xã đã tập trung chỉ đạo các ngành, các thôn triển khai đồng bộ các giải pháp, huy động sức mạnh của cả hệ thống chính trị và nhân dân trong xã.',
  'Tổng giá trị sản xuất trên địa bàn ước đạt 412 tỷ đồng, tăng 7,8% so với năm trước; cơ cấu kinh tế chuyển dịch đúng hướng, tỷ trọng thương mại và dịch vụ tăng lên, tỷ trọng nông nghiệp giảm dần theo kế hoạch đề ra.',
  'Công tác xây dựng nông thôn mới được quan tâm thực hiện; xã duy trì và nâng cao chất lượng các tiêu chí đã đạt, hoàn thành đường giao thông liên thôn, nhà văn hóa thôn Đồng Tâm và hệ thống chiếu sáng công cộng.',
  'Lĩnh vực văn hóa – xã hội có nhiều chuyển biến tích cực; chất lượng giáo dục được nâng lên, công tác chăm sóc sức khỏe nhân dân, bảo đảm an sinh xã hội và giảm nghèo bền vững được thực hiện kịp thời, đúng đối tượng.',
];

/** Lines set flush to both margins (word-spaced to the measure, as a justified paragraph is), then a short last line. */
function justified(doc: PDFKit.PDFDocument, lines: string[], last: string, x = 85, top = 100): void {
  // the measure of the longest line, so no word gap grows as wide as a table's
  const width = Math.max(...lines.map((l) => doc.widthOfString(l)));
  lines.forEach((line, i) => {
    const wordSpacing = (width - doc.widthOfString(line)) / Math.max(1, line.split(' ').length - 1);
    doc.text(line, x, top + i * 15, { lineBreak: false, wordSpacing });
  });
  doc.text(last, x, top + lines.length * 15, { lineBreak: false });
}

describe('layout: reading real pages in order', () => {
  it('reads a two-column page column by column, under a full-width title, joining a paragraph that runs from one column into the next', async () => {
    const pdf = await renderPdf((doc) => {
      doc.font('bold').fontSize(14).text('BÁO CÁO TÌNH HÌNH KINH TẾ – XÃ HỘI NĂM 2026', { align: 'center' });
      doc.moveDown(1);
      doc.font('regular').fontSize(11).text(COLUMN_PARAGRAPHS.join('\n'), { columns: 2, columnGap: 18, height: 260, align: 'justify', paragraphGap: 8 });
    });
    expect(await paragraphsOf(pdf)).toEqual(['BÁO CÁO TÌNH HÌNH KINH TẾ – XÃ HỘI NĂM 2026', ...COLUMN_PARAGRAPHS]);
  });

  it.each([
    [7, 'justify'],
    [7, 'left'],
    [10, 'left'],
    [14, 'left'],
  ] as const)('reads a two-column page with a narrow gutter (%i pt, %s-aligned) column by column, under its title', async (gap, align) => {
    const title = 'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026';
    const width = (453 - gap) / 2;
    const pdf = await renderPdf((doc) => {
      doc.font('bold').fontSize(13).text(title, 85, 70, { width: 453, align: 'center' });
      doc.font('regular').fontSize(11);
      // the longest lines of a ragged column reach within a few points of the other column
      doc.text(`${COLUMN_PARAGRAPHS[0]}\n${COLUMN_PARAGRAPHS[1]}`, 85, 110, { width, align, paragraphGap: 6 });
      doc.text(`${COLUMN_PARAGRAPHS[2]}\n${COLUMN_PARAGRAPHS[3]}`, 85 + width + gap, 110, { width, align, paragraphGap: 6 });
    });
    expect(await paragraphsOf(pdf)).toEqual([title, ...COLUMN_PARAGRAPHS]);
  });

  it('joins a Latin word hyphenated at the end of a line, and keeps the hyphen of a Vietnamese compound or a code', async () => {
    const pdf = await renderPdf((doc) => {
      justified(doc, ['The committee reviewed the budget infor-', 'mation presented by the treasury and the COVID-', '19 recovery programme for the kinh tế-'], 'xã hội plan.');
    });
    expect(await paragraphsOf(pdf)).toEqual(['The committee reviewed the budget information presented by the treasury and the COVID-19 recovery programme for the kinh tế-xã hội plan.']);
  });

  it('reads a complete PDF followed by trailing bytes after %%EOF', async () => {
    const pdf = await renderPdf((doc) => doc.text(COLUMN_PARAGRAPHS[0]));
    const padded = Buffer.concat([pdf, Buffer.alloc(2048, 0), Buffer.from('\r\n--boundary--\r\n')]);
    expect(await paragraphsOf(padded)).toEqual([COLUMN_PARAGRAPHS[0]]);
  });
});

/** Twenty-one distinct paragraphs of a report, long enough to fill three pages, one or more running over a page break. */
const REPORT_PARAGRAPHS = Array.from({ length: 21 }, (_, i) =>
  [
    `Nội dung thứ ${i + 1}: Ủy ban nhân dân xã đã tập trung chỉ đạo các ngành, các thôn triển khai đồng bộ các giải pháp phát triển kinh tế – xã hội`,
    'huy động sức mạnh của cả hệ thống chính trị và nhân dân trong xã, bảo đảm quốc phòng, an ninh và trật tự an toàn xã hội trên địa bàn',
    `tổng giá trị sản xuất của lĩnh vực này ước đạt ${120 + 7 * i} tỷ đồng, tăng ${(3 + i / 10).toFixed(1).replace('.', ',')}% so với cùng kỳ năm trước.`,
  ].join('; '),
);

describe('layout: page furniture', () => {
  it.each<[PageNumberShape, string]>([
    ['arabic', '2'],
    ['roman', 'ii'],
    ['trang', 'Trang 2'],
    ['dashed', '- 2 -'],
    ['of', '2/3'],
  ])('keeps a running header and footer and page numbers shaped "%s" out of the paragraphs, and joins a paragraph over each page break', async (numbers, second) => {
    const header = 'ỦY BAN NHÂN DÂN XÃ YÊN HÒA · Báo cáo số 12/BC-UBND';
    const pdf = await buildRunningPagesPdf([REPORT_PARAGRAPHS], { numbers, header, footer: 'Tài liệu phục vụ kỳ họp thứ 9' });
    const { paragraphs, pageSizes } = await extractDocument(pdf);
    expect(pageSizes).toHaveLength(3);
    expect(pageNumberText(numbers, 2, 3)).toBe(second);
    expect(paragraphs.map((p) => p.text)).toEqual(REPORT_PARAGRAPHS);
    // the paragraphs cut by the two page breaks have lines on both pages
    const spanning = paragraphs.filter((p) => new Set(p.rects.map((r) => r.page)).size === 2);
    expect(spanning.map((p) => [p.page, p.rects[p.rects.length - 1].page])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it('keeps a page that holds only "2017" and a page number that is not furniture, beside numbered pages', async () => {
    const pdf = await buildRunningPagesPdf([REPORT_PARAGRAPHS.slice(0, 3), '2017', REPORT_PARAGRAPHS.slice(3, 6)], { numbers: 'arabic' });
    expect(await paragraphsOf(pdf)).toEqual([...REPORT_PARAGRAPHS.slice(0, 3), '2017', ...REPORT_PARAGRAPHS.slice(3, 6)]);
  });

  it('keeps the superscript of "E = mc²" at the end of a line at the top of a page', async () => {
    const pdf = await renderPdf((doc) => {
      doc.text(COLUMN_PARAGRAPHS[0], { align: 'justify' });
      doc.addPage();
      doc.font('regular').fontSize(12).text('Năng lượng nghỉ của một vật: E = mc', 85, 60, { lineBreak: false, continued: false });
      const x = 85 + doc.widthOfString('Năng lượng nghỉ của một vật: E = mc');
      doc.fontSize(7).text('2', x, 57, { lineBreak: false });
      doc.fontSize(12).text(COLUMN_PARAGRAPHS[1], 85, 90, { align: 'justify' });
    });
    expect(await paragraphsOf(pdf)).toEqual([COLUMN_PARAGRAPHS[0], 'Năng lượng nghỉ của một vật: E = mc2', COLUMN_PARAGRAPHS[1]]);
  });
});
