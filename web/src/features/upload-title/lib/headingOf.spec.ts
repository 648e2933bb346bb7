import { headingOf, titleFromFileName } from './headingOf';

describe('headingOf', () => {
  it('skips the administrative header and joins a two-line title set in the largest type', () => {
    expect(
      headingOf([
        { str: 'HỘI ĐỒNG NHÂN DÂN', height: 12, y: 800 },
        { str: 'XÃ TÂN PHÚ', height: 12, y: 786 },
        { str: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', height: 12, y: 800 },
        { str: 'NGHỊ QUYẾT', height: 16, y: 700 },
        { str: 'Về dự toán ngân sách', height: 14, y: 680 },
        { str: 'xã năm 2027', height: 14, y: 680 },
        { str: 'Căn cứ Luật Tổ chức chính quyền địa phương…', height: 12, y: 600 },
      ]),
    ).toBe('NGHỊ QUYẾT Về dự toán ngân sách xã năm 2027');
  });

  it('says nothing for a page without text, and falls back to the file name', () => {
    expect(headingOf([])).toBeNull();
    expect(titleFromFileName('bao-cao_nong-thon-moi-2026.pdf')).toBe('bao cao nong thon moi 2026');
  });
});
