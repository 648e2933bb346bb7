import { join } from 'node:path';
import type { Minutes, SittingAttendance, VoteResult } from '@hopso/shared';
import { golden as goldenIn } from '../../test/support/golden';
import { docxDocumentXml, docxText, pdfText } from '../../test/support/read-back';
import { attendanceReport } from '../attendance/attendance.service';
import { tableDocument } from '../common/table-report';
import { votesReport } from '../votes/votes-report';
import type { VoteRow } from '../votes/votes.repository';
import type { AdminDocument } from './format/admin-document';
import { renderDocx } from './format/render-docx';
import { renderPdf } from './format/render-pdf';
import { minutesDocument } from './minutes/minutes-document';
import { explanationDocument, type Synthesis, synthesisDocument } from './reports/synthesis-document';

/**
 * Golden files of every kind of document of record hopso writes: the DOCX's document.xml and the
 * PDF's text, from one scripted description each. 18:30 UTC on 1 December is 2 December on the
 * council's clock (Asia/Ho_Chi_Minh), so a date printed in the server's zone shows.
 */
const GOLDEN = join(__dirname, '__golden__');
const golden = (name: string, actual: string) => goldenIn(GOLDEN, name, actual);
const ZONE = 'Asia/Ho_Chi_Minh';
const AT = new Date('2026-12-01T18:30:00Z');
const DATE_LINE = 'Yên Hòa, ngày 02 tháng 12 năm 2026';
const COUNCIL = 'Hội đồng nhân dân xã Yên Hòa';
const MEETING = 'Kỳ họp thứ 5 HĐND xã Yên Hòa khóa XXI';
const flat = (s: string) => s.replace(/\s+/g, ' ');

const comment = (authorId: string, author: string, group: string | null, status: Synthesis['items'][0]['documents'][0]['sections'][0]['comments'][0]['status'], body: string, reply = '') => ({
  authorId,
  author,
  unit: 'Thôn Đông',
  group,
  quote: '',
  body,
  status,
  reply,
  at: new Date('2026-12-01T02:00:00Z'),
});

const synthesis = (scope: Synthesis['scope']): Synthesis => ({
  issuer: { councilName: COUNCIL, timeZone: ZONE },
  meetingTitle: MEETING,
  generatedAt: AT,
  scope,
  anonymous: false,
  signerName: 'Lê Thị Thư',
  items: [
    {
      title: 'Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027',
      presenter: 'Chủ tịch UBND xã',
      groupReports: [{ groupName: 'Tổ 1', text: 'Tổ 1 thống nhất với dự thảo.', submitted: true }],
      documents: [
        {
          id: 'd1',
          title: 'Dự thảo Nghị quyết đầu tư công',
          versionNo: 2,
          sections: [
            {
              paragraphIndex: 4,
              page: 1,
              label: 'Điều 2, khoản 1',
              paragraphText: 'Tổng vốn đầu tư công năm 2027 là 12 tỷ đồng.',
              comments: [
                comment('u1', 'Nguyễn Văn An', 'Tổ 1', 'accepted', 'Đề nghị tăng vốn cho đường liên thôn.', 'Đã bổ sung 2 tỷ đồng cho đường liên thôn.'),
                comment('u2', 'Trần Thị Bình', 'Tổ 2', 'answered', 'Cần nêu rõ nguồn vốn.', 'Nguồn vốn từ ngân sách tỉnh hỗ trợ.'),
              ],
              oldPlaces: ['', ''],
            },
            {
              paragraphIndex: 7,
              page: 2,
              label: 'Điều 3',
              paragraphText: 'Giao UBND xã tổ chức thực hiện.',
              comments: [comment('u3', 'Phạm Văn Cường', null, 'sent', 'Đề nghị báo cáo tiến độ hằng quý.')],
              oldPlaces: [''],
            },
            {
              paragraphIndex: null,
              page: null,
              label: null,
              paragraphText: '',
              comments: [comment('u1', 'Nguyễn Văn An', 'Tổ 1', 'declined', 'Bỏ khoản chi hội nghị.', 'Khoản này đã được bỏ ở phiên bản 2.')],
              oldPlaces: ['Điều 4, khoản 2, phiên bản 1'],
            },
          ],
        },
      ],
    },
  ],
});

const result = (yes: number, no: number, abstain: number): VoteResult => ({ counts: { yes, no, abstain, cast: yes + no + abstain }, seats: 15, present: 14, rule: 'majority_of_seats', needed: 8, passed: yes >= 8, manual: false });

