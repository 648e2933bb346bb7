import { dateLine, questionReportBlocks } from './questions-report';

describe('the date line of a report (Nghị định 30/2020/NĐ-CP)', () => {
  it('pads a day below 10 and the months 1 and 2, in the council’s time zone', () => {
    // 20:00 UTC on 4 January is already the 5th in Vietnam
    expect(dateLine(new Date('2026-01-04T20:00:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateLine(new Date('2026-03-15T03:00:00Z'))).toBe('ngày 15 tháng 3 năm 2026');
    expect(dateLine(new Date('2026-12-09T03:00:00Z'))).toBe('ngày 09 tháng 12 năm 2026');
  });
});

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
  const text = (blocks: ReturnType<typeof questionReportBlocks>) => blocks.map((b) => `${b.bold ?? ''}${b.text}`).join('\n');

  it('writes its dates and times in the council’s own time zone', () => {
    const vn = text(questionReportBlocks(input('Asia/Ho_Chi_Minh')));
    const utc = text(questionReportBlocks(input('UTC')));
    expect(vn).toContain('ngày 05 tháng 3 năm 2026');
    expect(utc).toContain('ngày 04 tháng 3 năm 2026');
    expect(vn).toContain('03:00:00 5/3/2026');
    expect(utc).toContain('20:00:00 4/3/2026');
  });

  it('says until when an issue is followed up, and when that ended with the next session', () => {
    expect(text(questionReportBlocks(input('Asia/Ho_Chi_Minh')))).toContain('Theo dõi: đến kỳ họp tiếp theo (06:30:00 1/7/2026)');
    expect(text(questionReportBlocks(input('Asia/Ho_Chi_Minh', true)))).toContain('Theo dõi: đã kết thúc khi kỳ họp tiếp theo bắt đầu');
  });
});
