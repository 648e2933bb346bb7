import type { DisplayLink, MeetingStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';

/**
 * The display domain's data access: the hall screen's links (only the token's hash is stored) and the
 * TV set-up codes with their failure budget. Typed queries on `db` and the link's presenter.
 */

export interface LinkRow {
  id: string;
  meeting_id: string;
  label: string;
  created_at: Date;
  revoked_at: Date | null;
}

export const toLink = (r: LinkRow): DisplayLink => ({
  id: r.id,
  meetingId: r.meeting_id,
  label: r.label,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

export async function listLinksOfMeeting(db: Queryable, meetingId: string): Promise<LinkRow[]> {
  return db.query('SELECT * FROM display_links WHERE meeting_id = $1 ORDER BY created_at DESC', [meetingId]);
}

export async function insertLink(db: Queryable, meetingId: string, label: string, tokenHash: string, createdBy: string): Promise<LinkRow> {
  const [inserted]: LinkRow[] = await db.query('INSERT INTO display_links (meeting_id, label, token_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING *', [meetingId, label, tokenHash, createdBy]);
  return inserted;
}

/** Revoked now, or when it was revoked first. */
export async function revokeLink(db: Queryable, linkId: string): Promise<void> {
  await db.query('UPDATE display_links SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1', [linkId]);
}

export async function findLiveLinkByTokenHash(db: Queryable, tokenHash: string): Promise<LinkRow | undefined> {
  const [row]: LinkRow[] = await db.query('SELECT * FROM display_links WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
  return row;
}

export interface HallMeetingRow {
  title: string;
  status: MeetingStatus;
  location: string;
  starts_at: Date;
  current_agenda_item_id: string | null;
  council_name: string;
  council_time_zone: string;
}

export async function findHallMeeting(db: Queryable, meetingId: string): Promise<HallMeetingRow> {
  const [m]: HallMeetingRow[] = await db.query(
    `SELECT m.title, m.status, m.location, m.starts_at, m.current_agenda_item_id, c.name AS council_name, c.time_zone AS council_time_zone
         FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1`,
    [meetingId],
  );
  return m;
}

// ── TV codes ──

/** Codes expired for more than a day go. */
export async function deleteStaleTvCodes(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM tv_codes WHERE expires_at < now() - interval '1 day'`);
}

/** An expired or used code with these digits makes way. */
export async function deleteSpentTvCode(db: Queryable, codeHash: string): Promise<void> {
  await db.query('DELETE FROM tv_codes WHERE code_hash = $1 AND (expires_at < now() OR used_at IS NOT NULL)', [codeHash]);
}

/** The new code's expiry, or [] when a live code has the same digits. */
export async function insertTvCode(db: Queryable, c: { codeHash: string; meetingId: string; label: string; createdBy: string; ttlSeconds: number }): Promise<{ expires_at: Date }[]> {
  return db.query(
    `INSERT INTO tv_codes (code_hash, meeting_id, label, created_by, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
         ON CONFLICT (code_hash) DO NOTHING RETURNING expires_at`,
    [c.codeHash, c.meetingId, c.label, c.createdBy, c.ttlSeconds],
  );
}

export async function countRecentTvCodeFailures(db: Queryable, address: string): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM tv_code_failures WHERE address = $1 AND at > now() - interval '1 minute'`, [address]);
  return n;
}

/** Marks a live code used, once: what it was made for, or undefined for a wrong, used or expired one. */
export async function claimTvCode(db: Queryable, codeHash: string): Promise<{ meeting_id: string; label: string; created_by: string } | undefined> {
  const [claimed] = await updateReturning<{ meeting_id: string; label: string; created_by: string }>(
    db,
    `UPDATE tv_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING meeting_id, label, created_by`,
    [codeHash],
  );
  return claimed;
}

export async function insertTvCodeFailure(db: Queryable, address: string): Promise<void> {
  await db.query('INSERT INTO tv_code_failures (address) VALUES ($1)', [address]);
}

export async function deleteOldTvCodeFailures(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM tv_code_failures WHERE at < now() - interval '1 day'`);
}
