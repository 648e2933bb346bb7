import { pdfWithDamagedPage, pdfWithLostLastPage } from '../../../../fixtures';
import { extractDocument, NoReadablePage } from './extract-paragraphs';

const texts = (d: { paragraphs: { page: number; text: string }[] }) => d.paragraphs.map((p) => [p.page, p.text]);
const page = (n: number, of: number) => [
  [n, `Phụ lục trang ${n}/${of}`],
  [n, `Nội dung trang ${n}: danh mục các công trình, dự án đầu tư công trên địa bàn xã, kèm theo tiến độ thực hiện và kế hoạch vốn năm 2027.`],
];

describe('a page pdf.js cannot read', () => {
  it('a bad flate stream on page 2 of 3 costs page 2 only: every other paragraph kept, the page marked', async () => {
    const doc = await extractDocument(await pdfWithDamagedPage(3, 2));
    expect(doc.damagedPages).toEqual([2]);
    expect(texts(doc)).toEqual([...page(1, 3), ...page(3, 3)]);
    expect(doc.paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    // the damaged page keeps its place and size, so the viewer draws its frame and the message
    expect(doc.pageSizes).toHaveLength(3);
    expect(doc.pageSizes[1]).toEqual(doc.pageSizes[0]);
  });

  it('a page object the page tree lost is marked as damaged, with the size of the page before', async () => {
    const doc = await extractDocument(await pdfWithLostLastPage(3));
    expect(doc.damagedPages).toEqual([3]);
    expect(texts(doc)).toEqual([...page(1, 3), ...page(2, 3)]);
    expect(doc.pageSizes[2]).toEqual(doc.pageSizes[1]);
  });

  it('a file none of whose pages can be read fails as a whole', async () => {
    await expect(extractDocument(await pdfWithDamagedPage(1, 1))).rejects.toBeInstanceOf(NoReadablePage);
  });
});
