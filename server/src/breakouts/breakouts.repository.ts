import type { Breakout, BreakoutGroup, BreakoutStatus, GroupMessage, MeetingRole } from '@hopso/shared';
import { notFound } from '../common/domain-error';
import type { Queryable } from '../common/queryable';
import type { MeetingEntity } from '../meetings/meeting.entity';
import { MEETING_COLUMNS, toMeetingEntity, type MeetingRow } from '../meetings/meetings.repository';

/**
 * The breakouts domain's data access: breakouts, their groups and members, group messages. Typed queries
 * on `db` (the data source outside a transaction, the transaction's manager inside) and the presenters.
 */

/** Rows of breakout_groups and group_messages as the queries below read them, and what the API answers of them. */
export interface GroupRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  name: string;
  leader_id: string | null;
  document_ids: string[];
  report_text: string | null;
  report_updated_at: Date | null;
  report_submitted_at: Date | null;
  member_ids: string[];
  message_count: number;
  last_message_at: Date | null;
}

export interface MessageRow {
  id: string;
  client_id: string;
  group_id: string;
  author_id: string;
  author_name: string;
  body: string;
  cited_document_id: string | null;
  cited_paragraph_id: string | null;
  paragraph_index: number | null;
  page: number | null;
  paragraph_text: string | null;
  created_at: Date;
}

export const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toGroup = (r: GroupRow): BreakoutGroup => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  name: r.name,
  leaderId: r.leader_id,
  memberIds: r.member_ids,
  documentIds: r.document_ids,
  report: r.report_text === null ? null : { text: r.report_text, submittedAt: iso(r.report_submitted_at), updatedAt: iso(r.report_updated_at)! },
  messageCount: r.message_count,
  lastMessageAt: iso(r.last_message_at),
});

export const toMessage = (r: MessageRow): GroupMessage => ({
  id: r.id,
  clientId: r.client_id,
  groupId: r.group_id,
  authorId: r.author_id,
  authorName: r.author_name,
  body: r.body,
  citation:
    r.cited_document_id && r.cited_paragraph_id && r.paragraph_index !== null
      ? { documentId: r.cited_document_id, paragraphId: r.cited_paragraph_id, paragraphIndex: r.paragraph_index, page: r.page!, excerpt: (r.paragraph_text ?? '').slice(0, 200) }
      : null,
  createdAt: new Date(r.created_at).toISOString(),
});

const SELECT_GROUPS = `
  SELECT g.*, COALESCE(array_agg(DISTINCT m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS member_ids,
         (SELECT count(*)::int FROM group_messages x WHERE x.group_id = g.id) AS message_count,
         (SELECT max(created_at) FROM group_messages x WHERE x.group_id = g.id) AS last_message_at
    FROM breakout_groups g LEFT JOIN breakout_members m ON m.group_id = g.id`;

const SELECT_MESSAGES = `
  SELECT gm.*, u.full_name AS author_name, p.index AS paragraph_index, p.page, p.text AS paragraph_text
    FROM group_messages gm JOIN users u ON u.id = gm.author_id LEFT JOIN paragraphs p ON p.id = gm.cited_paragraph_id`;

/** One breakout (an agenda item's groups) as the API answers it. */
export async function loadBreakout(db: Queryable, agendaItemId: string): Promise<Breakout> {
  const [b] = await db.query('SELECT * FROM breakouts WHERE agenda_item_id = $1', [agendaItemId]);
  if (!b) throw notFound('Breakout');
  const groups: GroupRow[] = await db.query(`${SELECT_GROUPS} WHERE g.agenda_item_id = $1 GROUP BY g.id ORDER BY g.position`, [agendaItemId]);
  return { meetingId: b.meeting_id, agendaItemId, status: b.status, startedAt: iso(b.started_at), endedAt: iso(b.ended_at), endsAt: iso(b.ends_at), groups: groups.map(toGroup) };
}

export async function listBreakoutItemsOfMeeting(db: Queryable, meetingId: string): Promise<{ agenda_item_id: string }[]> {
  return db.query('SELECT agenda_item_id FROM breakouts WHERE meeting_id = $1', [meetingId]);
}

// ── access: a group with its meeting, breakout status and the caller's place ──

interface ReadableGroupRow extends MeetingRow {
  grp: GroupRow;
  breakout_status: BreakoutStatus;
  role: MeetingRole | null;
  member: boolean;
}

