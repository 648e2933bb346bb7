import { pdfWithPages } from '../../../../fixtures';
import { optimizeForViewer, viewerCopyProblem } from './optimize-for-viewer';

describe('the viewer copy is checked before it is served', () => {
  it('a good copy of a 40-page file is smaller and passes', async () => {
    const original = await pdfWithPages(40);
    const copy = await optimizeForViewer(original);
    expect(copy.length).toBeLessThan(original.length);
    expect(await viewerCopyProblem(copy, original)).toBeNull();
  });

  it('a copy no smaller than the original is not used', async () => {
    const original = await pdfWithPages(2);
    const bigger = Buffer.concat([original, Buffer.alloc(10)]);
    expect(await viewerCopyProblem(bigger, original)).toBe(`the copy (${original.length + 10} bytes) is not smaller than the original (${original.length})`);
  });

  it('a copy whose page 1 does not load is not used', async () => {
    const original = await pdfWithPages(40);
    const copy = Buffer.from(await optimizeForViewer(original));
    // the compressed data of its object streams (which hold the page objects) damaged
    const text = copy.toString('latin1');
    const broken = Buffer.from(copy);
    for (const m of text.matchAll(/\/Type \/ObjStm[\s\S]*?stream\r?\n/g)) broken.fill(0x55, m.index + m[0].length + 2, m.index + m[0].length + 60);
    expect(await viewerCopyProblem(broken, original)).toMatch(/does not open|page 1|pages/);
  });

  it('a copy that lost pages is not used', async () => {
    const original = await pdfWithPages(3);
    const shorter = await optimizeForViewer(await pdfWithPages(2));
    expect(await viewerCopyProblem(shorter, original)).toBe('the copy has 2 pages, the original 3');
  });
});
