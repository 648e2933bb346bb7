import { FONTS } from '../common/fonts';
import PDFDocument from 'pdfkit';

/**
 * Realistic Vietnamese council documents, generated as PDFs with real,
 * extractable text (DejaVu Sans embedded, so every diacritic survives), for the
 * demo seed (tests and benchmarks reuse them; their own generators live in fixtures/). Everything is deterministic: the same call
 * gives the same text and layout, so tests can assert exact paragraph counts.
 */

type Doc = PDFKit.PDFDocument;

type FontName = keyof typeof FONTS;

/** Fixed so that the same document is byte-for-byte the same file on every run. */
const CREATION_DATE = new Date(Date.UTC(2026, 10, 20, 8, 0, 0));

// A4 with the margins of Decree 30/2020/NĐ-CP: 30 mm left, 20 mm top, bottom and right.
const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 57, bottom: 57, left: 85, right: 57 };
export const LEFT = MARGIN.left;
export const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const INDENT = 28;
const BODY_SIZE = 12;
export const LINE_GAP = 2;
export const PARAGRAPH_GAP = 5;

export interface RenderOptions {
  title?: string;
  /** Number pages 2… at the top centre, as official documents do. */
  pageNumbers?: boolean;
  userPassword?: string;
  ownerPassword?: string;
}

/** Runs `draw` on a fresh A4 document with the DejaVu fonts registered and returns the PDF bytes. */
export async function renderPdf(draw: (doc: Doc) => void, opts: RenderOptions = {}): Promise<Buffer> {
  const encrypted = opts.userPassword !== undefined || opts.ownerPassword !== undefined;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: opts.title ?? '', Creator: 'hopso', Producer: 'hopso demo seed', CreationDate: CREATION_DATE },
    ...(encrypted ? { userPassword: opts.userPassword, ownerPassword: opts.ownerPassword, pdfVersion: '1.7' as const } : {}),
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('regular').fontSize(BODY_SIZE);
  draw(doc);
  if (opts.pageNumbers) {
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.font('regular').fontSize(11).text(String(i + 1), LEFT, 30, { width: WIDTH, align: 'center', lineBreak: false });
    }
  }
  doc.end();
  return finished;
}

// ─── Layout blocks ──────────────────────────────────────────────────────────

type Block =
  | { kind: 'title'; text: string; size?: number; font?: FontName; gapAfter?: number }
  | { kind: 'heading'; text: string; font?: FontName }
  | { kind: 'para'; text: string; font?: FontName }
  | { kind: 'table'; caption?: string; columns: TableColumn[]; rows: string[][] }
  | { kind: 'gap'; size: number };

interface TableColumn {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - MARGIN.bottom) doc.addPage();
}

export function drawBlock(doc: Doc, block: Block): void {
  switch (block.kind) {
    case 'title': {
      const size = block.size ?? 12;
      doc.font(block.font ?? 'bold').fontSize(size);
      ensureRoom(doc, size * 2);
      doc.text(block.text, LEFT, doc.y, { width: WIDTH, align: 'center', lineGap: LINE_GAP });
      doc.y += block.gapAfter ?? 4;
      return;
    }
    case 'heading':
      doc.font(block.font ?? 'bold').fontSize(BODY_SIZE);
      // keep a heading with at least two lines of what follows it
      ensureRoom(doc, BODY_SIZE * 5);
      doc.text(block.text, LEFT, doc.y, { width: WIDTH, align: 'justify', indent: INDENT, lineGap: LINE_GAP, paragraphGap: PARAGRAPH_GAP });
      return;
    case 'para':
      doc.font(block.font ?? 'regular').fontSize(BODY_SIZE);
      ensureRoom(doc, BODY_SIZE * 2);
      doc.text(block.text, LEFT, doc.y, { width: WIDTH, align: 'justify', indent: INDENT, lineGap: LINE_GAP, paragraphGap: PARAGRAPH_GAP });
      return;
    case 'gap':
      doc.y += block.size;
      return;
    case 'table':
      drawTable(doc, block.columns, block.rows, block.caption);
      return;
  }
}

const ROW_HEIGHT = 20;
const CELL_PAD = 5;

/** A ruled table, one line of text per cell; the header row is repeated after a page break. */
function drawTable(doc: Doc, columns: TableColumn[], rows: string[][], caption?: string): void {
  const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const x0 = LEFT + (WIDTH - tableWidth) / 2;
  if (caption) {
    doc.font('italic').fontSize(11);
    ensureRoom(doc, 20 + 3 * ROW_HEIGHT);
    doc.text(caption, LEFT, doc.y, { width: WIDTH, align: 'center' });
    doc.y += 4;
  }
  const drawRow = (cells: string[], font: FontName) => {
    const y = doc.y;
    let x = x0;
    doc.lineWidth(0.6).strokeColor('#000000');
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      doc.rect(x, y, col.width, ROW_HEIGHT).stroke();
      const text = cells[i] ?? '';
      const room = col.width - 2 * CELL_PAD;
      // one line per cell: shrink a long label rather than wrap it out of its row
      let size = 10.5;
      doc.font(font).fontSize(size);
      while (size > 7 && doc.widthOfString(text) > room) doc.fontSize((size -= 0.5));
      doc.text(text, x + CELL_PAD, y + 5 + (10.5 - size) / 2, { width: room, align: col.align, lineBreak: false });
      x += col.width;
    }
    doc.y = y + ROW_HEIGHT;
  };
  ensureRoom(doc, 2 * ROW_HEIGHT);
  drawRow(
    columns.map((c) => c.header),
    'bold',
  );
  for (const row of rows) {
    if (doc.y + ROW_HEIGHT > PAGE.height - MARGIN.bottom) {
      doc.addPage();
      drawRow(
        columns.map((c) => c.header),
        'bold',
      );
    }
    drawRow(row, 'regular');
  }
  doc.x = LEFT;
  doc.y += 8;
}

