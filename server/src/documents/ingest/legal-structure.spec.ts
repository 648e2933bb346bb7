import { buildDraftResolutionPdf, buildLongPdf, buildStructuredPdf } from '../../../../fixtures';
import { extractParagraphs } from './extract-paragraphs';
import { labelStructure } from './legal-structure';

const labelsOf = async (pdf: Buffer) => (await extractParagraphs(new Uint8Array(pdf))).map((p) => [p.label, p.kind, p.text.slice(0, 25)]);

describe('structure labels on a generated draft resolution', () => {
  it('labels the header block, the preamble, every Điều, khoản and điểm, and the signature', async () => {
    const pdf = await buildDraftResolutionPdf({
      title: 'Về chính sách hỗ trợ sản xuất',
      councilName: 'Hội đồng nhân dân xã Yên Hòa',
      articles: [
        { heading: 'Phạm vi điều chỉnh', clauses: ['1. Nghị quyết này quy định mức hỗ trợ.', '2. Đối tượng áp dụng: hộ gia đình, cá nhân.'] },
        {
          heading: 'Nội dung và mức hỗ trợ',
          clauses: ['1. Hỗ trợ chuyển đổi cây trồng:', 'a) Hỗ trợ 50% chi phí mua giống;', 'b) Hỗ trợ một lần 2 triệu đồng/ha;', 'Mức hỗ trợ trên áp dụng một lần.', '2. Hỗ trợ mô hình VietGAP.'],
        },
        { heading: 'Nguồn kinh phí', clauses: ['Kinh phí thực hiện được bố trí từ ngân sách xã.'] },
      ],
    });
    expect(await labelsOf(pdf)).toEqual([
      ['Phần đầu văn bản', 'header', 'DỰ THẢO'],
      ['Phần đầu văn bản', 'header', 'HỘI ĐỒNG NHÂN DÂN CỘNG HÒ'],
      ['Phần đầu văn bản', 'header', 'XÃ YÊN HÒA Độc lập - Tự d'],
      ['Phần đầu văn bản', 'header', 'Số: /NQ-HĐND Yên Hòa, ngà'],
      ['Phần mở đầu', 'heading', 'NGHỊ QUYẾT'],
      ['Phần mở đầu', 'body', 'Về chính sách hỗ trợ sản '],
      ['Phần mở đầu', 'heading', 'HỘI ĐỒNG NHÂN DÂN XÃ YÊN '],
      ['Phần mở đầu', 'body', 'Căn cứ Luật Tổ chức chính'],
      ['Phần mở đầu', 'body', 'Căn cứ Luật Ngân sách nhà'],
      ['Phần mở đầu', 'body', 'Xét Tờ trình của Ủy ban n'],
      ['Phần mở đầu', 'heading', 'QUYẾT NGHỊ:'],
      ['Điều 1', 'heading', 'Điều 1. Phạm vi điều chỉn'],
      ['Điều 1, khoản 1', 'body', '1. Nghị quyết này quy địn'],
      ['Điều 1, khoản 2', 'body', '2. Đối tượng áp dụng: hộ '],
      ['Điều 2', 'heading', 'Điều 2. Nội dung và mức h'],
      ['Điều 2, khoản 1', 'body', '1. Hỗ trợ chuyển đổi cây '],
      ['Điều 2, khoản 1, điểm a', 'body', 'a) Hỗ trợ 50% chi phí mua'],
      ['Điều 2, khoản 1, điểm b', 'body', 'b) Hỗ trợ một lần 2 triệu'],
      ['Điều 2, khoản 1', 'body', 'Mức hỗ trợ trên áp dụng m'],
      ['Điều 2, khoản 2', 'body', '2. Hỗ trợ mô hình VietGAP'],
      ['Điều 3', 'heading', 'Điều 3. Nguồn kinh phí'],
      ['Điều 3', 'body', 'Kinh phí thực hiện được b'],
      ['Điều 3', 'body', 'Nghị quyết này đã được Hộ'],
      ['Phần ký', 'closing', 'TM. HỘI ĐỒNG NHÂN DÂN CHỦ'],
      ['Phần ký', 'closing', 'Nguyễn Văn Thắng'],
    ]);
  });
});

