import type { IssueStatus, MinutesContent, MinutesFacts, MinutesStatus, MinutesSummary, MinutesVersion } from '@hopso/shared';
import type { Queryable } from '../../common/queryable';
import { SELECT_VOTES, type VoteRow } from '../../votes/votes.repository';

/**
 * The minutes' data access: the minutes and their versions, and the facts they are assembled from.
 * Typed queries on `db` (the data source outside a transaction, the transaction's manager inside).
 */

export interface MinutesRow {
  id: string;
  meeting_id: string;
  sitting_id: string | null;
  sitting_title: string | null;
  meeting_title: string;
  status: MinutesStatus;
  version: number;
  content: MinutesContent;
  frozen_facts: MinutesFacts | null;
  return_note: string;
  updated_at: Date;
  finalized_at: Date | null;
}

export const toSummary = (r: MinutesRow): MinutesSummary => ({
  id: r.id,
  meetingId: r.meeting_id,
  sittingId: r.sitting_id,
  title: r.sitting_title ? `${r.sitting_title}, ${r.meeting_title}` : r.meeting_title,
  status: r.status,
  version: r.version,
  frozen: r.frozen_facts !== null,
  returnNote: r.return_note,
  updatedAt: new Date(r.updated_at).toISOString(),
  finalizedAt: r.finalized_at ? new Date(r.finalized_at).toISOString() : null,
});

const SELECT_MINUTES = `
  SELECT n.*, s.title AS sitting_title, m.title AS meeting_title
    FROM minutes n JOIN meetings m ON m.id = n.meeting_id LEFT JOIN sittings s ON s.id = n.sitting_id`;

/** The meeting's minutes (the drafts too with `withDrafts`), the sittings' in order, the session's last. */
export async function listMinutesOfMeeting(db: Queryable, meetingId: string, withDrafts: boolean): Promise<MinutesRow[]> {
  return db.query(`${SELECT_MINUTES} WHERE n.meeting_id = $1 AND ($2 OR n.status = 'final') ORDER BY n.sitting_id IS NULL, s.position`, [meetingId, withDrafts]);
}

/** One minutes, locked for the transaction with `lock`. */
export async function findMinutes(db: Queryable, id: string, lock = false): Promise<MinutesRow | undefined> {
  const [row]: MinutesRow[] = await db.query(`${SELECT_MINUTES} WHERE n.id = $1${lock ? ' FOR UPDATE OF n' : ''}`, [id]);
  return row;
}

export async function sittingOfMeetingExists(db: Queryable, sittingId: string, meetingId: string): Promise<boolean> {
  const [s] = await db.query('SELECT 1 FROM sittings WHERE id = $1 AND meeting_id = $2', [sittingId, meetingId]);
  return Boolean(s);
}

export async function insertMinutes(db: Queryable, meetingId: string, sittingId: string | null, content: MinutesContent, by: string): Promise<string> {
  const [row]: { id: string }[] = await db.query('INSERT INTO minutes (meeting_id, sitting_id, content, created_by, updated_by) VALUES ($1, $2, $3, $4, $4) RETURNING id', [meetingId, sittingId, content, by]);
  return row.id;
}

/** A saved draft: new content (and frozen facts), back to draft, one version up. */
export async function updateMinutesContent(db: Queryable, id: string, content: MinutesContent, frozen: MinutesFacts | null, by: string): Promise<void> {
  await db.query(`UPDATE minutes SET content = $2, frozen_facts = $3, status = 'draft', version = version + 1, updated_by = $4, updated_at = now() WHERE id = $1`, [id, content, frozen, by]);
}

/** A step of the workflow, one version up; finalized now when it becomes final. */
export async function updateMinutesStatus(db: Queryable, id: string, to: 'submitted' | 'returned' | 'final', returnNote: string, frozen: MinutesFacts | null, by: string): Promise<void> {
  await db.query(
    `UPDATE minutes SET status = $2, return_note = $3, frozen_facts = $4, version = version + 1, updated_by = $5, updated_at = now(),
                finalized_at = CASE WHEN $2 = 'final' THEN now() ELSE NULL END WHERE id = $1`,
    [id, to, returnNote, frozen, by],
  );
}

