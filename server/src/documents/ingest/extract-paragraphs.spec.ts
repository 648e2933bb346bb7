import { buildDraftResolutionPdf, buildLongPdf, DEMO_DOCUMENTS, LONG_PDF_PARAGRAPHS_PER_PAGE, type DraftResolutionOptions } from '../../../../fixtures';
import { extractParagraphs, type ExtractedParagraph } from './extract-paragraphs';
import { inspectPdf } from './inspect-pdf';
import { textHash } from './normalise-text';

const A4 = { width: 595.28, height: 841.89 };

const ARTICLES: DraftResolutionOptions['articles'] = [
  {
    heading: 'Phạm vi điều chỉnh và đối tượng áp dụng',
    clauses: [
      '1. Nghị quyết này quy định mức hỗ trợ phát triển sản xuất nông nghiệp hàng hóa trên địa bàn xã Yên Hòa giai đoạn 2027 – 2030.',
      '2. Đối tượng áp dụng: hộ gia đình, cá nhân, tổ hợp tác, hợp tác xã trực tiếp sản xuất nông nghiệp trên địa bàn xã; các cơ quan, tổ chức có liên quan.',
    ],
  },
  {
    heading: 'Nội dung và mức hỗ trợ',
    clauses: [
      '1. Hỗ trợ chuyển đổi cơ cấu cây trồng trên đất trồng lúa kém hiệu quả:',
      'a) Hỗ trợ 50% chi phí mua giống cây trồng, tối đa không quá 5 triệu đồng/ha;',
      'b) Hỗ trợ một lần 2 triệu đồng/ha để cải tạo đồng ruộng, làm hệ thống tưới tiết kiệm nước;',
      'c) Diện tích được hỗ trợ phải liền vùng, liền thửa, tối thiểu 1 ha và phù hợp với quy hoạch sử dụng đất của xã.',
      '2. Hỗ trợ xây dựng mô hình sản xuất theo tiêu chuẩn VietGAP, hữu cơ: hỗ trợ 100% chi phí cấp giấy chứng nhận lần đầu, tối đa 30 triệu đồng/mô hình; hỗ trợ 50% chi phí mua chế phẩm sinh học, phân bón hữu cơ trong năm đầu thực hiện, tối đa 20 triệu đồng/mô hình.',
      // long enough to run from the foot of page 1 onto page 2
      '3. Hỗ trợ cơ giới hóa sản xuất: tổ hợp tác, hợp tác xã mua máy làm đất, máy cấy, máy gặt đập liên hợp, máy sấy nông sản phục vụ sản xuất trên địa bàn xã được hỗ trợ 30% giá trị máy, tối đa 150 triệu đồng/máy; hộ gia đình, cá nhân mua máy làm đất, máy phun thuốc bảo vệ thực vật được hỗ trợ 20% giá trị máy, tối đa 20 triệu đồng/máy; mỗi tổ chức, cá nhân chỉ được hỗ trợ một lần cho một loại máy trong cả giai đoạn.',
      '4. Hỗ trợ liên kết sản xuất và tiêu thụ sản phẩm: hợp tác xã, tổ hợp tác có hợp đồng liên kết tiêu thụ sản phẩm ổn định từ 3 năm trở lên với doanh nghiệp được hỗ trợ một lần 50 triệu đồng để xây dựng kế hoạch liên kết, tư vấn, tập huấn kỹ thuật và quảng bá sản phẩm.',
    ],
  },
  {
    heading: 'Nguồn kinh phí',
    clauses: [
      'Kinh phí thực hiện được bố trí từ ngân sách xã trong dự toán hằng năm, nguồn hỗ trợ có mục tiêu của ngân sách cấp tỉnh, nguồn vốn của các chương trình mục tiêu quốc gia và các nguồn huy động hợp pháp khác theo quy định của pháp luật; Ủy ban nhân dân xã chủ động cân đối, lồng ghép các nguồn vốn để thực hiện, bảo đảm không trùng lặp với các chính sách hỗ trợ khác cùng nội dung đang được áp dụng trên địa bàn.',
    ],
  },
  {
    heading: 'Tổ chức thực hiện',
    clauses: [
      '1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; hằng năm báo cáo kết quả thực hiện tại kỳ họp cuối năm của Hội đồng nhân dân xã.',
      '2. Giao Thường trực Hội đồng nhân dân xã, các Ban của Hội đồng nhân dân xã, các Tổ đại biểu và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết.',
    ],
  },
];