/** A group with its meeting (as its entity, for the access decision), its breakout's status, the user's role in the meeting and whether they are a member. One query. */
export async function findGroupWithMeeting(
  db: Queryable,
  groupId: string,
  userId: string,
): Promise<{ meeting: MeetingEntity; grp: GroupRow; status: BreakoutStatus; role: MeetingRole | null; member: boolean } | undefined> {
  const [r]: ReadableGroupRow[] = await db.query(
    `SELECT ${MEETING_COLUMNS},
            row_to_json(g) AS grp, b.status AS breakout_status, p.role,
            EXISTS (SELECT 1 FROM breakout_members x WHERE x.group_id = g.id AND x.user_id = $2) AS member
       FROM meetings m
      INNER JOIN breakout_groups g ON g.meeting_id = m.id
      INNER JOIN breakouts b ON b.agenda_item_id = g.agenda_item_id
       LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $2
      WHERE g.id = $1`,
    [groupId, userId],
  );
  if (!r) return undefined;
  return { meeting: toMeetingEntity(r), grp: r.grp, status: r.breakout_status, role: r.role, member: r.member };
}

// ── groups and members ──

export async function listDelegatesToSplit(db: Queryable, meetingId: string, presentUserIds: string[] | null): Promise<{ user_id: string }[]> {
  return db.query(
    `SELECT p.user_id FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 AND p.role = 'delegate' AND ($2::uuid[] IS NULL OR p.user_id = ANY($2))
        ORDER BY p.unit, u.full_name, u.id`,
    [meetingId, presentUserIds],
  );
}

export async function updateGroupFields(db: Queryable, groupId: string, change: { name: string | null; leaderId: string | null; documentIds: string[] | null }): Promise<void> {
  await db.query('UPDATE breakout_groups SET name = COALESCE($2, name), leader_id = $3, document_ids = COALESCE($4, document_ids) WHERE id = $1', [groupId, change.name, change.leaderId, change.documentIds]);
}

export async function deleteMembersOfGroup(db: Queryable, groupId: string): Promise<void> {
  await db.query('DELETE FROM breakout_members WHERE group_id = $1', [groupId]);
}

/** Takes these people out of whichever group of the agenda item's breakout they are in. */
export async function deleteMembersOfItem(db: Queryable, agendaItemId: string, userIds: string[]): Promise<void> {
  await db.query('DELETE FROM breakout_members WHERE agenda_item_id = $1 AND user_id = ANY($2)', [agendaItemId, userIds]);
}

export async function insertMembers(db: Queryable, groupId: string, agendaItemId: string, memberIds: string[]): Promise<void> {
  await db.query('INSERT INTO breakout_members (group_id, user_id, agenda_item_id) SELECT $1, unnest($2::uuid[]), $3', [groupId, memberIds, agendaItemId]);
}

export async function agendaItemOfMeetingExists(db: Queryable, agendaItemId: string, meetingId: string): Promise<boolean> {
  const [item] = await db.query('SELECT id FROM agenda_items WHERE id = $1 AND meeting_id = $2', [agendaItemId, meetingId]);
  return Boolean(item);
}

export async function insertBreakoutIfMissing(db: Queryable, meetingId: string, agendaItemId: string): Promise<void> {
  await db.query(`INSERT INTO breakouts (meeting_id, agenda_item_id) VALUES ($1, $2) ON CONFLICT (agenda_item_id) DO NOTHING`, [meetingId, agendaItemId]);
}

export async function lockBreakoutStatus(db: Queryable, agendaItemId: string): Promise<BreakoutStatus> {
  const [{ status }]: { status: BreakoutStatus }[] = await db.query('SELECT status FROM breakouts WHERE agenda_item_id = $1 FOR UPDATE', [agendaItemId]);
  return status;
}

export async function deleteGroupsOfItem(db: Queryable, agendaItemId: string): Promise<void> {
  await db.query('DELETE FROM breakout_groups WHERE agenda_item_id = $1', [agendaItemId]);
}

export async function insertGroup(db: Queryable, g: { meetingId: string; agendaItemId: string; position: number; name: string; leaderId: string | null; documentIds: string[] }): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    'INSERT INTO breakout_groups (meeting_id, agenda_item_id, position, name, leader_id, document_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [g.meetingId, g.agendaItemId, g.position, g.name, g.leaderId, g.documentIds],
  );
  return id;
}

