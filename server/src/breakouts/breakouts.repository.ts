import type { EntityManager } from 'typeorm';
import type { Breakout, BreakoutGroup, GroupMessage } from '@hopso/shared';
import { notFound } from '../common/domain-error';
import type { EmitFn } from '../events/meeting-events.service';

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

export const SELECT_MESSAGES = `
  SELECT gm.*, u.full_name AS author_name, p.index AS paragraph_index, p.page, p.text AS paragraph_text
    FROM group_messages gm JOIN users u ON u.id = gm.author_id LEFT JOIN paragraphs p ON p.id = gm.cited_paragraph_id`;

/** One breakout (an agenda item's groups) as the API answers it. */
export async function loadBreakout(db: EntityManager, agendaItemId: string): Promise<Breakout> {
  const [b] = await db.query('SELECT * FROM breakouts WHERE agenda_item_id = $1', [agendaItemId]);
  if (!b) throw notFound('Breakout');
  const groups: GroupRow[] = await db.query(`${SELECT_GROUPS} WHERE g.agenda_item_id = $1 GROUP BY g.id ORDER BY g.position`, [agendaItemId]);
  return { meetingId: b.meeting_id, agendaItemId, status: b.status, startedAt: iso(b.started_at), endedAt: iso(b.ended_at), endsAt: iso(b.ends_at), groups: groups.map(toGroup) };
}

/** The full breakout goes into the log; who sees which groups of it is event-visibility's rule (and members' live group rooms follow it). */
export async function announceBreakout(tx: EntityManager, emit: EmitFn, agendaItemId: string): Promise<Breakout> {
  const breakout = await loadBreakout(tx, agendaItemId);
  await emit(breakout.meetingId, 'breakout.changed', { breakout }, { to: 'all' });
  return breakout;
}
