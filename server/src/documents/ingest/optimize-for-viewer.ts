import { PDFDocument } from 'pdf-lib';
import { withPdf } from './pdfjs';

/**
 * Rewrites a PDF with its objects packed into object streams. pdf.js opens a file
 * by checking its last page, and in a flat page tree that means fetching every
 * page object; spread through the original (a pdfkit or Word file puts each next
 * to its content), that is the whole file. Packed, they sit in a few compressed
 * streams, so page 1 of a 400-page file shows after a few range requests.
 */
export async function optimizeForViewer(data: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  return doc.save({ useObjectStreams: true, addDefaultPage: false, objectsPerTick: Infinity });
}

/**
 * Why the viewer copy must not be served, or null: it must be smaller than the original (else it gains
 * nothing), open, have the original's pages, and draw its page 1 (pdf.js parses the page's content)
 * wherever the original's does. The original is served instead.
 */
export async function viewerCopyProblem(copy: Uint8Array, original: Uint8Array): Promise<string | null> {
  if (copy.length >= original.length) return `the copy (${copy.length} bytes) is not smaller than the original (${original.length})`;
  const pagesOf = (data: Uint8Array) =>
    withPdf(data, async (doc) => {
      const page = await doc.getPage(1);
      try {
        await page.getOperatorList();
        return { pages: doc.numPages, firstDrawn: true };
      } catch {
        return { pages: doc.numPages, firstDrawn: false };
      } finally {
        page.cleanup();
      }
    }).catch(() => null);
  const made = await pagesOf(copy);
  if (!made) return 'the copy does not open, or its page 1 does not load';
  const source = await pagesOf(original);
  if (source && made.pages !== source.pages) return `the copy has ${made.pages} pages, the original ${source.pages}`;
  if (source?.firstDrawn && !made.firstDrawn) return 'page 1 of the copy cannot be drawn';
  return null;
}
