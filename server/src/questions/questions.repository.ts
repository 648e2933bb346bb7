import type { IssueMessage, IssueStatus, OfficialPosition, Question, QuestionRef } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';

export interface QuestionRow {
  id: string;
  meeting_id: string;
  position_id: string;
  position_title: string;
  author_id: string;
  author_name: string;
  body: string;
  refs: QuestionRef[];
  issue_id: string | null;
  merged_into_id: string | null;
  created_at: Date;
}

export interface IssueRow {
  id: string;
  meeting_id: string;
  title: string;
  position_id: string;
  position_title: string;
  official_user_id: string | null;
  official_name: string | null;
  selected_for_hall: boolean;
  status: IssueStatus;
  commitment: string | null;
  answer_due_at: Date;
}

export interface MessageRow {
  id: string;
  issue_id: string;
  kind: IssueMessage['kind'];
  author_id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

interface PositionRow {
  id: string;
  meeting_id: string;
  title: string;
  official_user_id: string | null;
  official_name: string | null;
}

const SELECT_QUESTIONS = `
  SELECT q.*, u.full_name AS author_name, p.title AS position_title
    FROM questions q JOIN users u ON u.id = q.author_id JOIN official_positions p ON p.id = q.position_id`;

const SELECT_ISSUES = `
  SELECT i.*, p.title AS position_title, p.official_user_id, u.full_name AS official_name
    FROM question_issues i JOIN official_positions p ON p.id = i.position_id LEFT JOIN users u ON u.id = p.official_user_id`;

const toPosition = (r: PositionRow): OfficialPosition => ({
  id: r.id,
  meetingId: r.meeting_id,
  title: r.title,
  officialUserId: r.official_user_id,
  officialName: r.official_name,
});

/** The meeting's questions; a question's authors are its own and those of the duplicates merged into it. */
export function toQuestions(rows: QuestionRow[]): Question[] {
  return rows.map((r) => {
    const merged = rows.filter((m) => m.merged_into_id === r.id);
    const authors = [{ userId: r.author_id, name: r.author_name }];
    for (const m of merged) if (!authors.some((a) => a.userId === m.author_id)) authors.push({ userId: m.author_id, name: m.author_name });
    return {
      id: r.id,
      meetingId: r.meeting_id,
      positionId: r.position_id,
      positionTitle: r.position_title,
      authorId: r.author_id,
      authorName: r.author_name,
      authors,
      body: r.body,
      refs: r.refs,
      issueId: r.issue_id,
      mergedIntoId: r.merged_into_id,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

export const toIssueMessage = (m: MessageRow): IssueMessage => ({ id: m.id, kind: m.kind, authorId: m.author_id, authorName: m.author_name, body: m.body, createdAt: new Date(m.created_at).toISOString() });

// ---- the council and the meeting ----

export async function findCouncilName(db: Queryable, councilId: string): Promise<{ name: string } | undefined> {
  const [council]: { name: string }[] = await db.query('SELECT name FROM councils WHERE id = $1', [councilId]);
  return council;
}

export async function findCouncilNameAndTimeZone(db: Queryable, councilId: string): Promise<{ name: string; time_zone: string } | undefined> {
  const [council]: { name: string; time_zone: string }[] = await db.query('SELECT name, time_zone FROM councils WHERE id = $1', [councilId]);
  return council;
}

export async function findCurrentAgendaItemId(db: Queryable, meetingId: string): Promise<string | null | undefined> {
  const [m]: { current_agenda_item_id: string | null }[] = await db.query('SELECT current_agenda_item_id FROM meetings WHERE id = $1', [meetingId]);
  return m?.current_agenda_item_id;
}

/** The start of the council's next session (kỳ họp) after this meeting, once scheduled, and whether it has come. */
export async function findNextSessionStart(db: Queryable, meetingId: string): Promise<{ starts_at: Date; closed: boolean } | undefined> {
  const [row]: { starts_at: Date; closed: boolean }[] = await db.query(
    `SELECT n.starts_at, n.starts_at <= now() AS closed
         FROM meetings m JOIN meetings n ON n.council_id = m.council_id AND n.id <> m.id AND n.kind = 'session' AND n.status <> 'draft' AND n.starts_at > m.starts_at
        WHERE m.id = $1 ORDER BY n.starts_at LIMIT 1`,
    [meetingId],
  );
  return row;
}

// ---- settings ----

export async function findQuestionSettings(db: Queryable, meetingId: string): Promise<{ submit_deadline: Date | null; answer_days: number; open: boolean } | undefined> {
  const [row]: { submit_deadline: Date | null; answer_days: number; open: boolean }[] = await db.query(
    'SELECT submit_deadline, answer_days, (submit_deadline IS NOT NULL AND submit_deadline > now()) AS open FROM question_settings WHERE meeting_id = $1',
    [meetingId],
  );
  return row;
}

export async function upsertQuestionSettings(db: Queryable, meetingId: string, submitDeadline: string | null, answerDays: number): Promise<void> {
  await db.query(
    `INSERT INTO question_settings (meeting_id, submit_deadline, answer_days) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id) DO UPDATE SET submit_deadline = EXCLUDED.submit_deadline, answer_days = EXCLUDED.answer_days`,
    [meetingId, submitDeadline, answerDays],
  );
}

// ---- positions ----

export async function listPositions(db: Queryable, meetingId: string): Promise<OfficialPosition[]> {
  const rows: PositionRow[] = await db.query(
    `SELECT p.id, p.meeting_id, p.title, p.official_user_id, u.full_name AS official_name
         FROM official_positions p LEFT JOIN users u ON u.id = p.official_user_id WHERE p.meeting_id = $1 ORDER BY p.created_at, p.title`,
    [meetingId],
  );
  return rows.map(toPosition);
}

/** Throws the unique violation `official_positions_meeting_id_title_key` for a title the meeting already has. */
export async function insertPosition(db: Queryable, meetingId: string, title: string, officialUserId: string | null): Promise<{ id: string }> {
  const [row]: { id: string }[] = await db.query('INSERT INTO official_positions (meeting_id, title, official_user_id) VALUES ($1, $2, $3) RETURNING id', [meetingId, title, officialUserId]);
  return row;
}

export async function findPosition(db: Queryable, positionId: string): Promise<{ meeting_id: string; official_user_id: string | null } | undefined> {
  const [pos]: { meeting_id: string; official_user_id: string | null }[] = await db.query('SELECT meeting_id, official_user_id FROM official_positions WHERE id = $1', [positionId]);
  return pos;
}

export async function findPositionOfMeeting(db: Queryable, positionId: string, meetingId: string): Promise<{ official_user_id: string | null } | undefined> {
  const [pos]: { official_user_id: string | null }[] = await db.query('SELECT official_user_id FROM official_positions WHERE id = $1 AND meeting_id = $2', [positionId, meetingId]);
  return pos;
}

/** `officialUserId` undefined keeps the official, null takes them off. */
export async function updatePosition(db: Queryable, positionId: string, c: { title?: string; officialUserId?: string | null }): Promise<void> {
  await db.query(
    `UPDATE official_positions SET title = COALESCE($2, title), official_user_id = CASE WHEN $3::boolean THEN $4::uuid ELSE official_user_id END WHERE id = $1`,
    [positionId, c.title ?? null, c.officialUserId !== undefined, c.officialUserId ?? null],
  );
}

// ---- questions ----

export async function listQuestionsOfMeeting(db: Queryable, meetingId: string): Promise<QuestionRow[]> {
  return db.query(`${SELECT_QUESTIONS} WHERE q.meeting_id = $1 ORDER BY q.created_at, q.id`, [meetingId]);
}

export async function findQuestion(db: Queryable, id: string): Promise<{ id: string; meeting_id: string; issue_id: string | null; merged_into_id: string | null } | undefined> {
  const [row] = await db.query('SELECT id, meeting_id, issue_id, merged_into_id FROM questions WHERE id = $1', [id]);
  return row;
}

export async function findQuestionByClientId(db: Queryable, authorId: string, clientId: string): Promise<{ id: string; meeting_id: string } | undefined> {
  const [row]: { id: string; meeting_id: string }[] = await db.query('SELECT id, meeting_id FROM questions WHERE author_id = $1 AND client_id = $2', [authorId, clientId]);
  return row;
}

/** The new question's id; null when the author already sent this client id. */
export async function insertQuestion(
  db: Queryable,
  q: { meetingId: string; clientId: string; authorId: string; positionId: string; body: string; refs: QuestionRef[] },
): Promise<string | null> {
  const rows = await db.query(
    `INSERT INTO questions (meeting_id, client_id, author_id, position_id, body, refs) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
    [q.meetingId, q.clientId, q.authorId, q.positionId, q.body, JSON.stringify(q.refs)],
  );
  return rows[0]?.id ?? null;
}

/** The duplicate and everything already merged into it now point at the target (and its issue). */
export async function mergeQuestionInto(db: Queryable, questionId: string, targetId: string, targetIssueId: string | null): Promise<void> {
  await db.query(`UPDATE questions SET merged_into_id = $2, issue_id = $3 WHERE id = $1 OR merged_into_id = $1`, [questionId, targetId, targetIssueId]);
}

/** The questions, with the duplicates merged into them, go to the issue. */
export async function moveQuestionsToIssue(db: Queryable, issueId: string, questionIds: string[]): Promise<void> {
  await db.query('UPDATE questions SET issue_id = $1 WHERE id = ANY($2) OR merged_into_id = ANY($2)', [issueId, questionIds]);
}

/** How many of the ids are questions of the meeting not merged into another. */
export async function countUnmergedQuestions(db: Queryable, ids: string[], meetingId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM questions WHERE id = ANY($1) AND meeting_id = $2 AND merged_into_id IS NULL', [ids, meetingId]);
  return n;
}

export async function listIssueAuthorIds(db: Queryable, issueId: string): Promise<string[]> {
  const rows: { author_id: string }[] = await db.query('SELECT DISTINCT author_id FROM questions WHERE issue_id = $1', [issueId]);
  return rows.map((r) => r.author_id);
}

/** A document of the meeting and the index of the paragraph in one of its versions (null when it is not in one). */
export async function findDocumentRef(db: Queryable, documentId: string, paragraphId: string | null, meetingId: string): Promise<{ title: string; index: number | null } | undefined> {
  const [row]: { title: string; index: number | null }[] = await db.query(
    `SELECT d.title, p.index FROM documents d
           LEFT JOIN paragraphs p ON p.id = $2 AND p.version_id IN (SELECT id FROM document_versions WHERE document_id = d.id)
          WHERE d.id = $1 AND d.meeting_id = $3`,
    [documentId, paragraphId, meetingId],
  );
  return row;
}

// ---- issues ----

export async function listIssuesOfMeeting(db: Queryable, meetingId: string): Promise<(IssueRow & { now: Date })[]> {
  return db.query(`${SELECT_ISSUES.replace('SELECT i.*', 'SELECT i.*, now() AS now')} WHERE i.meeting_id = $1 ORDER BY i.created_at, i.id`, [meetingId]);
}

export async function findIssue(db: Queryable, id: string): Promise<IssueRow | undefined> {
  const [row]: IssueRow[] = await db.query(`${SELECT_ISSUES} WHERE i.id = $1`, [id]);
  return row;
}

/** The answer is due `answerDays` after the later of now and the meeting's start. */
export async function insertIssue(db: Queryable, meetingId: string, i: { title: string; positionId: string; selectedForHall: boolean }, answerDays: number): Promise<{ id: string }> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO question_issues (meeting_id, title, position_id, selected_for_hall, answer_due_at)
         SELECT $1, $2, $3, $4, GREATEST(now(), m.starts_at) + make_interval(days => $5) FROM meetings m WHERE m.id = $1 RETURNING id`,
    [meetingId, i.title, i.positionId, i.selectedForHall, answerDays],
  );
  return row;
}

export async function updateIssue(db: Queryable, issueId: string, c: { title?: string; positionId?: string; selectedForHall?: boolean; answerDueAt?: string }): Promise<void> {
  await db.query(
    `UPDATE question_issues SET title = COALESCE($2, title), position_id = COALESCE($3, position_id),
                selected_for_hall = COALESCE($4, selected_for_hall), answer_due_at = COALESCE($5, answer_due_at) WHERE id = $1`,
    [issueId, c.title ?? null, c.positionId ?? null, c.selectedForHall ?? null, c.answerDueAt ?? null],
  );
}

/**
 * Opens the issue in the hall; false when it already is. Throws the unique violation
 * `question_issues_one_in_hall` when another issue of the meeting is.
 */
export async function openIssueInHall(db: Queryable, issueId: string): Promise<boolean> {
  return (await updateReturning(db, `UPDATE question_issues SET status = 'in_hall', selected_for_hall = true WHERE id = $1 AND status <> 'in_hall' RETURNING id`, [issueId])).length > 0;
}

export async function closeIssueInHall(db: Queryable, issueId: string, status: 'answered_in_hall' | 'pending', commitment: string | null): Promise<void> {
  await db.query(`UPDATE question_issues SET status = $2, commitment = $3 WHERE id = $1`, [issueId, status, commitment]);
}

export async function markIssueAnsweredInWriting(db: Queryable, issueId: string): Promise<void> {
  await db.query(`UPDATE question_issues SET status = 'answered_in_writing' WHERE id = $1 AND status <> 'in_hall'`, [issueId]);
}

/** A follow-up owes a new answer within `answerDays` from now. */
export async function extendIssueAnswerDue(db: Queryable, issueId: string, answerDays: number): Promise<void> {
  await db.query(`UPDATE question_issues SET answer_due_at = now() + make_interval(days => $2) WHERE id = $1`, [issueId, answerDays]);
}

/** The authors of the issue's questions and the issue's official. */
export async function listIssueRecipientIds(db: Queryable, issueId: string): Promise<string[]> {
  const users: { id: string }[] = await db.query(
    `SELECT author_id AS id FROM questions WHERE issue_id = $1
           UNION SELECT p.official_user_id FROM question_issues i JOIN official_positions p ON p.id = i.position_id WHERE i.id = $1 AND p.official_user_id IS NOT NULL`,
    [issueId],
  );
  return users.map((u) => u.id);
}

// ---- answers and follow-ups ----

export async function listMessagesOfMeeting(db: Queryable, meetingId: string): Promise<MessageRow[]> {
  return db.query(
    `SELECT m.*, u.full_name AS author_name FROM question_messages m JOIN users u ON u.id = m.author_id
        JOIN question_issues i ON i.id = m.issue_id WHERE i.meeting_id = $1 ORDER BY m.created_at, m.id`,
    [meetingId],
  );
}

export async function questionMessageWithClientIdExists(db: Queryable, authorId: string, clientId: string): Promise<boolean> {
  const [replay] = await db.query('SELECT 1 FROM question_messages WHERE author_id = $1 AND client_id = $2', [authorId, clientId]);
  return !!replay;
}

/** False when the author already sent this client id. */
export async function insertQuestionMessage(db: Queryable, m: { issueId: string; clientId: string; authorId: string; kind: IssueMessage['kind']; body: string }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO question_messages (issue_id, client_id, author_id, kind, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
    [m.issueId, m.clientId, m.authorId, m.kind, m.body],
  );
  return rows.length > 0;
}
