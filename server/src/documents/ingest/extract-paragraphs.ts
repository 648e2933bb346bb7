import type { ParagraphKind, PdfRect, TableCell } from '@hopso/shared';
import { continuesOnNextPage, groupPage, joinParagraphs, layoutPage, type FontMetrics, type GroupedParagraph, type LayoutLine, type PageLayout, type TextRun } from './group-paragraphs';
import { convertLegacyRuns } from './legacy-encodings';
import { StructureLabeller } from './legal-structure';
import { PageFurniture } from './page-furniture';
import { pageRules } from './page-rules';
import { textHash } from './normalise-text';
import { loadPdfjs, withPdf, type PdfDocument, type PdfPage } from './pdfjs';

export interface ExtractedParagraph {
  /** 0-based order in the document. */
  index: number;
  /** 1-based page the paragraph starts on. */
  page: number;
  text: string;
  /** One rect per line, PDF units; a paragraph cut by a page break has rects on both pages. */
  rects: PdfRect[];
  textHash: string;
  /** Its place in a Vietnamese legal text ("Điều 2, khoản 1"), null without such structure (legal-structure.ts). */
  label: string | null;
  kind: ParagraphKind;
  /** A table row's cells (see Paragraph.cells in shared). */
  cells: TableCell[] | null;
}

/**
 * Extracts a PDF's text as paragraphs, page by page, in reading order.
 * Throws whatever pdf.js throws for an unreadable file: call `inspectPdf` first.
 */
export async function extractParagraphs(
  data: Uint8Array,
  onProgress?: (pagesDone: number, pageCount: number) => void,
): Promise<ExtractedParagraph[]> {
  return (await extractDocument(data, { onProgress })).paragraphs;
}

export interface ExtractedDocument {
  paragraphs: ExtractedParagraph[];
  /** [width, height] of each page in PDF units; index 0 is page 1. */
  pageSizes: [number, number][];
  /** 1-based pages with no text but an image: scanned pages, for text recognition (ocr.ts). */
  imagePages: number[];
  /** 1-based pages pdf.js could not read (a bad stream, a lost page object): no paragraphs, marked for the viewer. */
  damagedPages: number[];
}

/** Every page of the file was unreadable: nothing to keep. */
export class NoReadablePage extends Error {}

export interface ExtractCallbacks {
  onProgress?: (pagesDone: number, pageCount: number) => void;
  /** Paragraphs completed since the last call, so a caller can store them while later pages are read. */
  onParagraphs?: (paragraphs: ExtractedParagraph[]) => void;
}

/** Paragraphs plus page sizes (anchors are checked against the page box). */
export function extractDocument(data: Uint8Array, callbacks: ExtractCallbacks = {}): Promise<ExtractedDocument> {
  return withPdf(data, (doc) => extractFrom(doc, callbacks));
}

async function extractFrom(doc: PdfDocument, { onProgress, onParagraphs }: ExtractCallbacks): Promise<ExtractedDocument> {
  let reported = 0;
  const labeller = new StructureLabeller();
  const handOver = () => {
    if (out.length > reported) {
      const batch = out.slice(reported);
      labeller.labelAll(batch.map((p) => p.text)).forEach((l, i) => Object.assign(batch[i], l));
      for (const p of batch) {
        // the header block and the signature's columns are laid out like rows, but are not tables
        if (tableRows.has(p) && (p.kind === 'body' || p.kind === 'heading')) p.kind = 'table';
        else p.cells = null;
      }
      onParagraphs?.(batch);
    }
    reported = out.length;
  };
  const out: ExtractedParagraph[] = [];
  const tableRows = new WeakSet<ExtractedParagraph>();
  const pageSizes: [number, number][] = [];
  const imagePages: number[] = [];
  const damagedPages: number[] = [];
  // The last paragraph of the page before, held back in case this page continues it.
  let pending: GroupedParagraph | null = null;
  const emit = (p: GroupedParagraph) => {
    // PostgreSQL text cannot hold U+0000, and a reader never sees it: dropped where it comes from
    const text = p.text.includes('\u0000') ? p.text.replace(/\u0000/g, '') : p.text;
    if (text.trim() === '') return;
    const cells = p.cells?.map((c) => (typeof c === 'string' ? c.replace(/\u0000/g, '') : { ...c, text: c.text.replace(/\u0000/g, '') })) ?? null;
    out.push({ index: out.length, page: p.page, text, rects: p.rects, textHash: textHash(text), label: null, kind: 'body', cells });
    if (p.tableRow) tableRows.add(out[out.length - 1]);
  };
  // each page is grouped once the pages after it have shown what repeats as headers, footers and page numbers
  const furniture = new PageFurniture<LayoutLine, PageLayout>();
  const group = (layout: PageLayout) => {
    const paragraphs = groupPage(layout);
    if (pending && paragraphs.length && continuesOnNextPage(pending, paragraphs[0])) {
      paragraphs[0] = joinParagraphs(pending, paragraphs[0]);
    } else if (pending) {
      emit(pending); // an empty page also ends whatever was open
    }
    pending = paragraphs.pop() ?? null;
    for (const p of paragraphs) emit(p);
  };
  const pageCount = doc.numPages;
  for (let n = 1; n <= pageCount; n++) {
    const page = await doc.getPage(n).catch(() => null);
    if (!page) {
      // its page object is lost: a page of the size of the one before, marked unreadable
      pageSizes.push(pageSizes.at(-1) ?? A4);
      damaged(n);
      continue;
    }
    const [x0, y0, x1, y1] = viewOf(page.view);
    pageSizes.push([round2(x1 - x0), round2(y1 - y0)]);
    try {
      const content = await page.getTextContent().catch(() => null);
      if (!content) {
        // one bad stream (a damaged flate stream) costs its page, never the document
        damaged(n);
        continue;
      }
      const runs: TextRun[] = [];
      for (const item of content.items) if ('str' in item) runs.push(item);
      if (!runs.some((r) => /\S/u.test(r.str)) && (await paintsImage(page))) imagePages.push(n);
      // TCVN3 / VNI text from a font without a Unicode map becomes Unicode before anything reads it
      convertLegacyRuns(runs);
      const styles: Record<string, FontMetrics> = content.styles;
      const layout = layoutPage(runs, { page: n, view: viewOf(page.view) }, styles);
      // a page whose text has table rows: its rules, so a ruled table is read by its grid (merged and wrapped cells too)
      if (layout.lines.some((l) => l.isRow)) layout.rules = await pageRules(page).catch(() => []);
      for (const settled of furniture.push(layout)) group(settled);
    } finally {
      page.cleanup();
    }
    handOver();
    onProgress?.(n, pageCount);
  }
  for (const settled of furniture.finish()) group(settled);
  if (pending) emit(pending);
  handOver();
  if (pageCount > 0 && damagedPages.length === pageCount) throw new NoReadablePage(`none of its ${pageCount} pages could be read`);
  return { paragraphs: out, pageSizes, imagePages, damagedPages };

  function damaged(n: number): void {
    damagedPages.push(n);
    // an unreadable page ends whatever paragraph was open
    if (pending) emit(pending);
    pending = null;
    handOver();
    onProgress?.(n, pageCount);
  }
}

/** An A4 page in PDF units, for a first page whose size is lost with its page object. */
const A4: [number, number] = [595.28, 841.89];

/** Whether a page draws an image (only asked of pages without text, so a text file pays nothing). */
async function paintsImage(page: PdfPage): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  const images = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject]);
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => images.has(fn));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function viewOf(view: number[]): [number, number, number, number] {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  return [x0, y0, x1, y1];
}
