import type { AgendaItem } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  description: string;
  presenter: string;
  planned_minutes: number;
}

const COLUMNS = 'id, meeting_id, position, title, description, presenter, planned_minutes';

export const toAgendaItem = (a: AgendaItemRow): AgendaItem => ({
  id: a.id,
  meetingId: a.meeting_id,
  position: a.position,
  title: a.title,
  description: a.description,
  presenter: a.presenter,
  plannedMinutes: a.planned_minutes,
});

/** The meeting's agenda, in order. */
export async function listAgendaItems(db: Queryable, meetingId: string): Promise<AgendaItemRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM agenda_items WHERE meeting_id = $1 ORDER BY position ASC`, [meetingId]);
}

export async function findAgendaItem(db: Queryable, meetingId: string, itemId: string): Promise<AgendaItemRow | undefined> {
  const [row]: AgendaItemRow[] = await db.query(`SELECT ${COLUMNS} FROM agenda_items WHERE id = $1 AND meeting_id = $2`, [itemId, meetingId]);
  return row;
}

export async function agendaItemExists(db: Queryable, meetingId: string, itemId: string): Promise<boolean> {
  const rows: unknown[] = await db.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [itemId, meetingId]);
  return rows.length > 0;
}

/** The position after the meeting's last item. */
export async function nextAgendaPosition(tx: Queryable, meetingId: string): Promise<number> {
  const [{ next }]: { next: number | string }[] = await tx.query('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1', [meetingId]);
  return Number(next);
}

export async function insertAgendaItem(
  tx: Queryable,
  item: { meetingId: string; position: number; title: string; description: string; presenter: string; plannedMinutes: number },
): Promise<AgendaItemRow> {
  const [row]: AgendaItemRow[] = await tx.query(
    `INSERT INTO agenda_items (meeting_id, position, title, description, presenter, planned_minutes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [item.meetingId, item.position, item.title, item.description, item.presenter, item.plannedMinutes],
  );
  return row;
}

/** The item's title, description, presenter and planned minutes as `item` holds them. */
export async function updateAgendaItemFields(tx: Queryable, item: AgendaItemRow): Promise<AgendaItemRow> {
  const [row] = await updateReturning<AgendaItemRow>(
    tx,
    `UPDATE agenda_items SET title = $2, description = $3, presenter = $4, planned_minutes = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
    [item.id, item.title, item.description, item.presenter, item.planned_minutes],
  );
  return row;
}

/** Whether the item was there to delete. */
export async function deleteAgendaItem(tx: Queryable, meetingId: string, itemId: string): Promise<boolean> {
  const rows = await updateReturning<{ id: string }>(tx, 'DELETE FROM agenda_items WHERE id = $1 AND meeting_id = $2 RETURNING id', [itemId, meetingId]);
  return rows.length === 1;
}

export async function listAgendaItemIds(tx: Queryable, meetingId: string): Promise<{ id: string }[]> {
  return tx.query('SELECT id FROM agenda_items WHERE meeting_id = $1', [meetingId]);
}

/** Positions 1, 2, … in the order of `itemIds`. */
export async function setAgendaOrder(tx: Queryable, itemIds: string[]): Promise<void> {
  await tx.query(`UPDATE agenda_items a SET position = o.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE a.id = o.id`, [itemIds]);
}

/** Positions 1, 2, … closing the gaps, in the current order. */
export async function renumberAgenda(tx: Queryable, meetingId: string): Promise<void> {
  await tx.query(
    `UPDATE agenda_items a SET position = r.rn
       FROM (SELECT id, row_number() OVER (ORDER BY position) AS rn FROM agenda_items WHERE meeting_id = $1) r
      WHERE a.id = r.id`,
    [meetingId],
  );
}
