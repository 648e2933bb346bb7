import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { MeetingRole } from '@hopso/shared';

/** One data row of a delegate list, with its line in the file (the header is line 1). */
export interface ImportRow {
  line: number;
  fullName: string;
  phone: string;
  role: MeetingRole | null;
  roleText: string;
  unit: string;
}

/** Lower case, no diacritics: "Số điện thoại" → "so dien thoai". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const HEADER_ALIASES: Record<'fullName' | 'phone' | 'role' | 'unit', string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ten', 'full name', 'name', 'dai bieu'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'phone', 'phone number'],
  role: ['vai tro', 'chuc vu', 'role'],
  unit: ['don vi', 'to dai bieu', 'unit', 'constituency'],
};

const ROLE_ALIASES: Record<string, MeetingRole> = {
  'dai bieu': 'delegate',
  delegate: 'delegate',
  'chu toa': 'chair',
  chair: 'chair',
  'thu ky': 'secretary',
  secretary: 'secretary',
  'khach moi': 'observer',
  'dai bieu khach moi': 'observer',
  observer: 'observer',
};

export function parseRole(text: string): MeetingRole | null {
  const f = fold(text);
  return f === '' ? 'delegate' : (ROLE_ALIASES[f] ?? null);
}

/** Keeps digits (and a leading +); Vietnamese numbers written +84… become 0…. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '');
  return digits.startsWith('+84') ? '0' + digits.slice(3) : digits;
}

export class UnreadableImportError extends Error {}

/** Reads a CSV or XLSX delegate list (detected by content) into rows. */
export async function readDelegateList(data: Buffer): Promise<ImportRow[]> {
  const table = isZip(data) ? await readXlsx(data) : readCsv(data);
  if (table.length === 0) throw new UnreadableImportError('The file is empty');
  const header = table[0].map(fold);
  const col = (key: keyof typeof HEADER_ALIASES) => header.findIndex((h) => HEADER_ALIASES[key].includes(h));
  const idx = { fullName: col('fullName'), phone: col('phone'), role: col('role'), unit: col('unit') };
  if (idx.fullName < 0 || idx.phone < 0) {
    throw new UnreadableImportError('The first row must name the columns, with at least "Họ và tên" and "Số điện thoại"');
  }
  const rows: ImportRow[] = [];
  table.slice(1).forEach((cells, i) => {
    const get = (j: number) => (j >= 0 ? (cells[j] ?? '').trim() : '');
    if (cells.every((c) => (c ?? '').trim() === '')) return; // blank lines are not errors
    const roleText = get(idx.role);
    rows.push({ line: i + 2, fullName: get(idx.fullName).normalize('NFC'), phone: normalisePhone(get(idx.phone)), role: parseRole(roleText), roleText, unit: get(idx.unit).normalize('NFC') });
  });
  return rows;
}

function isZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function readCsv(data: Buffer): string[][] {
  let text = data.toString('utf8');
  if (text.includes('\uFFFD')) throw new UnreadableImportError('The CSV file is not UTF-8 text; save it as "CSV UTF-8" and try again');
  text = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data.filter((r) => Array.isArray(r));
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableImportError('The Excel file could not be read; save it as .xlsx or CSV and try again');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UnreadableImportError('The Excel file has no sheet');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return rows;
}
