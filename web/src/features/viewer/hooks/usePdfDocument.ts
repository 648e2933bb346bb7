import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdfjs, PDFJS_ASSET_BASE } from '../lib/loadPdfjs';

export type PdfLoadState =
  | { status: 'loading'; loadedBytes: number }
  | { status: 'ready'; pdf: PDFDocumentProxy }
  | { status: 'error'; error: unknown };

/**
 * Opens a PDF by URL with range requests: pdf.js fetches only the chunks it needs, so page 1 of a
 * 400-page file shows without downloading it all. The document is destroyed on unmount.
 */
export function usePdfDocument(url: string | null): PdfLoadState {
  const [state, setState] = useState<PdfLoadState>({ status: 'loading', loadedBytes: 0 });

  useEffect(() => {
    if (!url) return undefined;
    let cancelled = false;
    let destroy: (() => void) | null = null;
    setState({ status: 'loading', loadedBytes: 0 });
    loadPdfjs()
      .then((pdfjs) => {
        if (cancelled) return undefined;
        const task = pdfjs.getDocument({
          url,
          withCredentials: true,
          disableAutoFetch: true,
          disableStream: true,
          rangeChunkSize: 65536,
          isEvalSupported: false,
          cMapUrl: `${PDFJS_ASSET_BASE}cmaps/`,
          cMapPacked: true,
          standardFontDataUrl: `${PDFJS_ASSET_BASE}standard_fonts/`,
          wasmUrl: `${PDFJS_ASSET_BASE}wasm/`,
        });
        destroy = () => void task.destroy();
        task.onProgress = ({ loaded }: { loaded: number }) => {
          if (!cancelled) setState((s) => (s.status === 'loading' ? { status: 'loading', loadedBytes: loaded } : s));
        };
        return task.promise;
      })
      .then((pdf) => {
        if (!cancelled && pdf) setState({ status: 'ready', pdf });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', error });
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url]);

  return state;
}
