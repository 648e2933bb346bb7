import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | null = null;

/** pdf.js is big: it is fetched the first time a document opens, never with the initial bundle. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

/** Where vite.config.ts puts pdf.js's data files (cmaps, standard fonts, wasm). */
export const PDFJS_ASSET_BASE = '/pdfjs/';