// ─── Official document frame (Decree 30/2020/NĐ-CP) ─────────────────────────

interface Issuer {
  /** "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN NHÂN DÂN", "BAN KINH TẾ – XÃ HỘI" … */
  body: string;
  /** "XÃ YÊN HÒA" */
  unit: string;
}

interface Place {
  /** "xã", "phường", "tỉnh" … */
  level: string;
  /** "Yên Hòa" */
  name: string;
  /** "Hội đồng nhân dân xã Yên Hòa" */
  council: string;
}

export function placeOf(councilName: string): Place {
  const m = /^Hội đồng nhân dân\s+(xã|phường|đặc khu|thị trấn|tỉnh|thành phố)\s+(.+)$/iu.exec(councilName.trim());
  if (!m) return { level: '', name: councilName.trim(), council: councilName.trim() };
  return { level: m[1].toLowerCase(), name: m[2], council: councilName.trim() };
}

export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** Two-column national header: issuer and number on the left, motto and place/date on the right. */
export function drawHeader(doc: Doc, issuer: Issuer, number: string, placeDate: string, draft: boolean): void {
  const leftW = 190;
  const rightX = LEFT + leftW;
  const rightW = WIDTH - leftW + 20;
  if (draft) {
    doc.font('bold').fontSize(10);
    doc.rect(PAGE.width - MARGIN.right - 62, 26, 62, 17).lineWidth(0.8).stroke();
    doc.text('DỰ THẢO', PAGE.width - MARGIN.right - 62, 30, { width: 62, align: 'center', lineBreak: false });
  }
  const top = MARGIN.top;
  doc.font('bold').fontSize(11);
  doc.text(issuer.body, LEFT - 20, top, { width: leftW, align: 'center', lineBreak: false });
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center', lineBreak: false });
  doc.text(issuer.unit, LEFT - 20, top + 15, { width: leftW, align: 'center', lineBreak: false });
  doc.text('Độc lập - Tự do - Hạnh phúc', rightX, top + 15, { width: rightW, align: 'center', lineBreak: false });
  const unitW = doc.widthOfString(issuer.unit);
  const mottoW = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  doc.lineWidth(0.6);
  doc
    .moveTo(LEFT - 20 + leftW / 2 - unitW / 3, top + 30)
    .lineTo(LEFT - 20 + leftW / 2 + unitW / 3, top + 30)
    .stroke();
  doc
    .moveTo(rightX + rightW / 2 - mottoW / 2, top + 30)
    .lineTo(rightX + rightW / 2 + mottoW / 2, top + 30)
    .stroke();
  doc.font('regular').fontSize(11);
  doc.text(number, LEFT - 20, top + 42, { width: leftW, align: 'center', lineBreak: false });
  doc.font('italic').fontSize(11);
  doc.text(placeDate, rightX, top + 42, { width: rightW, align: 'center', lineBreak: false });
  doc.x = LEFT;
  doc.y = top + 80;
}

/** Signature block in the right half: "TM. …" / title / name. */
export function drawSignature(doc: Doc, lines: string[], name: string): void {
  const x = LEFT + WIDTH / 2;
  const w = WIDTH / 2;
  doc.font('bold').fontSize(12);
  ensureRoom(doc, 130);
  doc.y += 12;
  for (const line of lines) doc.text(line, x, doc.y, { width: w, align: 'center' });
  doc.y += 60;
  doc.text(name, x, doc.y, { width: w, align: 'center' });
  doc.x = LEFT;
}

const SESSION = 'KHÓA XXI, KỲ HỌP THỨ MƯỜI HAI';
const SESSION_LOWER = 'khóa XXI, kỳ họp thứ mười hai';
export const CHAIR = 'Nguyễn Văn Thắng'; // the demo council's chair (chutoa)
const PEOPLES_COMMITTEE_CHAIR = 'Đinh Công Minh'; // the demo's Chủ tịch UBND xã (chutichubnd)

// ─── Draft resolution ───────────────────────────────────────────────────────

export interface DraftResolutionOptions {
  /**
   * The subject, printed under "NGHỊ QUYẾT": "Về dự toán ngân sách xã năm 2027".
   * A leading "Dự thảo Nghị quyết" / "Nghị quyết" is dropped, so a document title works too.
   */
  title: string;
  /** e.g. "Hội đồng nhân dân xã Yên Hòa". */
  councilName: string;
  /**
   * Printed as "Điều 1. heading" (unless the heading already starts with "Điều n"),
   * then each clause as its own paragraph; clauses carry their own "1. …" / "a) …".
   */
  articles: { heading: string; clauses: string[] }[];
  /** "Căn cứ …" lines; defaults to the Law on Local Government and the Law on the State Budget. */
  bases?: string[];
}

const DEFAULT_BASES = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;',
];