const minutes: Minutes = {
  id: 'n1',
  meetingId: 'm1',
  sittingId: null,
  title: MEETING,
  status: 'final',
  version: 6,
  frozen: true,
  returnNote: '',
  updatedAt: AT.toISOString(),
  finalizedAt: AT.toISOString(),
  content: { opening: 'Chủ tọa tuyên bố khai mạc kỳ họp.', items: { a1: { summary: 'Đại biểu thống nhất tăng vốn cho đường liên thôn.', conclusion: 'Giao UBND xã hoàn thiện dự thảo.' } }, closing: 'Kỳ họp bế mạc.' },
  facts: {
    councilName: COUNCIL,
    timeZone: ZONE,
    meetingTitle: MEETING,
    location: 'Hội trường UBND xã',
    startsAt: '2026-12-01T01:00:00Z',
    chairs: ['Trần Thị Bình'],
    secretaries: ['Lê Thị Thư'],
    sittings: [{ id: 's1', title: 'Phiên sáng', openedAt: '2026-12-01T01:05:00Z', closedAt: '2026-12-01T04:30:00Z', seats: 15, present: 14, hall: 12, online: 2, absent: [{ name: 'Phạm Văn Cường', excused: true, reason: 'Đi công tác' }], quorumMet: true }],
    items: [
      {
        agendaItemId: 'a1',
        position: 1,
        title: 'Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027',
        presenter: 'Chủ tịch UBND xã',
        documents: [{ id: 'd1', title: 'Dự thảo Nghị quyết đầu tư công', versionNo: 2 }],
        speeches: [{ name: 'Nguyễn Văn An', unit: 'Thôn Đông', type: 'contribution', durationSeconds: 185 }],
        votes: [{ id: 'v1', question: 'Thông qua Nghị quyết đầu tư công năm 2027', kind: 'named', closedAt: '2026-12-01T04:00:00Z', result: result(13, 1, 0), documentTitle: 'Dự thảo Nghị quyết đầu tư công' }],
        groupReports: [{ groupName: 'Tổ 1', text: 'Tổ 1 thống nhất với dự thảo.', submitted: true }],
      },
    ],
    otherVotes: [],
    questions: [],
  },
};

const names = { councilName: COUNCIL, meetingTitle: MEETING, timeZone: ZONE };
const attendance: SittingAttendance = {
  sitting: { id: 's1', meetingId: 'm1', position: 1, title: 'Phiên sáng', status: 'closed', openedAt: '2026-12-01T01:05:00Z', closedAt: '2026-12-01T04:30:00Z' },
  quorum: { sittingId: 's1', seats: 15, present: 14, hall: 12, online: 2, absent: 1, rule: 'majority_of_seats', required: 8, met: true },
  entries: [
    { userId: 'u1', fullName: 'Nguyễn Văn An', unit: 'Thôn Đông', role: 'delegate', votingRight: true, status: 'hall', excused: false, reason: '', source: 'self', at: '2026-12-01T00:55:00Z' },
    { userId: 'u2', fullName: 'Trần Thị Bình', unit: 'Thôn Tây', role: 'chair', votingRight: true, status: 'online', excused: false, reason: '', source: 'secretariat', at: '2026-12-01T01:02:00Z' },
    { userId: 'u3', fullName: 'Phạm Văn Cường', unit: 'Thôn Nam', role: 'delegate', votingRight: true, status: 'absent', excused: true, reason: 'Đi công tác', source: 'secretariat', at: '2026-12-01T00:30:00Z' },
  ],
};
const voteRow: VoteRow = {
  id: 'v1',
  meeting_id: 'm1',
  sitting_id: 's1',
  agenda_item_id: 'a1',
  document_id: 'd1',
  version_id: 'dv2',
  paragraph_id: null,
  section_label: '',
  section_excerpt: null,
  question: 'Thông qua Nghị quyết đầu tư công năm 2027',
  kind: 'named',
  pass_rule: 'majority_of_seats',
  status: 'closed',
  duration_seconds: 60,
  seats: 15,
  opened_at: new Date('2026-12-01T03:59:00Z'),
  closes_at: null,
  closed_at: new Date('2026-12-01T04:00:00Z'),
  result: result(13, 1, 0),
  repeat_of: null,
  superseded_by: null,
  on_hall: false,
  records_published: true,
  position: 1,
  created_at: new Date('2026-12-01T03:00:00Z'),
  ballots_cast: 14,
};
const ballots = new Map([['v1', { ballots: [{ userId: 'u1', fullName: 'Nguyễn Văn An', unit: 'Thôn Đông', choice: 'yes' as const }], voters: [] }]]);
/** A table report is dated when it is made: here, at the fixed moment. */
const dated = (d: AdminDocument): AdminDocument => ({ ...d, date: AT });

