import { loadPdfjs, PDFJS_ASSET_BASE } from '../../viewer/lib/loadPdfjs';
import { headingOf, titleFromFileName, type TextRun } from './headingOf';

/**
 * A title for an uploaded PDF, read in the browser before it is sent: the file's Title metadata
 * when it says something, else the first page's heading, else the file name.
 */
export async function suggestTitle(file: File): Promise<string> {
  try {
    const pdfjs = await loadPdfjs();
    const task = pdfjs.getDocument({
      data: new Uint8Array(await file.arrayBuffer()),
      isEvalSupported: false,
      cMapUrl: `${PDFJS_ASSET_BASE}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${PDFJS_ASSET_BASE}standard_fonts/`,
      wasmUrl: `${PDFJS_ASSET_BASE}wasm/`,
    });
    try {
      const pdf = await task.promise;
      const meta = await pdf.getMetadata().catch(() => null);
      const info = (meta?.info ?? {}) as { Title?: unknown };
      const fromMeta = typeof info.Title === 'string' ? info.Title.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
      if (fromMeta.length >= 4 && !/^(untitled|microsoft word|document\d*)/i.test(fromMeta)) return fromMeta.slice(0, 300);
      const page = await pdf.getPage(1);
      const content = await page.getTextContent();
      const runs: TextRun[] = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, height: item.height || Math.abs(item.transform[3]), y: item.transform[5] }] : []));
      return headingOf(runs) ?? titleFromFileName(file.name);
    } finally {
      void task.destroy();
    }
  } catch {
    // a file pdf.js cannot open is refused by the server with its own message; its name will do here
    return titleFromFileName(file.name);
  }
}