export function buildDraftResolutionPdf(opts: DraftResolutionOptions): Promise<Buffer> {
  const place = placeOf(opts.councilName);
  const stripped = opts.title.trim().replace(/^(?:dự thảo\s+)?nghị quyết\s+/iu, '');
  const subject = stripped.charAt(0).toLocaleUpperCase('vi') + stripped.slice(1);
  const bases = opts.bases ?? [
    ...DEFAULT_BASES,
    `Xét Tờ trình của Ủy ban nhân dân ${place.level} ${place.name}; Báo cáo thẩm tra của Ban Kinh tế – Xã hội Hội đồng nhân dân ${place.level}; ý kiến thảo luận của đại biểu Hội đồng nhân dân ${place.level} tại kỳ họp.`,
  ];
  const blocks: Block[] = [
    { kind: 'title', text: 'NGHỊ QUYẾT', size: 14, gapAfter: 2 },
    { kind: 'title', text: subject, gapAfter: 18 },
    { kind: 'title', text: upper(place.council), gapAfter: 0 },
    { kind: 'title', text: SESSION, gapAfter: 12 },
    ...bases.map((text): Block => ({ kind: 'para', text, font: 'italic' })),
    { kind: 'gap', size: 6 },
    { kind: 'title', text: 'QUYẾT NGHỊ:', gapAfter: 10 },
  ];
  opts.articles.forEach((article, i) => {
    const heading = /^Điều\s+\d+/u.test(article.heading) ? article.heading : `Điều ${i + 1}. ${article.heading}`;
    blocks.push({ kind: 'heading', text: heading });
    for (const clause of article.clauses) blocks.push({ kind: 'para', text: clause });
  });
  blocks.push({
    kind: 'para',
    text: `Nghị quyết này đã được ${place.council} ${SESSION_LOWER} thông qua ngày    tháng 12 năm 2026 và có hiệu lực từ ngày 01 tháng 01 năm 2027./.`,
  });
  return renderPdf(
    (doc) => {
      drawHeader(doc, { body: 'HỘI ĐỒNG NHÂN DÂN', unit: upper(`${place.level} ${place.name}`) }, 'Số:        /NQ-HĐND', `${place.name}, ngày      tháng 12 năm 2026`, true);
      for (const b of blocks) drawBlock(doc, b);
      drawSignature(doc, ['TM. HỘI ĐỒNG NHÂN DÂN', 'CHỦ TỊCH'], CHAIR);
    },
    { title: `Dự thảo Nghị quyết ${subject.replace(/^Về\s+/u, 'về ')}`, pageNumbers: true },
  );
}

// ─── Socio-economic report ──────────────────────────────────────────────────

export interface SocioEconomicReportOptions {
  councilName: string;
  /** The year reported on; the plan is for the year after. */
  year: number;
}

