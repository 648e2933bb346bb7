import { renderPdf } from '../../../../fixtures';
import { extractParagraphs } from './extract-paragraphs';
import { detectLegacyEncoding, fromTcvn3, fromVni } from './legacy-encodings';

// written by hand from the TCVN3 and VNI code charts, not produced by the code under test
const TCVN3_COUNCIL = 'Héi ®ång nh©n d©n x· Yªn Hßa';
const TCVN3_SENTENCE = 'NghÞ quyÕt nµy cã hiÖu lùc tõ ngµy ký, ­u tiªn n\u00adíc.';
const VNI_COUNCIL = 'Hoäi ñoàng nhaân daân xaõ Yeân Hoøa';
const VNI_SENTENCE = 'Nghò quyeát naøy coù hieäu löïc töø ngaøy kyù.';
const COUNCIL = 'Hội đồng nhân dân xã Yên Hòa';
const SENTENCE = 'Nghị quyết này có hiệu lực từ ngày ký.';
const TCVN3_MEANS = 'Nghị quyết này có hiệu lực từ ngày ký, ưu tiên nước.';

describe('legacy Vietnamese encodings', () => {
  it('converts TCVN3 (ABC) and VNI text to Unicode', () => {
    expect(fromTcvn3(TCVN3_COUNCIL)).toBe(COUNCIL);
    expect(fromTcvn3(TCVN3_SENTENCE)).toBe(TCVN3_MEANS);
    expect(fromTcvn3('§iÒu 2. ¦u tiªn')).toBe('Điều 2. Ưu tiên');
    // as pdf.js gives back the bytes 0xB5 and 0xAD: μ and "-"
    expect(fromTcvn3('Ph\u03bcn n-íc, -u tiªn, t- vÊn; N§-CP, 2020-2025, kinh tÕ - x· héi')).toBe('Phàn nước, ưu tiên, tư vấn; NĐ-CP, 2020-2025, kinh tế - xã hội');
    expect(fromVni(VNI_COUNCIL)).toBe(COUNCIL);
    expect(fromVni(VNI_SENTENCE)).toBe(SENTENCE);
    expect(fromVni('Ñieàu 2. Öu tieân, thuôû, ñaëc bieät')).toBe('Điều 2. Ưu tiên, thuở, đặc biệt');
  });

  it('tells the encodings apart, and leaves Unicode, a real © and old-style "hoà" alone', () => {
    expect(detectLegacyEncoding(TCVN3_COUNCIL)).toBe('tcvn3');
    expect(detectLegacyEncoding(VNI_COUNCIL)).toBe('vni');
    expect(detectLegacyEncoding(TCVN3_SENTENCE)).toBe('tcvn3');
    expect(detectLegacyEncoding(VNI_SENTENCE)).toBe('vni');
    for (const unicode of [COUNCIL, SENTENCE, '© 2026 Ủy ban nhân dân xã', 'Hoà bình, khoá học, thuý', 'Café, résumé, naïve'.slice(0, 13), 'Price: 5 €']) {
      expect(detectLegacyEncoding(unicode)).toBeNull();
    }
  });
});

describe('a generated PDF carrying TCVN3 and VNI bytes', () => {
  it('is stored as Unicode paragraphs, beside a Unicode paragraph left as it was', async () => {
    // Helvetica is a standard font with WinAnsi encoding and no embedded Unicode map: the PDF
    // holds the legacy bytes themselves, as a file typed with .VnTime or VNI-Times fonts does
    const pdf = await renderPdf((doc) => {
      doc.font('Helvetica').fontSize(12);
      doc.text(TCVN3_COUNCIL, 85, 100);
      doc.text(TCVN3_SENTENCE, 85, 140);
      doc.font('Times-Roman').fontSize(12);
      doc.text(VNI_COUNCIL, 85, 180);
      doc.text(VNI_SENTENCE, 85, 220);
      doc.font('regular').fontSize(12);
      doc.text('Đoạn viết bằng Unicode: © 2026, hoà hợp.', 85, 260);
    });
    const texts = (await extractParagraphs(new Uint8Array(pdf))).map((p) => p.text);
    expect(texts).toEqual([COUNCIL, TCVN3_MEANS, COUNCIL, SENTENCE, 'Đoạn viết bằng Unicode: © 2026, hoà hợp.']);
  });
});