/** `expect`: in both renderings; `cells`: table cells, whole in the DOCX (a PDF wraps them within their column). */
const KINDS: { kind: string; doc: () => AdminDocument; expect: string[]; cells?: string[] }[] = [
  {
    kind: 'synthesis-meeting',
    doc: () => synthesisDocument(synthesis('meeting')),
    expect: ['/BC-HĐND', 'BÁO CÁO', `Tổng hợp ý kiến đại biểu tại ${MEETING}`, 'Điều 2, khoản 1', 'Điều 3', 'vị trí cũ: Điều 4, khoản 2, phiên bản 1', 'Tổng số ý kiến: 4; số đại biểu có ý kiến: 3.', 'Tổ 1 thống nhất với dự thảo.', 'Lê Thị Thư'],
    cells: ['Dự thảo Nghị quyết đầu tư công 1 0 1 1 1 4', 'Tổ 1 0 0 1 0 1 2', 'Tổ 2 0 0 0 1 0 1', 'Ngoài tổ 1 0 0 0 0 1'],
  },
  {
    kind: 'synthesis-document',
    doc: () => synthesisDocument(synthesis('document')),
    expect: ['/BC-HĐND', 'Tổng hợp ý kiến đại biểu về Dự thảo Nghị quyết đầu tư công', 'Điều 2, khoản 1'],
    cells: ['Dự thảo Nghị quyết đầu tư công 1 0 1 1 1 4', 'Tổ 2 0 0 0 1 0 1', 'Ngoài tổ 1 0 0 0 0 1'],
  },
  {
    kind: 'explanation',
    doc: () => explanationDocument(synthesis('document')),
    expect: ['/BC-HĐND', 'Tiếp thu, giải trình ý kiến đại biểu về Dự thảo Nghị quyết đầu tư công', 'Tổng số ý kiến: 4; đã tiếp thu: 1; đã giải trình: 1; không tiếp thu: 1; chưa xử lý: 1.', 'Điều 2, khoản 1', 'Tiếp thu: Đã bổ sung 2 tỷ đồng cho đường liên thôn.', 'Giải trình: Nguồn vốn từ ngân sách tỉnh hỗ trợ.', '(vị trí cũ: Điều 4, khoản 2, phiên bản 1)'],
  },
  {
    kind: 'minutes',
    doc: () => minutesDocument(minutes),
    expect: ['/BB-HĐND', 'BIÊN BẢN', 'bắt đầu lúc 08 giờ 05 phút, ngày 01 tháng 12 năm 2026', 'Tổng số đại biểu: 15. Có mặt: 14 (tại hội trường 12, tham dự trực tuyến 2). Vắng mặt: 1.', 'Tán thành: 13 phiếu, chiếm 86,67% tổng số đại biểu', 'ĐÃ THÔNG QUA', 'Giao UBND xã hoàn thiện dự thảo.', 'kết thúc lúc 11 giờ 30 phút', 'THƯ KÝ', 'CHỦ TỌA'],
    cells: ['Vắng có lý do: Đi công tác', '3 phút 05 giây'],
  },
  {
    kind: 'attendance',
    doc: () => dated(tableDocument(attendanceReport(names, attendance))),
    expect: ['/DS-HĐND', 'DANH SÁCH', `Điểm danh đại biểu Phiên sáng, ${MEETING}`, 'Tổng số đại biểu: 15. Có mặt: 14 (tại hội trường 12, trực tuyến 2). Vắng mặt: 1.'],
    cells: ['Vắng có lý do', 'Đi công tác', '01/12/2026 07:55', 'Nguyễn Văn An'],
  },
  {
    kind: 'vote-results',
    doc: () => dated(tableDocument(votesReport(names, [voteRow], ballots))),
    expect: ['/BC-HĐND', 'BÁO CÁO', `Kết quả biểu quyết tại ${MEETING}`, 'Số lần biểu quyết: 1.', 'Tán thành: 13 phiếu, chiếm 86,67% tổng số đại biểu.'],
    cells: ['13 (86,67%)', 'Đã thông qua', '01/12/2026 11:00', 'Nguyễn Văn An'],
  },
];

/** The header block of the decree in reading order (the number sits under the issuer, beside the date line on the council's clock). */
const HEADER = ['HỘI ĐỒNG NHÂN DÂN XÃ YÊN HÒA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', DATE_LINE];

function inOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const s of parts) {
    const next = text.indexOf(s, at + 1);
    expect({ s, found: next > at }).toEqual({ s, found: true });
    at = next;
  }
}

describe.each(KINDS)('the $kind document of record', ({ kind, doc, expect: facts, cells = [] }) => {
  it('renders to DOCX as its golden document.xml, with the header block, the date line in the council’s zone and its facts', async () => {
    const docx = await renderDocx(doc());
    golden(`${kind}.document.xml`, await docxDocumentXml(docx));
    const text = flat(await docxText(docx));
    inOrder(text, HEADER);
    expect(text).toMatch(/Số: \/(BC|BB|DS)-HĐND/);
    for (const s of [...facts, ...cells, 'Nơi nhận:']) expect({ kind, s, found: text.includes(s) }).toEqual({ kind, s, found: true });
  });

  it('renders to PDF with the golden text, the same header block, date line and facts', async () => {
    const raw = await pdfText(await renderPdf(doc()));
    golden(`${kind}.pdf.txt`, raw);
    const text = flat(raw);
    inOrder(text, [...HEADER.slice(0, 3), 'Số:', DATE_LINE]);
    for (const s of [...facts, 'Nơi nhận:']) expect({ kind, s, found: text.includes(s) }).toEqual({ kind, s, found: true });
  });
});

it('dates every kind on the council’s clock: the same moment is another day in UTC', async () => {
  for (const k of KINDS) {
    const d = k.doc();
    const text = flat(await docxText(await renderDocx({ ...d, timeZone: 'UTC' })));
    expect({ kind: k.kind, utc: text.includes('Yên Hòa, ngày 01 tháng 12 năm 2026') }).toEqual({ kind: k.kind, utc: true });
  }
});
