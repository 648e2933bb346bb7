import type { Response } from 'express';
import Papa from 'papaparse';
import type { ReportFormat } from '@hopso/shared';
import { type AdminDocument, type Block, heading, para, shortDateTime, table } from '../records/format/admin-document';
import { recordDocument, renderRecord, SYMBOL, sendFile } from '../records/format/record-document';

/**
 * A record for the minutes as a titled table (attendance lists, vote results), in the same
 * three formats as the comment synthesis report: CSV with a BOM and CRLF for Excel, and DOCX and PDF
 * as a document of record in the administrative format (records/format).
 */
export interface TableReport {
  councilName: string;
  /** The council's: every date and time printed is in it. */
  timeZone: string;
  /** Tên loại văn bản ("DANH SÁCH", "BÁO CÁO") and its trích yếu. */
  title: string;
  subtitle: string;
  /** Lines under the title (totals, the rule). */
  summary: string[];
  columns: string[];
  rows: (string | number)[][];
  /** Further sections (e.g. one per vote), each a heading, lines and its own table. */
  sections?: { heading: string; lines: string[]; columns: string[]; rows: (string | number)[][] }[];
  fileName: string;
}

export function tableCsv(r: TableReport): Buffer {
  const blocks = [Papa.unparse({ fields: r.columns, data: r.rows.map((row) => row.map(String)) }, { newline: '\r\n' })];
  for (const s of r.sections ?? []) {
    blocks.push([s.heading, ...s.lines].map((l) => Papa.unparse([[l]])).join('\r\n'));
    blocks.push(Papa.unparse({ fields: s.columns, data: s.rows.map((row) => row.map(String)) }, { newline: '\r\n' }));
  }
  return Buffer.from('\uFEFF' + blocks.join('\r\n\r\n'), 'utf8');
}

/** The table report as a document of record (Nghị định 30/2020/NĐ-CP), the one description both DOCX and PDF render. */
export function tableDocument(r: TableReport): AdminDocument {
  const body: Block[] = [...r.summary.map((l) => para(l))];
  if (r.columns.length) body.push(table(r.columns, r.rows));
  for (const s of r.sections ?? []) {
    body.push(heading(s.heading, 2), ...s.lines.map((l) => para(l)));
    if (s.rows.length) body.push(table(s.columns, s.rows));
  }
  return recordDocument(r, { type: r.title, summary: r.subtitle, symbol: r.title === 'DANH SÁCH' ? SYMBOL.list : SYMBOL.report, body });
}

export async function sendTableReport(res: Response, r: TableReport, format: ReportFormat): Promise<void> {
  sendFile(res, format === 'csv' ? tableCsv(r) : await renderRecord(tableDocument(r), format), format, r.fileName);
}

/** A time in a table cell, in the council's time zone. */
export const councilTime = (timeZone: string) => (d: Date | string) => shortDateTime(d, timeZone);
