import { shortDateTime } from '../records/format/admin-document';
import { questionReportDocument } from './questions-report';

describe('the chất vấn follow-up report', () => {
  const issue = {
    id: 'i1',
    meetingId: 'm1',
    title: 'Đường liên thôn',
    positionId: 'p1',
    positionTitle: 'Chủ tịch UBND xã',
    officialUserId: 'u9',
    officialName: 'Hà Văn Tuấn',
    selectedForHall: false,
    status: 'answered_in_writing' as const,
    commitment: null,
    answerDueAt: '2026-03-01T00:00:00Z',
    needsWrittenAnswer: false,
    overdue: false,
    followUpUntil: '2026-06-30T23:30:00Z',
    followUpClosed: false,
    questions: [],
    messages: [{ id: 'x', kind: 'answer' as const, authorId: 'u9', authorName: 'Hà Văn Tuấn', body: 'Đã bố trí vốn.', createdAt: '2026-03-04T20:00:00Z' }],
  };
  const input = (timeZone: string, followUpClosed = false) => ({
    kind: 'followup' as const,
    councilName: 'HĐND xã Thử Nghiệm',
    meetingTitle: 'Kỳ họp thứ nhất',
    generatedAt: new Date('2026-03-04T20:00:00Z'),
    timeZone,
    board: { settings: { meetingId: 'm1', submitDeadline: null, answerDays: 20, open: false }, positions: [], ungrouped: [], issues: [{ ...issue, followUpClosed }] },
  });
  const text = (doc: ReturnType<typeof questionReportDocument>) =>
    doc.body.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'heading' ? b.text : '')).join('\n');

  it('says until when an issue is followed up, and when that ended with the next session', () => {
    expect(text(questionReportDocument(input('Asia/Ho_Chi_Minh')))).toContain(`Theo dõi: đến kỳ họp tiếp theo (${shortDateTime('2026-06-30T23:30:00Z', 'Asia/Ho_Chi_Minh')})`);
    expect(text(questionReportDocument(input('Asia/Ho_Chi_Minh', true)))).toContain('Theo dõi: đã kết thúc khi kỳ họp tiếp theo bắt đầu');
  });
});
