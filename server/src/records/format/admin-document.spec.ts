import { join } from 'node:path';
import { golden as goldenIn } from '../../../test/support/golden';
import { docxDocumentXml, docxText, pdfText } from '../../../test/support/read-back';
import { type AdminDocument, bold, dateLine, heading, para, placeOf, table } from './admin-document';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

const golden = (name: string, actual: string) => goldenIn(join(__dirname, '__golden__'), name, actual);

const sample = (timeZone: string, date: Date): AdminDocument => ({
  issuer: { parent: 'Ủy ban nhân dân tỉnh Hưng Yên', name: 'Hội đồng nhân dân xã Yên Hòa' },
  number: { no: '12', symbol: 'BC-HĐND' },
  place: placeOf('Hội đồng nhân dân xã Yên Hòa'),
  date,
  timeZone,
  type: 'Báo cáo',
  summary: 'Tổng hợp ý kiến đại biểu về dự thảo nghị quyết',
  body: [
    heading('I. Ý KIẾN THEO ĐIỀU, KHOẢN'),
    heading('Điều 2, khoản 1', 2),
    para(bold('Nguyễn Văn An: '), 'Đề nghị bổ sung kinh phí cho đường liên thôn.'),
    table(['STT', 'Trạng thái', 'Số ý kiến'], [[1, 'Đã tiếp thu', 3], [2, 'Không tiếp thu', 1]], [1, 4, 2]),
  ],
  signers: [{ authority: 'TM. THƯỜNG TRỰC HĐND', position: 'CHỦ TỊCH', name: 'Trần Thị Bình' }],
  recipients: ['Thường trực HĐND xã', 'Các đại biểu HĐND xã', 'Lưu: VT'],
});

describe('a document of record in the format of Nghị định 30/2020/NĐ-CP', () => {
  it('writes the date line in the given time zone with the decree’s leading zeros', () => {
    // 20:00 UTC on 4 January is already the 5th in Vietnam, still the 4th in New York
    expect(dateLine(new Date('2026-01-04T20:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateLine(new Date('2026-01-04T20:00:00Z'), 'America/New_York')).toBe('ngày 04 tháng 01 năm 2026');
    expect(dateLine(new Date('2026-03-15T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('ngày 15 tháng 3 năm 2026');
    expect(dateLine(new Date('2026-12-09T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('ngày 09 tháng 12 năm 2026');
  });

  it('takes the place name from the council’s name', () => {
    expect(placeOf('Hội đồng nhân dân xã Yên Hòa')).toBe('Yên Hòa');
    expect(placeOf('Hội đồng nhân dân tỉnh Hưng Yên')).toBe('Hưng Yên');
    expect(placeOf('Hội đồng quản trị')).toBe('Hội đồng quản trị');
  });

  it('renders the same document to DOCX: A4, the decree’s margins, Times New Roman, header, body, signature, Nơi nhận', async () => {
    const xml = await docxDocumentXml(await renderDocx(sample('Asia/Ho_Chi_Minh', new Date('2026-11-30T18:30:00Z'))));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    golden('sample.document.xml', xml);
    const text = await docxText(await renderDocx(sample('Asia/Ho_Chi_Minh', new Date('2026-11-30T18:30:00Z'))));
    golden('sample.docx.txt', text);
    expect(text).toContain('Yên Hòa, ngày 01 tháng 12 năm 2026');
  });

  it('renders the same document to PDF with the same text, in reading order', async () => {
    const text = await pdfText(await renderPdf(sample('Asia/Ho_Chi_Minh', new Date('2026-11-30T18:30:00Z'))));
    golden('sample.pdf.txt', text);
    const order = ['HỘI ĐỒNG NHÂN DÂN XÃ YÊN HÒA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/BC-HĐND', 'Yên Hòa, ngày 01 tháng 12 năm 2026', 'BÁO CÁO', 'Tổng hợp ý kiến đại biểu về dự thảo nghị quyết', 'Điều 2, khoản 1', 'Nguyễn Văn An:', 'Đã tiếp thu', 'Nơi nhận:', '- Lưu: VT.', 'TM. THƯỜNG TRỰC HĐND', 'CHỦ TỊCH', 'Trần Thị Bình'];
    const flat = text.replace(/\s+/g, ' ');
    let at = -1;
    for (const s of order) {
      const next = flat.indexOf(s, at + 1);
      expect({ s, found: next > at }).toEqual({ s, found: true });
      at = next;
    }
  });

  it('prints the date in the council’s own time zone, not the server’s', async () => {
    const at = new Date('2026-11-30T18:30:00Z'); // 1 December in Vietnam, 30 November in New York
    const ny = await pdfText(await renderPdf(sample('America/New_York', at)));
    expect(ny).toContain('Yên Hòa, ngày 30 tháng 11 năm 2026');
    expect(await docxText(await renderDocx(sample('America/New_York', at)))).toContain('Yên Hòa, ngày 30 tháng 11 năm 2026');
  });
});
