import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  can,
  DEFAULT_TIME_ZONE,
  type CloseIssueRequest,
  type CreateIssueRequest,
  type CreatePositionRequest,
  type IssueMessage,
  type MeetingRole,
  type MergeQuestionRequest,
  type MyQuestions,
  type OfficialDesk,
  type OfficialPosition,
  type Question,
  type QuestionIssue,
  type QuestionRef,
  type QuestionReportKind,
  type QuestionSettings,
  type QuestionSettingsRequest,
  type QuestionsBoard,
  type SubmitQuestionRequest,
  type UpdateIssueRequest,
  type UpdatePositionRequest,
} from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { isUniqueViolation, SpeakersService } from '../speakers/speakers.service';
import { readableDocumentIds } from '../documents/readable-documents';
import type { QuestionReportInput } from './questions-report';
import type { Queryable } from '../common/queryable';
import {
  closeIssueInHall,
  countUnmergedQuestions,
  extendIssueAnswerDue,
  findCouncilName,
  findCouncilNameAndTimeZone,
  findCurrentAgendaItemId,
  findDocumentRef,
  findIssue,
  findNextSessionStart,
  findPosition,
  findPositionOfMeeting,
  findQuestion,
  findQuestionByClientId,
  findQuestionSettings,
  insertIssue,
  insertPosition,
  insertQuestion,
  insertQuestionMessage,
  type IssueRow,
  listIssueAuthorIds,
  listIssueRecipientIds,
  listIssuesOfMeeting,
  listMessagesOfMeeting,
  listPositions,
  listQuestionsOfMeeting,
  markIssueAnsweredInWriting,
  mergeQuestionInto,
  moveQuestionsToIssue,
  openIssueInHall,
  questionMessageWithClientIdExists,
  toIssueMessage,
  toQuestions,
  updateIssue,
  updatePosition,
  upsertQuestionSettings,
} from './questions.repository';

