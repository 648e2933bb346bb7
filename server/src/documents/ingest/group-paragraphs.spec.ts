import { createHash } from 'node:crypto';
import { continuesOnNextPage, groupParagraphs, joinParagraphs, type PageFrame, type TextRun } from './group-paragraphs';
import { normaliseText, textHash } from './normalise-text';

// An A4 page with a 12 pt body from x = 85 to x = 539, baselines 15 pt apart.
const A4: PageFrame = { page: 3, view: [0, 0, 595.28, 841.89] };
const LEFT = 85;
const RIGHT = 539;
const SIZE = 12;

interface RunOpts {
  size?: number;
  font?: string;
  /** Right edge; default: 6 pt per character (a short line). */
  right?: number;
}

function run(str: string, x: number, y: number, opts: RunOpts = {}): TextRun {
  const size = opts.size ?? SIZE;
  const width = opts.right !== undefined ? opts.right - x : str.length * size * 0.5;
  return { str, transform: [size, 0, 0, size, x, y], width, height: size, fontName: opts.font ?? 'body', hasEOL: false };
}

/** A line filling the measure, as justified text does. */
function full(str: string, y: number, x = LEFT, opts: RunOpts = {}): TextRun {
  return run(str, x, y, { ...opts, right: RIGHT });
}

const eol = (x: number, y: number): TextRun => ({ str: '', transform: [12, 0, 0, 12, x, y], width: 0, height: 0, hasEOL: true });

function texts(items: TextRun[], frame: PageFrame = A4): string[] {
  return groupParagraphs(items, frame).map((p) => p.text);
}

describe('groupParagraphs: lines and words', () => {
  it('joins runs on one baseline left to right, with a space only where there is a word gap', () => {
    const y = 700;
    const items = [
      run('hội', 106, y), // after a word gap of 3 pt (0.25 em); "Hội" ends at 103
      run('Hội', 85, y), // out of order in the stream
      run('đồng', 127.5, y),
      // one word split into two glyph runs with no gap: no space inside the word
      run('nh', 155, y, { right: 167 }),
      run('ân dân', 167.1, y),
    ];
    expect(texts(items)).toEqual(['Hội hội đồng nhân dân']);
  });

  it('keeps Vietnamese diacritics and composes decomposed text to NFC', () => {
    const decomposed = 'Điều 1. Phạm vi điều chỉnh'.normalize('NFD');
    const [p] = groupParagraphs([run(decomposed, LEFT, 700)], A4);
    expect(p.text).toBe('Điều 1. Phạm vi điều chỉnh');
    expect(p.text).toBe(p.text.normalize('NFC'));
  });

  it('ignores end-of-line markers and whitespace-only runs', () => {
    const items = [run('Căn cứ', LEFT, 700), run(' ', 121, 700), eol(130, 700), run('Luật', 124, 700)];
    expect(texts(items)).toEqual(['Căn cứ Luật']);
  });

  it('treats a raised superscript as part of its line', () => {
    const items = [run('diện tích 25 m', LEFT, 700), run('2', LEFT + 84, 704, { size: 7 }), run('đất ở', LEFT + 90, 700)];
    expect(texts(items)).toEqual(['diện tích 25 m2 đất ở']);
  });
});

