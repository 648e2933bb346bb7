import JSZip from 'jszip';
import { withPdf } from '../../src/documents/ingest/pdfjs';

/** word/document.xml of a DOCX file: what Word reads, for golden tests and checks. */
export async function docxDocumentXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('not a DOCX: no word/document.xml');
  return file.async('string');
}

/** The text of a DOCX's paragraphs, one line each (table cells one line each too). */
export async function docxText(docx: Buffer): Promise<string> {
  const xml = await docxDocumentXml(docx);
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return paragraphs.map((p) => unescape((p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))).filter((l) => l.trim()).join('\n');
}

/** The text of a PDF as pdf.js reads it, page by page, a line per line of text. */
export function pdfText(pdf: Buffer): Promise<string> {
  return withPdf(pdf, async (doc) => {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages.join('\n\f\n').replace(/[ \t]+\n/g, '\n').replace(/\n{2,}/g, '\n');
  });
}
