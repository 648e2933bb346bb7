import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MinutesFacts, MinutesItemFacts, MinutesQuestionIssue, MinutesSittingFacts, MinutesVote } from '@hopso/shared';
import type { AuthUser } from '../../auth/auth-user';
import { AttendanceService } from '../../attendance/attendance.service';
import { ISSUE_STATUS_LABEL } from '../../questions/questions-report';
import { toVote } from '../../votes/votes.repository';
import {
  type FactsWindow,
  findFactsMeeting,
  listAgendaItemsOfMeeting,
  listClosedVotes,
  listDoneSpeeches,
  listGroupReports,
  listIssueMessages,
  listIssueQuestions,
  listItemDocuments,
  listMeetingStaff,
  listQuestionIssues,
  listSittingWindows,
} from './minutes.repository';

/**
 * The facts of the minutes, assembled from what hopso recorded: sittings and attendance, agenda items
 * with presenter, documents, speeches, votes and group reports, chất vấn. A sitting's minutes hold what
 * happened between its opening and its closing; the session's hold everything.
 */
@Injectable()
export class MinutesFactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attendance: AttendanceService,
  ) {}

  async assemble(caller: AuthUser, meetingId: string, sittingId: string | null): Promise<MinutesFacts> {
    const m = await findFactsMeeting(this.db, meetingId);
    const staff = await listMeetingStaff(this.db, meetingId);
    const sittingRows = await listSittingWindows(this.db, meetingId, sittingId);
    const sittings: MinutesSittingFacts[] = [];
    for (const s of sittingRows) {
      const a = await this.attendance.attendance(caller, s.id);
      sittings.push({
        id: s.id,
        title: a.sitting.title,
        openedAt: a.sitting.openedAt,
        closedAt: a.sitting.closedAt,
        seats: a.quorum.seats,
        present: a.quorum.present,
        hall: a.quorum.hall,
        online: a.quorum.online,
        absent: a.entries.filter((e) => e.votingRight && e.status !== 'hall' && e.status !== 'online').map((e) => ({ name: e.fullName, excused: e.excused, reason: e.reason })),
        quorumMet: a.quorum.met,
      });
    }
    // the window of a sitting: from its opening to its closing (or now while it is open)
    const one = sittingId ? sittingRows[0] : null;
    const window: FactsWindow = one ? { from: one.opened_at ?? new Date(0), to: one.closed_at ?? new Date() } : null;

    const itemRows = await listAgendaItemsOfMeeting(this.db, meetingId);
    const docs = await listItemDocuments(this.db, meetingId);
    const speeches = await listDoneSpeeches(this.db, meetingId, window);
    const voteRows = await listClosedVotes(this.db, meetingId, window);
    const docTitles = new Map(docs.map((d) => [d.id, d.title]));
    const votes = voteRows.map(toVote).filter((v) => v.result);
    const toMinutesVote = (v: (typeof votes)[number]): MinutesVote => ({ id: v.id, question: v.question, kind: v.kind, closedAt: v.closedAt, result: v.result!, documentTitle: v.documentId ? (docTitles.get(v.documentId) ?? null) : null });
    const groups = await listGroupReports(this.db, meetingId, window);

    const items: MinutesItemFacts[] = itemRows
      .map((it) => ({
        agendaItemId: it.id,
        position: it.position,
        title: it.title,
        presenter: it.presenter,
        documents: docs.filter((d) => d.agenda_item_id === it.id).map((d) => ({ id: d.id, title: d.title, versionNo: d.version_no })),
        speeches: speeches.filter((s) => s.agenda_item_id === it.id).map((s) => ({ name: s.full_name, unit: s.unit ?? '', type: s.type, durationSeconds: s.duration_seconds ?? 0 })),
        votes: votes.filter((v) => v.agendaItemId === it.id).map(toMinutesVote),
        groupReports: groups.filter((g) => g.agenda_item_id === it.id).map((g) => ({ groupName: g.name, text: g.report_text, submitted: g.report_submitted_at !== null })),
      }))
      // a sitting's minutes name the items it dealt with
      .filter((it) => !one || it.speeches.length || it.votes.length || it.groupReports.length);

    return {
      councilName: m.council_name,
      timeZone: m.time_zone,
      meetingTitle: m.title,
      location: m.location,
      startsAt: new Date(m.starts_at).toISOString(),
      chairs: staff.filter((s) => s.role === 'chair').map((s) => s.full_name),
      secretaries: staff.filter((s) => s.role === 'secretary').map((s) => s.full_name),
      sittings,
      items,
      otherVotes: votes.filter((v) => !v.agendaItemId || !itemRows.some((i) => i.id === v.agendaItemId)).map(toMinutesVote),
      questions: one ? [] : await this.questions(meetingId),
    };
  }

  private async questions(meetingId: string): Promise<MinutesQuestionIssue[]> {
    const issues = await listQuestionIssues(this.db, meetingId);
    if (!issues.length) return [];
    const qs = await listIssueQuestions(this.db, meetingId);
    const msgs = await listIssueMessages(this.db, meetingId);
    return issues.map((i) => ({
      title: i.title,
      official: `${i.position_title}${i.official ? ` (${i.official})` : ''}`,
      status: ISSUE_STATUS_LABEL[i.status],
      questions: qs.filter((q) => q.issue_id === i.id).map((q) => ({ authors: q.authors, body: q.body })),
      answers: msgs.filter((m) => m.issue_id === i.id).map((m) => ({ author: m.author, kind: m.kind, body: m.body })),
      commitment: i.commitment,
    }));
  }
}
