import type { Queryable } from '../common/queryable';
import type { VersionStatus } from '@hopso/shared';
import type { ExtractedParagraph } from './ingest/extract-paragraphs';

/** What the ingest reads of a version. */
export interface IngestVersionRow {
  id: string;
  document_id: string;
  version_no: number;
  status: VersionStatus;
  file_key: string;
}

/** A ready version still without its viewer copy, nor given up on. */
export interface ViewerCopyRow {
  id: string;
  file_key: string;
  ocr_file_key: string | null;
}

/** The scan columns the ingest sets while a version is processed. */
export type ScanColumn = 'scanned_pages' | 'ocr_pages_done' | 'ocr_state' | 'ocr_code' | 'ocr_file_key';

/** One advisory lock key per version: a 64-bit hash of its id. */
const LOCK_KEY_SQL = (idSql: string) => `hashtextextended(${idSql}, 7317)`;

export async function findIngestVersion(db: Queryable, versionId: string): Promise<IngestVersionRow | undefined> {
  const [row]: IngestVersionRow[] = await db.query('SELECT id, document_id, version_no, status, file_key FROM document_versions WHERE id = $1', [versionId]);
  return row;
}

export async function startProcessing(db: Queryable, versionId: string): Promise<void> {
  await db.query(`UPDATE document_versions SET status = 'processing', progress = 0, failure_reason = NULL, failure_code = NULL WHERE id = $1`, [versionId]);
}

/** The version's advisory lock, on `db`'s own connection (a query runner): whether it was free. */
export async function tryLockVersion(db: Queryable, versionId: string): Promise<boolean> {
  const [{ locked }]: { locked: boolean }[] = await db.query(`SELECT pg_try_advisory_lock(${LOCK_KEY_SQL('$1')}) AS locked`, [versionId]);
  return locked;
}

export async function unlockVersion(db: Queryable, versionId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_unlock(${LOCK_KEY_SQL('$1')})`, [versionId]);
}

/** Versions waiting or interrupted, oldest first. */
export async function listUnfinishedVersionIds(db: Queryable): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM document_versions WHERE status IN ('pending', 'processing') ORDER BY created_at`);
  return rows.map((r) => r.id);
}

export async function findVersionNeedingViewerCopy(db: Queryable, versionId: string): Promise<ViewerCopyRow | undefined> {
  const [row]: ViewerCopyRow[] = await db.query(
    `SELECT id, file_key, ocr_file_key FROM document_versions WHERE id = $1 AND status = 'ready' AND web_file_key IS NULL AND NOT web_copy_failed`,
    [versionId],
  );
  return row;
}

/** Ready versions with neither a viewer copy nor a failed one (a copy a crash interrupted), oldest first. */
export async function listVersionIdsNeedingViewerCopy(db: Queryable): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM document_versions WHERE status = 'ready' AND web_file_key IS NULL AND NOT web_copy_failed ORDER BY created_at`,
  );
  return rows.map((r) => r.id);
}

export async function markViewerCopyFailed(db: Queryable, versionId: string): Promise<void> {
  await db.query('UPDATE document_versions SET web_copy_failed = true WHERE id = $1', [versionId]);
}

export async function setViewerCopy(db: Queryable, versionId: string, key: string, sizeBytes: number, sha256: string): Promise<void> {
  await db.query('UPDATE document_versions SET web_file_key = $2, web_size_bytes = $3, web_sha256 = $4 WHERE id = $1', [versionId, key, sizeBytes, sha256]);
}

export async function newestVersionNo(db: Queryable, documentId: string): Promise<number> {
  const [{ newest }]: { newest: number | string | null }[] = await db.query('SELECT max(version_no) AS newest FROM document_versions WHERE document_id = $1', [documentId]);
  return Number(newest);
}

/** raw SQL: TypeORM would write a JS array into jsonb as a PostgreSQL array literal */
export async function markReady(db: Queryable, versionId: string, pageSizes: [number, number][], damagedPages: number[]): Promise<void> {
  await db.query(`UPDATE document_versions SET status = 'ready', progress = 100, page_sizes = $2::jsonb, damaged_pages = $3::jsonb WHERE id = $1`, [
    versionId,
    JSON.stringify(pageSizes),
    JSON.stringify(damagedPages),
  ]);
}

export async function markFailed(db: Queryable, versionId: string, code: string, reason: string): Promise<void> {
  await db.query(`UPDATE document_versions SET status = 'failed', failure_code = $2, failure_reason = $3 WHERE id = $1`, [versionId, code, reason]);
}

/** Progress of a version still processing, never backwards: whether the row moved. */
export async function advanceProgress(db: Queryable, versionId: string, progress: number): Promise<boolean> {
  const moved: unknown[] = await db.query(
    `WITH m AS (UPDATE document_versions SET progress = $2 WHERE id = $1 AND status = 'processing' AND progress < $2 RETURNING id) SELECT id FROM m`,
    [versionId, progress],
  );
  return moved.length > 0;
}

/**
 * Sets scan columns of a version still processing (only while fewer than `pagesDoneBelow` pages are
 * recognised, when given, so reports in flight never go back): whether the row moved.
 */
export async function updateScanState(
  db: Queryable,
  versionId: string,
  set: Partial<Record<ScanColumn, string | number | null>>,
  pagesDoneBelow?: number,
): Promise<boolean> {
  const columns = Object.keys(set) as ScanColumn[];
  const values = columns.map((c) => set[c]);
  const below = pagesDoneBelow === undefined ? '' : `AND ocr_pages_done < $${columns.length + 2}`;
  const moved: unknown[] = await db.query(
    `WITH m AS (UPDATE document_versions SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1 AND status = 'processing' ${below} RETURNING id) SELECT id FROM m`,
    pagesDoneBelow === undefined ? [versionId, ...values] : [versionId, ...values, pagesDoneBelow],
  );
  return moved.length > 0;
}

export async function deleteParagraphsOfVersion(db: Queryable, versionId: string): Promise<void> {
  await db.query('DELETE FROM paragraphs WHERE version_id = $1', [versionId]);
}

/** One batch of paragraphs in one statement (one row each, from one jsonb array). */
export async function insertParagraphs(db: Queryable, versionId: string, batch: ExtractedParagraph[]): Promise<void> {
  await db.query(
    `INSERT INTO paragraphs (version_id, index, page, text, rects, text_hash, label, kind, cells)
     SELECT $1, u.index, u.page, u.text, u.rects, u.text_hash, u.label, u.kind, u.cells
       FROM jsonb_to_recordset($2::jsonb) AS u(index int, page int, text text, rects jsonb, text_hash text, label text, kind text, cells jsonb)`,
    [versionId, JSON.stringify(batch.map((p) => ({ index: p.index, page: p.page, text: p.text, rects: p.rects, text_hash: p.textHash, label: p.label, kind: p.kind, cells: p.cells })))],
  );
}