describe('groupParagraphs: paragraphs', () => {
  it('keeps the lines of a justified paragraph together, one rect per line', () => {
    const items = [
      full('Năm 2026, tình hình kinh tế – xã hội của xã tiếp tục phát triển ổn định; tổng giá trị', 700, LEFT + 28),
      full('sản xuất ước đạt 1.250 tỷ đồng, tăng 8,5% so với năm trước; thu nhập bình quân đầu', 685),
      run('người đạt 62 triệu đồng.', LEFT, 670),
    ];
    const paragraphs = groupParagraphs(items, A4);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0].text).toBe(
      'Năm 2026, tình hình kinh tế – xã hội của xã tiếp tục phát triển ổn định; tổng giá trị sản xuất ước đạt 1.250 tỷ đồng, tăng 8,5% so với năm trước; thu nhập bình quân đầu người đạt 62 triệu đồng.',
    );
    expect(paragraphs[0].page).toBe(3);
    expect(paragraphs[0].rects).toEqual([
      { page: 3, x: 113, y: 697.6, w: 426, h: 12 },
      { page: 3, x: 85, y: 682.6, w: 454, h: 12 },
      { page: 3, x: 85, y: 667.6, w: 144, h: 12 },
    ]);
  });

  it('places rects from the font ascent and descent, in PDF units from the bottom-left', () => {
    const [p] = groupParagraphs([run('Chương I', 100, 700, { font: 'dv' })], A4, { dv: { ascent: 0.928, descent: -0.236 } });
    expect(p.rects).toEqual([{ page: 3, x: 100, y: 697.17, w: 48, h: 13.97 }]);
  });

  it('clips rects to the page box', () => {
    const [p] = groupParagraphs([run('tràn lề', 580, 836)], A4);
    const r = p.rects[0];
    expect(r.x + r.w).toBeLessThanOrEqual(595.28);
    expect(r.y + r.h).toBeLessThanOrEqual(841.89);
  });

  it('starts a new paragraph on a vertical gap wider than the line spacing', () => {
    const items = [
      full('Thu ngân sách nhà nước trên địa bàn ước đạt 15.400 triệu đồng, đạt 104% dự toán', 700),
      full('huyện giao và bằng 109% so với cùng kỳ; chi ngân sách bảo đảm đúng dự toán được', 685),
      full('Hội đồng nhân dân xã quyết định, ưu tiên chi cho giáo dục, y tế và an sinh xã hội', 660),
      full('trên địa bàn xã, bảo đảm công khai, minh bạch, tiết kiệm và hiệu quả trong quá trình', 645),
    ];
    expect(texts(items)).toHaveLength(2);
  });

  it('starts a new paragraph on a first-line indent even without a gap', () => {
    const items = [
      full('Tổng diện tích gieo trồng cả năm đạt 1.320 ha, bằng 101% kế hoạch; năng suất lúa', 700, LEFT + 28),
      full('bình quân đạt 62 tạ/ha, tổng sản lượng lương thực ước đạt 8.150 tấn, tăng so với', 685),
      full('năm trước. Chăn nuôi phát triển ổn định, không để xảy ra dịch bệnh lớn trên địa bàn.', 670),
      full('Công tác xây dựng nông thôn mới tiếp tục được quan tâm chỉ đạo; xã duy trì đạt chuẩn', 655, LEFT + 28),
      run('nông thôn mới nâng cao.', LEFT, 640),
    ];
    const t = texts(items);
    expect(t).toHaveLength(2);
    expect(t[1]).toBe('Công tác xây dựng nông thôn mới tiếp tục được quan tâm chỉ đạo; xã duy trì đạt chuẩn nông thôn mới nâng cao.');
  });

  it('starts a new paragraph after a line that ended early, in block style', () => {
    const items = [
      full('Ủy ban nhân dân xã chỉ đạo các ngành chuyên môn rà soát, hoàn thiện hồ sơ các dự án', 700),
      run('chuyển tiếp.', LEFT, 685),
      full('Các thôn chủ động tuyên truyền, vận động Nhân dân hiến đất mở rộng đường giao thông', 670),
      run('nông thôn.', LEFT, 655),
    ];
    expect(texts(items)).toEqual([
      'Ủy ban nhân dân xã chỉ đạo các ngành chuyên môn rà soát, hoàn thiện hồ sơ các dự án chuyển tiếp.',
      'Các thôn chủ động tuyên truyền, vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn.',
    ]);
  });

  it('starts "Điều 1." on its own paragraph even right after a full line', () => {
    const items = [
      full('Căn cứ Tờ trình của Ủy ban nhân dân xã và báo cáo thẩm tra của Ban Kinh tế – Xã hội', 700),
      full('Điều 1. Phê chuẩn dự toán thu ngân sách nhà nước trên địa bàn xã năm 2027 như sau:', 685),
      run('1. Tổng thu ngân sách: 15.400 triệu đồng.', LEFT, 670),
    ];
    expect(texts(items)).toEqual([
      'Căn cứ Tờ trình của Ủy ban nhân dân xã và báo cáo thẩm tra của Ban Kinh tế – Xã hội',
      'Điều 1. Phê chuẩn dự toán thu ngân sách nhà nước trên địa bàn xã năm 2027 như sau:',
      '1. Tổng thu ngân sách: 15.400 triệu đồng.',
    ]);
  });

  it('recognises Chương, Mục and Phần headings but not "Điều 5 của" inside a sentence', () => {
    const items = [
      full('Việc quản lý, sử dụng tài sản công thực hiện theo quy định tại khoản 2', 700),
      full('Điều 5 của Luật Quản lý, sử dụng tài sản công và các văn bản hướng dẫn thi hành,', 685),
      run('bảo đảm đúng mục đích.', LEFT, 670),
      run('Chương II', 280, 655, { right: 330 }),
    ];
    expect(texts(items)).toEqual([
      'Việc quản lý, sử dụng tài sản công thực hiện theo quy định tại khoản 2 Điều 5 của Luật Quản lý, sử dụng tài sản công và các văn bản hướng dẫn thi hành, bảo đảm đúng mục đích.',
      'Chương II',
    ]);
  });

  it('splits list items after a closed sentence and keeps a hanging indent in its item', () => {
    const items = [
      full('a) Chi đầu tư phát triển: 4.200 triệu đồng, trong đó chi đầu tư xây dựng cơ bản tập', 700),
      full('trung 3.500 triệu đồng, chi từ nguồn thu tiền sử dụng đất 700 triệu đồng;', 685, LEFT + 17),
      run('b) Chi thường xuyên: 9.800 triệu đồng;', LEFT, 670),
      run('- Chi sự nghiệp giáo dục: 3.100 triệu đồng;', LEFT + 14, 655),
      run('- Chi sự nghiệp y tế: 900 triệu đồng.', LEFT + 14, 640),
    ];
    expect(texts(items)).toEqual([
      'a) Chi đầu tư phát triển: 4.200 triệu đồng, trong đó chi đầu tư xây dựng cơ bản tập trung 3.500 triệu đồng, chi từ nguồn thu tiền sử dụng đất 700 triệu đồng;',
      'b) Chi thường xuyên: 9.800 triệu đồng;',
      '- Chi sự nghiệp giáo dục: 3.100 triệu đồng;',
      '- Chi sự nghiệp y tế: 900 triệu đồng.',
    ]);
  });

  it('joins a line wrapped after a slash or hyphen without adding a space', () => {
    const items = [
      full('b) Hỗ trợ 50% chi phí mua giống cây trồng, tối đa không quá 5 triệu đồng/', 700),
      run('ha; hỗ trợ tiêm phòng COVID-', LEFT, 685, { right: 300 }),
      run('19 cho người cao tuổi.', 300, 685),
    ];
    expect(texts(items)).toEqual(['b) Hỗ trợ 50% chi phí mua giống cây trồng, tối đa không quá 5 triệu đồng/ha; hỗ trợ tiêm phòng COVID-19 cho người cao tuổi.']);
  });

  it('does not split where a wrapped line happens to start with a dash', () => {
    const items = [
      full('Tiếp tục triển khai các chương trình mục tiêu quốc gia, phát triển kinh tế', 700),
      full('– xã hội gắn với bảo đảm quốc phòng, an ninh và xây dựng hệ thống chính trị', 685),
      run('vững mạnh.', LEFT, 670),
    ];
    expect(texts(items)).toHaveLength(1);
  });

  it('makes each table row its own paragraph', () => {
    const row = (y: number, cells: string[]) => [
      run(cells[0], 90, y),
      run(cells[1], 300, y),
      run(cells[2], 380, y),
      run(cells[3], 470, y),
    ];
    const items = [
      ...row(700, ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ %']),
      ...row(682, ['Sản lượng lương thực (tấn)', '8.000', '8.150', '101,9']),
      ...row(664, ['Thu nhập bình quân (triệu đồng)', '60', '62', '103,3']),
      full('Nhìn chung, các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra.', 640, LEFT + 28),
    ];
    expect(texts(items)).toEqual([
      'Chỉ tiêu Kế hoạch Thực hiện Tỷ lệ %',
      'Sản lượng lương thực (tấn) 8.000 8.150 101,9',
      'Thu nhập bình quân (triệu đồng) 60 62 103,3',
      'Nhìn chung, các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra.',
    ]);
  });

  it('keeps a centred two-line title together and splits it from the body on a font change', () => {
    const centred = (str: string, y: number, width: number, font: string) =>
      run(str, (LEFT + RIGHT) / 2 - width / 2, y, { right: (LEFT + RIGHT) / 2 + width / 2, font });
    const items = [
      centred('Tình hình kinh tế – xã hội năm 2026', 700, 240, 'bold'),
      centred('và phương hướng, nhiệm vụ năm 2027', 685, 228, 'bold'),
      run('I. KẾT QUẢ ĐẠT ĐƯỢC', LEFT, 660, { font: 'bold' }),
      full('Năm 2026, trong bối cảnh còn nhiều khó khăn, cấp ủy, chính quyền và Nhân dân', 645, LEFT + 28),
      run('trong xã đã nỗ lực vượt qua thách thức.', LEFT, 630),
    ];
    expect(texts(items)).toEqual([
      'Tình hình kinh tế – xã hội năm 2026 và phương hướng, nhiệm vụ năm 2027',
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      'Năm 2026, trong bối cảnh còn nhiều khó khăn, cấp ủy, chính quyền và Nhân dân trong xã đã nỗ lực vượt qua thách thức.',
    ]);
  });

  it('splits on a change of font size', () => {
    const items = [run('NGHỊ QUYẾT', 250, 700, { size: 14 }), run('Về dự toán ngân sách xã năm 2027', 200, 683)];
    expect(texts(items)).toHaveLength(2);
  });

  it("drops a lone number at the top or bottom of a page that is the page's own number, set apart from the body", () => {
    const body = full('Hội đồng nhân dân xã giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết.', 760);
    expect(texts([run('3', 295, 800), body, run('- 3 -', 290, 40)])).toEqual([body.str]);
    expect(texts([run('iii', 292, 800), body, run('Trang 3', 280, 40)])).toEqual([body.str]);
  });

  it("keeps a lone number that is not the page's own, or that sits close to the body", () => {
    const body = full('Hội đồng nhân dân xã giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết.', 760);
    expect(texts([run('2017', 280, 800), body])).toEqual(['2017', body.str]);
    expect(texts([run('2017', 280, 420)])).toEqual(['2017']);
    expect(texts([body, run('3', 295, 745)])).toEqual([body.str, '3']);
  });

  it('keeps the superscript at the end of a line as part of the line', () => {
    // "E = mc²": the 2 in 7 pt, 6 pt above the baseline, just after the c
    const items = [run('Theo thuyết tương đối, E = mc', LEFT, 700, { right: 250 }), run('2', 250, 706, { size: 7 })];
    expect(texts(items, { page: 2, view: A4.view })).toEqual(['Theo thuyết tương đối, E = mc2']);
  });

  it('keeps an explicit space between two runs that touch', () => {
    const items = [run('Hội', LEFT, 700, { right: 105 }), run(' ', 105, 700, { right: 105.5 }), run('đồng', 105.5, 700, { right: 135 })];
    expect(texts(items)).toEqual(['Hội đồng']);
  });

  it('gives rotated text a paragraph of its own after the body', () => {
    const stamp: TextRun = { str: 'DỰ THẢO', transform: [0, 20, -20, 0, 560, 300], width: 90, height: 20, fontName: 'body', hasEOL: false };
    const items = [run('Điều 2. Tổ chức thực hiện', LEFT, 700), stamp, run('Nghị quyết này có hiệu lực.', LEFT, 685)];
    const paragraphs = groupParagraphs(items, A4);
    expect(paragraphs.map((p) => p.text)).toEqual(['Điều 2. Tổ chức thực hiện', 'Nghị quyết này có hiệu lực.', 'DỰ THẢO']);
    const r = paragraphs[2].rects[0];
    // rotated 90°: the run goes up the page from (560, 300)
    expect(r.y).toBeCloseTo(300);
    expect(r.h).toBeCloseTo(90);
    expect(r.x).toBeLessThan(560);
  });

  it('returns nothing for a page without text', () => {
    expect(groupParagraphs([eol(0, 0)], A4)).toEqual([]);
  });
});

