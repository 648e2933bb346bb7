import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Response } from 'express';
import Papa from 'papaparse';
import PDFDocument from 'pdfkit';
import type { ReportFormat } from '@hopso/shared';
import { FONTS } from './fonts';

/**
 * A record for the minutes as a titled table (attendance lists, vote results), in the same
 * three formats and conventions as the comment synthesis report (comments/synthesis-report.ts):
 * CSV with a BOM and CRLF for Excel, DOCX in Times New Roman, PDF with DejaVu for the diacritics.
 */
export interface TableReport {
  councilName: string;
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

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function tableCsv(r: TableReport): Buffer {
  const blocks = [Papa.unparse({ fields: r.columns, data: r.rows.map((row) => row.map(String)) }, { newline: '\r\n' })];
  for (const s of r.sections ?? []) {
    blocks.push([s.heading, ...s.lines].map((l) => Papa.unparse([[l]])).join('\r\n'));
    blocks.push(Papa.unparse({ fields: s.columns, data: s.rows.map((row) => row.map(String)) }, { newline: '\r\n' }));
  }
  return Buffer.from('\uFEFF' + blocks.join('\r\n\r\n'), 'utf8');
}

const docxTable = (columns: string[], rows: (string | number)[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [columns, ...rows.map((r) => r.map(String))].map(
      (cells, i) => new TableRow({ tableHeader: i === 0, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: i === 0 })] })] })) }),
    ),
  });

export async function tableDocx(r: TableReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.councilName.toUpperCase(), bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: r.title, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.subtitle, italics: true })] }),
    ...r.summary.map((l) => new Paragraph({ children: [new TextRun(l)] })),
  ];
  if (r.columns.length) children.push(docxTable(r.columns, r.rows));
  for (const s of r.sections ?? []) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }));
    for (const l of s.lines) children.push(new Paragraph({ children: [new TextRun(l)] }));
    if (s.rows.length) children.push(docxTable(s.columns, s.rows));
  }
  const doc = new Document({ styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export function tablePdf(r: TableReport): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { Title: r.title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONTS.regular).registerFont('bold', FONTS.bold).registerFont('italic', FONTS.italic);
    doc.font('bold').fontSize(12).text(r.councilName.toUpperCase(), { align: 'center' });
    doc.moveDown(0.5).fontSize(15).text(r.title, { align: 'center' });
    doc.font('italic').fontSize(11).text(r.subtitle, { align: 'center' });
    doc.moveDown().font('regular').fontSize(11);
    for (const l of r.summary) doc.text(l);
    const table = (columns: string[], rows: (string | number)[][]) => {
      if (!columns.length) return;
      doc.moveDown(0.5).font('bold').fontSize(10).text(columns.join(' | '));
      doc.font('regular');
      for (const row of rows) doc.text(row.map(String).join(' | '));
    };
    table(r.columns, r.rows);
    for (const s of r.sections ?? []) {
      doc.moveDown().font('bold').fontSize(12).text(s.heading);
      doc.font('regular').fontSize(11);
      for (const l of s.lines) doc.text(l);
      table(s.columns, s.rows);
    }
    doc.end();
  });
}

export async function sendTableReport(res: Response, r: TableReport, format: ReportFormat): Promise<void> {
  const body = format === 'csv' ? tableCsv(r) : format === 'docx' ? await tableDocx(r) : await tablePdf(r);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${r.fileName}.${format}`)}`);
  res.send(body);
}

export const councilTime = (d: Date | string) => new Date(d).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
/** The same, in a council's own time zone (councils.time_zone). */
export const councilTimeIn = (timeZone: string) => (d: Date | string) => new Date(d).toLocaleString('vi-VN', { timeZone, hour12: false });
