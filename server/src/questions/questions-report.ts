import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { IssueStatus, Question, QuestionReportKind, QuestionsBoard } from '@hopso/shared';
import { FONTS } from '../common/fonts';


export const ISSUE_STATUS_LABEL: Record<IssueStatus, string> = {
  pending: 'Chờ trả lời',
  in_hall: 'Đang chất vấn tại hội trường',
  answered_in_hall: 'Đã trả lời tại hội trường',
  answered_in_writing: 'Đã trả lời bằng văn bản',
};

/** Vietnamese councils keep Indochina time unless theirs says otherwise. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const whenIn = (timeZone: string) => (iso: string | Date) => new Date(iso).toLocaleString('vi-VN', { timeZone, hour12: false });

/** "ngày 05 tháng 3 năm 2026" in the council's time zone (Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero). */
export function dateLine(d: Date, timeZone = TIME_ZONE): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(d).map((p) => [p.type, p.value]));
  const day = Number(parts.day);
  const month = Number(parts.month);
  return `ngày ${String(day).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${parts.year}`;
}

export interface QuestionReportInput {
  kind: QuestionReportKind;
  councilName: string;
  meetingTitle: string;
  generatedAt: Date;
  /** The council's (IANA), for every date and time in the report. */
  timeZone: string;
  board: QuestionsBoard;
}

/** One block of the report, rendered the same way to DOCX and PDF. */
type Block = { kind: 'title' | 'subtitle' | 'heading' | 'text' | 'quote' | 'note'; text: string; bold?: string };

const authors = (q: Question) => q.authors.map((a) => a.name).join(', ');

/** The report's content as blocks, in order: the administrative head, then one section per issue. */
export function questionReportBlocks(r: QuestionReportInput): Block[] {
  const when = whenIn(r.timeZone);
  const title = r.kind === 'questions' ? 'DANH SÁCH CÂU HỎI CHẤT VẤN THEO VẤN ĐỀ' : 'BÁO CÁO KẾT QUẢ CHẤT VẤN VÀ TRẢ LỜI CHẤT VẤN';
  const blocks: Block[] = [
    { kind: 'subtitle', text: r.councilName.toUpperCase(), bold: 'y' },
    { kind: 'subtitle', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: 'y' },
    { kind: 'subtitle', text: 'Độc lập - Tự do - Hạnh phúc', bold: 'y' },
    { kind: 'note', text: dateLine(r.generatedAt, r.timeZone) },
    { kind: 'title', text: title },
    { kind: 'subtitle', text: r.meetingTitle },
  ];
  r.board.issues.forEach((issue, i) => {
    blocks.push({ kind: 'heading', text: `${i + 1}. ${issue.title}` });
    blocks.push({ kind: 'text', bold: 'Người trả lời: ', text: `${issue.positionTitle}${issue.officialName ? ` (${issue.officialName})` : ''}${issue.selectedForHall ? '; chất vấn tại hội trường' : ''}` });
    issue.questions.forEach((q, j) => blocks.push({ kind: 'text', bold: `Câu hỏi ${j + 1} (${authors(q)}): `, text: q.body }));
    if (r.kind === 'followup') {
      const due = issue.needsWrittenAnswer ? `; hạn trả lời bằng văn bản: ${when(issue.answerDueAt)}${issue.overdue ? ' (QUÁ HẠN)' : ''}` : '';
      blocks.push({ kind: 'text', bold: 'Tình trạng: ', text: `${ISSUE_STATUS_LABEL[issue.status]}${due}` });
      if (issue.commitment) blocks.push({ kind: 'text', bold: 'Cam kết tại hội trường: ', text: issue.commitment });
      if (issue.followUpUntil) blocks.push({ kind: 'text', bold: 'Theo dõi: ', text: issue.followUpClosed ? 'đã kết thúc khi kỳ họp tiếp theo bắt đầu' : `đến kỳ họp tiếp theo (${when(issue.followUpUntil)})` });
      for (const m of issue.messages) {
        blocks.push({ kind: 'quote', bold: `${m.kind === 'answer' ? 'Trả lời' : 'Chất vấn lại'} của ${m.authorName} (${when(m.createdAt)}): `, text: m.body });
      }
    }
  });
  if (r.board.ungrouped.length) {
    blocks.push({ kind: 'heading', text: 'Câu hỏi chưa tổng hợp' });
    r.board.ungrouped.forEach((q, j) => blocks.push({ kind: 'text', bold: `${j + 1}. Gửi ${q.positionTitle} (${authors(q)}): `, text: q.body }));
  }
  blocks.push({ kind: 'note', text: `Lập lúc ${when(r.generatedAt)}.` });
  return blocks;
}

export function questionReportFileName(r: QuestionReportInput, format: 'docx' | 'pdf'): string {
  return `${r.kind === 'questions' ? 'Danh sách câu hỏi chất vấn' : 'Báo cáo kết quả chất vấn'}.${format}`;
}

export async function questionReportDocx(r: QuestionReportInput): Promise<Buffer> {
  const children = questionReportBlocks(r).map((b) => {
    const runs = [...(b.bold && b.kind !== 'subtitle' ? [new TextRun({ text: b.bold, bold: true })] : []), new TextRun({ text: b.text, bold: b.kind === 'subtitle' && Boolean(b.bold), italics: b.kind === 'quote' || b.kind === 'note' })];
    if (b.kind === 'title') return new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: b.text, bold: true })] });
    if (b.kind === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: b.text, bold: true })] });
    if (b.kind === 'subtitle' || b.kind === 'note') return new Paragraph({ alignment: AlignmentType.CENTER, children: runs });
    return new Paragraph({ children: runs, indent: b.kind === 'quote' ? { left: 567 } : undefined });
  });
  const doc = new Document({ styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export function questionReportPdf(r: QuestionReportInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const blocks = questionReportBlocks(r);
    const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { Title: blocks.find((b) => b.kind === 'title')!.text } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONTS.regular).registerFont('bold', FONTS.bold).registerFont('italic', FONTS.italic);
    for (const b of blocks) {
      if (b.kind === 'title') doc.moveDown(0.5).font('bold').fontSize(14).text(b.text, { align: 'center' });
      else if (b.kind === 'subtitle') doc.font(b.bold ? 'bold' : 'regular').fontSize(12).text(b.text, { align: 'center' });
      else if (b.kind === 'note') doc.font('italic').fontSize(11).text(b.text, { align: 'center' });
      else if (b.kind === 'heading') doc.moveDown().font('bold').fontSize(12).text(b.text);
      else {
        doc.moveDown(0.3);
        if (b.bold) doc.font('bold').fontSize(11).text(b.bold, { continued: true, indent: b.kind === 'quote' ? 20 : 0 });
        doc.font(b.kind === 'quote' ? 'italic' : 'regular').fontSize(11).text(b.text);
      }
    }
    doc.end();
  });
}
