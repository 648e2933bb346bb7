import { readTable, TableTooLargeError, TableUnreadableError, type TableLimits } from './bounded-table';
import type { MeetingRole, ServerMessage } from '@hopso/shared';

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

/** A list that cannot be read as a whole: English for logs, code and parameters for the person. */
export class UnreadableImportError extends Error {
  constructor(
    message: string,
    readonly detail: ServerMessage,
  ) {
    super(message);
  }
}
/** Readable, but more than a delegate list can be (rows, cells or inflated size). */
export class ImportTooLargeError extends UnreadableImportError {}

/** A list's bounds while reading: 2,000 people, a few dozen columns, a few MB of XML. */
export const IMPORT_LIMITS: TableLimits = { maxRows: 2001, maxColumns: 64, maxCells: 64 * 2001, maxInflatedBytes: 32 * 1024 * 1024 };

/** Reads a CSV or XLSX delegate list (detected by content) into rows. */
export function readDelegateList(data: Buffer, limits: TableLimits = IMPORT_LIMITS): ImportRow[] {
  let table: string[][];
  try {
    table = readTable(data, limits);
  } catch (e) {
    if (e instanceof TableTooLargeError) throw new ImportTooLargeError(e.message, e.detail);
    if (e instanceof TableUnreadableError) throw new UnreadableImportError(e.message, e.detail);
    throw e;
  }
  if (table.length === 0) throw new UnreadableImportError('The file is empty', { code: 'IMPORT_EMPTY' });
  const header = table[0].map(fold);
  const col = (key: keyof typeof HEADER_ALIASES) => header.findIndex((h) => HEADER_ALIASES[key].includes(h));
  const idx = { fullName: col('fullName'), phone: col('phone'), role: col('role'), unit: col('unit') };
  if (idx.fullName < 0 || idx.phone < 0) {
    throw new UnreadableImportError('The first row must name the columns, with at least "Họ và tên" and "Số điện thoại"', { code: 'IMPORT_NO_HEADER' });
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