export function buildSocioEconomicReportPdf(opts: SocioEconomicReportOptions): Promise<Buffer> {
  const place = placeOf(opts.councilName);
  const y = opts.year;
  const n = y + 1;
  const xa = `${place.level} ${place.name}`.trim();
  const blocks: Block[] = [
    { kind: 'title', text: 'BÁO CÁO', size: 14, gapAfter: 2 },
    { kind: 'title', text: `Tình hình kinh tế – xã hội năm ${y} và phương hướng, nhiệm vụ năm ${n}`, gapAfter: 16 },
    {
      kind: 'para',
      text: `Thực hiện Nghị quyết của Hội đồng nhân dân ${place.level} về kế hoạch phát triển kinh tế – xã hội năm ${y}, Ủy ban nhân dân ${place.level} đã tập trung chỉ đạo các ngành, các thôn triển khai đồng bộ các nhiệm vụ, giải pháp ngay từ đầu năm. Ủy ban nhân dân ${place.level} báo cáo kết quả thực hiện năm ${y} và phương hướng, nhiệm vụ năm ${n} như sau:`,
    },
    { kind: 'heading', text: `I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM ${y}` },
    { kind: 'heading', text: '1. Lĩnh vực kinh tế' },
    { kind: 'heading', text: 'a) Sản xuất nông nghiệp', font: 'boldItalic' },
    {
      kind: 'para',
      text: `Tổng diện tích gieo trồng cả năm đạt 1.320 ha, bằng 101,5% kế hoạch. Năng suất lúa bình quân đạt 62,4 tạ/ha, tăng 1,2 tạ/ha so với năm ${y - 1}; tổng sản lượng lương thực có hạt ước đạt 8.150 tấn, bằng 101,9% kế hoạch. Các mô hình trồng rau an toàn, trồng cây ăn quả theo tiêu chuẩn VietGAP tiếp tục được duy trì và nhân rộng tại các thôn Đông, thôn Trung và thôn Bãi, mang lại thu nhập ổn định cho người nông dân.`,
    },
    {
      kind: 'para',
      text: `Chăn nuôi phát triển ổn định; tổng đàn lợn ước đạt 6.200 con, đàn gia cầm 85.000 con. Công tác phòng, chống dịch bệnh cho gia súc, gia cầm được thực hiện thường xuyên, tỷ lệ tiêm phòng đạt trên 90% tổng đàn, không để xảy ra dịch bệnh lớn trên địa bàn. Diện tích nuôi trồng thủy sản được duy trì 45 ha, sản lượng ước đạt 310 tấn.`,
    },
    {
      kind: 'para',
      text: `Chương trình xây dựng nông thôn mới tiếp tục được quan tâm chỉ đạo. Trong năm, ${xa} huy động trên 18 tỷ đồng để đầu tư kết cấu hạ tầng, trong đó Nhân dân đóng góp 2,6 tỷ đồng và hiến 4.300 m² đất để mở rộng đường giao thông nông thôn; cứng hóa 6,8 km đường trục thôn và đường nội đồng; duy trì vững chắc 19/19 tiêu chí xã đạt chuẩn nông thôn mới nâng cao.`,
    },
    { kind: 'heading', text: 'b) Công nghiệp, tiểu thủ công nghiệp, thương mại và dịch vụ', font: 'boldItalic' },
    {
      kind: 'para',
      text: `Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp ước đạt 415 tỷ đồng, tăng 9,1% so với năm ${y - 1}. Các làng nghề mây tre đan, chế biến nông sản tiếp tục duy trì sản xuất, giải quyết việc làm thường xuyên cho khoảng 1.100 lao động. Hoạt động thương mại, dịch vụ phát triển đa dạng; chợ trung tâm ${place.level} được cải tạo, đáp ứng nhu cầu mua bán, trao đổi hàng hóa của Nhân dân. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 520 tỷ đồng.`,
    },
    { kind: 'heading', text: 'c) Kết quả thực hiện các chỉ tiêu chủ yếu', font: 'boldItalic' },
    {
      kind: 'para',
      text: `Năm ${y}, có 11/12 chỉ tiêu chủ yếu đạt và vượt kế hoạch Hội đồng nhân dân ${place.level} giao; chỉ tiêu tỷ lệ hộ nghèo chưa đạt kế hoạch đề ra. Kết quả cụ thể tại Bảng 1 dưới đây.`,
    },
    {
      kind: 'table',
      caption: `Bảng 1. Kết quả thực hiện một số chỉ tiêu chủ yếu năm ${y}`,
      columns: [
        { header: 'Chỉ tiêu', width: 235, align: 'left' },
        { header: 'Kế hoạch', width: 70, align: 'right' },
        { header: 'Thực hiện', width: 76, align: 'right' },
        { header: 'Tỷ lệ %', width: 66, align: 'right' },
      ],
      rows: [
        ['Tổng giá trị sản xuất (tỷ đồng)', '1.180', '1.250', '105,9'],
        ['Sản lượng lương thực (tấn)', '8.000', '8.150', '101,9'],
        ['Thu nhập bình quân (triệu đồng/người)', '60', '62', '103,3'],
        ['Thu ngân sách trên địa bàn (triệu đồng)', '14.800', '15.400', '104,1'],
        ['Đường giao thông cứng hóa (km)', '6,0', '6,8', '113,3'],
        ['Tỷ lệ hộ nghèo (%)', '1,8', '2,1', '85,7'],
        ['Tỷ lệ tham gia bảo hiểm y tế (%)', '93,0', '94,2', '101,3'],
        ['Lao động được tạo việc làm mới (người)', '250', '268', '107,2'],
        ['Hộ dùng nước sạch (%)', '98,0', '98,6', '100,6'],
      ],
    },
    { kind: 'heading', text: 'd) Tài chính, ngân sách', font: 'boldItalic' },
    {
      kind: 'para',
      text: `Tổng thu ngân sách nhà nước trên địa bàn ước đạt 15.400 triệu đồng, bằng 104,1% dự toán Hội đồng nhân dân ${place.level} giao. Tổng chi ngân sách ${place.level} ước đạt 14.950 triệu đồng, bằng 101% dự toán, trong đó chi đầu tư phát triển 4.200 triệu đồng, chi thường xuyên 10.750 triệu đồng. Công tác quản lý, điều hành ngân sách bảo đảm đúng quy định, công khai, minh bạch; ưu tiên chi cho các nhiệm vụ an sinh xã hội và phòng, chống thiên tai.`,
    },
    { kind: 'heading', text: '2. Lĩnh vực văn hóa – xã hội' },
    {
      kind: 'para',
      text: `Chất lượng giáo dục ở các cấp học tiếp tục được nâng lên; tỷ lệ học sinh hoàn thành chương trình tiểu học đạt 100%, tỷ lệ học sinh tốt nghiệp trung học cơ sở đạt 99,4%. Trường Mầm non ${place.name} được công nhận lại đạt chuẩn quốc gia mức độ 1. Công tác khuyến học, khuyến tài được quan tâm, trong năm đã trao 245 suất học bổng cho học sinh có hoàn cảnh khó khăn vượt khó học tốt.`,
    },
    {
      kind: 'para',
      text: `Trạm Y tế ${place.level} thực hiện tốt công tác khám, chữa bệnh ban đầu cho Nhân dân với 9.800 lượt người; triển khai đầy đủ các chương trình y tế quốc gia; tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 98,5%. Công tác bảo đảm an toàn thực phẩm được tăng cường, không để xảy ra ngộ độc thực phẩm đông người.`,
    },
    {
      kind: 'para',
      text: `Các hoạt động văn hóa, văn nghệ, thể dục thể thao được tổ chức sôi nổi, nhất là dịp các ngày lễ lớn của đất nước và lễ hội truyền thống của địa phương. Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" tiếp tục được đẩy mạnh; có 92% số hộ gia đình đạt danh hiệu gia đình văn hóa.`,
    },
    {
      kind: 'para',
      text: `Công tác an sinh xã hội được thực hiện đầy đủ, kịp thời. Trong năm, ${xa} đã chi trả trợ cấp thường xuyên cho 412 đối tượng bảo trợ xã hội; hỗ trợ xây mới và sửa chữa 7 nhà ở cho hộ nghèo, hộ có hoàn cảnh khó khăn; tổ chức thăm hỏi, tặng quà cho các gia đình chính sách, người có công với cách mạng nhân dịp Tết Nguyên đán và ngày Thương binh – Liệt sĩ 27 tháng 7.`,
    },
    { kind: 'heading', text: '3. Quốc phòng, an ninh' },
    {
      kind: 'para',
      text: `Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn được giữ vững. Công an ${place.level} chủ động nắm tình hình, giải quyết kịp thời các vụ việc phát sinh từ cơ sở; phong trào toàn dân bảo vệ an ninh Tổ quốc được duy trì. Công tác tuyển chọn và gọi công dân nhập ngũ đạt 100% chỉ tiêu; lực lượng dân quân được huấn luyện theo đúng kế hoạch.`,
    },
    { kind: 'heading', text: '4. Xây dựng chính quyền, cải cách hành chính và chuyển đổi số' },
    {
      kind: 'para',
      text: `Bộ máy chính quyền ${place.level} sau sắp xếp đi vào hoạt động ổn định, hiệu quả. Bộ phận Một cửa đã tiếp nhận và giải quyết 6.540 hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng hạn đạt 99,2%; tỷ lệ hồ sơ trực tuyến toàn trình đạt 68%. Các kỳ họp của Hội đồng nhân dân ${place.level} được tổ chức theo hình thức không giấy, tiết kiệm chi phí và thời gian cho đại biểu.`,
    },
    { kind: 'heading', text: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN' },
    {
      kind: 'para',
      text: `Bên cạnh những kết quả đạt được, tình hình kinh tế – xã hội của ${place.level} vẫn còn một số tồn tại, hạn chế: sản xuất nông nghiệp còn phụ thuộc nhiều vào thời tiết, liên kết sản xuất và tiêu thụ sản phẩm chưa bền vững; tiến độ giải ngân một số dự án đầu tư công còn chậm; tỷ lệ hộ nghèo giảm chưa đạt kế hoạch; công tác quản lý đất đai, trật tự xây dựng ở một số thôn còn hạn chế.`,
    },
    {
      kind: 'para',
      text: `Nguyên nhân chủ yếu là do ảnh hưởng của thiên tai, giá vật tư nông nghiệp tăng cao; nguồn lực đầu tư còn hạn hẹp; một bộ phận cán bộ, công chức chưa thật sự chủ động, sáng tạo trong thực hiện nhiệm vụ được giao.`,
    },
    { kind: 'heading', text: `III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${n}` },
    { kind: 'heading', text: '1. Mục tiêu tổng quát' },
    {
      kind: 'para',
      text: `Tiếp tục phát triển kinh tế nhanh và bền vững, chuyển dịch cơ cấu kinh tế theo hướng tăng tỷ trọng công nghiệp, dịch vụ; nâng cao chất lượng xây dựng nông thôn mới; bảo đảm an sinh xã hội, nâng cao đời sống vật chất và tinh thần của Nhân dân; giữ vững quốc phòng, an ninh; xây dựng chính quyền ${place.level} trong sạch, vững mạnh, phục vụ Nhân dân.`,
    },
    { kind: 'heading', text: '2. Các chỉ tiêu chủ yếu' },
    { kind: 'para', text: `- Tổng giá trị sản xuất tăng từ 8% trở lên so với năm ${y};` },
    { kind: 'para', text: '- Sản lượng lương thực có hạt đạt 8.200 tấn trở lên;' },
    { kind: 'para', text: '- Thu nhập bình quân đầu người đạt 66 triệu đồng/năm;' },
    { kind: 'para', text: `- Thu ngân sách nhà nước trên địa bàn đạt 16.000 triệu đồng;` },
    { kind: 'para', text: '- Tỷ lệ hộ nghèo giảm còn dưới 1,5%;' },
    { kind: 'para', text: '- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.' },
    { kind: 'heading', text: '3. Nhiệm vụ, giải pháp chủ yếu' },
    {
      kind: 'para',
      text: `Một là, tập trung chỉ đạo sản xuất nông nghiệp theo hướng hàng hóa, ứng dụng công nghệ cao; khuyến khích các hợp tác xã liên kết với doanh nghiệp trong sản xuất và tiêu thụ sản phẩm; phát triển sản phẩm OCOP gắn với lợi thế của địa phương.`,
    },
    {
      kind: 'para',
      text: `Hai là, đẩy nhanh tiến độ thực hiện và giải ngân vốn đầu tư công; tăng cường quản lý đất đai, tài nguyên, môi trường và trật tự xây dựng; thực hiện tốt công tác bồi thường, giải phóng mặt bằng các công trình, dự án trên địa bàn.`,
    },
    {
      kind: 'para',
      text: `Ba là, nâng cao chất lượng giáo dục, y tế, văn hóa; thực hiện đầy đủ, kịp thời các chính sách an sinh xã hội; tập trung giảm nghèo bền vững, ưu tiên hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo.`,
    },
    {
      kind: 'para',
      text: `Bốn là, đẩy mạnh cải cách hành chính và chuyển đổi số; nâng cao chất lượng phục vụ người dân và doanh nghiệp; giữ vững quốc phòng, an ninh, bảo đảm trật tự an toàn xã hội trên địa bàn.`,
    },
    {
      kind: 'para',
      text: `Trên đây là báo cáo tình hình kinh tế – xã hội năm ${y} và phương hướng, nhiệm vụ năm ${n} của Ủy ban nhân dân ${xa}, kính trình Hội đồng nhân dân ${place.level} xem xét, quyết định./.`,
    },
  ];
  return renderPdf(
    (doc) => {
      drawHeader(doc, { body: 'ỦY BAN NHÂN DÂN', unit: upper(xa) }, 'Số:        /BC-UBND', `${place.name}, ngày      tháng 11 năm ${y}`, false);
      for (const b of blocks) drawBlock(doc, b);
      drawSignature(doc, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], PEOPLES_COMMITTEE_CHAIR);
    },
    { title: `Báo cáo tình hình kinh tế – xã hội năm ${y}`, pageNumbers: true },
  );
}