describe('structure labels on a generated regulation with Phần, Chương and Mục', () => {
  it('names headings by their unit and paragraphs by Điều, khoản, điểm inside them', async () => {
    const pdf = await buildStructuredPdf([
      { text: 'Phần thứ nhất', heading: true },
      { text: 'QUY ĐỊNH CHUNG', heading: true },
      { text: 'Chương I', heading: true },
      { text: 'PHẠM VI VÀ ĐỐI TƯỢNG', heading: true },
      { text: 'Điều 1. Phạm vi điều chỉnh' },
      { text: 'Quy định này áp dụng trên địa bàn xã.' },
      { text: 'Chương II', heading: true },
      { text: 'HỖ TRỢ SẢN XUẤT', heading: true },
      { text: 'Mục 1', heading: true },
      { text: 'HỖ TRỢ TRỒNG TRỌT', heading: true },
      { text: 'Điều 2. Mức hỗ trợ' },
      { text: '1. Hỗ trợ giống cây trồng:' },
      { text: 'a) Lúa chất lượng cao;' },
      { text: 'đ) Cây ăn quả.' },
      { text: '12. Hỗ trợ phân bón hữu cơ.' },
      { text: 'Mục 2', heading: true },
      { text: 'Điều 3: Hỗ trợ chăn nuôi' },
      { text: 'Hộ chăn nuôi được hỗ trợ tiêm phòng.' },
    ]);
    const labels = await labelsOf(pdf);
    expect(labels.slice(0, 3)).toEqual([
      ['Phần đầu văn bản', 'header', 'HỘI ĐỒNG NHÂN DÂN CỘNG HÒ'],
      ['Phần đầu văn bản', 'header', 'XÃ YÊN HÒA Độc lập - Tự d'],
      ['Phần đầu văn bản', 'header', 'Số: 12/NQ-HĐND Yên Hòa, n'],
    ]);
    expect(labels.slice(3)).toEqual([
      ['Phần mở đầu', 'heading', 'QUY ĐỊNH'],
      // a unit's line and its title in capitals, set together, read as one heading
      ['Phần thứ nhất', 'heading', 'Phần thứ nhất QUY ĐỊNH CH'],
      ['Chương I', 'heading', 'Chương I PHẠM VI VÀ ĐỐI T'],
      ['Điều 1', 'heading', 'Điều 1. Phạm vi điều chỉn'],
      ['Điều 1', 'body', 'Quy định này áp dụng trên'],
      ['Chương II', 'heading', 'Chương II HỖ TRỢ SẢN XUẤT'],
      ['Chương II, Mục 1', 'heading', 'Mục 1 HỖ TRỢ TRỒNG TRỌT'],
      ['Điều 2', 'heading', 'Điều 2. Mức hỗ trợ'],
      ['Điều 2, khoản 1', 'body', '1. Hỗ trợ giống cây trồng'],
      ['Điều 2, khoản 1, điểm a', 'body', 'a) Lúa chất lượng cao;'],
      ['Điều 2, khoản 1, điểm đ', 'body', 'đ) Cây ăn quả.'],
      ['Điều 2, khoản 12', 'body', '12. Hỗ trợ phân bón hữu c'],
      ['Chương II, Mục 2', 'heading', 'Mục 2'],
      ['Điều 3', 'heading', 'Điều 3: Hỗ trợ chăn nuôi'],
      ['Điều 3', 'body', 'Hộ chăn nuôi được hỗ trợ '],
      ['Phần ký', 'closing', 'TM. HỘI ĐỒNG NHÂN DÂN'],
      ['Phần ký', 'closing', 'CHỦ TỊCH'],
      ['Phần ký', 'closing', 'Nguyễn Văn Thắng'],
    ]);
  });
});

describe('a report with numbered Mục and no header block', () => {
  it('labels by Mục from the first Mục on, and leaves what comes before unlabelled', async () => {
    const labels = (await extractParagraphs(new Uint8Array(await buildLongPdf(1)))).map((p) => [p.label, p.kind]);
    expect(labels).toEqual([
      [null, 'body'],
      [null, 'body'],
      ['Mục 1', 'heading'],
      ...Array(5).fill(['Mục 1', 'body']),
    ]);
  });
});

describe('documents without that structure', () => {
  it('do not take ordinary sentences for units: "Phần lớn", "Mục tiêu", "Điều này", "1.5 tỷ"', () => {
    expect(labelStructure(['Phần lớn hộ dân đã đồng ý.', 'Mục tiêu của kế hoạch là tăng thu nhập.', 'Điều này cho thấy nhu cầu lớn.', '1.5 tỷ đồng được giải ngân.'])).toEqual(
      Array(4).fill({ label: null, kind: 'body' }),
    );
  });

  it('does not open a header block for a capitalised first line without the Quốc hiệu', () => {
    expect(labelStructure(['BÁO CÁO', 'Tình hình kinh tế xã hội năm 2026.']).map((l) => l.label)).toEqual([null, null]);
  });
});