function expectWellFormed(paragraphs: ExtractedParagraph[], pageCount: number): void {
  paragraphs.forEach((p, i) => {
    expect(p.index).toBe(i);
    expect(p.text).toBe(p.text.normalize('NFC'));
    expect(p.text).toBe(p.text.trim());
    expect(p.text).not.toMatch(/\s{2}/u);
    expect(p.textHash).toBe(textHash(p.text));
    expect(p.page).toBeGreaterThanOrEqual(1);
    expect(p.page).toBeLessThanOrEqual(pageCount);
    expect(p.rects.length).toBeGreaterThan(0);
    expect(p.rects[0].page).toBe(p.page);
    for (const r of p.rects) {
      expect(r.page).toBeGreaterThanOrEqual(p.page);
      expect(r.w).toBeGreaterThan(0);
      expect(r.h).toBeGreaterThan(0);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(A4.width);
      expect(r.y + r.h).toBeLessThanOrEqual(A4.height);
    }
  });
}

describe('extractParagraphs on a draft resolution', () => {
  let paragraphs: ExtractedParagraph[];
  let texts: string[];
  const progress: [number, number][] = [];

  beforeAll(async () => {
    const pdf = await buildDraftResolutionPdf({
      title: 'Về chính sách hỗ trợ phát triển sản xuất nông nghiệp giai đoạn 2027 – 2030',
      councilName: 'Hội đồng nhân dân xã Yên Hòa',
      articles: ARTICLES,
    });
    paragraphs = await extractParagraphs(new Uint8Array(pdf), (done, total) => progress.push([done, total]));
    texts = paragraphs.map((p) => p.text);
  });

  it('finds every paragraph of the document, in reading order', () => {
    expect(texts).toEqual([
      'DỰ THẢO',
      'HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ YÊN HÒA Độc lập - Tự do - Hạnh phúc',
      'Số: /NQ-HĐND Yên Hòa, ngày tháng 12 năm 2026',
      'NGHỊ QUYẾT',
      'Về chính sách hỗ trợ phát triển sản xuất nông nghiệp giai đoạn 2027 – 2030',
      'HỘI ĐỒNG NHÂN DÂN XÃ YÊN HÒA KHÓA XXI, KỲ HỌP THỨ MƯỜI HAI',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;',
      'Xét Tờ trình của Ủy ban nhân dân xã Yên Hòa; Báo cáo thẩm tra của Ban Kinh tế – Xã hội Hội đồng nhân dân xã; ý kiến thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp.',
      'QUYẾT NGHỊ:',
      'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng',
      ...ARTICLES[0].clauses,
      'Điều 2. Nội dung và mức hỗ trợ',
      ...ARTICLES[1].clauses,
      'Điều 3. Nguồn kinh phí',
      ...ARTICLES[2].clauses,
      'Điều 4. Tổ chức thực hiện',
      ...ARTICLES[3].clauses,
      'Nghị quyết này đã được Hội đồng nhân dân xã Yên Hòa khóa XXI, kỳ họp thứ mười hai thông qua ngày tháng 12 năm 2026 và có hiệu lực từ ngày 01 tháng 01 năm 2027./.',
      'TM. HỘI ĐỒNG NHÂN DÂN CHỦ TỊCH',
      'Nguyễn Văn Thắng',
    ]);
    expect(paragraphs).toHaveLength(30);
  });

  it('starts every article on its own paragraph, followed by its first clause', () => {
    ARTICLES.forEach((article, i) => {
      const at = texts.indexOf(`Điều ${i + 1}. ${article.heading}`);
      expect(at).toBeGreaterThan(0);
      expect(texts[at + 1]).toBe(article.clauses[0]);
    });
  });

  it('keeps Vietnamese diacritics intact, in NFC, with hashes of the normalised text', () => {
    expectWellFormed(paragraphs, 2);
    expect(texts).toContain('a) Hỗ trợ 50% chi phí mua giống cây trồng, tối đa không quá 5 triệu đồng/ha;');
    expect(paragraphs[11].textHash).toBe(textHash('điều 1. phạm vi điều chỉnh và đối tượng áp dụng'));
  });

  it('gives each paragraph its page and one rect per line inside the page', () => {
    const byText = (t: string) => paragraphs.find((p) => p.text === t)!;
    expect(byText('Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng')).toMatchObject({ page: 1, rects: [{ page: 1, x: 113 }] });
    expect(byText('Điều 3. Nguồn kinh phí').page).toBe(2);
    // a one-line clause: one rect, at the body's first-line indent, 12 pt text
    const [r] = byText(ARTICLES[1].clauses[1]).rects;
    expect(r.x).toBeCloseTo(113, 0);
    expect(r.h).toBeCloseTo(12 * (0.928 + 0.236), 0);
  });

  it('joins a paragraph that runs over a page break, with rects on both pages', () => {
    const crossing = paragraphs.find((p) => p.text === ARTICLES[1].clauses[5])!;
    expect(crossing.page).toBe(1);
    expect(crossing.rects.map((r) => r.page)).toEqual([1, 1, 2, 2, 2, 2]);
  });

  it('leaves out the page number printed at the top of page 2', () => {
    expect(texts).not.toContain('2');
  });

  it('reports progress page by page', () => {
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('extractParagraphs on the demo session documents', () => {
  const expected: Record<string, number> = {
    'bao-cao-kinh-te-xa-hoi-2026.pdf': 59,
    'to-trinh-du-toan-ngan-sach-2027.pdf': 26,
    'bao-cao-tham-tra-du-toan-2027.pdf': 16,
    'du-thao-nghi-quyet-du-toan-ngan-sach-2027.pdf': 27,
    'to-trinh-ke-hoach-dau-tu-cong-2027.pdf': 17,
    'du-thao-nghi-quyet-dau-tu-cong-2027.pdf': 25,
    'du-thao-nghi-quyet-chuong-trinh-giam-sat-2027.pdf': 21,
  };

  it('has the documents of one commune council session, each under an agenda item', () => {
    expect(DEMO_DOCUMENTS.map((d) => d.fileName).sort()).toEqual(Object.keys(expected).sort());
    expect(new Set(DEMO_DOCUMENTS.map((d) => d.agendaItemTitle)).size).toBe(4);
  });

  it.each(DEMO_DOCUMENTS.map((d) => [d.fileName, d] as const))('extracts %s into its known paragraphs', async (fileName, demo) => {
    const pdf = await demo.build();
    const inspection = await inspectPdf(pdf, { maxBytes: 10 * 1024 * 1024, maxPages: 100 });
    if (!inspection.ok) throw new Error(inspection.message);
    const paragraphs = await extractParagraphs(new Uint8Array(pdf));
    expectWellFormed(paragraphs, inspection.pageCount);
    expect(paragraphs).toHaveLength(expected[fileName]);
  });

  it('lays the socio-economic report over several pages, with a table whose rows are paragraphs', async () => {
    const report = DEMO_DOCUMENTS.find((d) => d.fileName === 'bao-cao-kinh-te-xa-hoi-2026.pdf')!;
    const pdf = await report.build();
    const inspection = await inspectPdf(pdf, { maxBytes: 10 * 1024 * 1024, maxPages: 100 });
    expect(inspection).toEqual({ ok: true, pageCount: 4, restricted: false });
    const texts = (await extractParagraphs(new Uint8Array(pdf))).map((p) => p.text);
    expect(texts).toContain('Tình hình kinh tế – xã hội năm 2026 và phương hướng, nhiệm vụ năm 2027');
    const header = texts.indexOf('Chỉ tiêu Kế hoạch Thực hiện Tỷ lệ %');
    expect(header).toBeGreaterThan(0);
    expect(texts.slice(header + 1, header + 3)).toEqual(['Tổng giá trị sản xuất (tỷ đồng) 1.180 1.250 105,9', 'Sản lượng lương thực (tấn) 8.000 8.150 101,9']);
    expect(texts).toContain('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026');
    expect(texts).toContain('- Tỷ lệ hộ nghèo giảm còn dưới 1,5%;');
  });

  it('produces the same bytes on every run', async () => {
    const demo = DEMO_DOCUMENTS[1];
    expect((await demo.build()).equals(await demo.build())).toBe(true);
  });
});

describe('long documents', () => {
  it('inspects a 400-page file and extracts paragraphs from all 400 pages', async () => {
    const pdf = await buildLongPdf(400);
    expect(await inspectPdf(pdf, { maxBytes: 100 * 1024 * 1024, maxPages: 2000 })).toEqual({ ok: true, pageCount: 400, restricted: false });
    let lastProgress: [number, number] = [0, 0];
    const paragraphs = await extractParagraphs(new Uint8Array(pdf), (done, total) => (lastProgress = [done, total]));
    expect(lastProgress).toEqual([400, 400]);
    // title, subtitle, then per page a heading and its paragraphs
    expect(paragraphs).toHaveLength(2 + 400 * (1 + LONG_PDF_PARAGRAPHS_PER_PAGE));
    const perPage = new Map<number, number>();
    for (const p of paragraphs) perPage.set(p.page, (perPage.get(p.page) ?? 0) + 1);
    expect(perPage.size).toBe(400);
    expect(perPage.get(1)).toBe(2 + 1 + LONG_PDF_PARAGRAPHS_PER_PAGE);
    expect(perPage.get(400)).toBe(1 + LONG_PDF_PARAGRAPHS_PER_PAGE);
    expect(paragraphs.find((p) => p.page === 400)!.text).toMatch(/^Mục 400\. /u);
  });

  it('builds a revised version with paragraphs deleted, edited and moved, the rest unchanged', async () => {
    const pages = 30;
    const [original, revised] = await Promise.all([
      buildLongPdf(pages).then((b) => extractParagraphs(new Uint8Array(b))),
      buildLongPdf(pages, { revised: true }).then((b) => extractParagraphs(new Uint8Array(b))),
    ]);
    const deleted = [3, 10, 17, 24].length;
    expect(original).toHaveLength(2 + pages * (1 + LONG_PDF_PARAGRAPHS_PER_PAGE));
    expect(revised).toHaveLength(original.length - deleted);

    const revisedTexts = new Set(revised.map((p) => p.text));
    const missing = original.filter((p) => !revisedTexts.has(p.text));
    // 4 deleted + 6 edited (pages 1, 6, 11, 16, 21, 26)
    expect(missing).toHaveLength(deleted + 6);

    // the last paragraph of page 13 now opens page 14
    const moved = original.filter((p) => p.page === 13).at(-1)!;
    const heading14 = revised.findIndex((p) => /^Mục 14\. /u.test(p.text));
    expect(revised[heading14 + 1]).toMatchObject({ text: moved.text, page: 14, textHash: moved.textHash });
  });

  it('gives the same document for the same seed and another for another seed', async () => {
    const [a, b, c] = await Promise.all([buildLongPdf(2, { seed: 5 }), buildLongPdf(2, { seed: 5 }), buildLongPdf(2, { seed: 6 })]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });
});