// ─── Submission (tờ trình) and verification report (báo cáo thẩm tra) ───────

interface LetterOptions {
  councilName: string;
  issuer: 'committee' | 'economic-board';
  kind: string;
  number: string;
  subject: string;
  blocks: Block[];
}

function buildLetterPdf(opts: LetterOptions): Promise<Buffer> {
  const place = placeOf(opts.councilName);
  const xa = `${place.level} ${place.name}`.trim();
  const issuer: Issuer =
    opts.issuer === 'committee'
      ? { body: 'ỦY BAN NHÂN DÂN', unit: upper(xa) }
      : { body: 'HĐND ' + upper(xa), unit: 'BAN KINH TẾ – XÃ HỘI' };
  const signature =
    opts.issuer === 'committee'
      ? { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: PEOPLES_COMMITTEE_CHAIR }
      : { lines: ['TM. BAN KINH TẾ – XÃ HỘI', 'TRƯỞNG BAN'], name: 'Lê Thị Hồng Nhung' };
  return renderPdf(
    (doc) => {
      drawHeader(doc, issuer, opts.number, `${place.name}, ngày      tháng 11 năm 2026`, false);
      drawBlock(doc, { kind: 'title', text: opts.kind, size: 14, gapAfter: 2 });
      drawBlock(doc, { kind: 'title', text: opts.subject, gapAfter: 14 });
      for (const b of opts.blocks) drawBlock(doc, b);
      drawSignature(doc, signature.lines, signature.name);
    },
    { title: `${opts.kind.charAt(0)}${opts.kind.slice(1).toLocaleLowerCase('vi')} ${opts.subject.replace(/^Về\s+/u, 'về ')}`, pageNumbers: true },
  );
}

