import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { offlineStore } from '../../offline/lib/offlineStore';
import { loadPdfjs, PDFJS_ASSET_BASE } from '../../viewer/lib/loadPdfjs';

export type PdfLoadState =
  | { status: 'loading'; loadedBytes: number }
  | { status: 'ready'; pdf: PDFDocumentProxy; source: 'network' | 'offline' }
  | { status: 'error'; error: unknown };

/**
 * pdf.js fetches this much per range request. Small chunks keep what page 1 of a long file costs
 * low on a slow connection (bench/field measures it: the share of the file fetched before page 1).
 */
export const RANGE_CHUNK_SIZE = 32_768;

/**
 * Opening a saved copy reads no bytes over the network, so the server would not hear of the
 * opening: ask for the file and hang up once its headers arrive (as pdf.js's own first request
 * does), which records the view for the read receipts.
 */
function recordOpening(url: string): void {
  if (navigator.onLine === false) return;
  const controller = new AbortController();
  fetch(url, { credentials: 'same-origin', signal: controller.signal })
    .then(() => controller.abort())
    .catch(() => undefined);
}

/**
 * Opens a PDF. A version saved for offline reading opens from IndexedDB (no network at all);
 * otherwise by URL with range requests: pdf.js fetches only the chunks it needs, so page 1 of a
 * 400-page file shows without downloading it all. The document is destroyed on unmount.
 */
export function usePdfDocument(url: string | null, saved?: { documentId: string; versionId: string }): PdfLoadState {
  const [state, setState] = useState<PdfLoadState>({ status: 'loading', loadedBytes: 0 });
  const documentId = saved?.documentId;
  const versionId = saved?.versionId;

  useEffect(() => {
    if (!url) return undefined;
    let cancelled = false;
    let destroy: (() => void) | null = null;
    setState({ status: 'loading', loadedBytes: 0 });
    const savedBytes = documentId && versionId ? offlineStore.file(documentId, versionId).catch(() => null) : Promise.resolve(null);
    let source: 'network' | 'offline' = 'network';
    Promise.all([loadPdfjs(), savedBytes])
      .then(([pdfjs, data]) => {
        if (cancelled) return undefined;
        const common = {
          isEvalSupported: false,
          cMapUrl: `${PDFJS_ASSET_BASE}cmaps/`,
          cMapPacked: true,
          standardFontDataUrl: `${PDFJS_ASSET_BASE}standard_fonts/`,
          wasmUrl: `${PDFJS_ASSET_BASE}wasm/`,
        };
        if (data) {
          source = 'offline';
          recordOpening(url);
        }
        const task = data
          ? pdfjs.getDocument({ data, ...common })
          : pdfjs.getDocument({ url, withCredentials: true, disableAutoFetch: true, disableStream: true, rangeChunkSize: RANGE_CHUNK_SIZE, ...common });
        destroy = () => void task.destroy();
        task.onProgress = ({ loaded }: { loaded: number }) => {
          if (!cancelled) setState((s) => (s.status === 'loading' ? { status: 'loading', loadedBytes: loaded } : s));
        };
        return task.promise;
      })
      .then((pdf) => {
        if (!cancelled && pdf) setState({ status: 'ready', pdf, source });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', error });
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url, documentId, versionId]);

  return state;
}
