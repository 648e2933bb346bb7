import type { IssueStatus, Question, QuestionReportKind, QuestionsBoard } from '@hopso/shared';
import { type AdminDocument, type Block, bold, heading, italic, para, shortDateTime } from '../records/format/admin-document';
import { recordDocument, SYMBOL } from '../records/format/record-document';
import { renderDocx, renderPdf } from '../records/format/renderers';


export const ISSUE_STATUS_LABEL: Record<IssueStatus, string> = {
  pending: 'Chờ trả lời',
  in_hall: 'Đang chất vấn tại hội trường',
  answered_in_hall: 'Đã trả lời tại hội trường',
  answered_in_writing: 'Đã trả lời bằng văn bản',
};

export interface QuestionReportInput {
  kind: QuestionReportKind;
  councilName: string;
  /** The council's: the date line and every time are printed in it. */
  timeZone: string;
  meetingTitle: string;
  generatedAt: Date;
  board: QuestionsBoard;
}

const authors = (q: Question) => q.authors.map((a) => a.name).join(', ');

/** The report as a document of record: one section per issue, then the questions not yet grouped. */
export function questionReportDocument(r: QuestionReportInput): AdminDocument {
  const when = (iso: string | Date) => shortDateTime(iso, r.timeZone);
  const body: Block[] = [];
  r.board.issues.forEach((issue, i) => {
    body.push(heading(`${i + 1}. ${issue.title}`));
    body.push(para(bold('Người trả lời: '), `${issue.positionTitle}${issue.officialName ? ` (${issue.officialName})` : ''}${issue.selectedForHall ? '; chất vấn tại hội trường' : ''}`));
    issue.questions.forEach((q, j) => body.push(para(bold(`Câu hỏi ${j + 1} (${authors(q)}): `), q.body)));
    if (r.kind === 'followup') {
      const due = issue.needsWrittenAnswer ? `; hạn trả lời bằng văn bản: ${when(issue.answerDueAt)}${issue.overdue ? ' (QUÁ HẠN)' : ''}` : '';
      body.push(para(bold('Tình trạng: '), `${ISSUE_STATUS_LABEL[issue.status]}${due}`));
      if (issue.commitment) body.push(para(bold('Cam kết tại hội trường: '), issue.commitment));
      if (issue.followUpUntil) body.push(para(bold('Theo dõi: '), issue.followUpClosed ? 'đã kết thúc khi kỳ họp tiếp theo bắt đầu' : `đến kỳ họp tiếp theo (${when(issue.followUpUntil)})`));
      for (const m of issue.messages) body.push(para(bold(`${m.kind === 'answer' ? 'Trả lời' : 'Chất vấn lại'} của ${m.authorName} (${when(m.createdAt)}): `), italic(m.body)));
    }
  });
  if (r.board.ungrouped.length) {
    body.push(heading('Câu hỏi chưa tổng hợp'));
    r.board.ungrouped.forEach((q, j) => body.push(para(bold(`${j + 1}. Gửi ${q.positionTitle} (${authors(q)}): `), q.body)));
  }
  if (!body.length) body.push(para(italic('Chưa có câu hỏi chất vấn.')));
  return recordDocument(r, {
    type: r.kind === 'questions' ? 'Danh sách' : 'Báo cáo',
    summary: `${r.kind === 'questions' ? 'Câu hỏi chất vấn theo vấn đề' : 'Kết quả chất vấn và trả lời chất vấn'} tại ${r.meetingTitle}`,
    symbol: r.kind === 'questions' ? SYMBOL.list : SYMBOL.report,
    date: r.generatedAt,
    body,
  });
}

export function questionReportFileName(r: QuestionReportInput, format: 'docx' | 'pdf'): string {
  return `${r.kind === 'questions' ? 'Danh sách câu hỏi chất vấn' : 'Báo cáo kết quả chất vấn'}.${format}`;
}

export const questionReportDocx = (r: QuestionReportInput): Promise<Buffer> => renderDocx(questionReportDocument(r));
export const questionReportPdf = (r: QuestionReportInput): Promise<Buffer> => renderPdf(questionReportDocument(r));
