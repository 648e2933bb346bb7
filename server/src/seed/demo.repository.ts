import type { CouncilLevel, MeetingKind, MeetingRole, MeetingStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

export async function countAllUsers(db: Queryable): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query('SELECT count(*)::int AS count FROM users');
  return count;
}

export async function usernameExists(db: Queryable, username: string): Promise<boolean> {
  const rows: unknown[] = await db.query('SELECT 1 FROM users WHERE username = $1 LIMIT 1', [username]);
  return rows.length > 0;
}

/** A new council; its id. */
export async function insertDemoCouncil(db: Queryable, name: string, level: CouncilLevel): Promise<string> {
  const [row]: { id: string }[] = await db.query('INSERT INTO councils (name, level) VALUES ($1, $2) RETURNING id', [name, level]);
  return row.id;
}

export async function insertCouncilStaff(db: Queryable, councilId: string, userIds: string[]): Promise<void> {
  await db.query('INSERT INTO council_staff (council_id, user_id) SELECT $1, unnest($2::uuid[])', [councilId, userIds]);
}

export async function setCouncilSeats(db: Queryable, councilId: string, seats: number): Promise<void> {
  await db.query('UPDATE councils SET seats = $2 WHERE id = $1', [councilId, seats]);
}

/** A new meeting; its id. */
export async function insertDemoMeeting(
  db: Queryable,
  m: { councilId: string; title: string; kind: MeetingKind; status: MeetingStatus; location: string; startsAt: Date; releaseAt: Date; commentDeadline: Date },
): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO meetings (council_id, title, kind, status, location, starts_at, release_at, comment_deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [m.councilId, m.title, m.kind, m.status, m.location, m.startsAt, m.releaseAt, m.commentDeadline],
  );
  return row.id;
}

export async function insertParticipants(db: Queryable, meetingId: string, people: { userId: string; role: MeetingRole; unit: string }[]): Promise<void> {
  await db.query('INSERT INTO meeting_participants (meeting_id, user_id, role, unit) SELECT $1, unnest($2::uuid[]), unnest($3::text[]), unnest($4::text[])', [
    meetingId,
    people.map((p) => p.userId),
    people.map((p) => p.role),
    people.map((p) => p.unit),
  ]);
}

export async function insertSitting(db: Queryable, meetingId: string, position: number, title: string, checkinCode: string): Promise<void> {
  await db.query(`INSERT INTO sittings (meeting_id, position, title, checkin_code) VALUES ($1, $2, $3, $4)`, [meetingId, position, title, checkinCode]);
}

// ---- written questions (chất vấn) ----

export async function insertQuestionSettings(db: Queryable, meetingId: string, submitDeadline: Date, answerDays: number): Promise<void> {
  await db.query('INSERT INTO question_settings (meeting_id, submit_deadline, answer_days) VALUES ($1, $2, $3)', [meetingId, submitDeadline, answerDays]);
}

/** A new official position (with its official, when given); its id. */
export async function insertOfficialPosition(db: Queryable, meetingId: string, title: string, officialUserId: string | null): Promise<string> {
  const [row]: { id: string }[] = await db.query(`INSERT INTO official_positions (meeting_id, title, official_user_id) VALUES ($1, $2, $3) RETURNING id`, [
    meetingId,
    title,
    officialUserId,
  ]);
  return row.id;
}

/** A new written question; its id. */
export async function insertQuestion(db: Queryable, meetingId: string, authorId: string, positionId: string, body: string): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO questions (meeting_id, client_id, author_id, position_id, body) VALUES ($1, gen_random_uuid(), $2, $3, $4) RETURNING id`,
    [meetingId, authorId, positionId, body],
  );
  return row.id;
}

/** A new issue chosen for the hall, its answer due `answerDays` after the meeting starts; its id. */
export async function insertHallIssue(db: Queryable, meetingId: string, title: string, positionId: string, answerDays: number): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO question_issues (meeting_id, title, position_id, selected_for_hall, answer_due_at)
     SELECT $1, $2, $3, true, m.starts_at + make_interval(days => $4) FROM meetings m WHERE m.id = $1 RETURNING id`,
    [meetingId, title, positionId, answerDays],
  );
  return row.id;
}

export async function groupQuestionsIntoIssue(db: Queryable, issueId: string, questionIds: string[]): Promise<void> {
  await db.query('UPDATE questions SET issue_id = $1 WHERE id = ANY($2)', [issueId, questionIds]);
}
