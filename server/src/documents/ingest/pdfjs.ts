import { dirname, join } from 'node:path';

// pdfjs-dist is ESM-only; the server compiles to CommonJS with module node16, so
// `import()` stays a real dynamic import and the types below stay type-only.
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<Pdfjs> | null = null;

/**
 * Loads the pdfjs-dist legacy build once per process.
 *
 * In Node pdf.js runs its "fake worker" on the main thread. By default it finds
 * the worker with `import('./pdf.worker.mjs')` relative to pdf.mjs, which bundlers
 * and jest's module loader do not always resolve; putting the worker module on
 * `globalThis.pdfjsWorker` first makes pdf.js use it directly.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    // pdfjs-dist ships no types for the worker module; only its presence matters here.
    const worker: unknown = await import(WORKER_MODULE);
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((err: unknown) => {
    loading = null; // let a later call retry instead of caching the failure
    throw err;
  });
  return loading;
}

let assetUrls: { standardFontDataUrl: string; cMapUrl: string } | null = null;

/** Folders of pdf.js's bundled standard fonts and CMaps, for PDFs that don't embed their fonts. */
function pdfjsAssetUrls(): { standardFontDataUrl: string; cMapUrl: string } {
  if (!assetUrls) {
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    // In Node pdf.js reads these with fs, so plain paths with a trailing slash.
    assetUrls = {
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      cMapUrl: join(root, 'cmaps') + '/',
    };
  }
  return assetUrls;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens a PDF, runs `use` on it and destroys it, one document at a time per process.
 * pdf.js's in-process ("fake") worker mixes up concurrently open documents (a
 * 4-page file being read while a 2-page one is opened fails with "Invalid page
 * request"), so every server-side use goes through this queue.
 */
export function withPdf<T>(data: Uint8Array, use: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const doc = await openPdf(data);
    try {
      return await use(doc);
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Opens a PDF with the settings every server-side use shares: no eval (no code
 * generated from font data), errors-only logging (real-world PDFs make pdf.js
 * warn about fonts constantly), no system fonts.
 *
 * The bytes are copied: pdf.js transfers the buffer it is given to its worker,
 * which would leave the caller's array detached, and it refuses Node Buffers.
 */
async function openPdf(data: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    useSystemFonts: false,
    disableFontFace: true,
    ...pdfjsAssetUrls(),
    cMapPacked: true,
  });
  return task.promise;
}
