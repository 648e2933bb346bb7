import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  can,
  decideResult,
  VOTE_CHOICES,
  type CreateVoteRequest,
  type ManualResultRequest,
  type OpenVoteRequest,
  type PrepareSectionVotesRequest,
  type UpdateVoteRequest,
  type Vote,
  type VoteChoice,
  type VoteCounts,
  type VoteForMe,
  type VoteRecords,
} from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AttendanceService } from '../attendance/attendance.service';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { releasedToDelegates } from '../documents/readable-documents';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { updateReturning } from '../common/update-returning';
import { rewriteSecretBallots } from './secret-ballots';
import { SELECT_VOTES, toVote, type VoteRow } from './vote-rows';

/** "Điều 3." at the start of a paragraph marks a section of a draft resolution. */
const ARTICLE = /^\s*(Điều\s+\d+)\b/u;
const SWEEP_MS = 1000;

/** Votes: drafts, open / close (with an optional countdown), results by the pass rule, repeats, show-of-hands entry. */
@Injectable()
export class VotesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('VotesService');
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly attendance: AttendanceService,
    private readonly audit: AuditService,
  ) {}

  /** Countdowns close their votes here, on whichever process sees them first (a restart included). */
  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.closeOverdue().catch((e) => this.logger.error(e)), SWEEP_MS);
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  async list(caller: AuthUser, meetingId: string): Promise<VoteForMe[]> {
    const { role } = await this.access.require(caller, meetingId, 'votes.read');
    const rows: VoteRow[] = await this.db.query(`${SELECT_VOTES} WHERE v.meeting_id = $1 AND ($2 OR v.status <> 'draft') ORDER BY v.position`, [meetingId, can(role, 'votes.manage')]);
    return Promise.all(rows.map((r) => this.forMe(caller, r)));
  }

  async get(caller: AuthUser, voteId: string): Promise<VoteForMe> {
    const { role } = await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.read');
    const row = await this.find(this.db.manager, voteId);
    if (row.status === 'draft' && !can(role, 'votes.manage')) throw notFound('Vote');
    return this.forMe(caller, row);
  }

  async create(caller: AuthUser, meetingId: string, req: CreateVoteRequest): Promise<Vote> {
    await this.access.require(caller, meetingId, 'votes.manage');
    const refs = await this.checkRefs(meetingId, req);
    const [vote] = await this.insert(caller, meetingId, [{ ...req, ...refs }]);
    return vote;
  }

  async prepareSections(caller: AuthUser, meetingId: string, req: PrepareSectionVotesRequest): Promise<Vote[]> {
    await this.access.require(caller, meetingId, 'votes.manage');
    const [doc]: { title: string; agenda_item_id: string | null; version_id: string | null }[] = await this.db.query(
      `SELECT d.title, d.agenda_item_id, (SELECT id FROM document_versions dv WHERE dv.document_id = d.id ORDER BY (dv.status = 'ready') DESC, version_no DESC LIMIT 1) AS version_id
         FROM documents d WHERE d.id = $1 AND d.meeting_id = $2`,
      [req.documentId, meetingId],
    );
    if (!doc || !doc.version_id) throw new DomainError('VALIDATION_FAILED', 'This document does not belong to the meeting', [{ path: 'documentId', message: 'Unknown document' }]);
    const paragraphs: { id: string; text: string }[] = await this.db.query('SELECT id, text FROM paragraphs WHERE version_id = $1 ORDER BY index', [doc.version_id]);
    const sections = paragraphs.flatMap((p) => {
      const m = ARTICLE.exec(p.text);
      return m ? [{ paragraphId: p.id, label: m[1].replace(/\s+/g, ' ') }] : [];
    });
    const agendaItemId = req.agendaItemId ?? doc.agenda_item_id;
    const base = { kind: req.kind, passRule: req.passRule, durationSeconds: req.durationSeconds, agendaItemId, documentId: req.documentId, versionId: doc.version_id };
    return this.insert(caller, meetingId, [
      ...sections.map((s) => ({ ...base, paragraphId: s.paragraphId, sectionLabel: s.label, question: `Biểu quyết thông qua ${s.label} – ${doc.title}` })),
      { ...base, paragraphId: null, sectionLabel: 'Toàn văn', question: `Biểu quyết thông qua toàn văn ${doc.title}` },
    ]);
  }

  async open(caller: AuthUser, voteId: string, req: OpenVoteRequest): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status !== 'draft') throw new DomainError(row.status === 'closed' ? 'VOTE_CLOSED' : 'CONFLICT', row.status === 'closed' ? 'This vote has closed; repeat it to vote again' : 'This vote is already open');
    if (row.kind === 'show_of_hands') throw new DomainError('VALIDATION_FAILED', 'A show-of-hands vote is not opened on phones: enter its result');
    await this.assertDocumentReleased(row);
    const sitting = await this.attendance.openSitting(this.db.manager, row.meeting_id);
    if (!sitting) throw new DomainError('SITTING_NOT_OPEN', 'Open a sitting (phiên họp) before opening a vote');
    const [other] = await this.db.query(`SELECT question FROM votes WHERE meeting_id = $1 AND status = 'open'`, [row.meeting_id]);
    if (other) throw new DomainError('CONFLICT', `Close the open vote first: ${other.question}`);
    const duration = req.durationSeconds !== undefined ? req.durationSeconds : row.duration_seconds;
    const settings = await this.attendance.settingsOfMeeting(this.db.manager, row.meeting_id);
    const vote = await this.events.transaction(async (tx, emit) => {
      const [updated] = await updateReturning(
        tx,
        `UPDATE votes SET status = 'open', sitting_id = $2, seats = $3, duration_seconds = $4, opened_at = now(),
                closes_at = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(secs => $4::int) END
          WHERE id = $1 AND status = 'draft' RETURNING id`,
        [voteId, sitting.id, settings.seats, duration],
      );
      if (!updated) throw new DomainError('CONFLICT', 'This vote changed meanwhile; reload');
      return this.announce(tx, emit, voteId);
    });
    await this.audit.record({ userId: caller.id, action: 'vote.open', meetingId: row.meeting_id, targetId: voteId, meta: { seats: settings.seats, durationSeconds: duration } });
    return vote;
  }

  async close(caller: AuthUser, voteId: string): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status !== 'open') throw new DomainError(row.status === 'closed' ? 'VOTE_CLOSED' : 'VOTE_NOT_OPEN', row.status === 'closed' ? 'This vote is already closed' : 'This vote has not been opened');
    return (await this.closeNow(voteId, caller.id)) ?? toVote(await this.find(this.db.manager, voteId));
  }

  /** A draft's question, kind, rule, section or countdown, before it opens; an open or closed vote never changes. */
  async updateDraft(caller: AuthUser, voteId: string, req: UpdateVoteRequest): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status !== 'draft') throw this.notDraft(row.status);
    const vote = await this.events.transaction(async (tx, emit) => {
      const [updated] = await updateReturning<{ id: string }>(
        tx,
        `UPDATE votes SET question = COALESCE($2, question), kind = COALESCE($3, kind), pass_rule = COALESCE($4, pass_rule),
                section_label = COALESCE($5, section_label), duration_seconds = CASE WHEN $6 THEN $7::int ELSE duration_seconds END
          WHERE id = $1 AND status = 'draft' RETURNING id`,
        [voteId, req.question ?? null, req.kind ?? null, req.passRule ?? null, req.sectionLabel ?? null, req.durationSeconds !== undefined, req.durationSeconds ?? null],
      );
      if (!updated) throw new DomainError('VOTE_NOT_DRAFT', 'This vote has been opened meanwhile; it can no longer be changed');
      // a secret vote counts into its three counters; no other kind has them
      const kind = req.kind ?? row.kind;
      if (kind === 'secret' && row.kind !== 'secret') await tx.query('INSERT INTO secret_ballot_tallies (vote_id, choice) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [voteId, [...VOTE_CHOICES]]);
      if (kind !== 'secret' && row.kind === 'secret') await tx.query('DELETE FROM secret_ballot_tallies WHERE vote_id = $1', [voteId]);
      return this.announce(tx, emit, voteId);
    });
    await this.audit.record({ userId: caller.id, action: 'vote.update', meetingId: row.meeting_id, targetId: voteId, meta: { ...req } });
    return vote;
  }

  /** A draft taken away before it opens; the vote it repeated counts again. */
  async deleteDraft(caller: AuthUser, voteId: string): Promise<void> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status !== 'draft') throw this.notDraft(row.status);
    await this.events.transaction(async (tx, emit) => {
      const [gone] = await updateReturning<{ id: string; repeat_of: string | null }>(tx, `DELETE FROM votes WHERE id = $1 AND status = 'draft' RETURNING id, repeat_of`, [voteId]);
      if (!gone) throw new DomainError('VOTE_NOT_DRAFT', 'This vote has been opened meanwhile; it can no longer be deleted');
      await emit(row.meeting_id, 'vote.deleted', { meetingId: row.meeting_id, voteId }, { to: 'staff' });
      // superseded_by went back to null with the row (ON DELETE SET NULL): say so
      if (gone.repeat_of) await this.announce(tx, emit, gone.repeat_of);
    });
    await this.audit.record({ userId: caller.id, action: 'vote.delete', meetingId: row.meeting_id, targetId: voteId, meta: { question: row.question } });
  }

  private notDraft(status: Vote['status']): DomainError {
    return new DomainError('VOTE_NOT_DRAFT', status === 'open' ? 'This vote is open; only a draft can be changed or deleted' : 'This vote has closed; closed votes never change');
  }

  /** Biểu quyết bằng giơ tay: the secretariat counts the hands and enters the result, recorded as manual. */
  async enterManual(caller: AuthUser, voteId: string, req: ManualResultRequest): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status === 'closed') throw new DomainError('VOTE_CLOSED', 'This vote has closed; its result cannot change');
    if (row.kind !== 'show_of_hands') throw new DomainError('VALIDATION_FAILED', 'Only a show-of-hands vote takes a result entered by hand');
    await this.assertDocumentReleased(row);
    const settings = await this.attendance.settingsOfMeeting(this.db.manager, row.meeting_id);
    const cast = req.yes + req.no + req.abstain;
    if (cast > settings.seats) throw new DomainError('VALIDATION_FAILED', `More votes (${cast}) than seats (${settings.seats})`, [{ path: 'yes', message: 'More votes than seats' }]);
    const sitting = await this.attendance.openSitting(this.db.manager, row.meeting_id);
    const present = sitting ? (await this.attendance.quorum(this.db.manager, sitting)).present : cast;
    const result = decideResult(row.pass_rule, { ...req, cast }, settings.seats, present, true);
    const vote = await this.events.transaction(async (tx, emit) => {
      const [updated] = await updateReturning(
        tx,
        `UPDATE votes SET status = 'closed', sitting_id = COALESCE(sitting_id, $2), seats = $3, opened_at = COALESCE(opened_at, now()), closed_at = now(), result = $4
          WHERE id = $1 AND status <> 'closed' RETURNING id`,
        [voteId, sitting?.id ?? null, settings.seats, JSON.stringify(result)],
      );
      if (!updated) throw new DomainError('VOTE_CLOSED', 'This vote has closed; its result cannot change');
      return this.announce(tx, emit, voteId);
    });
    await this.audit.record({ userId: caller.id, action: 'vote.manual', meetingId: row.meeting_id, targetId: voteId, meta: { ...req, seats: settings.seats, passed: result.passed } });
    return vote;
  }

  /** Biểu quyết lại: a new draft of the same question; both records stay, the later one counts. */
  async repeat(caller: AuthUser, voteId: string): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status !== 'closed') throw new DomainError('VOTE_NOT_OPEN', 'Only a closed vote can be repeated');
    if (row.superseded_by) throw new DomainError('CONFLICT', 'This vote has already been repeated');
    const [vote] = await this.insert(caller, row.meeting_id, [
      {
        question: row.question,
        kind: row.kind,
        passRule: row.pass_rule,
        agendaItemId: row.agenda_item_id,
        documentId: row.document_id,
        versionId: row.version_id,
        paragraphId: row.paragraph_id,
        sectionLabel: row.section_label,
        durationSeconds: row.duration_seconds,
        repeatOf: row.id,
      },
    ]);
    await this.audit.record({ userId: caller.id, action: 'vote.repeat', meetingId: row.meeting_id, targetId: voteId, meta: { repeatedBy: vote.id } });
    return vote;
  }

  async showOnHall(caller: AuthUser, voteId: string, show: boolean): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.status === 'draft') throw new DomainError('VOTE_NOT_OPEN', 'Open the vote before showing it on the hall screen');
    const vote = await this.events.transaction(async (tx, emit) => {
      const others = show ? await updateReturning<{ id: string }>(tx, 'UPDATE votes SET on_hall = false WHERE meeting_id = $1 AND on_hall AND id <> $2 RETURNING id', [row.meeting_id, voteId]) : [];
      await tx.query('UPDATE votes SET on_hall = $2 WHERE id = $1', [voteId, show]);
      for (const o of others) await this.announce(tx, emit, o.id);
      return this.announce(tx, emit, voteId);
    });
    await this.audit.record({ userId: caller.id, action: 'vote.hall', meetingId: row.meeting_id, targetId: voteId, meta: { show } });
    return vote;
  }

  /** Named votes only: who chose what becomes visible to every participant. */
  async publishRecords(caller: AuthUser, voteId: string): Promise<Vote> {
    await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.manage');
    const row = await this.find(this.db.manager, voteId);
    if (row.kind !== 'named') throw new DomainError('VALIDATION_FAILED', 'Only a named vote has records to publish');
    if (row.status !== 'closed') throw new DomainError('VOTE_NOT_OPEN', 'Records are published after the close');
    return this.events.transaction(async (tx, emit) => {
      await tx.query('UPDATE votes SET records_published = true WHERE id = $1', [voteId]);
      return this.announce(tx, emit, voteId);
    });
  }

  async records(caller: AuthUser, voteId: string): Promise<VoteRecords> {
    const { role } = await this.access.requireFor(caller, { kind: 'vote', id: voteId }, 'votes.read');
    const row = await this.find(this.db.manager, voteId);
    // a draft is nobody's to read records of, and to those who cannot see it, it does not exist (as GET /votes/:id)
    if (row.status === 'draft') throw notFound('Vote');
    if (!can(role, 'votes.records') && !(row.kind === 'named' && row.records_published)) throw forbidden('The vote records are for the secretariat');
    return { vote: toVote(row), ...(await this.recordsOf(row)) };
  }

  async recordsOf(row: VoteRow): Promise<Omit<VoteRecords, 'vote'>> {
    if (row.kind === 'named') {
      const ballots: { user_id: string; full_name: string; unit: string; choice: VoteChoice }[] = await this.db.query(
        `SELECT b.voter_id AS user_id, u.full_name, COALESCE(p.unit, '') AS unit, b.choice FROM named_ballots b JOIN users u ON u.id = b.voter_id
           LEFT JOIN meeting_participants p ON p.meeting_id = $2 AND p.user_id = b.voter_id
          WHERE b.vote_id = $1 ORDER BY u.full_name, b.voter_id`,
        [row.id, row.meeting_id],
      );
      return { ballots: ballots.map((b) => ({ userId: b.user_id, fullName: b.full_name, unit: b.unit, choice: b.choice })), voters: ballots.map((b) => ({ userId: b.user_id, fullName: b.full_name })) };
    }
    if (row.kind === 'secret') {
      // by name, never in the order of voting
      const voters: { user_id: string; full_name: string }[] = await this.db.query(
        'SELECT s.voter_id AS user_id, u.full_name FROM secret_ballot_voters s JOIN users u ON u.id = s.voter_id WHERE s.vote_id = $1 ORDER BY u.full_name, s.voter_id',
        [row.id],
      );
      return { ballots: [], voters: voters.map((v) => ({ userId: v.user_id, fullName: v.full_name })) };
    }
    return { ballots: [], voters: [] };
  }

  async exportRows(caller: AuthUser, meetingId: string): Promise<{ rows: VoteRow[]; records: Map<string, Omit<VoteRecords, 'vote'>> }> {
    await this.access.require(caller, meetingId, 'votes.records');
    const rows: VoteRow[] = await this.db.query(`${SELECT_VOTES} WHERE v.meeting_id = $1 AND v.status = 'closed' ORDER BY v.position`, [meetingId]);
    const records = new Map<string, Omit<VoteRecords, 'vote'>>();
    for (const r of rows) records.set(r.id, await this.recordsOf(r));
    return { rows, records };
  }

  async find(tx: EntityManager, voteId: string): Promise<VoteRow> {
    const [row]: VoteRow[] = await tx.query(`${SELECT_VOTES} WHERE v.id = $1`, [voteId]);
    if (!row) throw notFound('Vote');
    return row;
  }

  /** Closes an open vote and writes its result; null when it was no longer open (another process closed it). */
  async closeNow(voteId: string, byUserId: string | null): Promise<Vote | null> {
    const closed = await this.events.transaction(async (tx, emit) => {
      // waits for ballots in flight (they hold the row FOR SHARE); every later ballot sees it closed
      const [v] = await updateReturning<{ id: string; meeting_id: string; sitting_id: string; kind: 'named' | 'secret'; pass_rule: VoteRow['pass_rule']; seats: number }>(
        tx,
        `UPDATE votes SET status = 'closed', closed_at = LEAST(now(), COALESCE(closes_at, now())) WHERE id = $1 AND status = 'open'
         RETURNING id, meeting_id, sitting_id, kind, pass_rule, seats`,
        [voteId],
      );
      if (!v) return null;
      const counts = await this.countsOf(tx, v.id, v.kind);
      const present = (await this.attendance.quorum(tx, { id: v.sitting_id, meeting_id: v.meeting_id })).present;
      const result = decideResult(v.pass_rule, counts, v.seats, present, false);
      await tx.query('UPDATE votes SET result = $2 WHERE id = $1', [v.id, JSON.stringify(result)]);
      if (v.kind === 'secret') await rewriteSecretBallots(tx, v.id);
      return { vote: await this.announce(tx, emit, v.id), kind: v.kind, result };
    });
    if (!closed) return null;
    await this.audit.record({
      userId: byUserId,
      action: 'vote.close',
      meetingId: closed.vote.meetingId,
      targetId: voteId,
      meta: { ...closed.result.counts, seats: closed.result.seats, present: closed.result.present, rule: closed.result.rule, passed: closed.result.passed },
    });
    // the counters' and voter rows' earlier versions (one per ballot) go away
    if (closed.kind === 'secret') void this.db.query('VACUUM secret_ballot_tallies, secret_ballot_voters').catch((e) => this.logger.warn(`vacuum after a secret vote: ${e}`));
    return closed.vote;
  }

  private async closeOverdue(): Promise<void> {
    const due: { id: string }[] = await this.db.query(`SELECT id FROM votes WHERE status = 'open' AND closes_at <= now()`);
    for (const d of due) await this.closeNow(d.id, null);
  }

  private async countsOf(tx: EntityManager, voteId: string, kind: 'named' | 'secret'): Promise<VoteCounts> {
    const rows: { choice: VoteChoice; n: number }[] =
      kind === 'secret'
        ? await tx.query('SELECT choice, count AS n FROM secret_ballot_tallies WHERE vote_id = $1', [voteId])
        : await tx.query('SELECT choice, count(*)::int AS n FROM named_ballots WHERE vote_id = $1 GROUP BY choice', [voteId]);
    const counts: VoteCounts = { yes: 0, no: 0, abstain: 0, cast: 0 };
    for (const r of rows) {
      counts[r.choice] = r.n;
      counts.cast += r.n;
    }
    return counts;
  }

  private async forMe(caller: AuthUser, row: VoteRow): Promise<VoteForMe> {
    let myBallot: VoteForMe['myBallot'] = { cast: false, choice: null };
    if (row.kind === 'named') {
      const [b] = await this.db.query('SELECT choice FROM named_ballots WHERE vote_id = $1 AND voter_id = $2', [row.id, caller.id]);
      if (b) myBallot = { cast: true, choice: b.choice };
    } else if (row.kind === 'secret') {
      const [b] = await this.db.query('SELECT 1 FROM secret_ballot_voters WHERE vote_id = $1 AND voter_id = $2', [row.id, caller.id]);
      if (b) myBallot = { cast: true, choice: null };
    }
    return { ...toVote(row), myBallot };
  }

  /**
   * An open or closed vote is everyone's to see, with its question (which names the document) and its
   * section's text: it may not reach delegates before the document it is about does.
   */
  private async assertDocumentReleased(row: VoteRow): Promise<void> {
    if (row.document_id && !(await releasedToDelegates(this.db, row.meeting_id, row.document_id))) {
      throw new DomainError('VOTE_DOCUMENT_NOT_RELEASED', 'Release the document to delegates before opening a vote on it');
    }
  }

  private async checkRefs(meetingId: string, req: CreateVoteRequest): Promise<{ versionId: string | null }> {
    const bad = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, [{ path, message }]);
    if (req.agendaItemId) {
      const [i] = await this.db.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [req.agendaItemId, meetingId]);
      if (!i) throw bad('agendaItemId', 'This agenda item does not belong to the meeting');
    }
    let versionId: string | null = null;
    if (req.documentId) {
      const [d] = await this.db.query(
        "SELECT (SELECT id FROM document_versions dv WHERE dv.document_id = d.id ORDER BY (dv.status = 'ready') DESC, version_no DESC LIMIT 1) AS version_id FROM documents d WHERE d.id = $1 AND d.meeting_id = $2",
        [req.documentId, meetingId],
      );
      if (!d) throw bad('documentId', 'This document does not belong to the meeting');
      versionId = d.version_id;
    }
    if (req.paragraphId) {
      const [p] = versionId ? await this.db.query('SELECT 1 FROM paragraphs WHERE id = $1 AND version_id = $2', [req.paragraphId, versionId]) : [];
      if (!p) throw bad('paragraphId', 'This paragraph is not in the document');
    }
    return { versionId };
  }

  private async insert(
    caller: AuthUser,
    meetingId: string,
    drafts: (Omit<CreateVoteRequest, 'passRule'> & { passRule?: VoteRow['pass_rule']; versionId: string | null; repeatOf?: string })[],
  ): Promise<Vote[]> {
    const settings = await this.attendance.settingsOfMeeting(this.db.manager, meetingId);
    const votes = await this.events.transaction(async (tx, emit) => {
      const out: Vote[] = [];
      for (const d of drafts) {
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO votes (meeting_id, agenda_item_id, document_id, version_id, paragraph_id, section_label, question, kind, pass_rule, duration_seconds, repeat_of, created_by, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, (SELECT COALESCE(max(position), 0) + 1 FROM votes WHERE meeting_id = $1)) RETURNING id`,
          [meetingId, d.agendaItemId, d.documentId, d.versionId, d.paragraphId, d.sectionLabel, d.question, d.kind, d.passRule ?? settings.defaultPassRule, d.durationSeconds, d.repeatOf ?? null, caller.id],
        );
        if (d.kind === 'secret') {
          await tx.query('INSERT INTO secret_ballot_tallies (vote_id, choice) SELECT $1, unnest($2::text[])', [row.id, [...VOTE_CHOICES]]);
        }
        if (d.repeatOf) {
          await tx.query('UPDATE votes SET superseded_by = $2 WHERE id = $1', [d.repeatOf, row.id]);
          await this.announce(tx, emit, d.repeatOf);
        }
        out.push(await this.announce(tx, emit, row.id));
      }
      return out;
    });
    for (const v of votes) await this.audit.record({ userId: caller.id, action: 'vote.create', meetingId, targetId: v.id, meta: { kind: v.kind, passRule: v.passRule } });
    return votes;
  }

  /** Drafts to staff; open and closed votes to everyone. Never the choices of anyone. */
  private async announce(tx: EntityManager, emit: EmitFn, voteId: string): Promise<Vote> {
    const vote = toVote(await this.find(tx, voteId));
    await emit(vote.meetingId, 'vote.changed', { vote }, { to: vote.status === 'draft' ? 'staff' : 'all' });
    return vote;
  }
}