// ─── The demo session's documents ───────────────────────────────────────────

export const DEMO_COUNCIL_NAME = 'Hội đồng nhân dân xã Yên Hòa';

export const BUDGET_RESOLUTION_ARTICLES: DraftResolutionOptions['articles'] = [
  {
    heading: 'Phê chuẩn dự toán ngân sách xã năm 2027',
    clauses: [
      '1. Tổng thu ngân sách nhà nước trên địa bàn xã: 16.000 triệu đồng.',
      '2. Tổng thu ngân sách xã được hưởng theo phân cấp: 15.250 triệu đồng, trong đó:',
      'a) Các khoản thu ngân sách xã hưởng 100%: 2.150 triệu đồng;',
      'b) Các khoản thu phân chia theo tỷ lệ phần trăm: 1.900 triệu đồng;',
      'c) Thu bổ sung cân đối từ ngân sách cấp tỉnh: 11.200 triệu đồng.',
      '3. Tổng chi ngân sách xã: 15.250 triệu đồng, trong đó:',
      'a) Chi đầu tư phát triển: 4.300 triệu đồng;',
      'b) Chi thường xuyên: 10.645 triệu đồng;',
      'c) Dự phòng ngân sách: 305 triệu đồng.',
    ],
  },
  {
    heading: 'Tổ chức thực hiện',
    clauses: [
      '1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; quản lý, điều hành ngân sách theo đúng quy định của Luật Ngân sách nhà nước, bảo đảm tiết kiệm, hiệu quả, công khai và minh bạch.',
      '2. Giao Thường trực Hội đồng nhân dân xã, các Ban của Hội đồng nhân dân xã, các Tổ đại biểu và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết.',
    ],
  },
];

export const PUBLIC_INVESTMENT_ARTICLES: DraftResolutionOptions['articles'] = [
  {
    heading: 'Thông qua kế hoạch đầu tư công năm 2027 của xã',
    clauses: [
      '1. Tổng vốn đầu tư công năm 2027: 4.300 triệu đồng, trong đó vốn ngân sách xã 3.100 triệu đồng, vốn hỗ trợ của ngân sách cấp tỉnh 1.200 triệu đồng.',
      '2. Danh mục dự án và mức vốn bố trí:',
      'a) Cứng hóa đường trục thôn Đông – thôn Bãi, chiều dài 2,1 km: 1.650 triệu đồng;',
      'b) Sửa chữa, nâng cấp Trường Mầm non Yên Hòa (điểm thôn Trung): 1.250 triệu đồng;',
      'c) Kiên cố hóa kênh mương nội đồng xứ Đồng Sau, chiều dài 1,4 km: 900 triệu đồng;',
      'd) Lắp đặt hệ thống camera an ninh tại các tuyến đường trục xã: 500 triệu đồng.',
      '3. Nguyên tắc bố trí vốn: ưu tiên thanh toán nợ đọng xây dựng cơ bản và các dự án chuyển tiếp; chỉ khởi công mới các dự án đã đủ thủ tục đầu tư theo quy định.',
    ],
  },
  {
    heading: 'Tổ chức thực hiện',
    clauses: [
      '1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; trong quá trình thực hiện, nếu cần điều chỉnh kế hoạch, Ủy ban nhân dân xã báo cáo Thường trực Hội đồng nhân dân xã xem xét, quyết định và báo cáo Hội đồng nhân dân xã tại kỳ họp gần nhất.',
      '2. Giao Thường trực Hội đồng nhân dân xã, các Ban của Hội đồng nhân dân xã và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết.',
    ],
  },
];

export const SUPERVISION_ARTICLES: DraftResolutionOptions['articles'] = [
  {
    heading: 'Chương trình giám sát năm 2027 của Hội đồng nhân dân xã',
    clauses: [
      '1. Tại kỳ họp giữa năm 2027, Hội đồng nhân dân xã xem xét báo cáo của Ủy ban nhân dân xã về tình hình thực hiện kế hoạch phát triển kinh tế – xã hội và dự toán ngân sách 6 tháng đầu năm.',
      '2. Giám sát chuyên đề: việc quản lý, sử dụng đất công ích và đất chưa sử dụng trên địa bàn xã giai đoạn 2024 – 2026.',
      '3. Tổ chức chất vấn và trả lời chất vấn tại kỳ họp cuối năm 2027 về công tác cải cách hành chính và giải quyết thủ tục hành chính.',
    ],
  },
  {
    heading: 'Tổ chức thực hiện',
    clauses: [
      '1. Thường trực Hội đồng nhân dân xã xây dựng kế hoạch, điều hòa, phối hợp các hoạt động giám sát; báo cáo kết quả tại kỳ họp cuối năm 2027.',
      '2. Các Ban của Hội đồng nhân dân xã, các Tổ đại biểu và đại biểu Hội đồng nhân dân xã căn cứ Nghị quyết này xây dựng chương trình giám sát của mình.',
    ],
  },
];

