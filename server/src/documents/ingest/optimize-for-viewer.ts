import { PDFDocument } from 'pdf-lib';

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
