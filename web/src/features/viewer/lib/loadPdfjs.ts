import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js is big: it is fetched the first time a document opens, never with the initial bundle.
 * Its worker's script (the biggest part) starts downloading at the same time, into the HTTP cache
 * (it is kept for good), rather than only once the document's details have arrived and pdf.js
 * starts the worker.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  if (!loading) {
    fetch(workerUrl, { credentials: 'same-origin' }).catch(() => undefined);
    loading = import('pdfjs-dist').then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    });
  }
  return loading;
}

/** Where vite.config.ts puts pdf.js's data files (cmaps, standard fonts, wasm). */
export const PDFJS_ASSET_BASE = '/pdfjs/';
