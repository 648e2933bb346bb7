import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OcrConfig } from '../../config';
import { BUDGET_RESOLUTION_ARTICLES, buildDraftResolutionPdf, characterAccuracy, DEMO_COUNCIL_NAME, scanPdf } from '../../../../fixtures';
import { extractDocument } from './extract-paragraphs';
import { OcrFailure, recogniseText } from './ocr';

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hopso-ocr-spec-'));
const config = (over: Partial<OcrConfig> = {}): OcrConfig => ({ command: 'ocrmypdf', language: 'vie', pageTimeoutMs: 120_000, maxMemoryMb: 1536, tmpDir, ...over });
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));
// Tesseract takes seconds per page, more on a shared machine
jest.setTimeout(240_000);

// two pages: the articles, then the signature under its red seal
const ARTICLES = BUDGET_RESOLUTION_ARTICLES.slice(0, 2);

async function failureOf(p: Promise<unknown>): Promise<OcrFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OcrFailure) return e;
    throw e;
  }
  throw new Error('expected an OcrFailure');
}

const workFilesLeft = () => fs.readdirSync(tmpDir, { recursive: true }).filter((f) => fs.statSync(path.join(tmpDir, String(f))).isFile());

let original: Buffer;
let scan: Buffer;
beforeAll(async () => {
  original = await buildDraftResolutionPdf({ title: 'Về dự toán ngân sách xã năm 2027', councilName: DEMO_COUNCIL_NAME, articles: ARTICLES });
  scan = await scanPdf(original, { stamp: true });
});

describe('text recognition of scanned pages', () => {
  it('turns image-only pages into pages whose text pdf.js reads, page by page, above 97% of the characters', async () => {
    const scanned = await extractDocument(scan);
    expect(scanned.imagePages).toEqual([1, 2]);
    expect(scanned.paragraphs).toEqual([]);

    const seen: [number, number][] = [];
    const out = await recogniseText(scan, { pages: [1, 2], onPage: (done, total) => seen.push([done, total]) }, config());
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const recognised = await extractDocument(out);
    expect(recognised.imagePages).toEqual([]);
    const expected = (await extractDocument(original)).paragraphs.map((p) => p.text).join(' ');
    expect(characterAccuracy(expected, recognised.paragraphs.map((p) => p.text).join(' '))).toBeGreaterThanOrEqual(0.97);
    // the structure is recognised on the scan as on the original
    expect(recognised.paragraphs.find((p) => p.text === 'Điều 2. Tổ chức thực hiện')?.label).toBe('Điều 2');
    expect(workFilesLeft()).toEqual([]);
  });

  it('recognises only the pages asked for in a mixed file', async () => {
    const mixed = await scanPdf(original, { pages: [2], stamp: true });
    const before = await extractDocument(mixed);
    expect(before.imagePages).toEqual([2]);
    const seen: number[] = [];
    const out = await recogniseText(mixed, { pages: before.imagePages, onPage: (done) => seen.push(done) }, config());
    expect(seen).toEqual([1]);
    const after = await extractDocument(out);
    expect(after.paragraphs.filter((p) => p.page === 1).map((p) => p.text)).toEqual(before.paragraphs.map((p) => p.text));
    // the seal covers the start of the chair's name, as a real one does; the rest is read
    expect(after.paragraphs.some((p) => p.page === 2 && p.text.includes('Văn Thắng'))).toBe(true);
  });

  it('fails with OCR_UNAVAILABLE when ocrmypdf is not installed', async () => {
    const e = await failureOf(recogniseText(scan, { pages: [1] }, config({ command: '/nonexistent/ocrmypdf' })));
    expect(e.code).toBe('OCR_UNAVAILABLE');
    expect(workFilesLeft()).toEqual([]);
  });

  it('fails with OCR_UNAVAILABLE when the language model is missing', async () => {
    const e = await failureOf(recogniseText(scan, { pages: [1] }, config({ language: 'xyz' })));
    expect(e.code).toBe('OCR_UNAVAILABLE');
  });

  it('stops a run when a page takes longer than the page time limit, with OCR_TIMEOUT naming the page, and leaves no work files', async () => {
    const seen: number[] = [];
    const e = await failureOf(recogniseText(scan, { pages: [1, 2], onPage: (done) => seen.push(done) }, config({ pageTimeoutMs: 300 })));
    expect(e.code).toBe('OCR_TIMEOUT');
    // Tesseract takes seconds for a 300 dpi page: the first one is stopped, none is reported done
    expect(e.message).toBe('ocrmypdf took longer than 300 ms on page 1 of 2');
    expect(seen).toEqual([]);
    expect(workFilesLeft()).toEqual([]);
  });

  it('fails with OCR_FAILED on a file ocrmypdf cannot read', async () => {
    const e = await failureOf(recogniseText(Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF\n'), { pages: [1] }, config()));
    expect(e.code).toBe('OCR_FAILED');
  });
});