/** How many of these users take part in the meeting as a delegate, the chair or the secretariat. */
export async function countGroupableParticipants(db: Queryable, meetingId: string, userIds: string[]): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM meeting_participants WHERE meeting_id = $1 AND user_id = ANY($2) AND role IN ('delegate', 'chair', 'secretary')`, [meetingId, userIds]);
  return n;
}

export async function countDocumentsOfMeeting(db: Queryable, meetingId: string, documentIds: string[]): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM documents WHERE meeting_id = $1 AND id = ANY($2)', [meetingId, documentIds]);
  return n;
}

export async function findBreakoutStatus(db: Queryable, agendaItemId: string): Promise<BreakoutStatus> {
  const [row]: { status: BreakoutStatus }[] = await db.query('SELECT status FROM breakouts WHERE agenda_item_id = $1', [agendaItemId]);
  return row.status;
}

// ── lifecycle ──

export async function lockBreakoutOfMeeting(db: Queryable, agendaItemId: string, meetingId: string): Promise<{ status: BreakoutStatus } | undefined> {
  const [row]: { status: BreakoutStatus }[] = await db.query('SELECT status FROM breakouts WHERE agenda_item_id = $1 AND meeting_id = $2 FOR UPDATE', [agendaItemId, meetingId]);
  return row;
}

/** Sets the countdown to `minutes` from now, or takes it away (null). */
export async function setBreakoutEndsAt(db: Queryable, agendaItemId: string, minutes: number | null): Promise<void> {
  await db.query(`UPDATE breakouts SET ends_at = CASE WHEN $2::int IS NULL THEN NULL ELSE now() + make_interval(mins => $2::int) END WHERE agenda_item_id = $1`, [agendaItemId, minutes]);
}

export async function countGroupsOfItem(db: Queryable, agendaItemId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM breakout_groups WHERE agenda_item_id = $1', [agendaItemId]);
  return n;
}

/** The new status, stamping started_at (running) or ended_at (ended). */
export async function moveBreakout(db: Queryable, agendaItemId: string, to: BreakoutStatus): Promise<void> {
  await db.query(`UPDATE breakouts SET status = $2, ${to === 'running' ? 'started_at' : 'ended_at'} = now() WHERE agenda_item_id = $1`, [agendaItemId, to]);
}

// ── reports ──

/** The group's report text; submitted now with `submit`, else as it was. */
export async function saveGroupReport(db: Queryable, groupId: string, text: string, submit: boolean): Promise<void> {
  await db.query(
    `UPDATE breakout_groups SET report_text = $2, report_updated_at = now(),
                report_submitted_at = CASE WHEN $3 THEN now() ELSE report_submitted_at END WHERE id = $1`,
    [groupId, text, submit],
  );
}

// ── messages ──

export async function listMessagesOfGroup(db: Queryable, groupId: string): Promise<MessageRow[]> {
  return db.query(`${SELECT_MESSAGES} WHERE gm.group_id = $1 ORDER BY gm.created_at, gm.id`, [groupId]);
}

export async function findMessageByClientId(db: Queryable, authorId: string, clientId: string): Promise<MessageRow | undefined> {
  const [row]: MessageRow[] = await db.query(`${SELECT_MESSAGES} WHERE gm.author_id = $1 AND gm.client_id = $2`, [authorId, clientId]);
  return row;
}

/** The INSERT of a new group message (nothing on a replayed client id), for `events.insertWithEvent`. */
export function insertMessageStatement(m: {
  id: string;
  clientId: string;
  groupId: string;
  authorId: string;
  body: string;
  citedDocumentId: string | null;
  citedParagraphId: string | null;
  createdAt: string;
}): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO group_messages (id, client_id, group_id, author_id, body, cited_document_id, cited_paragraph_id, created_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
    params: [m.id, m.clientId, m.groupId, m.authorId, m.body, m.citedDocumentId, m.citedParagraphId, m.createdAt],
  };
}

/** A paragraph of one of the meeting's documents, as a citation shows it. */
export async function findCitedParagraph(db: Queryable, paragraphId: string, documentId: string, meetingId: string): Promise<{ index: number; page: number; text: string } | undefined> {
  const [row]: { index: number; page: number; text: string }[] = await db.query(
    'SELECT p.index, p.page, p.text FROM paragraphs p JOIN document_versions v ON v.id = p.version_id JOIN documents d ON d.id = v.document_id WHERE p.id = $1 AND d.id = $2 AND d.meeting_id = $3',
    [paragraphId, documentId, meetingId],
  );
  return row;
}