/** The minutes as they stand now, kept as their version. */
export async function insertMinutesVersion(db: Queryable, id: string, note: string, by: string): Promise<void> {
  await db.query('INSERT INTO minutes_versions (minutes_id, version, status, content, frozen_facts, note, by_user) SELECT id, version, status, content, frozen_facts, $2, $3 FROM minutes WHERE id = $1', [id, note, by]);
}

export interface MinutesVersionRow {
  version: number;
  status: MinutesStatus;
  note: string;
  full_name: string | null;
  at: Date;
}

export const toMinutesVersion = (r: MinutesVersionRow): MinutesVersion => ({ version: r.version, status: r.status, note: r.note, byName: r.full_name ?? '', at: new Date(r.at).toISOString() });

export async function listMinutesVersions(db: Queryable, id: string): Promise<MinutesVersionRow[]> {
  return db.query('SELECT v.version, v.status, v.note, u.full_name, v.at FROM minutes_versions v LEFT JOIN users u ON u.id = v.by_user WHERE v.minutes_id = $1 ORDER BY v.version', [id]);
}

export async function findCouncilOfMeeting(db: Queryable, meetingId: string): Promise<{ council_id: string }> {
  const [meeting]: { council_id: string }[] = await db.query('SELECT council_id FROM meetings WHERE id = $1', [meetingId]);
  return meeting;
}

// ── the facts ──

export interface FactsMeetingRow {
  title: string;
  location: string;
  starts_at: Date;
  council_name: string;
  time_zone: string;
}

export async function findFactsMeeting(db: Queryable, meetingId: string): Promise<FactsMeetingRow> {
  const [m]: FactsMeetingRow[] = await db.query('SELECT m.title, m.location, m.starts_at, c.name AS council_name, c.time_zone FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1', [meetingId]);
  return m;
}

/** The meeting's chairs and secretaries, by name. */
export async function listMeetingStaff(db: Queryable, meetingId: string): Promise<{ role: string; full_name: string }[]> {
  return db.query(`SELECT p.role, u.full_name FROM meeting_participants p JOIN users u ON u.id = p.user_id WHERE p.meeting_id = $1 AND p.role IN ('chair', 'secretary') ORDER BY u.full_name`, [meetingId]);
}

/** The meeting's sittings (only `sittingId` when given), in order. */
export async function listSittingWindows(db: Queryable, meetingId: string, sittingId: string | null): Promise<{ id: string; opened_at: Date | null; closed_at: Date | null }[]> {
  return db.query('SELECT id, opened_at, closed_at FROM sittings WHERE meeting_id = $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY position', [meetingId, sittingId]);
}

/** A sitting's window (from its opening to its closing), or null for the whole session. */
export type FactsWindow = { from: Date; to: Date } | null;

/** `col` falls in the window ($2..$3), or true without one. */
const inWindow = (window: FactsWindow, col: string) => (window ? `(${col} IS NOT NULL AND ${col} >= $2 AND ${col} <= $3)` : 'true');
const windowParams = (window: FactsWindow) => (window ? [window.from, window.to] : []);

export async function listAgendaItemsOfMeeting(db: Queryable, meetingId: string): Promise<{ id: string; position: number; title: string; presenter: string }[]> {
  return db.query('SELECT id, position, title, presenter FROM agenda_items WHERE meeting_id = $1 ORDER BY position', [meetingId]);
}

/** The meeting's documents on an agenda item, with their newest ready version's number. */
export async function listItemDocuments(db: Queryable, meetingId: string): Promise<{ id: string; title: string; agenda_item_id: string; version_no: number }[]> {
  return db.query(
    `SELECT d.id, d.title, d.agenda_item_id, (SELECT version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) AS version_no
         FROM documents d WHERE d.meeting_id = $1 AND d.agenda_item_id IS NOT NULL ORDER BY d.created_at`,
    [meetingId],
  );
}