/** Chất vấn: written questions, issues, the official's answers and the delegates' follow-ups. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly speakers: SpeakersService,
  ) {}

  // ---- reading ----

  async board(caller: AuthUser, meetingId: string): Promise<QuestionsBoard> {
    await this.access.require(caller, meetingId, 'questions.manage');
    const questions = await this.loadQuestions(this.db.manager, meetingId);
    return {
      settings: await this.settings(this.db.manager, meetingId),
      positions: await this.positions(meetingId),
      ungrouped: questions.filter((q) => q.issueId === null && q.mergedIntoId === null),
      issues: await this.loadIssues(this.db.manager, meetingId, questions),
    };
  }

  async mine(caller: AuthUser, meetingId: string): Promise<MyQuestions> {
    await this.access.require(caller, meetingId, 'questions.ask');
    const questions = await this.loadQuestions(this.db.manager, meetingId);
    const issues = await this.loadIssues(this.db.manager, meetingId, questions);
    const own = questions.filter((q) => q.mergedIntoId === null && q.authors.some((a) => a.userId === caller.id));
    return {
      settings: await this.settings(this.db.manager, meetingId),
      positions: (await this.positions(meetingId)).filter((p) => p.officialUserId !== null),
      questions: own.map((q) => ({ ...q, issue: issues.find((i) => i.id === q.issueId) ?? null })),
    };
  }

  /** The official sees the meeting's name and only the issues addressed to their positions. */
  async officialDesk(caller: AuthUser, meetingId: string): Promise<OfficialDesk> {
    const { meeting } = await this.access.require(caller, meetingId, 'questions.answer');
    const council = await findCouncilName(this.db, meeting.councilId);
    const questions = await this.loadQuestions(this.db.manager, meetingId);
    const issues = (await this.loadIssues(this.db.manager, meetingId, questions)).filter((i) => i.officialUserId === caller.id);
    return {
      meeting: { id: meeting.id, title: meeting.title, councilName: council?.name ?? '', startsAt: meeting.startsAt.toISOString(), location: meeting.location },
      positions: (await this.positions(meetingId)).filter((p) => p.officialUserId === caller.id),
      issues,
      ...(await this.speakers.speechOf(meetingId, caller.id).then(({ speech, serverNow }) => ({ mySpeech: speech, serverNow }))),
    };
  }

  /** What the exports hold: the whole board, with the council's and the meeting's names. */
  async report(caller: AuthUser, meetingId: string, kind: QuestionReportKind): Promise<QuestionReportInput> {
    const { meeting } = await this.access.require(caller, meetingId, 'questions.manage');
    const council = await findCouncilNameAndTimeZone(this.db, meeting.councilId);
    return { kind, councilName: council?.name ?? '', timeZone: council?.time_zone ?? DEFAULT_TIME_ZONE, meetingTitle: meeting.title, generatedAt: new Date(), board: await this.board(caller, meetingId) };
  }

  // ---- setup by the secretariat ----

  async setSettings(caller: AuthUser, meetingId: string, req: QuestionSettingsRequest): Promise<QuestionSettings> {
    await this.access.require(caller, meetingId, 'questions.manage');
    await upsertQuestionSettings(this.db, meetingId, req.submitDeadline, req.answerDays);
    return this.settings(this.db.manager, meetingId);
  }

  async createPosition(caller: AuthUser, meetingId: string, req: CreatePositionRequest): Promise<OfficialPosition> {
    await this.access.require(caller, meetingId, 'questions.manage');
    if (req.officialUserId) await this.assertOfficial(meetingId, req.officialUserId);
    try {
      const row = await insertPosition(this.db, meetingId, req.title, req.officialUserId);
      return (await this.positions(meetingId)).find((p) => p.id === row.id)!;
    } catch (e) {
      if (isUniqueViolation(e, 'official_positions_meeting_id_title_key')) throw new DomainError('CONFLICT', 'This position already exists in this meeting');
      throw e;
    }
  }

  async updatePosition(caller: AuthUser, positionId: string, req: UpdatePositionRequest): Promise<OfficialPosition> {
    await this.access.requireFor(caller, { kind: 'position', id: positionId }, 'questions.manage');
    const pos = await findPosition(this.db, positionId);
    if (!pos) throw notFound('Position');
    if (req.officialUserId) await this.assertOfficial(pos.meeting_id, req.officialUserId);
    await this.events.transaction(async (tx, emit) => {
      await updatePosition(tx, positionId, req);
      // the official who held it and the one who holds it now both read their desk again
      const officials = [pos.official_user_id, req.officialUserId !== undefined ? req.officialUserId : pos.official_user_id].filter((u): u is string => u !== null);
      await this.notify(tx, emit, pos.meeting_id, null, null, officials);
    });
    return (await this.positions(pos.meeting_id)).find((p) => p.id === positionId)!;
  }

  // ---- delegates ----

  /** 201 when stored, 200 for a replay of the same client id. */
  async submit(caller: AuthUser, meetingId: string, req: SubmitQuestionRequest): Promise<{ question: Question; created: boolean }> {
    const { role } = await this.access.require(caller, meetingId, 'questions.ask');
    const replay = await this.questionByClientId(caller.id, req.clientId);
    if (replay) return { question: replay, created: false };
    const settings = await this.settings(this.db.manager, meetingId);
    if (!settings.open) {
      throw new DomainError('QUESTIONS_CLOSED', settings.submitDeadline ? `Questions were taken until ${settings.submitDeadline}` : 'The secretariat has not opened questions for this meeting yet');
    }
    const pos = await findPositionOfMeeting(this.db, req.positionId, meetingId);
    if (!pos) throw new DomainError('VALIDATION_FAILED', 'Choose a position of this meeting', [{ path: 'positionId', message: 'Unknown position' }]);
    if (!pos.official_user_id) throw new DomainError('NO_OFFICIAL_ASSIGNED', 'No official answers for this position yet; choose another or ask the secretariat');
    const refs = await this.checkRefs(meetingId, role, req.refs);
    let id: string | null = null;
    await this.events.transaction(async (tx, emit) => {
      id = await insertQuestion(tx, { meetingId, clientId: req.clientId, authorId: caller.id, positionId: req.positionId, body: req.body, refs });
      if (id) await emit(meetingId, 'questions.changed', { meetingId, issueId: null, questionId: id }, { to: 'staff', userIds: [caller.id] });
    });
    if (!id) return { question: (await this.questionByClientId(caller.id, req.clientId))!, created: false };
    await this.audit.record({ userId: caller.id, action: 'question.submit', meetingId, targetId: id });
    return { question: (await this.questionByClientId(caller.id, req.clientId))!, created: true };
  }

  // ---- grouping by the Thường trực ----

  async merge(caller: AuthUser, questionId: string, req: MergeQuestionRequest): Promise<QuestionsBoard> {
    await this.access.requireFor(caller, { kind: 'question', id: questionId }, 'questions.manage');
    const q = await this.findQuestion(questionId);
    if (req.intoQuestionId === questionId) throw new DomainError('VALIDATION_FAILED', 'A question cannot be merged into itself', [{ path: 'intoQuestionId', message: 'Same question' }]);
    const target = await this.findQuestion(req.intoQuestionId).catch(() => null);
    if (!target || target.meeting_id !== q.meeting_id) throw new DomainError('VALIDATION_FAILED', 'Merge into a question of the same meeting', [{ path: 'intoQuestionId', message: 'Unknown question' }]);
    if (target.merged_into_id) throw new DomainError('CONFLICT', 'That question is itself merged into another; merge into that one');
    await this.events.transaction(async (tx, emit) => {
      // the duplicate and everything already merged into it now point at the target; every author is kept
      await mergeQuestionInto(tx, questionId, target.id, target.issue_id);
      await this.notify(tx, emit, q.meeting_id, target.issue_id, target.id);
    });
    await this.audit.record({ userId: caller.id, action: 'question.merge', meetingId: q.meeting_id, targetId: questionId, meta: { into: target.id } });
    return this.board(caller, q.meeting_id);
  }

  async createIssue(caller: AuthUser, meetingId: string, req: CreateIssueRequest): Promise<QuestionIssue> {
    await this.access.require(caller, meetingId, 'questions.manage');
    await this.assertAnswerable(meetingId, req.positionId);
    await this.assertQuestions(meetingId, req.questionIds);
    const settings = await this.settings(this.db.manager, meetingId);
    const id = await this.events.transaction(async (tx, emit) => {
      const row = await insertIssue(tx, meetingId, req, settings.answerDays);
      await moveQuestionsToIssue(tx, row.id, req.questionIds);
      await this.notify(tx, emit, meetingId, row.id, null);
      return row.id;
    });
    await this.audit.record({ userId: caller.id, action: 'questionIssue.assign', meetingId, targetId: id, meta: { positionId: req.positionId } });
    return this.issue(id);
  }

  async updateIssue(caller: AuthUser, issueId: string, req: UpdateIssueRequest): Promise<QuestionIssue> {
    await this.access.requireFor(caller, { kind: 'issue', id: issueId }, 'questions.manage');
    const issue = await this.findIssue(issueId);
    if (req.positionId) await this.assertAnswerable(issue.meeting_id, req.positionId);
    if (req.addQuestionIds) await this.assertQuestions(issue.meeting_id, req.addQuestionIds);
    await this.events.transaction(async (tx, emit) => {
      await updateIssue(tx, issueId, req);
      if (req.addQuestionIds) await moveQuestionsToIssue(tx, issueId, req.addQuestionIds);
      await this.notify(tx, emit, issue.meeting_id, issueId, null);
    });
    if (req.positionId) await this.audit.record({ userId: caller.id, action: 'questionIssue.assign', meetingId: issue.meeting_id, targetId: issueId, meta: { positionId: req.positionId } });
    return this.issue(issueId);
  }

  // ---- in the hall ----

  /** The chair opens an issue: the hall screen shows it above the speakers list. */
  async open(caller: AuthUser, issueId: string): Promise<QuestionIssue> {
    await this.access.requireFor(caller, { kind: 'issue', id: issueId }, 'questions.manage');
    const issue = await this.findIssue(issueId);
    try {
      await this.events.transaction(async (tx, emit) => {
        if (!(await openIssueInHall(tx, issueId))) throw new DomainError('CONFLICT', 'This issue is already open in the hall');
        await this.notify(tx, emit, issue.meeting_id, issueId, null);
        await this.announceHall(tx, emit, issue.meeting_id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'question_issues_one_in_hall')) throw new DomainError('CONFLICT', 'Another issue is open in the hall: close it first');
      throw e;
    }
    return this.issue(issueId);
  }

  async close(caller: AuthUser, issueId: string, req: CloseIssueRequest): Promise<QuestionIssue> {
    await this.access.requireFor(caller, { kind: 'issue', id: issueId }, 'questions.manage');
    const issue = await this.findIssue(issueId);
    if (issue.status !== 'in_hall') throw new DomainError('CONFLICT', 'This issue is not open in the hall');
    await this.events.transaction(async (tx, emit) => {
      await closeIssueInHall(tx, issueId, req.answeredInHall ? 'answered_in_hall' : 'pending', req.commitment);
      await this.notify(tx, emit, issue.meeting_id, issueId, null);
      await this.announceHall(tx, emit, issue.meeting_id);
    });
    await this.audit.record({ userId: caller.id, action: 'questionIssue.close', meetingId: issue.meeting_id, targetId: issueId, meta: { answeredInHall: req.answeredInHall, commitment: req.commitment !== null } });
    return this.issue(issueId);
  }

  // ---- written answers and follow-ups ----

  /**
   * The official assigned writes an answer; an author of one of the issue's questions follows up
   * (chất vấn lại) once it has been answered, which owes a new answer within the answer deadline.
   */
  async postMessage(caller: AuthUser, issueId: string, req: { clientId: string; body: string }): Promise<{ issue: QuestionIssue; created: boolean }> {
    const ref = { kind: 'issue', id: issueId } as const;
    const { role } = await this.access.requireFor(caller, ref, 'meeting.read').catch(async (e: unknown) => {
      // an official has no meeting.read: they pass with questions.answer
      if (e instanceof DomainError && e.code === 'FORBIDDEN') return this.access.requireFor(caller, ref, 'questions.answer');
      throw e;
    });
    const issue = await this.findIssue(issueId);
    if (await questionMessageWithClientIdExists(this.db, caller.id, req.clientId)) return { issue: await this.issue(issueId), created: false };
    let kind: IssueMessage['kind'];
    if (can(role, 'questions.answer')) {
      if (issue.official_user_id !== caller.id) throw notFound('Issue');
      kind = 'answer';
    } else if (can(role, 'questions.ask')) {
      const authors = await this.authorsOf(issueId);
      if (!authors.includes(caller.id)) throw forbidden('Only the authors of this issue’s questions follow it up');
      if (issue.status === 'pending' || issue.status === 'in_hall') throw new DomainError('CONFLICT', 'This issue has not been answered yet; a follow-up comes after the answer');
      const until = await this.followUpUntil(this.db.manager, issue.meeting_id);
      if (until.closed) throw new DomainError('FOLLOWUP_CLOSED', 'The next session has started: follow-ups on this issue have ended; ask again in that session');
      kind = 'followup';
    } else {
      // an administrator who is not a participant passed meeting.read, but chất vấn is the participants' alone: they learn nothing
      throw role === null ? notFound('Issue') : forbidden();
    }
    const settings = await this.settings(this.db.manager, issue.meeting_id);
    await this.events.transaction(async (tx, emit) => {
      if (!(await insertQuestionMessage(tx, { issueId, clientId: req.clientId, authorId: caller.id, kind, body: req.body }))) return;
      if (kind === 'answer') await markIssueAnsweredInWriting(tx, issueId);
      else await extendIssueAnswerDue(tx, issueId, settings.answerDays);
      await this.notify(tx, emit, issue.meeting_id, issueId, null);
    });
    await this.audit.record({ userId: caller.id, action: 'questionIssue.message', meetingId: issue.meeting_id, targetId: issueId, meta: { kind } });
    return { issue: await this.issue(issueId), created: true };
  }

  // ---- internals ----

  private async issue(issueId: string): Promise<QuestionIssue> {
    const row = await this.findIssue(issueId);
    const questions = await this.loadQuestions(this.db.manager, row.meeting_id);
    return (await this.loadIssues(this.db.manager, row.meeting_id, questions)).find((i) => i.id === issueId)!;
  }

  private async settings(q: Queryable, meetingId: string): Promise<QuestionSettings> {
    const row = await findQuestionSettings(q, meetingId);
    return { meetingId, submitDeadline: row?.submit_deadline ? new Date(row.submit_deadline).toISOString() : null, answerDays: row?.answer_days ?? 20, open: row?.open ?? false };
  }

  /** The start of the council's next session (kỳ họp) after this meeting, once scheduled; follow-ups end there. */
  private async followUpUntil(q: Queryable, meetingId: string): Promise<{ at: string | null; closed: boolean }> {
    const row = await findNextSessionStart(q, meetingId);
    return row ? { at: new Date(row.starts_at).toISOString(), closed: row.closed } : { at: null, closed: false };
  }

  private async positions(meetingId: string): Promise<OfficialPosition[]> {
    return listPositions(this.db, meetingId);
  }

  private async loadQuestions(q: Queryable, meetingId: string): Promise<Question[]> {
    return toQuestions(await listQuestionsOfMeeting(q, meetingId));
  }

  private async loadIssues(q: Queryable, meetingId: string, questions: Question[]): Promise<QuestionIssue[]> {
    const rows = await listIssuesOfMeeting(q, meetingId);
    const messages = await listMessagesOfMeeting(q, meetingId);
    const until = await this.followUpUntil(q, meetingId);
    return rows.map((r) => {
      const own = messages.filter((m) => m.issue_id === r.id);
      const last = own[own.length - 1];
      const answered = own.some((m) => m.kind === 'answer');
      const needsWrittenAnswer =
        last?.kind === 'followup' || (r.status === 'pending' && !answered) || (r.status === 'answered_in_hall' && r.commitment !== null && !answered);
      return {
        id: r.id,
        meetingId: r.meeting_id,
        title: r.title,
        positionId: r.position_id,
        positionTitle: r.position_title,
        officialUserId: r.official_user_id,
        officialName: r.official_name,
        selectedForHall: r.selected_for_hall,
        status: r.status,
        commitment: r.commitment,
        answerDueAt: new Date(r.answer_due_at).toISOString(),
        needsWrittenAnswer,
        overdue: needsWrittenAnswer && new Date(r.answer_due_at).getTime() < new Date(r.now).getTime(),
        followUpUntil: until.at,
        followUpClosed: until.closed,
        questions: questions.filter((x) => x.issueId === r.id && x.mergedIntoId === null),
        messages: own.map(toIssueMessage),
      };
    });
  }

  /** `questions.changed` to the staff, the authors concerned and the issue's official. */
  private async notify(tx: Queryable, emit: EmitFn, meetingId: string, issueId: string | null, questionId: string | null, alsoUserIds: string[] = []): Promise<void> {
    const users = issueId ? await listIssueRecipientIds(tx, issueId) : [];
    await emit(meetingId, 'questions.changed', { meetingId, issueId, questionId }, { to: 'staff', userIds: [...new Set([...users, ...alsoUserIds])] });
  }

  /** The hall shows the open issue with the speakers list it runs on. */
  private async announceHall(tx: Queryable, emit: EmitFn, meetingId: string): Promise<void> {
    const itemId = await findCurrentAgendaItemId(tx, meetingId);
    if (itemId) await this.speakers.announce(tx, emit, meetingId, itemId);
  }

  private async authorsOf(issueId: string): Promise<string[]> {
    return listIssueAuthorIds(this.db, issueId);
  }

  private async assertOfficial(meetingId: string, userId: string): Promise<void> {
    if ((await this.access.roleOf(userId, meetingId)) !== 'official') {
      throw new DomainError('VALIDATION_FAILED', 'Add this person to the meeting as an official (người trả lời chất vấn) first', [{ path: 'officialUserId', message: 'Not an official of this meeting' }]);
    }
  }

  private async assertAnswerable(meetingId: string, positionId: string): Promise<void> {
    const pos = await findPositionOfMeeting(this.db, positionId, meetingId);
    if (!pos) throw new DomainError('VALIDATION_FAILED', 'Choose a position of this meeting', [{ path: 'positionId', message: 'Unknown position' }]);
    if (!pos.official_user_id) throw new DomainError('NO_OFFICIAL_ASSIGNED', 'Assign an official to this position before giving it questions');
  }

  private async assertQuestions(meetingId: string, ids: string[]): Promise<void> {
    const n = await countUnmergedQuestions(this.db, ids, meetingId);
    if (n !== new Set(ids).size) throw new DomainError('VALIDATION_FAILED', 'Choose questions of this meeting (not ones merged into another)', [{ path: 'questionIds', message: 'Unknown question' }]);
  }

  private async checkRefs(meetingId: string, role: MeetingRole | null, refs: SubmitQuestionRequest['refs']): Promise<QuestionRef[]> {
    const out: QuestionRef[] = [];
    // a document not released to the asker is as unknown as one of another meeting: its title never comes back
    const readable = await readableDocumentIds(this.db, meetingId, role, refs.map((r) => r.documentId));
    for (const ref of refs) {
      if (!readable.has(ref.documentId)) throw new DomainError('INVALID_ANCHOR', 'A referenced document or paragraph is not part of this meeting', [{ path: 'refs', message: 'Unknown document' }]);
      const row = await findDocumentRef(this.db, ref.documentId, ref.paragraphId, meetingId);
      if (!row || (ref.paragraphId && row.index === null)) throw new DomainError('INVALID_ANCHOR', 'A referenced document or paragraph is not part of this meeting', [{ path: 'refs', message: 'Unknown document' }]);
      out.push({ documentId: ref.documentId, documentTitle: row.title, paragraphId: ref.paragraphId, paragraphIndex: row.index });
    }
    return out;
  }

  private async questionByClientId(authorId: string, clientId: string): Promise<Question | null> {
    const row = await findQuestionByClientId(this.db, authorId, clientId);
    if (!row) return null;
    return (await this.loadQuestions(this.db.manager, row.meeting_id)).find((q) => q.id === row.id)!;
  }

  private async findQuestion(id: string): Promise<{ id: string; meeting_id: string; issue_id: string | null; merged_into_id: string | null }> {
    const row = await findQuestion(this.db, id);
    if (!row) throw notFound('Question');
    return row;
  }

  private async findIssue(id: string): Promise<IssueRow> {
    const row = await findIssue(this.db, id);
    if (!row) throw notFound('Issue');
    return row;
  }
}
