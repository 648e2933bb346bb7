import { decodeCapped, OverBudget } from './stream-filters';

/** How far back from `stream` a stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

/**
 * The offset of the first stream whose content decodes to more than `maxBytes`, or null.
 *
 * pdf.js keeps a stream's whole decoded content in one growing buffer, so a 400 KB file holding
 * one 400 MB stream costs it 800 MB, and it has no limit to set. Each stream is decoded here first
 * through its whole filter chain (Flate, LZW, ASCIIHex, ASCII85, RunLength, in any order), each
 * stage capped, so the cost of the check is bounded by `maxBytes` per stream. Image streams are
 * skipped: text extraction never decodes them.
 */
export function findOversizedStream(data: Uint8Array, maxBytes: number): number | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let from = 0;
  for (;;) {
    const at = buf.indexOf('stream', from, 'latin1');
    if (at < 0) return null;
    from = at + 6;
    const start = streamDataStart(buf, at);
    if (start === null) continue;
    const dict = dictionaryBefore(buf, at);
    if (/\/Subtype\s*\/Image/.test(dict)) continue;
    const filters = filtersOf(dict);
    if (!filters.length) continue;
    const end = streamDataEnd(buf, start, dict);
    from = Math.max(from, end);
    try {
      decodeCapped(buf.subarray(start, end), filters, maxBytes, filters.map(() => ({ earlyChange: earlyChangeOf(dict) })));
    } catch (e) {
      if (e instanceof OverBudget) return at;
      throw e;
    }
  }
}

/** The names of a stream dictionary's `/Filter`, one name or an array, in order. */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]);
}

function earlyChangeOf(dict: string): number {
  const m = /\/EarlyChange\s+(\d)/.exec(dict);
  return m ? Number(m[1]) : 1;
}

/** The first byte of a stream's data, or null when `stream` at `at` is not the keyword. */
function streamDataStart(buf: Buffer, at: number): number | null {
  if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') return null;
  let i = at + 6;
  const cr = buf[i] === 0x0d;
  if (cr) i++;
  const lf = buf[i] === 0x0a;
  if (lf) i++;
  if (!cr && !lf) return null;
  // the keyword follows its dictionary's closing >>
  let j = at - 1;
  while (j > 0 && (buf[j] === 0x20 || buf[j] === 0x0a || buf[j] === 0x0d || buf[j] === 0x09)) j--;
  if (buf[j] !== 0x3e || buf[j - 1] !== 0x3e) return null;
  return i;
}

function dictionaryBefore(buf: Buffer, at: number): string {
  const text = buf.toString('latin1', Math.max(0, at - DICT_WINDOW), at);
  const obj = text.lastIndexOf('obj');
  return obj >= 0 ? text.slice(obj) : text;
}

function streamDataEnd(buf: Buffer, start: number, dict: string): number {
  const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (direct) {
    const end = start + Number(direct[1]);
    if (end <= buf.length && buf.indexOf('endstream', end, 'latin1') - end < 64) return end;
  }
  const end = buf.indexOf('endstream', start, 'latin1');
  return end < 0 ? buf.length : end;
}
