import { announceCount, formatShare, PASS_RULE_LABEL, VOTE_CHOICE_LABEL, type VoteRecords } from '@hopso/shared';
import type { ReportNames } from '../attendance/attendance.service';
import { councilTime, type TableReport } from '../common/table-report';
import { toVote, type VoteRow } from './votes.repository';

const KIND_LABEL = { named: 'Biểu quyết công khai', secret: 'Bỏ phiếu kín', show_of_hands: 'Biểu quyết bằng giơ tay' } as const;

/** The results of a meeting's votes for the minutes: counts and shares of the seats, the rule, passed or not; who chose what for named votes only. */
export function votesReport({ councilName, meetingTitle, timeZone }: ReportNames, rows: VoteRow[], records: Map<string, Omit<VoteRecords, 'vote'>>): TableReport {
  const votes = rows.map(toVote);
  const at = councilTime(timeZone);
  return {
    councilName,
    timeZone,
    title: 'BÁO CÁO',
    subtitle: `Kết quả biểu quyết tại ${meetingTitle}`,
    summary: [`Số lần biểu quyết: ${votes.length}.`],
    columns: ['STT', 'Nội dung', 'Hình thức', 'Tổng số đại biểu', 'Tán thành', 'Không tán thành', 'Không biểu quyết', 'Quy tắc', 'Kết quả', 'Thời điểm'],
    rows: votes.map((v, i) => {
      const r = v.result!;
      return [
        i + 1,
        v.question + (v.supersededBy ? ' (đã biểu quyết lại)' : ''),
        KIND_LABEL[v.kind],
        r.seats,
        `${r.counts.yes} (${formatShare(r.counts.yes, r.seats)})`,
        `${r.counts.no} (${formatShare(r.counts.no, r.seats)})`,
        `${r.counts.abstain} (${formatShare(r.counts.abstain, r.seats)})`,
        PASS_RULE_LABEL[r.rule],
        r.passed ? 'Đã thông qua' : 'Không thông qua',
        v.closedAt ? at(v.closedAt) : '',
      ];
    }),
    sections: votes.map((v) => {
      const r = v.result!;
      const rec = records.get(v.id)!;
      return {
        heading: v.question,
        lines: [
          `${KIND_LABEL[v.kind]}. Tổng số đại biểu: ${r.seats}; có mặt: ${r.present}.`,
          `Tán thành: ${announceCount(r.counts.yes, r.seats)}.`,
          `Không tán thành: ${announceCount(r.counts.no, r.seats)}.`,
          `Không biểu quyết: ${announceCount(r.counts.abstain, r.seats)}.`,
          `${PASS_RULE_LABEL[r.rule]} (cần ${r.needed} phiếu tán thành): ${r.passed ? 'ĐÃ THÔNG QUA' : 'KHÔNG THÔNG QUA'}.`,
          ...(v.kind === 'secret' ? [`Số đại biểu đã bỏ phiếu: ${rec.voters.length}.`] : []),
        ],
        columns: v.kind === 'named' ? ['STT', 'Họ và tên', 'Đơn vị', 'Lựa chọn'] : [],
        rows: v.kind === 'named' ? rec.ballots.map((b, i) => [i + 1, b.fullName, b.unit, VOTE_CHOICE_LABEL[b.choice]]) : [],
      };
    }),
    fileName: `Kết quả biểu quyết - ${meetingTitle}`,
  };
}
