import { announceCount, type Minutes, type MinutesVote, PASS_RULE_LABEL } from '@hopso/shared';
import { type AdminDocument, type Block, bold, clockLine, dateLine, heading, italic, para, table } from '../format/admin-document';
import { recordDocument, SYMBOL } from '../format/record-document';

const SPEECH_TYPE: Record<string, string> = { contribution: 'phát biểu', reply: 'tranh luận', procedural: 'kiến nghị về thủ tục', question: 'chất vấn', followup: 'chất vấn lại', answer: 'trả lời chất vấn' };
const KIND: Record<string, string> = { named: 'biểu quyết công khai', secret: 'bỏ phiếu kín', show_of_hands: 'biểu quyết bằng giơ tay' };

const duration = (s: number) => `${Math.floor(s / 60)} phút ${String(s % 60).padStart(2, '0')} giây`;
const lines = (text: string): Block[] => text.split('\n').filter((l) => l.trim()).map((l) => para(l));

function voteBlocks(v: MinutesVote): Block[] {
  const r = v.result;
  return [
    para(bold(`Biểu quyết: ${v.question}`), ` (${KIND[v.kind] ?? v.kind}${v.documentTitle ? `; ${v.documentTitle}` : ''}).`),
    para(`Tổng số đại biểu: ${r.seats}; có mặt: ${r.present}. Tán thành: ${announceCount(r.counts.yes, r.seats)}; không tán thành: ${announceCount(r.counts.no, r.seats)}; không biểu quyết: ${announceCount(r.counts.abstain, r.seats)}.`),
    para(`${PASS_RULE_LABEL[r.rule]} (cần ${r.needed} phiếu tán thành): `, bold(r.passed ? 'ĐÃ THÔNG QUA.' : 'KHÔNG THÔNG QUA.')),
  ];
}

export const minutesTitle = (m: Pick<Minutes, 'sittingId' | 'facts'>) => {
  const s = m.sittingId ? m.facts.sittings.find((x) => x.id === m.sittingId) : null;
  return s ? `${s.title}, ${m.facts.meetingTitle}` : m.facts.meetingTitle;
};

/** Biên bản: the recorded facts in order, with the secretariat's summaries and the chair's conclusions. */
export function minutesDocument(m: Minutes): AdminDocument {
  const f = m.facts;
  const tz = f.timeZone;
  const body: Block[] = [];
  body.push(heading('I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN'));
  const first = f.sittings.find((s) => s.openedAt)?.openedAt ?? f.startsAt;
  body.push(para(`Thời gian: bắt đầu lúc ${clockLine(new Date(first), tz)}, ${dateLine(new Date(first), tz)}.`));
  if (f.location) body.push(para(`Địa điểm: ${f.location}.`));
  body.push(para(bold('Chủ tọa: '), f.chairs.join(', ') || '—'));
  body.push(para(bold('Thư ký: '), f.secretaries.join(', ') || '—'));
  for (const s of f.sittings) {
    body.push(heading(`Điểm danh ${s.title}`, 2));
    body.push(para(`Tổng số đại biểu: ${s.seats}. Có mặt: ${s.present} (tại hội trường ${s.hall}, tham dự trực tuyến ${s.online}). Vắng mặt: ${s.absent.length}. ${s.quorumMet ? 'Đủ số đại biểu theo quy định.' : 'Chưa đủ số đại biểu theo quy định.'}`));
    if (s.absent.length) body.push(table(['STT', 'Đại biểu vắng mặt', 'Lý do'], s.absent.map((a, i) => [i + 1, a.name, a.excused ? `Vắng có lý do${a.reason ? `: ${a.reason}` : ''}` : 'Vắng không lý do']), [1, 5, 5]));
  }
  if (m.content.opening.trim()) body.push(...lines(m.content.opening));

  body.push(heading('II. NỘI DUNG'));
  if (!f.items.length) body.push(para(italic('Không có nội dung được ghi nhận.')));
  f.items.forEach((it, i) => {
    body.push(heading(`${i + 1}. ${it.title}`, 2));
    if (it.presenter) body.push(para(bold('Trình bày: '), it.presenter));
    if (it.documents.length) body.push(para(bold('Tài liệu: '), it.documents.map((d) => `${d.title} (phiên bản ${d.versionNo})`).join('; ')));
    const own = m.content.items[it.agendaItemId];
    if (own?.summary.trim()) body.push(...lines(own.summary));
    if (it.speeches.length) {
      body.push(para(bold(`Ý kiến phát biểu (${it.speeches.length} lượt):`)));
      body.push(table(['STT', 'Đại biểu', 'Hình thức', 'Thời gian'], it.speeches.map((s, k) => [k + 1, `${s.name}${s.unit ? ` (${s.unit})` : ''}`, SPEECH_TYPE[s.type] ?? s.type, duration(s.durationSeconds)]), [1, 6, 3, 3]));
    }
    for (const g of it.groupReports) {
      body.push(para(bold(`Báo cáo thảo luận ${g.groupName}${g.submitted ? '' : ' (chưa gửi)'}:`)));
      body.push(...lines(g.text));
    }
    for (const v of it.votes) body.push(...voteBlocks(v));
    if (own?.conclusion.trim()) body.push(para(bold('Kết luận của chủ tọa: ')), ...lines(own.conclusion));
  });
  if (f.otherVotes.length) {
    body.push(heading('Các nội dung biểu quyết khác', 2));
    for (const v of f.otherVotes) body.push(...voteBlocks(v));
  }
  if (f.questions.length) {
    body.push(heading('III. CHẤT VẤN VÀ TRẢ LỜI CHẤT VẤN'));
    f.questions.forEach((q, i) => {
      body.push(para(bold(`${i + 1}. ${q.title}`), ` — người trả lời: ${q.official}; ${q.status}.`));
      for (const x of q.questions) body.push(para(italic(`${x.authors}: `), x.body));
      for (const a of q.answers) body.push(para(bold(`${a.kind === 'answer' ? 'Trả lời' : 'Chất vấn lại'} của ${a.author}: `), a.body));
      if (q.commitment) body.push(para(bold('Cam kết: '), q.commitment));
    });
  }
  if (m.content.closing.trim()) body.push(heading(f.questions.length ? 'IV. KẾT THÚC' : 'III. KẾT THÚC'), ...lines(m.content.closing));
  const closedAt = [...f.sittings].reverse().find((s) => s.closedAt)?.closedAt;
  if (closedAt) body.push(para(`Phiên họp kết thúc lúc ${clockLine(new Date(closedAt), tz)}, ${dateLine(new Date(closedAt), tz)}.`));
  body.push(para(italic(m.status === 'final' ? 'Biên bản đã được chủ tọa thông qua.' : `Dự thảo biên bản (phiên bản ${m.version}).`)));

  return recordDocument(
    { councilName: f.councilName, timeZone: tz },
    {
      type: 'Biên bản',
      summary: minutesTitle(m),
      symbol: SYMBOL.minutes,
      date: m.finalizedAt ? new Date(m.finalizedAt) : new Date(first),
      body,
      signers: [
        { authority: '', position: 'THƯ KÝ', name: f.secretaries[0] ?? '' },
        { authority: '', position: 'CHỦ TỌA', name: f.chairs[0] ?? '' },
      ],
      recipients: ['Thường trực HĐND', 'Các đại biểu HĐND', 'Lưu: VT'],
    },
  );
}
