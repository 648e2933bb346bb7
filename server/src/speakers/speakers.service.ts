import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AddSpeakerRequest,
  can,
  councilCan,
  councilRoleOf,
  DEFAULT_SPEAKING_TIMES,
  type MeetingRole,
  type ReorderSpeakersRequest,
  type RequestFloorRequest,
  type SpeakersList,
  type SpeakerTotal,
  type SpeakingTimes,
  type SpeakingTimesInfo,
  type SpeakingTimesRequest,
  type Speech,
  SPEECH_TYPES,
  type SpeechRecord,
  type SpeechType,
} from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { readableDocumentIds } from '../documents/readable-documents';
import type { Queryable } from '../common/queryable';
import {
  agendaItemOfMeetingExists,
  bumpSpeakersListVersion,
  clockNow,
  ensureSpeakersList,
  extendSpeakingSpeech,
  findCouncilSpeakingTimes,
  findCurrentSpeechOf,
  findFirstWaitingSpeechId,
  findHallAgendaItemId,
  findOpenQuestionIssue,
  findSpeakersList,
  findSpeakingTimes,
  findSpeech,
  findSpeechOfItem,
  insertWaitingSpeech,
  isSpeakersListClosed,
  listOfficialsWithSpeechOnItem,
  listSpeechesOfItem,
  listStartedSpeechesOfMeeting,
  listWaitingSpeechIds,
  lockSpeakersList,
  paragraphOfMeetingDocumentExists,
  pauseSpeakingSpeech,
  questionIssueOfMeetingExists,
  renumberWaiting,
  resetMeetingSpeakingTimes,
  resumePausedSpeech,
  setCouncilSpeakingTimes,
  setMeetingSpeakingTimes,
  setSpeakersListClosed,
  setSpeechOrder,
  speechWithClientIdExists,
  startWaitingSpeech,
  stopSpeakingInMeeting,
  stopSpeech,
  toSpeech,
  withdrawWaitingSpeech,
} from './speakers.repository';

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.code ?? err.driverError?.code;
  const name = err.constraint ?? err.driverError?.constraint;
  return code === '23505' && name === constraint;
}

/** Stored times over hopso's defaults, type by type (a type added later falls back to its default). */
function mergeTimes(own: Partial<SpeakingTimes> | null, source: SpeakingTimesInfo['source']): SpeakingTimesInfo {
  const times = { ...DEFAULT_SPEAKING_TIMES };
  for (const t of SPEECH_TYPES) if (typeof own?.[t] === 'number') times[t] = own[t];
  return { times, source };
}

/**
 * Speakers lists per agenda item. Every change locks the item's list row, bumps its version,
 * and writes a `speakers.changed` event in the same transaction.
 */
