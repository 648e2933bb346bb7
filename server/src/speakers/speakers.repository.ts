import type { OpenQuestionIssue, Speech, SpeechType, SpeakingTimes } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';

export interface SpeechRow {
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

export const toSpeech = (r: SpeechRow): Speech => ({
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

/** Elapsed whole seconds of a speech, from the database clock (the one every screen counts from), pauses left out. */
const ELAPSED = `GREATEST(0, round(extract(epoch FROM COALESCE(paused_at, clock_timestamp()) - started_at)) - paused_seconds)::int`;

/** The database clock, the one every screen counts from. */
export async function clockNow(db: Queryable): Promise<Date> {
  const [{ now }]: { now: Date }[] = await db.query('SELECT clock_timestamp() AS now');
  return now;
}

// ---- speeches ----

export async function findSpeech(db: Queryable, speechId: string): Promise<{ id: string; meeting_id: string; agenda_item_id: string; user_id: string; status: string } | undefined> {
  const [row] = await db.query('SELECT id, meeting_id, agenda_item_id, user_id, status FROM speeches WHERE id = $1', [speechId]);
  return row;
}

/** A speech of the agenda item: who gave it and whether it started. */
export async function findSpeechOfItem(db: Queryable, speechId: string, agendaItemId: string): Promise<{ user_id: string; started_at: Date | null } | undefined> {
  const [row]: { user_id: string; started_at: Date | null }[] = await db.query('SELECT user_id, started_at FROM speeches WHERE id = $1 AND agenda_item_id = $2', [speechId, agendaItemId]);
  return row;
}

/** Whether the person already sent a request with this client id (a retry). */
export async function speechWithClientIdExists(db: Queryable, userId: string, clientId: string): Promise<boolean> {
  const [replay] = await db.query('SELECT id FROM speeches WHERE user_id = $1 AND client_id = $2', [userId, clientId]);
  return !!replay;
}

/** The speeches of the item other than withdrawn ones: the one under way, the waiting in order, then those done. */
export async function listSpeechesOfItem(db: Queryable, agendaItemId: string): Promise<SpeechRow[]> {
  return db.query(
    `${SELECT_SPEECHES} WHERE s.agenda_item_id = $1 AND s.status <> 'withdrawn'
        ORDER BY CASE s.status WHEN 'speaking' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, s.position, s.started_at`,
    [agendaItemId],
  );
}

/** Every speech of the meeting that started, in the order given. */
export async function listStartedSpeechesOfMeeting(db: Queryable, meetingId: string): Promise<SpeechRow[]> {
  return db.query(`${SELECT_SPEECHES} WHERE s.meeting_id = $1 AND s.started_at IS NOT NULL ORDER BY s.started_at, s.id`, [meetingId]);
}

/** The person's speech under way, else their earliest waiting request, in the meeting. */
export async function findCurrentSpeechOf(db: Queryable, meetingId: string, userId: string): Promise<SpeechRow | undefined> {
  const rows: SpeechRow[] = await db.query(
    `${SELECT_SPEECHES} WHERE s.meeting_id = $1 AND s.user_id = $2 AND s.status IN ('speaking', 'waiting') ORDER BY (s.status = 'speaking') DESC, s.requested_at LIMIT 1`,
    [meetingId, userId],
  );
  return rows[0];
}

export async function listWaitingSpeechIds(db: Queryable, agendaItemId: string): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting'`, [agendaItemId]);
}

export async function findFirstWaitingSpeechId(db: Queryable, agendaItemId: string): Promise<string | undefined> {
  const [first]: { id: string }[] = await db.query(`SELECT id FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting' ORDER BY position LIMIT 1`, [agendaItemId]);
  return first?.id;
}

/** Officials (by their participant role) who have a speech on the item. */
export async function listOfficialsWithSpeechOnItem(db: Queryable, agendaItemId: string): Promise<{ user_id: string }[]> {
  return db.query(
    `SELECT DISTINCT s.user_id FROM speeches s JOIN meeting_participants p ON p.meeting_id = s.meeting_id AND p.user_id = s.user_id AND p.role = 'official'
          WHERE s.agenda_item_id = $1`,
    [agendaItemId],
  );
}

export interface NewSpeech {
  meetingId: string;
  agendaItemId: string;
  userId: string;
  clientId: string | null;
  type: SpeechType;
  replyTo: string | null;
  anchorDocumentId: string | null;
  anchorParagraphId: string | null;
  issueId: string | null;
  addedBy: string;
  allottedSeconds: number;
}

/** A waiting request at the end of the list (renumber after). Throws the unique violation `speeches_one_waiting` when the person already waits. */
export async function insertWaitingSpeech(db: Queryable, s: NewSpeech): Promise<void> {
  await db.query(
    `INSERT INTO speeches (meeting_id, agenda_item_id, user_id, client_id, type, position, reply_to_speech_id, anchor_document_id, anchor_paragraph_id, question_issue_id, added_by, allotted_seconds)
         VALUES ($1, $2, $3, $4, $5, 1e9, $6, $7, $8, $9, $10, $11)`,
    [s.meetingId, s.agendaItemId, s.userId, s.clientId, s.type, s.replyTo, s.anchorDocumentId, s.anchorParagraphId, s.issueId, s.addedBy, s.allottedSeconds],
  );
}

/** Positions 1..n of the waiting requests: procedural points first (in their order), then the rest as they stood. */
export async function renumberWaiting(db: Queryable, agendaItemId: string): Promise<void> {
  await db.query(
    `UPDATE speeches s SET position = o.ord FROM (
         SELECT id, row_number() OVER (ORDER BY (type = 'procedural') DESC, position, requested_at, id) AS ord
           FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting') o
        WHERE s.id = o.id`,
    [agendaItemId],
  );
}

/** Positions in the order given. */
export async function setSpeechOrder(db: Queryable, speechIds: string[]): Promise<void> {
  await db.query(`UPDATE speeches s SET position = o.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE s.id = o.id`, [speechIds]);
}

/** Withdraws a waiting request; false when it was no longer waiting. */
export async function withdrawWaitingSpeech(db: Queryable, speechId: string): Promise<boolean> {
  return (await updateReturning(db, `UPDATE speeches SET status = 'withdrawn', ended_at = clock_timestamp() WHERE id = $1 AND status = 'waiting' RETURNING id`, [speechId])).length > 0;
}

/**
 * Starts a waiting speech with the type's time now; false when it was not waiting. Throws the unique
 * violation `speeches_one_speaking` when someone else is speaking.
 */
export async function startWaitingSpeech(db: Queryable, speechId: string, times: SpeakingTimes): Promise<boolean> {
  const rows = await updateReturning(
    db,
    `UPDATE speeches SET status = 'speaking', started_at = clock_timestamp(), allotted_seconds = ($2::jsonb ->> type)::int
          WHERE id = $1 AND status = 'waiting' RETURNING id`,
    [speechId, JSON.stringify(times)],
  );
  return rows.length > 0;
}

/** Ends the matching speaking speech; whether there was one. Duration and overrun from the database clock. */
async function stopSpeaking(db: Queryable, where: 'id = $1' | 'meeting_id = $1', id: string): Promise<boolean> {
  const res = await updateReturning(
    db,
    `UPDATE speeches SET status = 'done', ended_at = clock_timestamp(), duration_seconds = ${ELAPSED},
              overrun_seconds = GREATEST(0, ${ELAPSED} - allotted_seconds - extra_seconds)
        WHERE ${where} AND status = 'speaking' RETURNING id`,
    [id],
  );
  return res.length > 0;
}

export const stopSpeech = (db: Queryable, speechId: string) => stopSpeaking(db, 'id = $1', speechId);
export const stopSpeakingInMeeting = (db: Queryable, meetingId: string) => stopSpeaking(db, 'meeting_id = $1', meetingId);

/** Extra time for the speech under way; false when it is not speaking. */
export async function extendSpeakingSpeech(db: Queryable, speechId: string, seconds: number): Promise<boolean> {
  return (await updateReturning(db, `UPDATE speeches SET extra_seconds = extra_seconds + $2 WHERE id = $1 AND status = 'speaking' RETURNING id`, [speechId, seconds])).length > 0;
}

/** False when the speech is not speaking or already paused. */
export async function pauseSpeakingSpeech(db: Queryable, speechId: string): Promise<boolean> {
  return (await updateReturning(db, `UPDATE speeches SET paused_at = clock_timestamp() WHERE id = $1 AND status = 'speaking' AND paused_at IS NULL RETURNING id`, [speechId])).length > 0;
}

/** The pause counts into paused_seconds; false when the speech is not paused. */
export async function resumePausedSpeech(db: Queryable, speechId: string): Promise<boolean> {
  const rows = await updateReturning(
    db,
    `UPDATE speeches SET paused_seconds = paused_seconds + GREATEST(0, round(extract(epoch FROM clock_timestamp() - paused_at)))::int, paused_at = NULL
          WHERE id = $1 AND status = 'speaking' AND paused_at IS NOT NULL RETURNING id`,
    [speechId],
  );
  return rows.length > 0;
}

// ---- the list of an agenda item ----

export async function ensureSpeakersList(db: Queryable, meetingId: string, agendaItemId: string): Promise<void> {
  await db.query('INSERT INTO speaker_lists (agenda_item_id, meeting_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [agendaItemId, meetingId]);
}

export async function findSpeakersList(db: Queryable, agendaItemId: string): Promise<{ version: number; closed: boolean } | undefined> {
  const [listRow]: { version: number; closed: boolean }[] = await db.query('SELECT version, closed FROM speaker_lists WHERE agenda_item_id = $1', [agendaItemId]);
  return listRow;
}

/** Locks the item's list row (it exists) until the end of the transaction; its version. */
export async function lockSpeakersList(db: Queryable, agendaItemId: string): Promise<number> {
  const [{ version }]: { version: number }[] = await db.query('SELECT version FROM speaker_lists WHERE agenda_item_id = $1 FOR UPDATE', [agendaItemId]);
  return version;
}

/** Whether the chair closed the item's list (it exists). */
export async function isSpeakersListClosed(db: Queryable, agendaItemId: string): Promise<boolean> {
  const [{ closed }]: { closed: boolean }[] = await db.query('SELECT closed FROM speaker_lists WHERE agenda_item_id = $1', [agendaItemId]);
  return closed;
}

export async function setSpeakersListClosed(db: Queryable, agendaItemId: string, closed: boolean): Promise<void> {
  await db.query('UPDATE speaker_lists SET closed = $2 WHERE agenda_item_id = $1', [agendaItemId, closed]);
}

export async function bumpSpeakersListVersion(db: Queryable, agendaItemId: string): Promise<void> {
  await db.query('UPDATE speaker_lists SET version = version + 1 WHERE agenda_item_id = $1', [agendaItemId]);
}

/** The item with the speech under way, else the meeting's current agenda item. */
export async function findHallAgendaItemId(db: Queryable, meetingId: string): Promise<string | null | undefined> {
  const [row]: { item: string | null }[] = await db.query(
    `SELECT COALESCE((SELECT agenda_item_id FROM speeches WHERE meeting_id = $1 AND status = 'speaking'), current_agenda_item_id) AS item FROM meetings WHERE id = $1`,
    [meetingId],
  );
  return row?.item;
}

// ---- speaking times ----

export async function findSpeakingTimes(db: Queryable, meetingId: string): Promise<{ meeting: Partial<SpeakingTimes> | null; council: Partial<SpeakingTimes> | null } | undefined> {
  const [row]: { meeting: Partial<SpeakingTimes> | null; council: Partial<SpeakingTimes> | null }[] = await db.query(
    'SELECT m.speaking_times AS meeting, c.speaking_times AS council FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1',
    [meetingId],
  );
  return row;
}

export async function setMeetingSpeakingTimes(db: Queryable, meetingId: string, times: Partial<SpeakingTimes>): Promise<void> {
  await db.query('UPDATE meetings SET speaking_times = $2 WHERE id = $1', [meetingId, JSON.stringify(times)]);
}

export async function resetMeetingSpeakingTimes(db: Queryable, meetingId: string): Promise<void> {
  await db.query('UPDATE meetings SET speaking_times = NULL WHERE id = $1', [meetingId]);
}

/** False when there is no such council. */
export async function setCouncilSpeakingTimes(db: Queryable, councilId: string, times: Partial<SpeakingTimes>): Promise<boolean> {
  return (await updateReturning(db, 'UPDATE councils SET speaking_times = $2 WHERE id = $1 RETURNING id', [councilId, JSON.stringify(times)])).length > 0;
}

/** The council's stored times, and whether the person is on its secretariat. */
export async function findCouncilSpeakingTimes(db: Queryable, councilId: string, userId: string): Promise<{ times: Partial<SpeakingTimes> | null; staff: boolean } | undefined> {
  const [row]: { times: Partial<SpeakingTimes> | null; staff: boolean }[] = await db.query(
    'SELECT c.speaking_times AS times, EXISTS (SELECT 1 FROM council_staff s WHERE s.council_id = c.id AND s.user_id = $2) AS staff FROM councils c WHERE c.id = $1',
    [councilId, userId],
  );
  return row;
}

// ---- what a request refers to ----

export async function agendaItemOfMeetingExists(db: Queryable, agendaItemId: string, meetingId: string): Promise<boolean> {
  const [row] = await db.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [agendaItemId, meetingId]);
  return !!row;
}

export async function paragraphOfMeetingDocumentExists(db: Queryable, paragraphId: string, documentId: string, meetingId: string): Promise<boolean> {
  const [row] = await db.query(
    `SELECT 1 FROM paragraphs p JOIN document_versions v ON v.id = p.version_id JOIN documents d ON d.id = v.document_id
        WHERE p.id = $1 AND d.id = $2 AND d.meeting_id = $3`,
    [paragraphId, documentId, meetingId],
  );
  return !!row;
}

export async function questionIssueOfMeetingExists(db: Queryable, issueId: string, meetingId: string): Promise<boolean> {
  const [row] = await db.query('SELECT 1 FROM question_issues WHERE id = $1 AND meeting_id = $2', [issueId, meetingId]);
  return !!row;
}

/** The chất vấn issue open in the hall, with its position and official. */
export async function findOpenQuestionIssue(db: Queryable, meetingId: string): Promise<OpenQuestionIssue | null> {
  const [r]: { id: string; title: string; position_title: string; official_name: string | null }[] = await db.query(
    `SELECT i.id, i.title, p.title AS position_title, u.full_name AS official_name
         FROM question_issues i JOIN official_positions p ON p.id = i.position_id LEFT JOIN users u ON u.id = p.official_user_id
        WHERE i.meeting_id = $1 AND i.status = 'in_hall'`,
    [meetingId],
  );
  return r ? { id: r.id, title: r.title, positionTitle: r.position_title, officialName: r.official_name } : null;
}
