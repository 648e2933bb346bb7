import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { decodeCapped, OverBudget, type FilterParams } from './stream-filters';

/** Nested forms deeper than this are not followed (pdf.js itself stops well before). */
const MAX_FORM_DEPTH = 12;

export type ContentCost = { ok: true; bytes: number } | { ok: false; reason: 'stream' | 'document'; bytes: number };

/**
 * The decoded content text extraction will parse, summed over the whole document: each page's
 * content streams, plus every form XObject once for each time the page draws it (`/Name Do`),
 * nested forms included. 300 pages that share one 1 MB stream cost 300 MB here, as they cost
 * pdf.js, which parses the stream again for every page.
 *
 * Measuring stops as soon as the total passes `maxDocumentBytes`, and each stream is decoded under
 * `maxStreamBytes`, so the check costs at most one capped decode per distinct stream. Returns null
 * when pdf-lib cannot read the file's structure (pdf.js may still: the time limit then bounds it).
 */
export async function measureContent(data: Uint8Array, maxStreamBytes: number, maxDocumentBytes: number): Promise<ContentCost | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
  const meter = new ContentMeter(doc, maxStreamBytes);
  let total = 0;
  try {
    for (const page of doc.getPages()) {
      const resources = page.node.getInheritableAttribute(PDFName.of('Resources'));
      const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
      const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [page.node.get(PDFName.of('Contents'))!] : [];
      for (const s of streams) {
        total += meter.cost(s, resources, 0);
        if (total > maxDocumentBytes) return { ok: false, reason: 'document', bytes: total };
      }
    }
  } catch (e) {
    if (e instanceof OverBudget) return { ok: false, reason: 'stream', bytes: maxStreamBytes };
    return null; // a structure pdf-lib cannot follow: no verdict
  }
  return { ok: true, bytes: total };
}

/** Decoded sizes and draw counts, each stream decoded at most once. */
class ContentMeter {
  private readonly costs = new Map<string, number>();
  private readonly visiting = new Set<string>();
  private readonly ids = new Map<PDFObject, number>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly maxStreamBytes: number,
  ) {}

  /** What drawing `ref` (a content stream or a form) costs, with `inherited` as the resources it falls back to. */
  cost(ref: PDFObject, inherited: PDFObject | undefined, depth: number): number {
    const key = ref instanceof PDFRef ? ref.toString() : null;
    const stream = this.doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return 0;
    const resources = stream.dict.get(PDFName.of('Resources')) ?? inherited;
    const memoKey = key && `${key}|${this.identity(resources)}`;
    if (memoKey && this.costs.has(memoKey)) return this.costs.get(memoKey)!;
    if (key && this.visiting.has(key)) return 0; // a form that draws itself: pdf.js stops the loop too
    if (key) this.visiting.add(key);
    try {
      const decoded = this.decode(stream);
      let total = decoded.length;
      const forms = depth < MAX_FORM_DEPTH ? this.formsOf(resources) : new Map<string, PDFObject>();
      if (forms.size) {
        for (const [name, count] of drawCounts(decoded)) {
          const form = forms.get(name);
          if (form) total += count * this.cost(form, resources, depth + 1);
        }
      }
      if (memoKey) this.costs.set(memoKey, total);
      return total;
    } finally {
      if (key) this.visiting.delete(key);
    }
  }

  /** The same resources, by reference or as the same direct dictionary, get the same id. */
  private identity(resources: PDFObject | undefined): string {
    if (!resources) return '-';
    if (resources instanceof PDFRef) return resources.toString();
    if (!this.ids.has(resources)) this.ids.set(resources, this.ids.size);
    return `#${this.ids.get(resources)}`;
  }

  private decode(stream: PDFRawStream): Buffer {
    const raw = Buffer.from(stream.contents.buffer, stream.contents.byteOffset, stream.contents.byteLength);
    const filter = this.doc.context.lookup(stream.dict.get(PDFName.of('Filter')));
    const names = filter instanceof PDFName ? [filter.decodeText()] : filter instanceof PDFArray ? filter.asArray().map((f) => this.doc.context.lookup(f)).filter((f): f is PDFName => f instanceof PDFName).map((f) => f.decodeText()) : [];
    const parms = this.doc.context.lookup(stream.dict.get(PDFName.of('DecodeParms')));
    const parmList = parms instanceof PDFArray ? parms.asArray().map((p) => this.doc.context.lookup(p)) : [parms];
    const params: FilterParams[] = names.map((_, i) => {
      const p = parmList[i];
      const early = p instanceof PDFDict ? this.doc.context.lookup(p.get(PDFName.of('EarlyChange'))) : undefined;
      return early instanceof PDFNumber ? { earlyChange: early.asNumber() } : {};
    });
    return decodeCapped(raw, names, this.maxStreamBytes, params) ?? Buffer.alloc(0);
  }

  /** The form XObjects a content stream can draw, by resource name. */
  private formsOf(resources: PDFObject | undefined): Map<string, PDFObject> {
    const forms = new Map<string, PDFObject>();
    const dict = this.doc.context.lookup(resources);
    if (!(dict instanceof PDFDict)) return forms;
    const xobjects = this.doc.context.lookup(dict.get(PDFName.of('XObject')));
    if (!(xobjects instanceof PDFDict)) return forms;
    for (const [name, ref] of xobjects.entries()) {
      const x = this.doc.context.lookup(ref);
      if (x instanceof PDFRawStream && this.doc.context.lookup(x.dict.get(PDFName.of('Subtype')))?.toString() === '/Form') forms.set(name.decodeText(), ref);
    }
    return forms;
  }
}

/** How many times each name is drawn (`/Name Do`) in a content stream. */
function drawCounts(content: Buffer): Map<string, number> {
  const counts = new Map<string, number>();
  const text = content.toString('latin1');
  for (const m of text.matchAll(/\/([^\s/[\]()<>{}%]+)\s*Do(?![A-Za-z0-9])/g)) {
    const name = m[1].replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
