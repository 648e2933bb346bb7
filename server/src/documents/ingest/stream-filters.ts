import zlib from 'node:zlib';

/**
 * PDF's stream filters, decoded with a cap on their output, so that measuring what a stream costs
 * never costs more than the cap. pdf.js has no such limit: it keeps a stream's whole decoded content
 * in one growing buffer.
 */

/** The decoded bytes, or `null` when the chain holds a filter text extraction never decodes (images). */
export type Decoded = Buffer | null;

/** Decoding stopped at the cap: the stream is larger than the budget. */
export class OverBudget extends Error {
  constructor() {
    super('the stream decodes beyond its budget');
  }
}

const ALIASES: Record<string, string> = { Fl: 'FlateDecode', LZW: 'LZWDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', RL: 'RunLengthDecode' };

/** The filters whose output text extraction reads; the others (DCT, JPX, CCITT, JBIG2) only hold images. */
export const TEXT_FILTERS = new Set(['FlateDecode', 'LZWDecode', 'ASCIIHexDecode', 'ASCII85Decode', 'RunLengthDecode']);

export const filterName = (name: string): string => ALIASES[name] ?? name;

export interface FilterParams {
  /** LZW only: 1 (the default) switches code width one code early, as most writers do. */
  earlyChange?: number;
}

/**
 * Runs `raw` through `filters` in order, each stage capped at `maxBytes`; throws OverBudget when one
 * would exceed it. A malformed stream decodes as far as it goes, as pdf.js reads it.
 */
export function decodeCapped(raw: Buffer, filters: string[], maxBytes: number, params: FilterParams[] = []): Decoded {
  let data = raw;
  for (let i = 0; i < filters.length; i++) {
    const name = filterName(filters[i]);
    if (!TEXT_FILTERS.has(name)) return null;
    data = decodeOne(name, data, maxBytes, params[i] ?? {});
  }
  if (data.length > maxBytes) throw new OverBudget();
  return data;
}

function decodeOne(name: string, data: Buffer, maxBytes: number, params: FilterParams): Buffer {
  switch (name) {
    case 'FlateDecode':
      return inflateCapped(data, maxBytes);
    case 'LZWDecode':
      return lzwDecode(data, maxBytes, params.earlyChange ?? 1);
    case 'ASCIIHexDecode':
      return asciiHexDecode(data);
    case 'ASCII85Decode':
      return ascii85Decode(data, maxBytes);
    case 'RunLengthDecode':
      return runLengthDecode(data, maxBytes);
    default:
      return data;
  }
}

function inflateCapped(raw: Buffer, maxBytes: number): Buffer {
  try {
    // sync flush: a truncated stream still inflates as far as it goes
    return zlib.inflateSync(raw, { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new OverBudget();
    // not zlib data at all: pdf.js fails on it too, and it costs nothing more
    return Buffer.alloc(0);
  }
}

/** A growing output buffer that refuses to pass the cap. */
class Output {
  private buf: Buffer;
  length = 0;
  constructor(
    private readonly max: number,
    initial: number,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(64, Math.min(initial, max + 1)));
  }
  private room(n: number): void {
    if (this.length + n > this.max) throw new OverBudget();
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.min(this.max + 1, Math.max(this.buf.length * 2, this.length + n)));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  push(byte: number): void {
    this.room(1);
    this.buf[this.length++] = byte;
  }
  fill(byte: number, n: number): void {
    this.room(n);
    this.buf.fill(byte, this.length, this.length + n);
    this.length += n;
  }
  copy(src: Buffer, start: number, end: number): void {
    this.room(end - start);
    src.copy(this.buf, this.length, start, end);
    this.length += end - start;
  }
  /** Copies from its own earlier output (LZW's table holds offsets into the output). */
  repeatOwn(start: number, n: number): void {
    this.room(n);
    this.buf.copy(this.buf, this.length, start, start + n);
    this.length += n;
  }
  byteAt(i: number): number {
    return this.buf[i];
  }
  done(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

function asciiHexDecode(data: Buffer): Buffer {
  // two characters make one byte: it can only shrink
  const out = Buffer.allocUnsafe(Math.ceil(data.length / 2));
  let n = 0;
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break; // '>' ends the data
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

function ascii85Decode(data: Buffer, maxBytes: number): Buffer {
  // 'z' stands for four zero bytes: up to four times the input
  const out = new Output(maxBytes, data.length);
  const group: number[] = [];
  const flush = (count: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    const bytes = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    for (let i = 0; i < count; i++) out.push(bytes[i]);
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === 0x7e) break; // '~>' ends the data
    if (isWhite(c)) continue;
    if (c === 0x7a && group.length === 0) {
      out.fill(0, 4);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return out.done();
}

function runLengthDecode(data: Buffer, maxBytes: number): Buffer {
  // one length byte and one data byte make up to 128 bytes
  const out = new Output(maxBytes, data.length * 2);
  let i = 0;
  while (i < data.length) {
    const len = data[i++];
    if (len === 128) break;
    if (len < 128) {
      const end = Math.min(data.length, i + len + 1);
      out.copy(data, i, end);
      i = end;
    } else {
      if (i >= data.length) break;
      out.fill(data[i++], 257 - len);
    }
  }
  return out.done();
}

/** LZW as PDF uses it (TIFF's variant): 9- to 12-bit codes, 256 clears the table, 257 ends the data. */
function lzwDecode(data: Buffer, maxBytes: number, earlyChange: number): Buffer {
  const out = new Output(maxBytes, data.length * 4);
  // each table entry is a run of earlier output: its start and length
  const starts = new Int32Array(4096);
  const lengths = new Int32Array(4096);
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let acc = 0;
  const firstByte = (code: number) => (code < 256 ? code : out.byteAt(starts[code]));
  const emit = (code: number) => {
    if (code < 256) out.push(code);
    else out.repeatOwn(starts[code], lengths[code]);
  };
  for (let i = 0; i < data.length; i++) {
    acc = ((acc << 8) | data[i]) >>> 0;
    bits += 8;
    while (bits >= width) {
      const code = (acc >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      acc &= (1 << bits) - 1;
      if (code === 256) {
        next = 258;
        width = 9;
        prev = -1;
        continue;
      }
      if (code === 257) return out.done();
      const start = out.length;
      if (code < next) {
        if (code >= 258 && lengths[code] === 0) return out.done(); // undefined code: stop as pdf.js does
        emit(code);
      } else if (code === next && prev >= 0) {
        // the code being defined: the previous string plus its own first byte
        emit(prev);
        out.push(firstByte(prev));
      } else return out.done();
      if (prev >= 0 && next < 4096) {
        // the new entry: the previous string plus the first byte of this one
        const prevLen = prev < 256 ? 1 : lengths[prev];
        starts[next] = start - prevLen;
        lengths[next] = prevLen + 1;
        next++;
      }
      prev = code;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
  }
  return out.done();
}