describe('paragraphs across a page break', () => {
  const pageA: TextRun[] = [
    full('Ủy ban nhân dân xã tập trung chỉ đạo thực hiện quyết liệt các giải pháp thu ngân', 120, LEFT + 28),
    full('sách, chống thất thu, nuôi dưỡng nguồn thu; quản lý chặt chẽ các khoản chi, bảo đảm', 105),
  ];
  const pageB: TextRun[] = [
    run('2', 295, 800),
    run('tiết kiệm và hiệu quả.', LEFT, 770),
    full('Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp', 755, LEFT + 28),
    full('trên địa bàn, tăng cường ứng dụng công nghệ thông tin trong giải quyết thủ tục hành', 740),
  ];

  it('marks the last paragraph open when it runs to the margin mid-sentence and the next page continues it', () => {
    const a = groupParagraphs(pageA, { page: 1, view: A4.view });
    const b = groupParagraphs(pageB, { page: 2, view: A4.view });
    expect(continuesOnNextPage(a[a.length - 1], b[0])).toBe(true);
    const joined = joinParagraphs(a[a.length - 1], b[0]);
    expect(joined.page).toBe(1);
    expect(joined.text).toBe(
      'Ủy ban nhân dân xã tập trung chỉ đạo thực hiện quyết liệt các giải pháp thu ngân sách, chống thất thu, nuôi dưỡng nguồn thu; quản lý chặt chẽ các khoản chi, bảo đảm tiết kiệm và hiệu quả.',
    );
    expect(joined.rects.map((r) => r.page)).toEqual([1, 1, 2]);
    // the second paragraph of page B does not continue anything
    expect(b[1].openStart).toBeNull();
  });

  it('does not join when the page ended a sentence or the next page starts a heading', () => {
    const closed = groupParagraphs([full('Nghị quyết này có hiệu lực kể từ ngày Hội đồng nhân dân xã thông qua.', 105)], {
      page: 1,
      view: A4.view,
    });
    expect(closed[0].openEnd).toBeNull();
    const a = groupParagraphs(pageA, { page: 1, view: A4.view });
    const heading = groupParagraphs([full('Điều 3. Hiệu lực thi hành', 770)], { page: 2, view: A4.view });
    expect(continuesOnNextPage(a[a.length - 1], heading[0])).toBe(false);
  });
});

describe('normaliseText and textHash', () => {
  it('normalises to NFC, single spaces, trimmed, lower case', () => {
    expect(normaliseText('  ĐIỀU 1.\n\tPhạm   vi '.normalize('NFD'))).toBe('điều 1. phạm vi');
  });

  it('hashes the normalised text with sha256', () => {
    const expected = createHash('sha256').update('điều 1. phạm vi', 'utf8').digest('hex');
    expect(textHash('Điều 1.  Phạm vi')).toBe(expected);
    expect(textHash('ĐIỀU 1. PHẠM VI'.normalize('NFD'))).toBe(expected);
  });
});
