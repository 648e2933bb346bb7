import { encodeForFilters, pdfWithFilterBomb, pdfWithFilteredText, pdfWithRepeatedForm, pdfWithSharedContentStream, type PdfFilter } from '../../../../fixtures';
import { measureContent } from './content-budget';
import { extractParagraphs } from './extract-paragraphs';
import { findOversizedStream } from './stream-budget';
import { decodeCapped, OverBudget } from './stream-filters';

const CHAINS: PdfFilter[][] = [
  ['FlateDecode'],
  ['LZWDecode'],
  ['ASCIIHexDecode'],
  ['ASCII85Decode'],
  ['RunLengthDecode'],
  ['ASCII85Decode', 'FlateDecode'],
  ['ASCIIHexDecode', 'LZWDecode'],
  ['RunLengthDecode', 'ASCII85Decode', 'FlateDecode'],
];

const MB = 1024 * 1024;

describe('stream filters under a cap', () => {
  // text with runs, repeats and zero words, so RunLength, LZW's table and ASCII85's "z" all take part
  const sample = Buffer.concat([Buffer.from('BT /F1 12 Tf (Điều 1. Phê chuẩn dự toán) Tj ET '.repeat(300), 'utf8'), Buffer.alloc(4099), Buffer.from('x'.repeat(5000))]);

  it.each(CHAINS.map((c) => [c.join(' + '), c]))('decodes %s back to the original bytes', (_name, chain) => {
    expect(decodeCapped(encodeForFilters(sample, chain), chain, MB)).toEqual(sample);
  });

  it.each(CHAINS.map((c) => [c.join(' + '), c]))('stops %s at the cap instead of decoding it all', (_name, chain) => {
    expect(() => decodeCapped(encodeForFilters(sample, chain), chain, sample.length - 1)).toThrow(OverBudget);
  });

  it.each(CHAINS.map((c) => [c.join(' + '), c]))('agrees with pdf.js: a page drawn through %s reads as its text', async (_name, chain) => {
    const paragraphs = await extractParagraphs(await pdfWithFilteredText('Bao cao tham tra du toan 2027', chain));
    expect(paragraphs.map((p) => p.text)).toEqual(['Bao cao tham tra du toan 2027']);
  });

  it('leaves image filters undecoded', () => {
    expect(decodeCapped(Buffer.from('xyz'), ['ASCIIHexDecode', 'DCTDecode'], 10)).toBeNull();
  });
});

describe('findOversizedStream with every filter', () => {
  it.each<[string, PdfFilter[]]>([
    ['an LZW bomb', ['LZWDecode']],
    ['a Flate bomb behind ASCII85', ['ASCII85Decode', 'FlateDecode']],
    ['an LZW bomb behind ASCIIHex', ['ASCIIHexDecode', 'LZWDecode']],
    ['a Flate bomb behind RunLength', ['RunLengthDecode', 'FlateDecode']],
  ])('finds %s, and passes it under a larger budget', async (_name, chain) => {
    const bomb = await pdfWithFilterBomb(chain, 80);
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(findOversizedStream(bomb, 64 * MB)).toEqual(expect.any(Number));
    expect(findOversizedStream(bomb, 128 * MB)).toBeNull();
  });
});

describe('measureContent', () => {
  it('counts a stream shared by 300 pages 300 times, and stops as soon as the budget is passed', async () => {
    const cost = await measureContent(await pdfWithSharedContentStream(300, 1024), 64 * MB, 128 * MB);
    expect(cost).toMatchObject({ ok: false, reason: 'document' });
    expect(cost!.bytes).toBeLessThan(130 * MB);
  });

  it('passes a file whose pages draw less than the budget in all', async () => {
    const cost = await measureContent(await pdfWithSharedContentStream(24, 1024), 64 * MB, 128 * MB);
    expect(cost).toMatchObject({ ok: true });
    expect(cost!.bytes).toBeGreaterThan(24 * MB);
  });

  it('counts a form XObject once for every time a page draws it', async () => {
    const few = await measureContent(await pdfWithRepeatedForm(4, 512), 64 * MB, 128 * MB);
    expect(few).toMatchObject({ ok: true });
    expect(few!.bytes).toBeGreaterThan(2 * MB);
    expect(await measureContent(await pdfWithRepeatedForm(400, 512), 64 * MB, 128 * MB)).toMatchObject({ ok: false, reason: 'document' });
  });

  it('names the stream when one content stream alone is over its own budget', async () => {
    expect(await measureContent(await pdfWithFilterBomb(['LZWDecode'], 80), 64 * MB, 1024 * MB)).toMatchObject({ ok: false, reason: 'stream' });
  });
});
