import zlib from 'node:zlib';
import Papa from 'papaparse';
import type { ServerMessage } from '@hopso/shared';

/** What one list file may cost while it is read. */
export interface TableLimits {
  /** Rows, the header included. */
  maxRows: number;
  /** Columns read; cells further right are skipped unread. */
  maxColumns: number;
  /** Cells read in all. */
  maxCells: number;
  /** Bytes the parts of an .xlsx may inflate to, in all. */
  maxInflatedBytes: number;
}

/** An English message for logs beside the code and parameters the person's screen words itself. */
abstract class TableError extends Error {
  constructor(
    message: string,
    readonly detail: ServerMessage,
  ) {
    super(message);
  }
}
/** The file is readable but bigger than a delegate list can be. */
export class TableTooLargeError extends TableError {}
/** The file is not a table this reader understands. */
export class TableUnreadableError extends TableError {}

/**
 * A CSV's or an .xlsx's first sheet as rows of text, with every cost bounded while reading:
 * an .xlsx part is inflated with zlib's output cap, rows and cells are counted as they are read,
 * and a cell at column XFD costs one cell, not 16,384. Hand-written rather than ExcelJS, which
 * inflates whole parts and builds every column up to the last one before anything can be checked.
 */
export function readTable(data: Buffer, limits: TableLimits): string[][] {
  return isZip(data) ? readXlsx(data, limits) : readCsv(data, limits);
}

function isZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function readCsv(data: Buffer, limits: TableLimits): string[][] {
  let text = data.toString('utf8');
  if (text.includes('\uFFFD')) throw new TableUnreadableError('The CSV file is not UTF-8 text; save it as "CSV UTF-8" and try again', { code: 'IMPORT_NOT_UTF8' });
  text = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let cells = 0;
  let tooLarge: TableTooLargeError | null = null;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data;
      if (!Array.isArray(row)) return;
      cells += row.length;
      if (rows.length >= limits.maxRows) tooLarge = tooManyRows(limits);
      else if (cells > limits.maxCells) tooLarge = tooManyCells(limits);
      if (tooLarge) return parser.abort();
      rows.push(row.slice(0, limits.maxColumns));
    },
  });
  if (tooLarge) throw tooLarge;
  return rows;
}

const tooManyRows = (l: TableLimits) =>
  new TableTooLargeError(`A list may have at most ${l.maxRows - 1} people`, { code: 'IMPORT_TOO_MANY_ROWS', params: { max: l.maxRows - 1 } });
const tooManyCells = (l: TableLimits) =>
  new TableTooLargeError(`The file holds more than ${l.maxCells} cells; keep only the columns of the list`, { code: 'IMPORT_TOO_MANY_CELLS', params: { max: l.maxCells } });

// ---- .xlsx: a zip of XML parts ----

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function zipEntries(data: Buffer): Map<string, ZipEntry> {
  // the end-of-central-directory record sits in the last 64 KiB + 22 bytes
  const from = Math.max(0, data.length - 65_557);
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < from || eocd + 22 > data.length) throw unreadableXlsx();
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw unreadableXlsx();
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

const unreadableXlsx = () => new TableUnreadableError('The Excel file could not be read; save it as .xlsx or CSV and try again', { code: 'IMPORT_XLSX_UNREADABLE' });

class XlsxReader {
  private readonly entries: Map<string, ZipEntry>;
  private budget: number;

  constructor(
    private readonly data: Buffer,
    private readonly limits: TableLimits,
  ) {
    this.entries = zipEntries(data);
    this.budget = limits.maxInflatedBytes;
  }

  /** A part's text, inflated within what is left of the budget; null if the zip has no such part. */
  part(name: string): string | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const d = this.data;
    if (e.localOffset + 30 > d.length || d.readUInt32LE(e.localOffset) !== 0x04034b50) throw unreadableXlsx();
    const start = e.localOffset + 30 + d.readUInt16LE(e.localOffset + 26) + d.readUInt16LE(e.localOffset + 28);
    const raw = d.subarray(start, start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, this.budget) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw inflatesTooMuch(this.limits);
        throw unreadableXlsx();
      }
    } else throw unreadableXlsx();
    this.budget -= out.length;
    if (this.budget < 0) throw inflatesTooMuch(this.limits);
    return out.toString('utf8');
  }
}

const inflatesTooMuch = (l: TableLimits) => {
  const mb = Math.round(l.maxInflatedBytes / 1024 / 1024);
  return new TableTooLargeError(`The Excel file unpacks to more than ${mb} MB; keep only the list and save it again`, { code: 'IMPORT_INFLATES_TOO_MUCH', params: { mb } });
};

function readXlsx(data: Buffer, limits: TableLimits): string[][] {
  const zip = new XlsxReader(data, limits);
  const sheet = zip.part(firstSheetPath(zip));
  if (sheet === null) throw new TableUnreadableError('The Excel file has no sheet', { code: 'IMPORT_XLSX_NO_SHEET' });
  const shared = sharedStrings(zip.part('xl/sharedStrings.xml'));
  const rows: string[][] = [];
  let cells = 0;
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  for (let m = rowRe.exec(sheet); m; m = rowRe.exec(sheet)) {
    const r = /\br="(\d+)"/.exec(m[1]);
    const rowNo = r ? Number(r[1]) : rows.length + 1;
    if (rowNo > limits.maxRows) throw tooManyRows(limits);
    while (rows.length < rowNo - 1) rows.push([]); // rows the sheet skips are blank
    const row: string[] = [];
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    const body = m[2] ?? '';
    for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
      if (++cells > limits.maxCells) throw tooManyCells(limits);
      const ref = /\br="([A-Z]+)\d*"/.exec(c[1]);
      const col = ref ? columnIndex(ref[1]) : row.length;
      if (col >= limits.maxColumns) continue;
      while (row.length < col) row.push('');
      row[col] = cellText(c[1], c[2] ?? '', shared);
    }
    rows.push(row);
  }
  return rows;
}

function firstSheetPath(zip: XlsxReader): string {
  const workbook = zip.part('xl/workbook.xml') ?? '';
  const rels = zip.part('xl/_rels/workbook.xml.rels') ?? '';
  const sheet = /<sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook) ?? /<sheet\b[^>]*?\bid="([^"]+)"/.exec(workbook);
  if (sheet) {
    const rel = new RegExp(`<Relationship\\b[^>]*?\\bId="${sheet[1].replace(/[^\w-]/g, '')}"[^>]*>`).exec(rels);
    const target = rel && /\bTarget="([^"]+)"/.exec(rel[0]);
    if (target) return target[1].startsWith('/') ? target[1].slice(1) : `xl/${target[1]}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const siRe = /<si\b[^>]*>([\s\S]*?)<\/si>/g;
  for (let m = siRe.exec(xml); m; m = siRe.exec(xml)) out.push(textRuns(m[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')));
  return out;
}

/** The text of every <t> run, joined (a rich-text string is several runs). */
function textRuns(xml: string): string {
  let text = '';
  const tRe = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = tRe.exec(xml); m; m = tRe.exec(xml)) text += decodeXml(m[1] ?? '');
  return text;
}

function cellText(attrs: string, body: string, shared: string[]): string {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') return textRuns(body);
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body);
  const value = v ? decodeXml(v[1]) : '';
  if (type === 's') return shared[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
  return value;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e]!;
  });
}