@Injectable()
export class SpeakersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.read');
    await this.assertItem(meetingId, agendaItemId);
    return this.loadList(this.db.manager, meetingId, agendaItemId);
  }

  /** The list the hall screen shows: the item with the speech under way, else the current agenda item (access checked by the caller). */
  async hallList(meetingId: string): Promise<SpeakersList | null> {
    const item = await findHallAgendaItemId(this.db, meetingId);
    return item ? this.loadList(this.db.manager, meetingId, item) : null;
  }

  async requestFloor(caller: AuthUser, meetingId: string, agendaItemId: string, req: RequestFloorRequest): Promise<{ list: SpeakersList; created: boolean }> {
    const { meeting, role } = await this.access.require(caller, meetingId, 'speakers.request');
    if (meeting.status === 'closed') throw new DomainError('CONFLICT', 'The meeting is closed');
    await this.assertItem(meetingId, agendaItemId);
    if (await speechWithClientIdExists(this.db, caller.id, req.clientId)) return { list: await this.loadList(this.db.manager, meetingId, agendaItemId), created: false };
    if (req.anchor) await this.assertAnchor(meetingId, role, req.anchor.documentId, req.anchor.paragraphId);
    if (req.questionIssueId) await this.assertIssue(meetingId, req.questionIssueId);
    const list = await this.change(meetingId, agendaItemId, async (tx) => {
      const closed = await isSpeakersListClosed(tx, agendaItemId);
      // a procedural point is the delegate's right at any time, even once the list is closed
      if (closed && req.type !== 'procedural') throw new DomainError('SPEAKERS_LIST_CLOSED', 'The chair has closed the speakers list of this item');
      if (req.replyToSpeechId) await this.assertReplyTarget(tx, agendaItemId, req.replyToSpeechId, caller.id);
      await this.insertWaiting(tx, meetingId, agendaItemId, caller.id, req.type, {
        clientId: req.clientId,
        replyTo: req.replyToSpeechId,
        anchor: req.anchor,
        issueId: req.questionIssueId,
        addedBy: caller.id,
      });
    });
    return { list, created: true };
  }

  async addSpeaker(caller: AuthUser, meetingId: string, agendaItemId: string, req: AddSpeakerRequest): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await this.assertItem(meetingId, agendaItemId);
    const role = await this.access.roleOf(req.userId, meetingId);
    if (role === null || role === 'observer') throw new DomainError('VALIDATION_FAILED', 'Only a participant of this meeting can be given the floor', [{ path: 'userId', message: 'Not a participant' }]);
    if (req.questionIssueId) await this.assertIssue(meetingId, req.questionIssueId);
    return this.change(meetingId, agendaItemId, async (tx) => {
      if (req.replyToSpeechId) await this.assertReplyTarget(tx, agendaItemId, req.replyToSpeechId, req.userId);
      await this.insertWaiting(tx, meetingId, agendaItemId, req.userId, req.type, { clientId: null, replyTo: req.replyToSpeechId, anchor: null, issueId: req.questionIssueId, addedBy: caller.id });
    });
  }

  /** The chair closes the list to new requests from phones (or opens it again). */
  async setClosed(caller: AuthUser, meetingId: string, agendaItemId: string, closed: boolean): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await this.assertItem(meetingId, agendaItemId);
    return this.change(meetingId, agendaItemId, async (tx) => {
      await setSpeakersListClosed(tx, agendaItemId, closed);
    });
  }

  /** A speaker withdraws their own waiting request; staff may take any waiting request off the list. */
  async withdraw(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    const { role } = await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.read');
    const speech = await this.findSpeech(speechId);
    if (speech.user_id !== caller.id && !can(role, 'speakers.manage')) throw forbidden('Only the speaker or the chair can take a request off the list');
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      if (!(await withdrawWaitingSpeech(tx, speechId))) throw new DomainError('SPEECH_NOT_WAITING', 'This request is no longer waiting: it has started or was withdrawn');
      await renumberWaiting(tx, speech.agenda_item_id);
    });
  }

  async reorder(caller: AuthUser, meetingId: string, agendaItemId: string, req: ReorderSpeakersRequest): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await this.assertItem(meetingId, agendaItemId);
    return this.change(meetingId, agendaItemId, async (tx, version) => {
      if (version !== req.version) throw new DomainError('SPEAKERS_LIST_CHANGED', 'The list changed while you were moving it; here is the new order');
      const waiting = await listWaitingSpeechIds(tx, agendaItemId);
      const same = waiting.length === req.speechIds.length && new Set(req.speechIds).size === req.speechIds.length && waiting.every((w) => req.speechIds.includes(w.id));
      if (!same) throw new DomainError('SPEAKERS_LIST_CHANGED', 'The order must list every waiting speaker exactly once');
      await setSpeechOrder(tx, req.speechIds);
    });
  }

  async start(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    const list = await this.change(speech.meeting_id, speech.agenda_item_id, (tx) => this.startIn(tx, speech.meeting_id, speechId));
    await this.audit.record({ userId: caller.id, action: 'speech.start', meetingId: speech.meeting_id, targetId: speechId });
    return list;
  }

  async stop(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    const list = await this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      if (!(await stopSpeech(tx, speechId))) throw new DomainError('SPEECH_NOT_WAITING', 'This speaker is not speaking now');
    });
    await this.audit.record({ userId: caller.id, action: 'speech.stop', meetingId: speech.meeting_id, targetId: speechId });
    return list;
  }

  async extend(caller: AuthUser, speechId: string, seconds: number): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      if (!(await extendSpeakingSpeech(tx, speechId, seconds))) throw new DomainError('SPEECH_NOT_WAITING', 'Extra time goes to the speaker who is speaking now');
    });
  }

  /** The chair pauses the speaker (an interruption in the hall); the countdown stands still on every screen. */
  async pause(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      if (!(await pauseSpeakingSpeech(tx, speechId))) throw new DomainError('SPEECH_NOT_WAITING', 'Only a speaker who is speaking, and not paused, can be paused');
    });
  }

  async resume(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      if (!(await resumePausedSpeech(tx, speechId))) throw new DomainError('SPEECH_NOT_WAITING', 'This speaker is not paused');
    });
  }

  /** One tap: the speaker under way (anywhere in the meeting) returns the floor, the first waiting of this item starts. */
  async next(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.run');
    await this.assertItem(meetingId, agendaItemId);
    let started: string | null = null;
    const list = await this.change(meetingId, agendaItemId, async (tx) => {
      await stopSpeakingInMeeting(tx, meetingId);
      const first = await findFirstWaitingSpeechId(tx, agendaItemId);
      if (first) {
        await this.startIn(tx, meetingId, first);
        started = first;
      }
    });
    if (started) await this.audit.record({ userId: caller.id, action: 'speech.start', meetingId, targetId: started });
    return list;
  }

  async record(caller: AuthUser, meetingId: string): Promise<SpeechRecord> {
    await this.access.require(caller, meetingId, 'speakers.read');
    const rows = await listStartedSpeechesOfMeeting(this.db, meetingId);
    const speeches = rows.map(toSpeech);
    const totals = new Map<string, SpeakerTotal>();
    for (const s of speeches) {
      const t = totals.get(s.userId) ?? { userId: s.userId, name: s.name, unit: s.unit, speeches: 0, seconds: 0, overrunSeconds: 0 };
      t.speeches += 1;
      t.seconds += s.durationSeconds ?? 0;
      t.overrunSeconds += s.overrunSeconds ?? 0;
      totals.set(s.userId, t);
    }
    return { meetingId, speeches, totals: [...totals.values()].sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name, 'vi')) };
  }

  async speakingTimes(caller: AuthUser, meetingId: string): Promise<SpeakingTimesInfo> {
    await this.access.require(caller, meetingId, 'speakers.read');
    return this.timesOf(this.db.manager, meetingId);
  }

  async setSpeakingTimes(caller: AuthUser, meetingId: string, times: SpeakingTimesRequest): Promise<SpeakingTimesInfo> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await setMeetingSpeakingTimes(this.db, meetingId, times);
    await this.audit.record({ userId: caller.id, action: 'speakingTimes.update', meetingId, meta: { ...times } });
    return this.timesOf(this.db.manager, meetingId);
  }

  /** The council's defaults, set by an administrator. */
  async setCouncilSpeakingTimes(caller: AuthUser, councilId: string, times: SpeakingTimesRequest): Promise<SpeakingTimes> {
    if (!councilCan(councilRoleOf(caller.isAdmin, false), 'council.setDefaults')) throw forbidden('Only an administrator sets a council’s defaults');
    if (!(await setCouncilSpeakingTimes(this.db, councilId, times))) throw notFound('Council');
    await this.audit.record({ userId: caller.id, action: 'council.speakingTimes', targetId: councilId, meta: { ...times } });
    return times;
  }

  /** The council's defaults (hopso's while it has none), for its administrators and its secretariat. */
  async councilSpeakingTimes(caller: AuthUser, councilId: string): Promise<SpeakingTimesInfo> {
    const row = await findCouncilSpeakingTimes(this.db, councilId, caller.id);
    if (!row || !councilCan(councilRoleOf(caller.isAdmin, row.staff), 'council.read')) throw notFound('Council');
    return mergeTimes(row.times, row.times ? 'council' : 'default');
  }

  /** The meeting goes back to the council's defaults. */
  async resetSpeakingTimes(caller: AuthUser, meetingId: string): Promise<SpeakingTimesInfo> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await resetMeetingSpeakingTimes(this.db, meetingId);
    const info = await this.timesOf(this.db.manager, meetingId);
    await this.audit.record({ userId: caller.id, action: 'speakingTimes.update', meetingId, meta: { ...info.times, reset: true } });
    return info;
  }

  /** A person's speech under way or waiting in the meeting (the official's own countdown), with the server's clock. */
  async speechOf(meetingId: string, userId: string): Promise<{ speech: Speech | null; serverNow: string }> {
    const row = await findCurrentSpeechOf(this.db, meetingId, userId);
    const now = await clockNow(this.db);
    return { speech: row ? toSpeech(row) : null, serverNow: new Date(now).toISOString() };
  }

  /** Emits the item's list after a change made elsewhere in the same transaction (an issue opened for chất vấn). */
  async announce(tx: Queryable, emit: EmitFn, meetingId: string, agendaItemId: string): Promise<void> {
    await ensureSpeakersList(tx, meetingId, agendaItemId);
    await bumpSpeakersListVersion(tx, agendaItemId);
    await emit(meetingId, 'speakers.changed', { list: await this.loadList(tx, meetingId, agendaItemId) }, { to: 'all' });
  }

  async loadList(q: Queryable, meetingId: string, agendaItemId: string): Promise<SpeakersList> {
    const listRow = await findSpeakersList(q, agendaItemId);
    const rows = await listSpeechesOfItem(q, agendaItemId);
    const speeches = rows.map(toSpeech);
    const now = await clockNow(q);
    return {
      meetingId,
      agendaItemId,
      version: listRow?.version ?? 0,
      closed: listRow?.closed ?? false,
      waiting: speeches.filter((s) => s.status === 'waiting'),
      current: speeches.find((s) => s.status === 'speaking') ?? null,
      done: speeches.filter((s) => s.status === 'done').sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '')),
      times: (await this.timesOf(q, meetingId)).times,
      openIssue: await findOpenQuestionIssue(q, meetingId),
      serverNow: new Date(now).toISOString(),
    };
  }

  // ---- internals ----

  /** Locks the item's list, runs the change, bumps the version, and emits the new list (one transaction). */
  private change(meetingId: string, agendaItemId: string, work: (tx: Queryable, version: number) => Promise<void>): Promise<SpeakersList> {
    return this.events.transaction(async (tx, emit) => {
      await ensureSpeakersList(tx, meetingId, agendaItemId);
      const version = await lockSpeakersList(tx, agendaItemId);
      await work(tx, version);
      await bumpSpeakersListVersion(tx, agendaItemId);
      const list = await this.loadList(tx, meetingId, agendaItemId);
      await emit(meetingId, 'speakers.changed', { list }, { to: 'all' });
      // officials follow no meeting room: their own room hears (ids only) that their desk should read their speech again
      const officials = await listOfficialsWithSpeechOnItem(tx, agendaItemId);
      if (officials.length) await emit(meetingId, 'questions.changed', { meetingId, issueId: null, questionId: null }, { to: 'staff', userIds: officials.map((o) => o.user_id) });
      return list;
    });
  }

  private async insertWaiting(
    tx: Queryable,
    meetingId: string,
    agendaItemId: string,
    userId: string,
    type: SpeechType,
    o: { clientId: string | null; replyTo: string | null; anchor: { documentId: string; paragraphId: string } | null; issueId: string | null; addedBy: string },
  ): Promise<void> {
    const times = (await this.timesOf(tx, meetingId)).times;
    try {
      await insertWaitingSpeech(tx, {
        meetingId,
        agendaItemId,
        userId,
        clientId: o.clientId,
        type,
        replyTo: o.replyTo,
        anchorDocumentId: o.anchor?.documentId ?? null,
        anchorParagraphId: o.anchor?.paragraphId ?? null,
        issueId: o.issueId,
        addedBy: o.addedBy,
        allottedSeconds: times[type],
      });
    } catch (e) {
      if (isUniqueViolation(e, 'speeches_one_waiting')) throw new DomainError('CONFLICT', 'Already on the speakers list of this item: withdraw the earlier request first');
      throw e;
    }
    await renumberWaiting(tx, agendaItemId);
  }

  private async startIn(tx: Queryable, meetingId: string, speechId: string): Promise<void> {
    const times = (await this.timesOf(tx, meetingId)).times;
    try {
      // the allotted time is the type's time when the speech starts (the chair may have changed it meanwhile)
      if (!(await startWaitingSpeech(tx, speechId, times))) throw new DomainError('SPEECH_NOT_WAITING', 'This request is not waiting: it has started, ended or was withdrawn');
    } catch (e) {
      if (isUniqueViolation(e, 'speeches_one_speaking')) throw new DomainError('SPEAKER_ALREADY_SPEAKING', 'Someone is speaking now: stop them first, or use “next”');
      throw e;
    }
  }

  private async timesOf(q: Queryable, meetingId: string): Promise<SpeakingTimesInfo> {
    const row = await findSpeakingTimes(q, meetingId);
    return mergeTimes(row?.meeting ?? row?.council ?? null, row?.meeting ? 'meeting' : row?.council ? 'council' : 'default');
  }

  private async findSpeech(speechId: string): Promise<{ id: string; meeting_id: string; agenda_item_id: string; user_id: string; status: string }> {
    const row = await findSpeech(this.db, speechId);
    if (!row) throw notFound('Speech');
    return row;
  }

  private async assertItem(meetingId: string, agendaItemId: string): Promise<void> {
    if (!(await agendaItemOfMeetingExists(this.db, agendaItemId, meetingId))) throw notFound('Agenda item');
  }

  private async assertAnchor(meetingId: string, role: MeetingRole | null, documentId: string, paragraphId: string): Promise<void> {
    // a document not released to the speaker is as unknown as one of another meeting: the list would show its title
    const found = (await readableDocumentIds(this.db, meetingId, role, [documentId])).has(documentId) && (await paragraphOfMeetingDocumentExists(this.db, paragraphId, documentId, meetingId));
    if (!found) throw new DomainError('INVALID_ANCHOR', 'This paragraph is not part of a document of this meeting', [{ path: 'anchor', message: 'Unknown paragraph' }]);
  }

  private async assertIssue(meetingId: string, issueId: string): Promise<void> {
    if (!(await questionIssueOfMeetingExists(this.db, issueId, meetingId))) throw new DomainError('VALIDATION_FAILED', 'This chất vấn issue is not part of this meeting', [{ path: 'questionIssueId', message: 'Unknown issue' }]);
  }

  private async assertReplyTarget(tx: Queryable, agendaItemId: string, speechId: string, userId: string): Promise<void> {
    const row = await findSpeechOfItem(tx, speechId, agendaItemId);
    if (!row || row.started_at === null) {
      throw new DomainError('VALIDATION_FAILED', 'A reply (tranh luận) answers someone who has already spoken on this item', [{ path: 'replyToSpeechId', message: 'Not an earlier speech' }]);
    }
    if (row.user_id === userId) throw new DomainError('VALIDATION_FAILED', 'A reply (tranh luận) answers another speaker', [{ path: 'replyToSpeechId', message: 'Your own speech' }]);
  }
}
