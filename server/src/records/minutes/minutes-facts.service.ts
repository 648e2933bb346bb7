import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { IssueStatus, MinutesFacts, MinutesItemFacts, MinutesQuestionIssue, MinutesSittingFacts, MinutesVote } from '@hopso/shared';
import type { AuthUser } from '../../auth/auth-user';
import { AttendanceService } from '../../attendance/attendance.service';
import { ISSUE_STATUS_LABEL } from '../../questions/questions-report';
import { SELECT_VOTES, toVote, type VoteRow } from '../../votes/vote-rows';


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
    const [m]: { title: string; location: string; starts_at: Date; council_name: string; time_zone: string }[] = await this.db.query(
      'SELECT m.title, m.location, m.starts_at, c.name AS council_name, c.time_zone FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1',
      [meetingId],
    );
    const staff: { role: string; full_name: string }[] = await this.db.query(
      `SELECT p.role, u.full_name FROM meeting_participants p JOIN users u ON u.id = p.user_id WHERE p.meeting_id = $1 AND p.role IN ('chair', 'secretary') ORDER BY u.full_name`,
      [meetingId],
    );
    const sittingRows: { id: string; opened_at: Date | null; closed_at: Date | null }[] = await this.db.query(
      'SELECT id, opened_at, closed_at FROM sittings WHERE meeting_id = $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY position',
      [meetingId, sittingId],
    );
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
    const from = one?.opened_at ?? null;
    const to = one ? (one.closed_at ?? new Date()) : null;
    const inWindow = (col: string) => (one ? `(${col} IS NOT NULL AND ${col} >= $2 AND ${col} <= $3)` : 'true');
    const win = one ? [from ?? new Date(0), to] : [];

    const itemRows: { id: string; position: number; title: string; presenter: string }[] = await this.db.query('SELECT id, position, title, presenter FROM agenda_items WHERE meeting_id = $1 ORDER BY position', [meetingId]);
    const docs: { id: string; title: string; agenda_item_id: string; version_no: number }[] = await this.db.query(
      `SELECT d.id, d.title, d.agenda_item_id, (SELECT version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) AS version_no
         FROM documents d WHERE d.meeting_id = $1 AND d.agenda_item_id IS NOT NULL ORDER BY d.created_at`,
      [meetingId],
    );
    const speeches: { agenda_item_id: string; full_name: string; unit: string | null; type: string; duration_seconds: number | null }[] = await this.db.query(
      `SELECT s.agenda_item_id, u.full_name, p.unit, s.type, s.duration_seconds
         FROM speeches s JOIN users u ON u.id = s.user_id LEFT JOIN meeting_participants p ON p.meeting_id = s.meeting_id AND p.user_id = s.user_id
        WHERE s.meeting_id = $1 AND s.status = 'done' AND ${inWindow('s.started_at')} ORDER BY s.started_at`,
      [meetingId, ...win],
    );
    const voteRows: VoteRow[] = await this.db.query(`${SELECT_VOTES} WHERE v.meeting_id = $1 AND v.status = 'closed' AND ${inWindow('v.closed_at')} ORDER BY v.position`, [meetingId, ...win]);
    const docTitles = new Map(docs.map((d) => [d.id, d.title]));
    const votes = voteRows.map(toVote).filter((v) => v.result);
    const toMinutesVote = (v: (typeof votes)[number]): MinutesVote => ({ id: v.id, question: v.question, kind: v.kind, closedAt: v.closedAt, result: v.result!, documentTitle: v.documentId ? (docTitles.get(v.documentId) ?? null) : null });
    const groups: { agenda_item_id: string; name: string; report_text: string; report_submitted_at: Date | null; ended_at: Date | null }[] = await this.db.query(
      `SELECT g.agenda_item_id, g.name, g.report_text, g.report_submitted_at, b.ended_at FROM breakout_groups g JOIN breakouts b ON b.agenda_item_id = g.agenda_item_id
        WHERE g.meeting_id = $1 AND g.report_text IS NOT NULL AND g.report_text <> '' AND ${inWindow('coalesce(g.report_submitted_at, g.report_updated_at)')} ORDER BY g.position`,
      [meetingId, ...win],
    );

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
    const issues: { id: string; title: string; position_title: string; official: string | null; status: IssueStatus; commitment: string | null }[] = await this.db.query(
      `SELECT i.id, i.title, p.title AS position_title, u.full_name AS official, i.status, i.commitment
         FROM question_issues i JOIN official_positions p ON p.id = i.position_id LEFT JOIN users u ON u.id = p.official_user_id
        WHERE i.meeting_id = $1 ORDER BY i.created_at`,
      [meetingId],
    );
    if (!issues.length) return [];
    const qs: { issue_id: string; body: string; authors: string }[] = await this.db.query(
      `SELECT q.issue_id, q.body,
              (SELECT string_agg(u.full_name, ', ' ORDER BY u.full_name) FROM questions x JOIN users u ON u.id = x.author_id WHERE x.id = q.id OR x.merged_into_id = q.id) AS authors
         FROM questions q WHERE q.meeting_id = $1 AND q.issue_id IS NOT NULL AND q.merged_into_id IS NULL ORDER BY q.created_at`,
      [meetingId],
    );
    const msgs: { issue_id: string; kind: 'answer' | 'followup'; body: string; author: string }[] = await this.db.query(
      `SELECT m.issue_id, m.kind, m.body, u.full_name AS author FROM question_messages m JOIN users u ON u.id = m.author_id
        JOIN question_issues i ON i.id = m.issue_id WHERE i.meeting_id = $1 ORDER BY m.created_at`,
      [meetingId],
    );
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
