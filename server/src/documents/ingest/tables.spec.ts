import {
  buildGridTablePdf,
  buildRuledTablePdf,
  GRID_TABLE_AFTER,
  GRID_TABLE_CELLS,
  GRID_TABLE_HEADING,
  GRID_TABLE_ROW_HEIGHTS,
  GRID_TABLE_WIDTHS,
  renderPdf,
  TABLE_AFTER,
  TABLE_HEADING,
  TABLE_ROWS,
  TABLE_WIDTHS,
} from '../../../../fixtures';
import { extractDocument } from './extract-paragraphs';

describe('tables in paragraph extraction', () => {
  it('reads a ruled table as rows of cells, a table paragraph per row, between the text around it', async () => {
    const { paragraphs } = await extractDocument(await buildRuledTablePdf(TABLE_HEADING, TABLE_ROWS, TABLE_AFTER, TABLE_WIDTHS));
    expect(paragraphs.map((p) => [p.kind, p.cells, p.text])).toEqual([
      ['body', null, TABLE_HEADING],
      ...TABLE_ROWS.map((row) => ['table', row, row.join(' ')]),
      ['body', null, TABLE_AFTER],
    ]);
    // each row is anchored on its own line of the page
    const rows = paragraphs.filter((p) => p.kind === 'table');
    expect(rows.every((p) => p.rects.length === 1 && p.rects[0].page === 1)).toBe(true);
  });

  it('keeps rows whose columns do not line up as a table without cells, and a lone line with wide gaps as text', async () => {
    const pdf = await renderPdf((doc) => {
      doc.fontSize(11);
      doc.text('Thôn Đông', 85, 100, { lineBreak: false }).text('120 hộ', 300, 100, { lineBreak: false });
      // the second row's cells fall between the first row's columns
      doc.text('Thôn Tây', 85, 118, { lineBreak: false }).text('95 hộ', 200, 118, { lineBreak: false }).text('ghi chú', 420, 118, { lineBreak: false });
      doc.text('Tổng cộng', 85, 200, { lineBreak: false }).text('215 hộ', 300, 200, { lineBreak: false });
    });
    const { paragraphs } = await extractDocument(pdf);
    expect(paragraphs.map((p) => [p.kind, p.cells, p.text])).toEqual([
      ['table', null, 'Thôn Đông 120 hộ'],
      ['table', null, 'Thôn Tây 95 hộ ghi chú'],
      ['body', null, 'Tổng cộng 215 hộ'],
    ]);
  });

  it('leaves the header block of an official document as its header, not a table', async () => {
    const pdf = await renderPdf((doc) => {
      doc.font('bold').fontSize(12);
      doc.text('HỘI ĐỒNG NHÂN DÂN', 85, 60, { lineBreak: false }).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 290, 60, { lineBreak: false });
      doc.text('XÃ YÊN HÒA', 110, 75, { lineBreak: false }).text('Độc lập - Tự do - Hạnh phúc', 330, 75, { lineBreak: false });
      doc.font('regular').text('Số: 12/NQ-HĐND', 100, 100, { lineBreak: false }).text('Yên Hòa, ngày 20 tháng 11 năm 2026', 320, 100, { lineBreak: false });
      doc.font('bold').fontSize(14).text('NGHỊ QUYẾT', 85, 150, { width: 453, align: 'center' });
    });
    const { paragraphs } = await extractDocument(pdf);
    expect(paragraphs.filter((p) => p.kind === 'table')).toEqual([]);
    expect(paragraphs.every((p) => p.cells === null)).toBe(true);
  });

  it('reads a ruled table with merged cells and a cell wrapping over three lines as one grid, a row per paragraph', async () => {
    const { paragraphs } = await extractDocument(await buildGridTablePdf(GRID_TABLE_HEADING, GRID_TABLE_CELLS, GRID_TABLE_WIDTHS, GRID_TABLE_ROW_HEIGHTS, GRID_TABLE_AFTER));
    const wrapped = 'Chi sự nghiệp giáo dục, đào tạo và dạy nghề trên địa bàn xã theo phân cấp của tỉnh';
    expect(paragraphs.map((p) => [p.kind, p.cells, p.text])).toEqual([
      ['body', null, GRID_TABLE_HEADING],
      [
        'table',
        [
          { text: 'STT', colSpan: 1, rowSpan: 2 },
          { text: 'Nội dung chi', colSpan: 1, rowSpan: 2 },
          { text: 'Dự toán (triệu đồng)', colSpan: 2, rowSpan: 1 },
        ],
        'STT Nội dung chi Dự toán (triệu đồng)',
      ],
      ['table', ['Năm 2026', 'Năm 2027'], 'Năm 2026 Năm 2027'],
      ['table', ['1', wrapped, '2.150', '2.340'], `1 ${wrapped} 2.150 2.340`],
      ['table', ['2', 'Chi quản lý hành chính', '3.020', '3.110'], '2 Chi quản lý hành chính 3.020 3.110'],
      ['table', [{ text: 'Tổng chi', colSpan: 2, rowSpan: 1 }, '5.170', '5.450'], 'Tổng chi 5.170 5.450'],
      ['body', null, GRID_TABLE_AFTER],
    ]);
    // the wrapped row is anchored on each of its lines, all inside its band of the page
    const row = paragraphs.find((p) => p.text.startsWith('1 '))!;
    expect(row.rects.length).toBe(3);
    expect(row.rects.every((r) => r.page === 1)).toBe(true);
  });

  it('leaves a box drawn around a paragraph as text, not a one-cell table', async () => {
    const pdf = await renderPdf((doc) => {
      doc.lineWidth(0.75).rect(80, 95, 440, 50).stroke();
      doc.font('regular').fontSize(11).text('Ghi chú', 85, 100, { lineBreak: false }).text('Số liệu ước thực hiện đến 30/11', 300, 100, { lineBreak: false });
      doc.text('Đơn vị', 85, 118, { lineBreak: false }).text('triệu đồng', 300, 118, { lineBreak: false });
    });
    const { paragraphs } = await extractDocument(pdf);
    expect(paragraphs.map((p) => [p.kind, p.cells, p.text])).toEqual([
      ['table', ['Ghi chú', 'Số liệu ước thực hiện đến 30/11'], 'Ghi chú Số liệu ước thực hiện đến 30/11'],
      ['table', ['Đơn vị', 'triệu đồng'], 'Đơn vị triệu đồng'],
    ]);
  });
});
