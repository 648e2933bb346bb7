import Papa from 'papaparse';
import { type CommentStatus, DEFAULT_TIME_ZONE } from '@hopso/shared';
import { shortDateTime } from '../records/format/admin-document';
import { STATUS_LABEL } from '../records/reports/synthesis-document';

export { STATUS_LABEL };

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
  /** The council's time zone (default Asia/Ho_Chi_Minh): the date line and times are printed in it. */
  timeZone?: string;
  sections: ReportSection[];
  /** Reports of the breakout groups that discussed this document's agenda item. */
  groupReports: GroupReport[];
}

const when = (r: SynthesisReport, d: Date) => shortDateTime(d, r.timeZone ?? DEFAULT_TIME_ZONE);

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
      'Thời gian': when(r, c.at),
    })),
  );
  for (const g of r.groupReports) {
    rows.push({ 'Đoạn số': 'thảo luận tổ', Trang: '', 'Vị trí': '', 'Trích dẫn': '', 'Đại biểu': g.groupName, 'Đơn vị': '', 'Ý kiến': g.text, 'Trạng thái': g.submitted ? 'Đã gửi' : 'Chưa gửi', 'Trả lời': '', 'Thời gian': '' });
  }
  const csv = Papa.unparse(rows.length ? rows : [{ 'Đoạn số': '', Trang: '', 'Vị trí': '', 'Trích dẫn': '', 'Đại biểu': '', 'Đơn vị': '', 'Ý kiến': '', 'Trạng thái': '', 'Trả lời': '', 'Thời gian': '' }], { newline: '\r\n', escapeFormulae: true });
  return Buffer.from('\uFEFF' + (rows.length ? csv : csv.split('\r\n')[0]), 'utf8');
}
