import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AddSpeakerRequest,
  can,
  councilCan,
  councilRoleOf,
  DEFAULT_SPEAKING_TIMES,
  type MeetingRole,
  type OpenQuestionIssue,
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

interface SpeechRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  user_id: string;
  name: string;
  unit: string | null;
  type: SpeechType;
  status: Speech['status'];
  reply_to_speech_id: string | null;
  reply_to_name: string | null;
  anchor_document_id: string | null;
  anchor_document_title: string | null;
  anchor_paragraph_id: string | null;
  anchor_paragraph_index: number | null;
  anchor_page: number | null;
  question_issue_id: string | null;
  added_by: string | null;
  requested_at: Date;
  allotted_seconds: number;
  extra_seconds: number;
  started_at: Date | null;
  paused_at: Date | null;
  paused_seconds: number;
  ended_at: Date | null;
  duration_seconds: number | null;
  overrun_seconds: number | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const toSpeech = (r: SpeechRow): Speech => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  userId: r.user_id,
  name: r.name,
  unit: r.unit ?? '',
  type: r.type,
  status: r.status,
  replyTo: r.reply_to_speech_id ? { speechId: r.reply_to_speech_id, name: r.reply_to_name ?? '' } : null,
  anchor:
    r.anchor_document_id && r.anchor_paragraph_id && r.anchor_paragraph_index !== null
      ? { documentId: r.anchor_document_id, documentTitle: r.anchor_document_title ?? '', paragraphId: r.anchor_paragraph_id, paragraphIndex: r.anchor_paragraph_index, page: r.anchor_page ?? 1 }
      : null,
  questionIssueId: r.question_issue_id,
  addedByChair: r.added_by !== null && r.added_by !== r.user_id,
  requestedAt: new Date(r.requested_at).toISOString(),
  allottedSeconds: r.allotted_seconds,
  extraSeconds: r.extra_seconds,
  startedAt: iso(r.started_at),
  pausedAt: iso(r.paused_at),
  pausedSeconds: r.paused_seconds,
  endedAt: iso(r.ended_at),
  durationSeconds: r.duration_seconds,
  overrunSeconds: r.overrun_seconds,
});

const SELECT_SPEECHES = `
  SELECT s.*, u.full_name AS name, p.unit, ru.full_name AS reply_to_name,
         d.title AS anchor_document_title, pa.index AS anchor_paragraph_index, pa.page AS anchor_page
    FROM speeches s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN meeting_participants p ON p.meeting_id = s.meeting_id AND p.user_id = s.user_id
    LEFT JOIN speeches r ON r.id = s.reply_to_speech_id
    LEFT JOIN users ru ON ru.id = r.user_id
    LEFT JOIN documents d ON d.id = s.anchor_document_id
    LEFT JOIN paragraphs pa ON pa.id = s.anchor_paragraph_id`;

type Queryable = Pick<EntityManager, 'query'>;

/** Elapsed whole seconds of a speech, from the database clock (the one every screen counts from), pauses left out. */
const ELAPSED = `GREATEST(0, round(extract(epoch FROM COALESCE(paused_at, clock_timestamp()) - started_at)) - paused_seconds)::int`;

/** Rows an UPDATE ... RETURNING touched (TypeORM answers [rows, count] for an UPDATE on PostgreSQL). */
export function updatedRows(res: unknown): unknown[] {
  const r = res as unknown[];
  return r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number' ? (r[0] as unknown[]) : r;
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.code ?? err.driverError?.code;
  const name = err.constraint ?? err.driverError?.constraint;
  return code === '23505' && name === constraint;
}

/**
 * Speakers lists per agenda item. Every change locks the item's list row, bumps its version,
 * and writes a `speakers.changed` event in the same transaction.
 */
