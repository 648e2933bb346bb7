import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import Papa from 'papaparse';
import PDFDocument from 'pdfkit';
import type { CommentStatus } from '@hopso/shared';
import { FONTS } from '../common/fonts';

export const STATUS_LABEL: Record<CommentStatus, string> = {
  sent: 'Đã gửi',
  received: 'Đã tiếp nhận',
  accepted: 'Đã tiếp thu',
  answered: 'Đã giải trình',
  declined: 'Không tiếp thu',
};

export interface ReportComment {
  author: string;
  unit: string;
  quote: string;
  body: string;
  status: CommentStatus;
  reply: string;
  at: Date;
}

/** One paragraph of the document with the comments on it; `paragraphIndex` null gathers detached comments. */
export interface ReportSection {
  paragraphIndex: number | null;
  page: number | null;
  /** Its place in the legal text ("Điều 2, khoản 1"), null without such structure. */
  label: string | null;
  paragraphText: string;
  comments: ReportComment[];
}

export interface GroupReport {
  groupName: string;
  text: string;
  submitted: boolean;
}

export interface SynthesisReport {
  councilName: string;
  meetingTitle: string;
  documentTitle: string;
  versionNo: number;
  generatedAt: Date;
  sections: ReportSection[];
  /** Reports of the breakout groups that discussed this document's agenda item. */
  groupReports: GroupReport[];
}

const groupHeading = (g: GroupReport) => `Báo cáo thảo luận ${g.groupName}${g.submitted ? '' : ' (chưa gửi)'}`;

const heading = (s: ReportSection) =>
  s.paragraphIndex === null ? 'Ý kiến không còn gắn với đoạn văn (tách rời)' : s.label
      ? `${s.label} (trang ${s.page})`
      : `Đoạn ${s.paragraphIndex + 1} (trang ${s.page})`;
const when = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
const total = (r: SynthesisReport) => r.sections.reduce((n, s) => n + s.comments.length, 0);

/**
 * UTF-8 with a byte-order mark and CRLF, so Excel opens the Vietnamese text correctly. Cells that start
 * with = + - @, a tab or a carriage return get a leading apostrophe (papaparse's escapeFormulae), so a
 * comment cannot become a formula in the secretary's spreadsheet.
 */
export function reportCsv(r: SynthesisReport): Buffer {
  const rows = r.sections.flatMap((s) =>
    s.comments.map((c) => ({
      'Đoạn số': s.paragraphIndex === null ? 'tách rời' : s.paragraphIndex + 1,
      Trang: s.page ?? '',
      'Vị trí': s.label ?? '',
      'Trích dẫn': c.quote,
      'Đại biểu': c.author,
      'Đơn vị': c.unit,
      'Ý kiến': c.body,
      'Trạng thái': STATUS_LABEL[c.status],
      'Trả lời': c.reply,
      'Thời gian': when(c.at),
    })),
  );
  for (const g of r.groupReports) {
    rows.push({ 'Đoạn số': 'thảo luận tổ', Trang: '', 'Vị trí': '', 'Trích dẫn': '', 'Đại biểu': g.groupName, 'Đơn vị': '', 'Ý kiến': g.text, 'Trạng thái': g.submitted ? 'Đã gửi' : 'Chưa gửi', 'Trả lời': '', 'Thời gian': '' });
  }
  const csv = Papa.unparse(rows.length ? rows : [{ 'Đoạn số': '', Trang: '', 'Vị trí': '', 'Trích dẫn': '', 'Đại biểu': '', 'Đơn vị': '', 'Ý kiến': '', 'Trạng thái': '', 'Trả lời': '', 'Thời gian': '' }], { newline: '\r\n', escapeFormulae: true });
  return Buffer.from('\uFEFF' + (rows.length ? csv : csv.split('\r\n')[0]), 'utf8');
}

export async function reportDocx(r: SynthesisReport): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.councilName.toUpperCase(), bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'BÁO CÁO TỔNG HỢP Ý KIẾN', bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${r.documentTitle} (phiên bản ${r.versionNo})`, italics: true })] }),
    new Paragraph({ children: [new TextRun(`${r.meetingTitle}. Tổng số ý kiến: ${total(r)}. Lập lúc ${when(r.generatedAt)}.`)] }),
  ];
  for (const s of r.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading(s))] }));
    if (s.paragraphText) children.push(new Paragraph({ children: [new TextRun({ text: `«${s.paragraphText}»`, italics: true })] }));
    s.comments.forEach((c, i) => {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `${i + 1}. ${c.author}${c.unit ? ` (${c.unit})` : ''} — ${STATUS_LABEL[c.status]}: `, bold: true }), new TextRun(c.body)],
        }),
      );
      if (c.quote && c.quote !== s.paragraphText) children.push(new Paragraph({ children: [new TextRun({ text: `Trích: «${c.quote}»`, italics: true })] }));
      if (c.reply) children.push(new Paragraph({ children: [new TextRun({ text: `Tổ thư ký: ${c.reply}` })] }));
    });
  }
  if (r.groupReports.length) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Ý KIẾN THẢO LUẬN TỔ')] }));
  for (const g of r.groupReports) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(groupHeading(g))] }));
    for (const line of g.text.split('\n')) children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  const doc = new Document({ styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export function reportPdf(r: SynthesisReport): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { Title: `Báo cáo tổng hợp ý kiến – ${r.documentTitle}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONTS.regular).registerFont('bold', FONTS.bold).registerFont('italic', FONTS.italic);
    doc.font('bold').fontSize(12).text(r.councilName.toUpperCase(), { align: 'center' });
    doc.moveDown(0.5).fontSize(15).text('BÁO CÁO TỔNG HỢP Ý KIẾN', { align: 'center' });
    doc.font('italic').fontSize(11).text(`${r.documentTitle} (phiên bản ${r.versionNo})`, { align: 'center' });
    doc.moveDown().font('regular').fontSize(11).text(`${r.meetingTitle}. Tổng số ý kiến: ${total(r)}. Lập lúc ${when(r.generatedAt)}.`);
    for (const s of r.sections) {
      doc.moveDown().font('bold').fontSize(12).text(heading(s));
      if (s.paragraphText) doc.font('italic').fontSize(10).fillColor('#333').text(`«${s.paragraphText}»`).fillColor('black');
      s.comments.forEach((c, i) => {
        doc.moveDown(0.3).font('bold').fontSize(11).text(`${i + 1}. ${c.author}${c.unit ? ` (${c.unit})` : ''} — ${STATUS_LABEL[c.status]}: `, { continued: true }).font('regular').text(c.body);
        if (c.quote && c.quote !== s.paragraphText) doc.font('italic').fontSize(10).text(`Trích: «${c.quote}»`);
        if (c.reply) doc.font('regular').fontSize(10).text(`Tổ thư ký: ${c.reply}`);
      });
    }
    if (r.groupReports.length) doc.moveDown().font('bold').fontSize(13).text('Ý KIẾN THẢO LUẬN TỔ');
    for (const g of r.groupReports) {
      doc.moveDown(0.5).font('bold').fontSize(12).text(groupHeading(g));
      doc.font('regular').fontSize(11).text(g.text);
    }
    doc.end();
  });
}