export interface FactsSpeechRow {
  agenda_item_id: string;
  full_name: string;
  unit: string | null;
  type: string;
  duration_seconds: number | null;
}

/** The speeches done and started in the window, in order. */
export async function listDoneSpeeches(db: Queryable, meetingId: string, window: FactsWindow): Promise<FactsSpeechRow[]> {
  return db.query(
    `SELECT s.agenda_item_id, u.full_name, p.unit, s.type, s.duration_seconds
         FROM speeches s JOIN users u ON u.id = s.user_id LEFT JOIN meeting_participants p ON p.meeting_id = s.meeting_id AND p.user_id = s.user_id
        WHERE s.meeting_id = $1 AND s.status = 'done' AND ${inWindow(window, 's.started_at')} ORDER BY s.started_at`,
    [meetingId, ...windowParams(window)],
  );
}

/** The votes closed in the window, in order. */
export async function listClosedVotes(db: Queryable, meetingId: string, window: FactsWindow): Promise<VoteRow[]> {
  return db.query(`${SELECT_VOTES} WHERE v.meeting_id = $1 AND v.status = 'closed' AND ${inWindow(window, 'v.closed_at')} ORDER BY v.position`, [meetingId, ...windowParams(window)]);
}

export interface FactsGroupReportRow {
  agenda_item_id: string;
  name: string;
  report_text: string;
  report_submitted_at: Date | null;
  ended_at: Date | null;
}

/** The written group reports submitted (or last changed) in the window, in group order. */
export async function listGroupReports(db: Queryable, meetingId: string, window: FactsWindow): Promise<FactsGroupReportRow[]> {
  return db.query(
    `SELECT g.agenda_item_id, g.name, g.report_text, g.report_submitted_at, b.ended_at FROM breakout_groups g JOIN breakouts b ON b.agenda_item_id = g.agenda_item_id
        WHERE g.meeting_id = $1 AND g.report_text IS NOT NULL AND g.report_text <> '' AND ${inWindow(window, 'coalesce(g.report_submitted_at, g.report_updated_at)')} ORDER BY g.position`,
    [meetingId, ...windowParams(window)],
  );
}

export interface FactsIssueRow {
  id: string;
  title: string;
  position_title: string;
  official: string | null;
  status: IssueStatus;
  commitment: string | null;
}

export async function listQuestionIssues(db: Queryable, meetingId: string): Promise<FactsIssueRow[]> {
  return db.query(
    `SELECT i.id, i.title, p.title AS position_title, u.full_name AS official, i.status, i.commitment
         FROM question_issues i JOIN official_positions p ON p.id = i.position_id LEFT JOIN users u ON u.id = p.official_user_id
        WHERE i.meeting_id = $1 ORDER BY i.created_at`,
    [meetingId],
  );
}

/** The questions filed under an issue (merged ones fold into theirs, their authors named together). */
export async function listIssueQuestions(db: Queryable, meetingId: string): Promise<{ issue_id: string; body: string; authors: string }[]> {
  return db.query(
    `SELECT q.issue_id, q.body,
              (SELECT string_agg(u.full_name, ', ' ORDER BY u.full_name) FROM questions x JOIN users u ON u.id = x.author_id WHERE x.id = q.id OR x.merged_into_id = q.id) AS authors
         FROM questions q WHERE q.meeting_id = $1 AND q.issue_id IS NOT NULL AND q.merged_into_id IS NULL ORDER BY q.created_at`,
    [meetingId],
  );
}

export async function listIssueMessages(db: Queryable, meetingId: string): Promise<{ issue_id: string; kind: 'answer' | 'followup'; body: string; author: string }[]> {
  return db.query(
    `SELECT m.issue_id, m.kind, m.body, u.full_name AS author FROM question_messages m JOIN users u ON u.id = m.author_id
        JOIN question_issues i ON i.id = m.issue_id WHERE i.meeting_id = $1 ORDER BY m.created_at`,
    [meetingId],
  );
}