/** Stored times over hopso's defaults, type by type (a type added later falls back to its default). */
function mergeTimes(own: Partial<SpeakingTimes> | null, source: SpeakingTimesInfo['source']): SpeakingTimesInfo {
  const times = { ...DEFAULT_SPEAKING_TIMES };
  for (const t of SPEECH_TYPES) if (typeof own?.[t] === 'number') times[t] = own[t];
  return { times, source };
}

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
    const [row]: { item: string | null }[] = await this.db.query(
      `SELECT COALESCE((SELECT agenda_item_id FROM speeches WHERE meeting_id = $1 AND status = 'speaking'), current_agenda_item_id) AS item FROM meetings WHERE id = $1`,
      [meetingId],
    );
    return row?.item ? this.loadList(this.db.manager, meetingId, row.item) : null;
  }

  async requestFloor(caller: AuthUser, meetingId: string, agendaItemId: string, req: RequestFloorRequest): Promise<{ list: SpeakersList; created: boolean }> {
    const { meeting, role } = await this.access.require(caller, meetingId, 'speakers.request');
    if (meeting.status === 'closed') throw new DomainError('CONFLICT', 'The meeting is closed');
    await this.assertItem(meetingId, agendaItemId);
    const [replay] = await this.db.query('SELECT id FROM speeches WHERE user_id = $1 AND client_id = $2', [caller.id, req.clientId]);
    if (replay) return { list: await this.loadList(this.db.manager, meetingId, agendaItemId), created: false };
    if (req.anchor) await this.assertAnchor(meetingId, role, req.anchor.documentId, req.anchor.paragraphId);
    if (req.questionIssueId) await this.assertIssue(meetingId, req.questionIssueId);
    const list = await this.change(meetingId, agendaItemId, async (tx) => {
      const [{ closed }]: { closed: boolean }[] = await tx.query('SELECT closed FROM speaker_lists WHERE agenda_item_id = $1', [agendaItemId]);
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
      await tx.query('UPDATE speaker_lists SET closed = $2 WHERE agenda_item_id = $1', [agendaItemId, closed]);
    });
  }

  /** A speaker withdraws their own waiting request; staff may take any waiting request off the list. */
  async withdraw(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    const { role } = await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.read');
    const speech = await this.findSpeech(speechId);
    if (speech.user_id !== caller.id && !can(role, 'speakers.manage')) throw forbidden('Only the speaker or the chair can take a request off the list');
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      const done = await tx.query(`UPDATE speeches SET status = 'withdrawn', ended_at = clock_timestamp() WHERE id = $1 AND status = 'waiting' RETURNING id`, [speechId]);
      if (!updatedRows(done).length) throw new DomainError('SPEECH_NOT_WAITING', 'This request is no longer waiting: it has started or was withdrawn');
      await this.renumber(tx, speech.agenda_item_id);
    });
  }

  async reorder(caller: AuthUser, meetingId: string, agendaItemId: string, req: ReorderSpeakersRequest): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await this.assertItem(meetingId, agendaItemId);
    return this.change(meetingId, agendaItemId, async (tx, version) => {
      if (version !== req.version) throw new DomainError('SPEAKERS_LIST_CHANGED', 'The list changed while you were moving it; here is the new order');
      const waiting: { id: string }[] = await tx.query(`SELECT id FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting'`, [agendaItemId]);
      const same = waiting.length === req.speechIds.length && new Set(req.speechIds).size === req.speechIds.length && waiting.every((w) => req.speechIds.includes(w.id));
      if (!same) throw new DomainError('SPEAKERS_LIST_CHANGED', 'The order must list every waiting speaker exactly once');
      await tx.query(`UPDATE speeches s SET position = o.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE s.id = o.id`, [req.speechIds]);
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
      if (!(await this.stopIn(tx, `id = $1`, [speechId]))) throw new DomainError('SPEECH_NOT_WAITING', 'This speaker is not speaking now');
    });
    await this.audit.record({ userId: caller.id, action: 'speech.stop', meetingId: speech.meeting_id, targetId: speechId });
    return list;
  }

  async extend(caller: AuthUser, speechId: string, seconds: number): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      const rows = await tx.query(`UPDATE speeches SET extra_seconds = extra_seconds + $2 WHERE id = $1 AND status = 'speaking' RETURNING id`, [speechId, seconds]);
      if (!updatedRows(rows).length) throw new DomainError('SPEECH_NOT_WAITING', 'Extra time goes to the speaker who is speaking now');
    });
  }

  /** The chair pauses the speaker (an interruption in the hall); the countdown stands still on every screen. */
  async pause(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      const rows = await tx.query(`UPDATE speeches SET paused_at = clock_timestamp() WHERE id = $1 AND status = 'speaking' AND paused_at IS NULL RETURNING id`, [speechId]);
      if (!updatedRows(rows).length) throw new DomainError('SPEECH_NOT_WAITING', 'Only a speaker who is speaking, and not paused, can be paused');
    });
  }

  async resume(caller: AuthUser, speechId: string): Promise<SpeakersList> {
    await this.access.requireFor(caller, { kind: 'speech', id: speechId }, 'speakers.run');
    const speech = await this.findSpeech(speechId);
    return this.change(speech.meeting_id, speech.agenda_item_id, async (tx) => {
      const rows = await tx.query(
        `UPDATE speeches SET paused_seconds = paused_seconds + GREATEST(0, round(extract(epoch FROM clock_timestamp() - paused_at)))::int, paused_at = NULL
          WHERE id = $1 AND status = 'speaking' AND paused_at IS NOT NULL RETURNING id`,
        [speechId],
      );
      if (!updatedRows(rows).length) throw new DomainError('SPEECH_NOT_WAITING', 'This speaker is not paused');
    });
  }

  /** One tap: the speaker under way (anywhere in the meeting) returns the floor, the first waiting of this item starts. */
  async next(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<SpeakersList> {
    await this.access.require(caller, meetingId, 'speakers.run');
    await this.assertItem(meetingId, agendaItemId);
    let started: string | null = null;
    const list = await this.change(meetingId, agendaItemId, async (tx) => {
      await this.stopIn(tx, `meeting_id = $1`, [meetingId]);
      const [first]: { id: string }[] = await tx.query(`SELECT id FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting' ORDER BY position LIMIT 1`, [agendaItemId]);
      if (first) {
        await this.startIn(tx, meetingId, first.id);
        started = first.id;
      }
    });
    if (started) await this.audit.record({ userId: caller.id, action: 'speech.start', meetingId, targetId: started });
    return list;
  }

  async record(caller: AuthUser, meetingId: string): Promise<SpeechRecord> {
    await this.access.require(caller, meetingId, 'speakers.read');
    const rows: SpeechRow[] = await this.db.query(`${SELECT_SPEECHES} WHERE s.meeting_id = $1 AND s.started_at IS NOT NULL ORDER BY s.started_at, s.id`, [meetingId]);
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
    await this.db.query('UPDATE meetings SET speaking_times = $2 WHERE id = $1', [meetingId, JSON.stringify(times)]);
    await this.audit.record({ userId: caller.id, action: 'speakingTimes.update', meetingId, meta: { ...times } });
    return this.timesOf(this.db.manager, meetingId);
  }

  /** The council's defaults, set by an administrator. */
  async setCouncilSpeakingTimes(caller: AuthUser, councilId: string, times: SpeakingTimesRequest): Promise<SpeakingTimes> {
    if (!councilCan(councilRoleOf(caller.isAdmin, false), 'council.setDefaults')) throw forbidden('Only an administrator sets a council’s defaults');
    const rows = await this.db.query('UPDATE councils SET speaking_times = $2 WHERE id = $1 RETURNING id', [councilId, JSON.stringify(times)]);
    if (!updatedRows(rows).length) throw notFound('Council');
    await this.audit.record({ userId: caller.id, action: 'council.speakingTimes', targetId: councilId, meta: { ...times } });
    return times;
  }

  /** The council's defaults (hopso's while it has none), for its administrators and its secretariat. */
  async councilSpeakingTimes(caller: AuthUser, councilId: string): Promise<SpeakingTimesInfo> {
    const [row]: { times: Partial<SpeakingTimes> | null; staff: boolean }[] = await this.db.query(
      'SELECT c.speaking_times AS times, EXISTS (SELECT 1 FROM council_staff s WHERE s.council_id = c.id AND s.user_id = $2) AS staff FROM councils c WHERE c.id = $1',
      [councilId, caller.id],
    );
    if (!row || !councilCan(councilRoleOf(caller.isAdmin, row.staff), 'council.read')) throw notFound('Council');
    return mergeTimes(row.times, row.times ? 'council' : 'default');
  }

  /** The meeting goes back to the council's defaults. */
  async resetSpeakingTimes(caller: AuthUser, meetingId: string): Promise<SpeakingTimesInfo> {
    await this.access.require(caller, meetingId, 'speakers.manage');
    await this.db.query('UPDATE meetings SET speaking_times = NULL WHERE id = $1', [meetingId]);
    const info = await this.timesOf(this.db.manager, meetingId);
    await this.audit.record({ userId: caller.id, action: 'speakingTimes.update', meetingId, meta: { ...info.times, reset: true } });
    return info;
  }

  /** A person's speech under way or waiting in the meeting (the official's own countdown), with the server's clock. */
  async speechOf(meetingId: string, userId: string): Promise<{ speech: Speech | null; serverNow: string }> {
    const rows: SpeechRow[] = await this.db.query(
      `${SELECT_SPEECHES} WHERE s.meeting_id = $1 AND s.user_id = $2 AND s.status IN ('speaking', 'waiting') ORDER BY (s.status = 'speaking') DESC, s.requested_at LIMIT 1`,
      [meetingId, userId],
    );
    const [{ now }]: { now: Date }[] = await this.db.query('SELECT clock_timestamp() AS now');
    return { speech: rows[0] ? toSpeech(rows[0]) : null, serverNow: new Date(now).toISOString() };
  }

  /** Emits the item's list after a change made elsewhere in the same transaction (an issue opened for chất vấn). */
  async announce(tx: EntityManager, emit: EmitFn, meetingId: string, agendaItemId: string): Promise<void> {
    await this.ensureList(tx, meetingId, agendaItemId);
    await tx.query('UPDATE speaker_lists SET version = version + 1 WHERE agenda_item_id = $1', [agendaItemId]);
    await emit(meetingId, 'speakers.changed', { list: await this.loadList(tx, meetingId, agendaItemId) }, { to: 'all' });
  }

  async loadList(q: Queryable, meetingId: string, agendaItemId: string): Promise<SpeakersList> {
    const [listRow]: { version: number; closed: boolean }[] = await q.query('SELECT version, closed FROM speaker_lists WHERE agenda_item_id = $1', [agendaItemId]);
    const rows: SpeechRow[] = await q.query(
      `${SELECT_SPEECHES} WHERE s.agenda_item_id = $1 AND s.status <> 'withdrawn'
        ORDER BY CASE s.status WHEN 'speaking' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, s.position, s.started_at`,
      [agendaItemId],
    );
    const speeches = rows.map(toSpeech);
    const [{ now }]: { now: Date }[] = await q.query('SELECT clock_timestamp() AS now');
    return {
      meetingId,
      agendaItemId,
      version: listRow?.version ?? 0,
      closed: listRow?.closed ?? false,
      waiting: speeches.filter((s) => s.status === 'waiting'),
      current: speeches.find((s) => s.status === 'speaking') ?? null,
      done: speeches.filter((s) => s.status === 'done').sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '')),
      times: (await this.timesOf(q, meetingId)).times,
      openIssue: await this.openIssue(q, meetingId),
      serverNow: new Date(now).toISOString(),
    };
  }

  // ---- internals ----

  /** Locks the item's list, runs the change, bumps the version, and emits the new list (one transaction). */
  private change(meetingId: string, agendaItemId: string, work: (tx: EntityManager, version: number) => Promise<void>): Promise<SpeakersList> {
    return this.events.transaction(async (tx, emit) => {
      await this.ensureList(tx, meetingId, agendaItemId);
      const [{ version }]: { version: number }[] = await tx.query('SELECT version FROM speaker_lists WHERE agenda_item_id = $1 FOR UPDATE', [agendaItemId]);
      await work(tx, version);
      await tx.query('UPDATE speaker_lists SET version = version + 1 WHERE agenda_item_id = $1', [agendaItemId]);
      const list = await this.loadList(tx, meetingId, agendaItemId);
      await emit(meetingId, 'speakers.changed', { list }, { to: 'all' });
      // officials follow no meeting room: their own room hears (ids only) that their desk should read their speech again
      const officials: { user_id: string }[] = await tx.query(
        `SELECT DISTINCT s.user_id FROM speeches s JOIN meeting_participants p ON p.meeting_id = s.meeting_id AND p.user_id = s.user_id AND p.role = 'official'
          WHERE s.agenda_item_id = $1`,
        [agendaItemId],
      );
      if (officials.length) await emit(meetingId, 'questions.changed', { meetingId, issueId: null, questionId: null }, { to: 'staff', userIds: officials.map((o) => o.user_id) });
      return list;
    });
  }

  private ensureList(tx: Queryable, meetingId: string, agendaItemId: string) {
    return tx.query('INSERT INTO speaker_lists (agenda_item_id, meeting_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [agendaItemId, meetingId]);
  }

  private async insertWaiting(
    tx: EntityManager,
    meetingId: string,
    agendaItemId: string,
    userId: string,
    type: SpeechType,
    o: { clientId: string | null; replyTo: string | null; anchor: { documentId: string; paragraphId: string } | null; issueId: string | null; addedBy: string },
  ): Promise<void> {
    const times = (await this.timesOf(tx, meetingId)).times;
    try {
      await tx.query(
        `INSERT INTO speeches (meeting_id, agenda_item_id, user_id, client_id, type, position, reply_to_speech_id, anchor_document_id, anchor_paragraph_id, question_issue_id, added_by, allotted_seconds)
         VALUES ($1, $2, $3, $4, $5, 1e9, $6, $7, $8, $9, $10, $11)`,
        [meetingId, agendaItemId, userId, o.clientId, type, o.replyTo, o.anchor?.documentId ?? null, o.anchor?.paragraphId ?? null, o.issueId, o.addedBy, times[type]],
      );
    } catch (e) {
      if (isUniqueViolation(e, 'speeches_one_waiting')) throw new DomainError('CONFLICT', 'Already on the speakers list of this item: withdraw the earlier request first');
      throw e;
    }
    await this.renumber(tx, agendaItemId);
  }

  /** Positions 1..n of the waiting requests: procedural points first (in their order), then the rest as they stood. */
  private renumber(tx: Queryable, agendaItemId: string) {
    return tx.query(
      `UPDATE speeches s SET position = o.ord FROM (
         SELECT id, row_number() OVER (ORDER BY (type = 'procedural') DESC, position, requested_at, id) AS ord
           FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting') o
        WHERE s.id = o.id`,
      [agendaItemId],
    );
  }

  private async startIn(tx: EntityManager, meetingId: string, speechId: string): Promise<void> {
    const times = (await this.timesOf(tx, meetingId)).times;
    try {
      // the allotted time is the type's time when the speech starts (the chair may have changed it meanwhile)
      const rows = await tx.query(
        `UPDATE speeches SET status = 'speaking', started_at = clock_timestamp(), allotted_seconds = ($2::jsonb ->> type)::int
          WHERE id = $1 AND status = 'waiting' RETURNING id`,
        [speechId, JSON.stringify(times)],
      );
      if (!updatedRows(rows).length) throw new DomainError('SPEECH_NOT_WAITING', 'This request is not waiting: it has started, ended or was withdrawn');
    } catch (e) {
      if (isUniqueViolation(e, 'speeches_one_speaking')) throw new DomainError('SPEAKER_ALREADY_SPEAKING', 'Someone is speaking now: stop them first, or use “next”');
      throw e;
    }
  }

  /** Ends the matching speaking speech; returns whether there was one. Duration and overrun from the database clock. */
  private async stopIn(tx: EntityManager, where: string, params: unknown[]): Promise<boolean> {
    const res = await tx.query(
      `UPDATE speeches SET status = 'done', ended_at = clock_timestamp(), duration_seconds = ${ELAPSED},
              overrun_seconds = GREATEST(0, ${ELAPSED} - allotted_seconds - extra_seconds)
        WHERE ${where} AND status = 'speaking' RETURNING id`,
      params,
    );
    return updatedRows(res).length > 0;
  }

  private async timesOf(q: Queryable, meetingId: string): Promise<SpeakingTimesInfo> {
    const [row]: { meeting: Partial<SpeakingTimes> | null; council: Partial<SpeakingTimes> | null }[] = await q.query(
      'SELECT m.speaking_times AS meeting, c.speaking_times AS council FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1',
      [meetingId],
    );
    return mergeTimes(row?.meeting ?? row?.council ?? null, row?.meeting ? 'meeting' : row?.council ? 'council' : 'default');
  }

  private async openIssue(q: Queryable, meetingId: string): Promise<OpenQuestionIssue | null> {
    const [r]: { id: string; title: string; position_title: string; official_name: string | null }[] = await q.query(
      `SELECT i.id, i.title, p.title AS position_title, u.full_name AS official_name
         FROM question_issues i JOIN official_positions p ON p.id = i.position_id LEFT JOIN users u ON u.id = p.official_user_id
        WHERE i.meeting_id = $1 AND i.status = 'in_hall'`,
      [meetingId],
    );
    return r ? { id: r.id, title: r.title, positionTitle: r.position_title, officialName: r.official_name } : null;
  }


  private async findSpeech(speechId: string): Promise<{ id: string; meeting_id: string; agenda_item_id: string; user_id: string; status: string }> {
    const [row] = await this.db.query('SELECT id, meeting_id, agenda_item_id, user_id, status FROM speeches WHERE id = $1', [speechId]);
    if (!row) throw notFound('Speech');
    return row;
  }

  private async assertItem(meetingId: string, agendaItemId: string): Promise<void> {
    const [row] = await this.db.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [agendaItemId, meetingId]);
    if (!row) throw notFound('Agenda item');
  }

  private async assertAnchor(meetingId: string, role: MeetingRole | null, documentId: string, paragraphId: string): Promise<void> {
    // a document not released to the speaker is as unknown as one of another meeting: the list would show its title
    const [row] = !(await readableDocumentIds(this.db, meetingId, role, [documentId])).has(documentId) ? [] : await this.db.query(
      `SELECT 1 FROM paragraphs p JOIN document_versions v ON v.id = p.version_id JOIN documents d ON d.id = v.document_id
        WHERE p.id = $1 AND d.id = $2 AND d.meeting_id = $3`,
      [paragraphId, documentId, meetingId],
    );
    if (!row) throw new DomainError('INVALID_ANCHOR', 'This paragraph is not part of a document of this meeting', [{ path: 'anchor', message: 'Unknown paragraph' }]);
  }

  private async assertIssue(meetingId: string, issueId: string): Promise<void> {
    const [row] = await this.db.query('SELECT 1 FROM question_issues WHERE id = $1 AND meeting_id = $2', [issueId, meetingId]);
    if (!row) throw new DomainError('VALIDATION_FAILED', 'This chất vấn issue is not part of this meeting', [{ path: 'questionIssueId', message: 'Unknown issue' }]);
  }

  private async assertReplyTarget(tx: Queryable, agendaItemId: string, speechId: string, userId: string): Promise<void> {
    const [row]: { user_id: string; started_at: Date | null }[] = await tx.query('SELECT user_id, started_at FROM speeches WHERE id = $1 AND agenda_item_id = $2', [speechId, agendaItemId]);
    if (!row || row.started_at === null) {
      throw new DomainError('VALIDATION_FAILED', 'A reply (tranh luận) answers someone who has already spoken on this item', [{ path: 'replyToSpeechId', message: 'Not an earlier speech' }]);
    }
    if (row.user_id === userId) throw new DomainError('VALIDATION_FAILED', 'A reply (tranh luận) answers another speaker', [{ path: 'replyToSpeechId', message: 'Your own speech' }]);
  }
}
