import type { PassRule, Vote, VoteKind, VoteResult, VoteStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';

export interface VoteRow {
  id: string;
  meeting_id: string;
  sitting_id: string | null;
  agenda_item_id: string | null;
  document_id: string | null;
  version_id: string | null;
  paragraph_id: string | null;
  section_label: string;
  section_excerpt: string | null;
  question: string;
  kind: VoteKind;
  pass_rule: PassRule;
  status: VoteStatus;
  duration_seconds: number | null;
  seats: number | null;
  opened_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  result: VoteResult | null;
  repeat_of: string | null;
  superseded_by: string | null;
  on_hall: boolean;
  records_published: boolean;
  position: number;
  created_at: Date;
  ballots_cast: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Ballots cast: the voter records' count (never the choices) while open; the result's once closed. */
export const SELECT_VOTES = `
  SELECT v.*, left(pg.text, 300) AS section_excerpt,
         CASE v.kind WHEN 'secret' THEN (SELECT count(*)::int FROM secret_ballot_voters s WHERE s.vote_id = v.id)
                     WHEN 'named' THEN (SELECT count(*)::int FROM named_ballots b WHERE b.vote_id = v.id)
                     ELSE COALESCE((v.result->'counts'->>'cast')::int, 0) END AS ballots_cast
    FROM votes v LEFT JOIN paragraphs pg ON pg.id = v.paragraph_id`;

export const toVote = (r: VoteRow): Vote => ({
  id: r.id,
  meetingId: r.meeting_id,
  sittingId: r.sitting_id,
  agendaItemId: r.agenda_item_id,
  documentId: r.document_id,
  versionId: r.version_id,
  paragraphId: r.paragraph_id,
  sectionLabel: r.section_label,
  sectionExcerpt: r.section_excerpt ?? '',
  question: r.question,
  kind: r.kind,
  passRule: r.pass_rule,
  status: r.status,
  durationSeconds: r.duration_seconds,
  openedAt: iso(r.opened_at),
  closesAt: iso(r.closes_at),
  closedAt: iso(r.closed_at),
  seats: r.seats,
  ballotsCast: r.ballots_cast,
  result: r.result,
  repeatOf: r.repeat_of,
  supersededBy: r.superseded_by,
  onHallScreen: r.on_hall,
  recordsPublished: r.records_published,
  position: r.position,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listVotesOfMeeting(db: Queryable, meetingId: string, withDrafts: boolean): Promise<VoteRow[]> {
  return db.query(`${SELECT_VOTES} WHERE v.meeting_id = $1 AND ($2 OR v.status <> 'draft') ORDER BY v.position`, [meetingId, withDrafts]);
}

export async function listClosedVotesOfMeeting(db: Queryable, meetingId: string): Promise<VoteRow[]> {
  return db.query(`${SELECT_VOTES} WHERE v.meeting_id = $1 AND v.status = 'closed' ORDER BY v.position`, [meetingId]);
}

export async function findVote(db: Queryable, voteId: string): Promise<VoteRow | undefined> {
  const [row]: VoteRow[] = await db.query(`${SELECT_VOTES} WHERE v.id = $1`, [voteId]);
  return row;
}

/** The vote the hall shows: the open one, else the latest put on the hall screen. */
export async function findHallVote(db: Queryable, meetingId: string): Promise<VoteRow | undefined> {
  const [vote]: VoteRow[] = await db.query(
    `${SELECT_VOTES} WHERE v.meeting_id = $1 AND (v.status = 'open' OR v.on_hall) ORDER BY (v.status = 'open') DESC, v.position DESC LIMIT 1`,
    [meetingId],
  );
  return vote;
}

export async function findOpenVoteQuestion(db: Queryable, meetingId: string): Promise<{ question: string } | undefined> {
  const [other] = await db.query(`SELECT question FROM votes WHERE meeting_id = $1 AND status = 'open'`, [meetingId]);
  return other;
}

export async function listOverdueVoteIds(db: Queryable): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM votes WHERE status = 'open' AND closes_at <= now()`);
}

// ---- what a vote refers to ----

/** A document of the meeting with its agenda item and its latest version (a ready one first). */
export async function findMeetingDocument(db: Queryable, documentId: string, meetingId: string): Promise<{ title: string; agenda_item_id: string | null; version_id: string | null } | undefined> {
  const [doc]: { title: string; agenda_item_id: string | null; version_id: string | null }[] = await db.query(
    `SELECT d.title, d.agenda_item_id, (SELECT id FROM document_versions dv WHERE dv.document_id = d.id ORDER BY (dv.status = 'ready') DESC, version_no DESC LIMIT 1) AS version_id
         FROM documents d WHERE d.id = $1 AND d.meeting_id = $2`,
    [documentId, meetingId],
  );
  return doc;
}

/** The latest version (a ready one first) of a document of the meeting; undefined when the document is not the meeting's. */
export async function findMeetingDocumentVersion(db: Queryable, documentId: string, meetingId: string): Promise<{ version_id: string | null } | undefined> {
  const [d] = await db.query(
    "SELECT (SELECT id FROM document_versions dv WHERE dv.document_id = d.id ORDER BY (dv.status = 'ready') DESC, version_no DESC LIMIT 1) AS version_id FROM documents d WHERE d.id = $1 AND d.meeting_id = $2",
    [documentId, meetingId],
  );
  return d;
}

export async function listParagraphsOfVersion(db: Queryable, versionId: string): Promise<{ id: string; text: string }[]> {
  return db.query('SELECT id, text FROM paragraphs WHERE version_id = $1 ORDER BY index', [versionId]);
}

export async function paragraphInVersion(db: Queryable, paragraphId: string, versionId: string): Promise<boolean> {
  const [p] = await db.query('SELECT 1 FROM paragraphs WHERE id = $1 AND version_id = $2', [paragraphId, versionId]);
  return !!p;
}

export async function agendaItemInMeeting(db: Queryable, agendaItemId: string, meetingId: string): Promise<boolean> {
  const [i] = await db.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [agendaItemId, meetingId]);
  return !!i;
}

// ---- drafts ----

export interface VoteDraft {
  agendaItemId: string | null;
  documentId: string | null;
  versionId: string | null;
  paragraphId: string | null;
  sectionLabel: string;
  question: string;
  kind: VoteKind;
  passRule: VoteRow['pass_rule'];
  durationSeconds: number | null;
  repeatOf: string | null;
}

/** A draft at the end of the meeting's list. */
export async function insertVote(db: Queryable, meetingId: string, createdBy: string, d: VoteDraft): Promise<{ id: string }> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO votes (meeting_id, agenda_item_id, document_id, version_id, paragraph_id, section_label, question, kind, pass_rule, duration_seconds, repeat_of, created_by, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, (SELECT COALESCE(max(position), 0) + 1 FROM votes WHERE meeting_id = $1)) RETURNING id`,
    [meetingId, d.agendaItemId, d.documentId, d.versionId, d.paragraphId, d.sectionLabel, d.question, d.kind, d.passRule, d.durationSeconds, d.repeatOf, createdBy],
  );
  return row;
}

export async function setSupersededBy(db: Queryable, voteId: string, byVoteId: string): Promise<void> {
  await db.query('UPDATE votes SET superseded_by = $2 WHERE id = $1', [voteId, byVoteId]);
}

/** Changes a draft; undefined when it is no longer a draft. `durationSeconds` undefined keeps the countdown. */
export async function updateDraftVote(
  db: Queryable,
  voteId: string,
  c: { question?: string; kind?: VoteKind; passRule?: VoteRow['pass_rule']; sectionLabel?: string; durationSeconds?: number | null },
): Promise<{ id: string } | undefined> {
  const [updated] = await updateReturning<{ id: string }>(
    db,
    `UPDATE votes SET question = COALESCE($2, question), kind = COALESCE($3, kind), pass_rule = COALESCE($4, pass_rule),
                section_label = COALESCE($5, section_label), duration_seconds = CASE WHEN $6 THEN $7::int ELSE duration_seconds END
          WHERE id = $1 AND status = 'draft' RETURNING id`,
    [voteId, c.question ?? null, c.kind ?? null, c.passRule ?? null, c.sectionLabel ?? null, c.durationSeconds !== undefined, c.durationSeconds ?? null],
  );
  return updated;
}

/** Deletes a draft; undefined when it is no longer a draft. */
export async function deleteDraftVote(db: Queryable, voteId: string): Promise<{ id: string; repeat_of: string | null } | undefined> {
  const [gone] = await updateReturning<{ id: string; repeat_of: string | null }>(db, `DELETE FROM votes WHERE id = $1 AND status = 'draft' RETURNING id, repeat_of`, [voteId]);
  return gone;
}

// ---- open and close ----

/** Opens a draft in the sitting, with the seats and the countdown; undefined when it is no longer a draft. */
export async function openDraftVote(db: Queryable, voteId: string, sittingId: string, seats: number, durationSeconds: number | null): Promise<{ id: string } | undefined> {
  const [updated] = await updateReturning<{ id: string }>(
    db,
    `UPDATE votes SET status = 'open', sitting_id = $2, seats = $3, duration_seconds = $4, opened_at = now(),
                closes_at = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(secs => $4::int) END
          WHERE id = $1 AND status = 'draft' RETURNING id`,
    [voteId, sittingId, seats, durationSeconds],
  );
  return updated;
}

/** Closes the vote with a result entered by hand; undefined when it was already closed. */
export async function closeVoteWithResult(db: Queryable, voteId: string, sittingId: string | null, seats: number, result: VoteResult): Promise<{ id: string } | undefined> {
  const [updated] = await updateReturning<{ id: string }>(
    db,
    `UPDATE votes SET status = 'closed', sitting_id = COALESCE(sitting_id, $2), seats = $3, opened_at = COALESCE(opened_at, now()), closed_at = now(), result = $4
          WHERE id = $1 AND status <> 'closed' RETURNING id`,
    [voteId, sittingId, seats, JSON.stringify(result)],
  );
  return updated;
}

export interface ClosedVoteRow {
  id: string;
  meeting_id: string;
  sitting_id: string;
  kind: 'named' | 'secret';
  pass_rule: VoteRow['pass_rule'];
  seats: number;
}

/** Closes an open vote (waiting for ballots in flight, which hold it FOR SHARE); undefined when it was not open. */
export async function closeOpenVote(db: Queryable, voteId: string): Promise<ClosedVoteRow | undefined> {
  const [v] = await updateReturning<ClosedVoteRow>(
    db,
    `UPDATE votes SET status = 'closed', closed_at = LEAST(now(), COALESCE(closes_at, now())) WHERE id = $1 AND status = 'open'
         RETURNING id, meeting_id, sitting_id, kind, pass_rule, seats`,
    [voteId],
  );
  return v;
}

export async function setVoteResult(db: Queryable, voteId: string, result: VoteResult): Promise<void> {
  await db.query('UPDATE votes SET result = $2 WHERE id = $1', [voteId, JSON.stringify(result)]);
}

// ---- hall screen and records ----

/** Takes every other vote of the meeting off the hall screen; the ids of those it took off. */
export async function clearOtherHallVotes(db: Queryable, meetingId: string, voteId: string): Promise<{ id: string }[]> {
  return updateReturning<{ id: string }>(db, 'UPDATE votes SET on_hall = false WHERE meeting_id = $1 AND on_hall AND id <> $2 RETURNING id', [meetingId, voteId]);
}

export async function setVoteOnHall(db: Queryable, voteId: string, show: boolean): Promise<void> {
  await db.query('UPDATE votes SET on_hall = $2 WHERE id = $1', [voteId, show]);
}

export async function publishVoteRecords(db: Queryable, voteId: string): Promise<void> {
  await db.query('UPDATE votes SET records_published = true WHERE id = $1', [voteId]);
}
