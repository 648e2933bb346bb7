import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  can,
  decideResult,
  type CreateVoteRequest,
  type ManualResultRequest,
  type OpenVoteRequest,
  type PrepareSectionVotesRequest,
  type UpdateVoteRequest,
  type Vote,
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
import type { Queryable } from '../common/queryable';
import { countNamedChoices, findNamedChoice, listNamedBallots } from './ballots.repository';
import {
  countSecretTallies,
  deleteSecretTallies,
  ensureSecretTallies,
  hasSecretBallot,
  insertSecretTallies,
  listSecretVoters,
  rewriteSecretBallots,
  vacuumSecretBallots,
} from './secret-ballots.repository';
import {
  agendaItemInMeeting,
  clearOtherHallVotes,
  closeOpenVote,
  closeVoteWithResult,
  deleteDraftVote,
  findMeetingDocument,
  findMeetingDocumentVersion,
  findOpenVoteQuestion,
  findVote,
  insertVote,
  listClosedVotesOfMeeting,
  listOverdueVoteIds,
  listParagraphsOfVersion,
  listVotesOfMeeting,
  openDraftVote,
  paragraphInVersion,
  publishVoteRecords,
  setSupersededBy,
  setVoteOnHall,
  setVoteResult,
  toVote,
  updateDraftVote,
  type VoteRow,
} from './votes.repository';

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
    const rows = await listVotesOfMeeting(this.db, meetingId, can(role, 'votes.manage'));
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
    const doc = await findMeetingDocument(this.db, req.documentId, meetingId);
    if (!doc || !doc.version_id) throw new DomainError('VALIDATION_FAILED', 'This document does not belong to the meeting', [{ path: 'documentId', message: 'Unknown document' }]);
    const paragraphs = await listParagraphsOfVersion(this.db, doc.version_id);
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
    const other = await findOpenVoteQuestion(this.db, row.meeting_id);
    if (other) throw new DomainError('CONFLICT', `Close the open vote first: ${other.question}`);
    const duration = req.durationSeconds !== undefined ? req.durationSeconds : row.duration_seconds;
    const settings = await this.attendance.settingsOfMeeting(this.db.manager, row.meeting_id);
    const vote = await this.events.transaction(async (tx, emit) => {
      const updated = await openDraftVote(tx, voteId, sitting.id, settings.seats, duration);
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
      const updated = await updateDraftVote(tx, voteId, req);
      if (!updated) throw new DomainError('VOTE_NOT_DRAFT', 'This vote has been opened meanwhile; it can no longer be changed');
      // a secret vote counts into its three counters; no other kind has them
      const kind = req.kind ?? row.kind;
      if (kind === 'secret' && row.kind !== 'secret') await ensureSecretTallies(tx, voteId);
      if (kind !== 'secret' && row.kind === 'secret') await deleteSecretTallies(tx, voteId);
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
      const gone = await deleteDraftVote(tx, voteId);
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
      const updated = await closeVoteWithResult(tx, voteId, sitting?.id ?? null, settings.seats, result);
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
      const others = show ? await clearOtherHallVotes(tx, row.meeting_id, voteId) : [];
      await setVoteOnHall(tx, voteId, show);
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
      await publishVoteRecords(tx, voteId);
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
      const ballots = await listNamedBallots(this.db, row.id, row.meeting_id);
      return { ballots: ballots.map((b) => ({ userId: b.user_id, fullName: b.full_name, unit: b.unit, choice: b.choice })), voters: ballots.map((b) => ({ userId: b.user_id, fullName: b.full_name })) };
    }
    if (row.kind === 'secret') {
      // by name, never in the order of voting
      const voters = await listSecretVoters(this.db, row.id);
      return { ballots: [], voters: voters.map((v) => ({ userId: v.user_id, fullName: v.full_name })) };
    }
    return { ballots: [], voters: [] };
  }

  async exportRows(caller: AuthUser, meetingId: string): Promise<{ rows: VoteRow[]; records: Map<string, Omit<VoteRecords, 'vote'>> }> {
    await this.access.require(caller, meetingId, 'votes.records');
    const rows = await listClosedVotesOfMeeting(this.db, meetingId);
    const records = new Map<string, Omit<VoteRecords, 'vote'>>();
    for (const r of rows) records.set(r.id, await this.recordsOf(r));
    return { rows, records };
  }

  async find(tx: Queryable, voteId: string): Promise<VoteRow> {
    const row = await findVote(tx, voteId);
    if (!row) throw notFound('Vote');
    return row;
  }

  /** Closes an open vote and writes its result; null when it was no longer open (another process closed it). */
  async closeNow(voteId: string, byUserId: string | null): Promise<Vote | null> {
    const closed = await this.events.transaction(async (tx, emit) => {
      // waits for ballots in flight (they hold the row FOR SHARE); every later ballot sees it closed
      const v = await closeOpenVote(tx, voteId);
      if (!v) return null;
      const counts = await this.countsOf(tx, v.id, v.kind);
      const present = (await this.attendance.quorum(tx, { id: v.sitting_id, meeting_id: v.meeting_id })).present;
      const result = decideResult(v.pass_rule, counts, v.seats, present, false);
      await setVoteResult(tx, v.id, result);
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
    if (closed.kind === 'secret') void vacuumSecretBallots(this.db).catch((e) => this.logger.warn(`vacuum after a secret vote: ${e}`));
    return closed.vote;
  }

  private async closeOverdue(): Promise<void> {
    const due = await listOverdueVoteIds(this.db);
    for (const d of due) await this.closeNow(d.id, null);
  }

  private async countsOf(tx: Queryable, voteId: string, kind: 'named' | 'secret'): Promise<VoteCounts> {
    const rows = kind === 'secret' ? await countSecretTallies(tx, voteId) : await countNamedChoices(tx, voteId);
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
      const choice = await findNamedChoice(this.db, row.id, caller.id);
      if (choice) myBallot = { cast: true, choice };
    } else if (row.kind === 'secret') {
      if (await hasSecretBallot(this.db, row.id, caller.id)) myBallot = { cast: true, choice: null };
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
      if (!(await agendaItemInMeeting(this.db, req.agendaItemId, meetingId))) throw bad('agendaItemId', 'This agenda item does not belong to the meeting');
    }
    let versionId: string | null = null;
    if (req.documentId) {
      const d = await findMeetingDocumentVersion(this.db, req.documentId, meetingId);
      if (!d) throw bad('documentId', 'This document does not belong to the meeting');
      versionId = d.version_id;
    }
    if (req.paragraphId) {
      if (!versionId || !(await paragraphInVersion(this.db, req.paragraphId, versionId))) throw bad('paragraphId', 'This paragraph is not in the document');
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
        const row = await insertVote(tx, meetingId, caller.id, { ...d, passRule: d.passRule ?? settings.defaultPassRule, repeatOf: d.repeatOf ?? null });
        if (d.kind === 'secret') {
          await insertSecretTallies(tx, row.id);
        }
        if (d.repeatOf) {
          await setSupersededBy(tx, d.repeatOf, row.id);
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
  private async announce(tx: Queryable, emit: EmitFn, voteId: string): Promise<Vote> {
    const vote = toVote(await this.find(tx, voteId));
    await emit(vote.meetingId, 'vote.changed', { vote }, { to: vote.status === 'draft' ? 'staff' : 'all' });
    return vote;
  }
}

