import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

const run = promisify(execFile);

export interface ScanOptions {
  /** 1-based pages to turn into images; the others are kept as they are (a mixed file). Default: every page. */
  pages?: number[];
  /** Default 300, as a council's copier scans. */
  dpi?: number;
  /** A red round seal ("con dấu") over the signature block of the last page, drawn before the page is rendered. */
  stamp?: boolean;
}

/**
 * A scan of a generated PDF, for tests and benchmarks: the chosen pages rendered to page images by
 * Ghostscript (always present where ocrmypdf is: it depends on it) and put back as image-only
 * pages of the same size, so they carry no text at all, as a copier's output.
 */
export async function scanPdf(pdf: Uint8Array, opts: ScanOptions = {}): Promise<Buffer> {
  const dpi = opts.dpi ?? 300;
  const source = await PDFDocument.load(opts.stamp ? await stamp(pdf) : pdf);
  const count = source.getPageCount();
  const scanned = new Set(opts.pages ?? Array.from({ length: count }, (_, i) => i + 1));
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hopso-scan-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await fsp.writeFile(input, await source.save());
    const out = await PDFDocument.create();
    for (let n = 1; n <= count; n++) {
      if (!scanned.has(n)) {
        const [kept] = await out.copyPages(source, [n - 1]);
        out.addPage(kept);
        continue;
      }
      const png = path.join(dir, `page-${n}.png`);
      await run('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=png16m', `-r${dpi}`, `-dFirstPage=${n}`, `-dLastPage=${n}`, '-o', png, input]);
      const { width, height } = source.getPage(n - 1).getSize();
      const image = await out.embedPng(await fsp.readFile(png));
      out.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
    return Buffer.from(await out.save());
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** A red seal, ring and lettering, over the upper right of the last page (where the chair signs under the last article). */
async function stamp(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const p = doc.getPage(doc.getPageCount() - 1);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const red = rgb(0.85, 0.1, 0.1);
  const { width, height } = p.getSize();
  const cx = width - 265;
  const cy = height - 150;
  p.drawCircle({ x: cx, y: cy, size: 52, borderColor: red, borderWidth: 3, opacity: 0.85, borderOpacity: 0.85 });
  p.drawCircle({ x: cx, y: cy, size: 38, borderColor: red, borderWidth: 1.5, borderOpacity: 0.85 });
  const ring = 'HOI DONG NHAN DAN * XA YEN HOA *';
  for (let i = 0; i < ring.length; i++) {
    const a = Math.PI / 2 - (i / ring.length) * 2 * Math.PI;
    p.drawText(ring[i], { x: cx + 44 * Math.cos(a), y: cy + 44 * Math.sin(a), size: 7, font, color: red, rotate: degrees((a * 180) / Math.PI - 90), opacity: 0.85 });
  }
  p.drawText('*', { x: cx - 5, y: cy - 5, size: 20, font, color: red, opacity: 0.85 });
  return doc.save();
}

/**
 * Share of the expected characters a recognised text got right: 1 − edit distance / length, over
 * the NFC text with runs of whitespace as one space, so every diacritic counts.
 */
export function characterAccuracy(expected: string, actual: string): number {
  const a = [...normalise(expected)];
  const b = [...normalise(actual)];
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  let prev = new Uint32Array(b.length + 1).map((_, j) => j);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return Math.max(0, 1 - prev[b.length] / a.length);
}

const normalise = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