export interface DemoDocument {
  /** Document title as the secretariat lists it. */
  title: string;
  fileName: string;
  /** The agenda item the document belongs to. */
  agendaItemTitle: string;
  build: () => Promise<Buffer>;
}

const AGENDA = {
  socioEconomic: 'Báo cáo tình hình kinh tế – xã hội năm 2026 và phương hướng, nhiệm vụ năm 2027',
  budget: 'Xem xét, quyết định dự toán ngân sách xã năm 2027',
  investment: 'Xem xét, quyết định kế hoạch đầu tư công năm 2027',
  supervision: 'Xem xét, quyết định chương trình giám sát năm 2027',
} as const;

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    title: 'Báo cáo tình hình kinh tế – xã hội năm 2026 và phương hướng, nhiệm vụ năm 2027',
    fileName: 'bao-cao-kinh-te-xa-hoi-2026.pdf',
    agendaItemTitle: AGENDA.socioEconomic,
    build: () => buildSocioEconomicReportPdf({ councilName: DEMO_COUNCIL_NAME, year: 2026 }),
  },
  {
    title: 'Tờ trình về dự toán ngân sách xã năm 2027',
    fileName: 'to-trinh-du-toan-ngan-sach-2027.pdf',
    agendaItemTitle: AGENDA.budget,
    build: () =>
      buildLetterPdf({
        councilName: DEMO_COUNCIL_NAME,
        issuer: 'committee',
        kind: 'TỜ TRÌNH',
        number: 'Số:        /TTr-UBND',
        subject: 'Về dự toán ngân sách xã năm 2027',
        blocks: [
          { kind: 'title', text: 'Kính gửi: Hội đồng nhân dân xã Yên Hòa.', font: 'regular', gapAfter: 10 },
          { kind: 'para', text: 'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;', font: 'italic' },
          { kind: 'para', text: 'Căn cứ hướng dẫn của Ủy ban nhân dân tỉnh về xây dựng dự toán ngân sách nhà nước năm 2027,', font: 'italic' },
          { kind: 'para', text: 'Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, quyết định dự toán ngân sách xã năm 2027 như sau:' },
          { kind: 'heading', text: 'I. CĂN CỨ XÂY DỰNG DỰ TOÁN' },
          {
            kind: 'para',
            text: 'Dự toán ngân sách xã năm 2027 được xây dựng trên cơ sở kết quả thực hiện nhiệm vụ thu, chi ngân sách năm 2026; mục tiêu, nhiệm vụ phát triển kinh tế – xã hội năm 2027 của xã; định mức phân bổ dự toán chi thường xuyên và tỷ lệ phần trăm phân chia các khoản thu giữa các cấp ngân sách do Hội đồng nhân dân tỉnh quyết định.',
          },
          { kind: 'heading', text: 'II. DỰ TOÁN THU, CHI NGÂN SÁCH XÃ NĂM 2027' },
          { kind: 'para', text: '1. Tổng thu ngân sách nhà nước trên địa bàn xã: 16.000 triệu đồng, tăng 3,9% so với ước thực hiện năm 2026.' },
          { kind: 'para', text: '2. Tổng thu ngân sách xã được hưởng theo phân cấp: 15.250 triệu đồng.' },
          { kind: 'para', text: '3. Tổng chi ngân sách xã: 15.250 triệu đồng, bảo đảm cân đối thu, chi.' },
          {
            kind: 'table',
            caption: 'Bảng 1. Dự toán chi ngân sách xã năm 2027 (triệu đồng)',
            columns: [
              { header: 'Nội dung chi', width: 215, align: 'left' },
              { header: 'Ước TH 2026', width: 80, align: 'right' },
              { header: 'Dự toán 2027', width: 80, align: 'right' },
              { header: 'So sánh %', width: 65, align: 'right' },
            ],
            rows: [
              ['Chi đầu tư phát triển', '4.200', '4.300', '102,4'],
              ['Chi thường xuyên', '10.750', '10.645', '99,0'],
              ['Dự phòng ngân sách', '—', '305', '—'],
              ['Tổng chi', '14.950', '15.250', '102,0'],
            ],
          },
          { kind: 'heading', text: 'III. GIẢI PHÁP THỰC HIỆN' },
          {
            kind: 'para',
            text: 'Tăng cường công tác quản lý thu, khai thác tốt các nguồn thu trên địa bàn; quản lý chi ngân sách chặt chẽ, đúng dự toán, tiết kiệm chi thường xuyên; thực hiện công khai ngân sách theo quy định.',
          },
          {
            kind: 'para',
            text: 'Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, quyết định (kèm theo dự thảo Nghị quyết)./.',
          },
        ],
      }),
  },
  {
    title: 'Báo cáo thẩm tra của Ban Kinh tế – Xã hội về dự toán ngân sách xã năm 2027',
    fileName: 'bao-cao-tham-tra-du-toan-2027.pdf',
    agendaItemTitle: AGENDA.budget,
    build: () =>
      buildLetterPdf({
        councilName: DEMO_COUNCIL_NAME,
        issuer: 'economic-board',
        kind: 'BÁO CÁO',
        number: 'Số:        /BC-KTXH',
        subject: 'Thẩm tra dự toán ngân sách xã năm 2027',
        blocks: [
          {
            kind: 'para',
            text: 'Thực hiện sự phân công của Thường trực Hội đồng nhân dân xã, Ban Kinh tế – Xã hội đã tổ chức thẩm tra Tờ trình và dự thảo Nghị quyết của Ủy ban nhân dân xã về dự toán ngân sách xã năm 2027. Ban Kinh tế – Xã hội báo cáo kết quả thẩm tra như sau:',
          },
          { kind: 'heading', text: '1. Về hồ sơ, trình tự xây dựng dự toán' },
          {
            kind: 'para',
            text: 'Hồ sơ trình kỳ họp đầy đủ, đúng trình tự, thủ tục theo quy định của Luật Ngân sách nhà nước. Dự toán được xây dựng trên cơ sở đánh giá sát tình hình thực hiện năm 2026 và nhiệm vụ năm 2027.',
          },
          { kind: 'heading', text: '2. Về dự toán thu ngân sách' },
          {
            kind: 'para',
            text: 'Ban cơ bản thống nhất với dự toán thu ngân sách nhà nước trên địa bàn 16.000 triệu đồng. Tuy nhiên, đề nghị Ủy ban nhân dân xã đánh giá kỹ khả năng thu tiền sử dụng đất, tránh xây dựng dự toán cao hơn khả năng thực hiện, ảnh hưởng đến nguồn vốn bố trí cho các dự án đầu tư công.',
          },
          { kind: 'heading', text: '3. Về dự toán chi ngân sách' },
          {
            kind: 'para',
            text: 'Ban thống nhất với phương án phân bổ chi đầu tư phát triển 4.300 triệu đồng và chi thường xuyên 10.645 triệu đồng. Đề nghị ưu tiên bố trí kinh phí cho sự nghiệp giáo dục, sửa chữa trường lớp và hỗ trợ hộ nghèo; bố trí dự phòng ngân sách đúng tỷ lệ quy định để chủ động ứng phó với thiên tai, dịch bệnh.',
          },
          { kind: 'heading', text: '4. Kiến nghị' },
          {
            kind: 'para',
            text: 'Ban Kinh tế – Xã hội đề nghị Hội đồng nhân dân xã xem xét, thông qua dự thảo Nghị quyết về dự toán ngân sách xã năm 2027 với những nội dung đã được tiếp thu, chỉnh lý theo ý kiến thẩm tra./.',
          },
        ],
      }),
  },
  {
    title: 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027',
    fileName: 'du-thao-nghi-quyet-du-toan-ngan-sach-2027.pdf',
    agendaItemTitle: AGENDA.budget,
    build: () =>
      buildDraftResolutionPdf({
        title: 'Về dự toán ngân sách xã năm 2027',
        councilName: DEMO_COUNCIL_NAME,
        articles: BUDGET_RESOLUTION_ARTICLES,
      }),
  },
  {
    title: 'Tờ trình về kế hoạch đầu tư công năm 2027',
    fileName: 'to-trinh-ke-hoach-dau-tu-cong-2027.pdf',
    agendaItemTitle: AGENDA.investment,
    build: () =>
      buildLetterPdf({
        councilName: DEMO_COUNCIL_NAME,
        issuer: 'committee',
        kind: 'TỜ TRÌNH',
        number: 'Số:        /TTr-UBND',
        subject: 'Về kế hoạch đầu tư công năm 2027',
        blocks: [
          { kind: 'title', text: 'Kính gửi: Hội đồng nhân dân xã Yên Hòa.', font: 'regular', gapAfter: 10 },
          { kind: 'para', text: 'Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;', font: 'italic' },
          {
            kind: 'para',
            text: 'Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, thông qua kế hoạch đầu tư công năm 2027 với tổng vốn 4.300 triệu đồng, tập trung cho giao thông nông thôn, trường học, thủy lợi nội đồng và an ninh trật tự.',
          },
          {
            kind: 'table',
            caption: 'Danh mục dự án dự kiến bố trí vốn năm 2027 (triệu đồng)',
            columns: [
              { header: 'Dự án', width: 250, align: 'left' },
              { header: 'Tổng mức', width: 70, align: 'right' },
              { header: 'Vốn 2027', width: 70, align: 'right' },
              { header: 'Ghi chú', width: 60, align: 'center' },
            ],
            rows: [
              ['Đường trục thôn Đông – thôn Bãi', '2.400', '1.650', 'Mới'],
              ['Trường Mầm non (điểm thôn Trung)', '1.250', '1.250', 'Mới'],
              ['Kênh mương xứ Đồng Sau', '1.500', '900', 'Chuyển tiếp'],
              ['Camera an ninh đường trục xã', '500', '500', 'Mới'],
            ],
          },
          {
            kind: 'para',
            text: 'Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, quyết định (kèm theo dự thảo Nghị quyết)./.',
          },
        ],
      }),
  },
  {
    title: 'Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027',
    fileName: 'du-thao-nghi-quyet-dau-tu-cong-2027.pdf',
    agendaItemTitle: AGENDA.investment,
    build: () =>
      buildDraftResolutionPdf({
        title: 'Về kế hoạch đầu tư công năm 2027',
        councilName: DEMO_COUNCIL_NAME,
        articles: PUBLIC_INVESTMENT_ARTICLES,
        bases: [
          'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
          'Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024;',
          'Xét Tờ trình của Ủy ban nhân dân xã Yên Hòa về kế hoạch đầu tư công năm 2027; Báo cáo thẩm tra của Ban Kinh tế – Xã hội Hội đồng nhân dân xã; ý kiến thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp.',
        ],
      }),
  },
  {
    title: 'Dự thảo Nghị quyết về chương trình giám sát năm 2027 của Hội đồng nhân dân xã',
    fileName: 'du-thao-nghi-quyet-chuong-trinh-giam-sat-2027.pdf',
    agendaItemTitle: AGENDA.supervision,
    build: () =>
      buildDraftResolutionPdf({
        title: 'Về chương trình giám sát năm 2027 của Hội đồng nhân dân xã',
        councilName: DEMO_COUNCIL_NAME,
        articles: SUPERVISION_ARTICLES,
        bases: [
          'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
          'Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;',
          'Xét Tờ trình của Thường trực Hội đồng nhân dân xã về chương trình giám sát năm 2027; ý kiến thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp.',
        ],
      }),
  },
];
