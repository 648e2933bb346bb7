import { buildDraftResolutionPdf, pdfWithInflateBomb, pdfWithSharedContentStream } from '../../../../fixtures';
import { findOversizedStream } from './stream-budget';

describe('findOversizedStream', () => {
  it('finds a content stream that inflates beyond the budget', async () => {
    const bomb = await pdfWithInflateBomb(80);
    expect(findOversizedStream(bomb, 64 * 1024 * 1024)).toEqual(expect.any(Number));
    expect(findOversizedStream(bomb, 128 * 1024 * 1024)).toBeNull();
  });

  it('passes ordinary PDFs, their fonts and content streams included', async () => {
    const pdf = await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] });
    expect(findOversizedStream(pdf, 1024 * 1024)).toBeNull();
    expect(findOversizedStream(await pdfWithSharedContentStream(2, 256), 1024 * 1024)).toBeNull();
  });
});
