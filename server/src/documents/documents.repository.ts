import type { DocumentState, ErrorCode, MeetingStatus, ParagraphKind, PdfRect, ScanState, VersionStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import type { DocumentEntity, DocumentVersionEntity, ParagraphEntity } from './document.entity';

// ---- documents ----

export interface DocumentRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  created_by: string;
  created_at: Date;
  state: DocumentState;
  release_at: Date | null;
}

const DOCUMENT_COLUMNS = 'id, meeting_id, agenda_item_id, title, created_by, created_at, state, release_at';

/** The document as the services and their callers hand it around. */
export const toDocument = (r: DocumentRow): DocumentEntity => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  title: r.title,
  createdBy: r.created_by,
  createdAt: r.created_at,
  state: r.state,
  releaseAt: r.release_at,
});

export async function findDocument(db: Queryable, documentId: string): Promise<DocumentEntity | null> {
  const [row]: DocumentRow[] = await db.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [documentId]);
  return row ? toDocument(row) : null;
}

/** These documents, in the order of `documentIds`. */
export async function findDocuments(db: Queryable, documentIds: string[]): Promise<DocumentEntity[]> {
  const rows: DocumentRow[] = await db.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`, [documentIds]);
  return rows.map(toDocument);
}

/** The meeting's documents, oldest first (by title when uploaded together). */
export async function listDocumentsOfMeeting(db: Queryable, meetingId: string): Promise<DocumentEntity[]> {
  const rows: DocumentRow[] = await db.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE meeting_id = $1 ORDER BY created_at ASC, title ASC`, [meetingId]);
  return rows.map(toDocument);
}

export async function insertDocument(
  tx: Queryable,
  d: { id: string; meetingId: string; agendaItemId: string | null; title: string; createdBy: string; state: DocumentState },
): Promise<void> {
  await tx.query('INSERT INTO documents (id, meeting_id, agenda_item_id, title, created_by, state) VALUES ($1, $2, $3, $4, $5, $6)', [
    d.id,
    d.meetingId,
    d.agendaItemId,
    d.title,
    d.createdBy,
    d.state,
  ]);
}

/** The document's title and agenda item as `doc` holds them. */
export async function updateDocumentFields(tx: Queryable, doc: DocumentEntity): Promise<void> {
  await tx.query('UPDATE documents SET title = $2, agenda_item_id = $3 WHERE id = $1', [doc.id, doc.title, doc.agendaItemId]);
}

/** Released, from `releaseAt` (null: the meeting's release time). */
export async function releaseDocument(tx: Queryable, documentId: string, releaseAt: Date | null): Promise<void> {
  await tx.query(`UPDATE documents SET state = 'released', release_at = $2 WHERE id = $1`, [documentId, releaseAt]);
}

/** Locks the document row until the transaction ends. */
export async function lockDocument(tx: Queryable, documentId: string): Promise<void> {
  await tx.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
}

export async function deleteDocumentRow(tx: Queryable, documentId: string): Promise<void> {
  await tx.query('DELETE FROM documents WHERE id = $1', [documentId]);
}

/** What decides whether a document is released to delegates: its state and time, its meeting's status and time. */
export async function findDocumentReleaseFacts(
  db: Queryable,
  documentId: string,
): Promise<{ state: 'draft' | 'released'; doc_release_at: Date | null; status: MeetingStatus; release_at: Date } | undefined> {
  const [row]: { state: 'draft' | 'released'; doc_release_at: Date | null; status: MeetingStatus; release_at: Date }[] = await db.query(
    'SELECT d.state, d.release_at AS doc_release_at, m.status, m.release_at FROM documents d JOIN meetings m ON m.id = d.meeting_id WHERE d.id = $1',
    [documentId],
  );
  return row;
}

export interface ReleaseFactsRow {
  id: string;
  state: 'draft' | 'released';
  release_at: Date | null;
  meeting_status: MeetingStatus;
  meeting_release_at: Date;
}

/** Of these documents, those of the meeting, with what decides who may read them. */
export async function listReleaseFactsOfMeeting(db: Queryable, meetingId: string, documentIds: string[]): Promise<ReleaseFactsRow[]> {
  return db.query(
    `SELECT d.id, d.state, d.release_at, m.status AS meeting_status, m.release_at AS meeting_release_at
       FROM documents d JOIN meetings m ON m.id = d.meeting_id
      WHERE d.meeting_id = $1 AND d.id = ANY($2::uuid[])`,
    [meetingId, documentIds],
  );
}

// ---- versions ----

export interface VersionRow {
  id: string;
  document_id: string;
  version_no: number;
  file_key: string;
  file_name: string;
  size_bytes: string;
  sha256: string;
  page_count: number;
  status: VersionStatus;
  progress: number;
  failure_reason: string | null;
  failure_code: ErrorCode | null;
  uploaded_by: string;
  page_sizes: [number, number][];
  web_file_key: string | null;
  web_size_bytes: string | null;
  web_sha256: string | null;
  scanned_pages: number;
  ocr_pages_done: number;
  ocr_state: ScanState | null;
  ocr_code: ErrorCode | null;
  ocr_file_key: string | null;
  damaged_pages: number[];
  restricted: boolean;
  created_at: Date;
}

/** The columns of VersionRow (those its entity selects), on document_versions aliased `v`. */
const VERSION_COLUMNS =
  'v.id, v.document_id, v.version_no, v.file_key, v.file_name, v.size_bytes, v.sha256, v.page_count, v.status, v.progress, v.failure_reason, v.failure_code, v.uploaded_by, v.page_sizes, v.web_file_key, v.web_size_bytes, v.web_sha256, v.scanned_pages, v.ocr_pages_done, v.ocr_state, v.ocr_code, v.ocr_file_key, v.damaged_pages, v.restricted, v.created_at';

/** The version as the services and their callers hand it around (bigint sizes as numbers). */
export const toVersion = (r: VersionRow): DocumentVersionEntity => ({
  id: r.id,
  documentId: r.document_id,
  versionNo: r.version_no,
  fileKey: r.file_key,
  fileName: r.file_name,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  pageCount: r.page_count,
  status: r.status,
  progress: r.progress,
  failureReason: r.failure_reason,
  failureCode: r.failure_code,
  uploadedBy: r.uploaded_by,
  pageSizes: r.page_sizes,
  webFileKey: r.web_file_key,
  webSizeBytes: r.web_size_bytes === null ? null : Number(r.web_size_bytes),
  webSha256: r.web_sha256,
  scannedPages: r.scanned_pages,
  ocrPagesDone: r.ocr_pages_done,
  ocrState: r.ocr_state,
  ocrCode: r.ocr_code,
  ocrFileKey: r.ocr_file_key,
  damagedPages: r.damaged_pages,
  restricted: r.restricted,
  createdAt: r.created_at,
});

export async function findVersion(db: Queryable, documentId: string, versionId: string): Promise<DocumentVersionEntity | null> {
  const [row]: VersionRow[] = await db.query(`SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.id = $1 AND v.document_id = $2`, [versionId, documentId]);
  return row ? toVersion(row) : null;
}

/** The document's versions, newest first. */
export async function listVersionsOfDocument(db: Queryable, documentId: string): Promise<DocumentVersionEntity[]> {
  const rows: VersionRow[] = await db.query(`SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = $1 ORDER BY v.version_no DESC`, [documentId]);
  return rows.map(toVersion);
}

/** The document's newest version, or (`readyOnly`) its newest ready one. */
export async function findNewestVersion(db: Queryable, documentId: string, readyOnly: boolean): Promise<DocumentVersionEntity | null> {
  const [row]: VersionRow[] = await db.query(
    `SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = $1 ${readyOnly ? `AND v.status = 'ready'` : ''} ORDER BY v.version_no DESC LIMIT 1`,
    [documentId],
  );
  return row ? toVersion(row) : null;
}

/** Of each of these documents its newest version, or (`readyOnly`) its newest ready one. */
export async function listNewestVersionsOf(db: Queryable, documentIds: string[], readyOnly: boolean): Promise<DocumentVersionEntity[]> {
  const rows: VersionRow[] = await db.query(
    `SELECT DISTINCT ON (v.document_id) ${VERSION_COLUMNS}
       FROM document_versions v
      WHERE v.document_id = ANY($1::uuid[]) ${readyOnly ? `AND v.status = 'ready'` : ''}
      ORDER BY v.document_id, v.version_no DESC`,
    [documentIds],
  );
  return rows.map(toVersion);
}

/** Whether the document has a ready version, or one numbered after `versionNo`. */
export async function hasReadyOrNewerVersion(db: Queryable, documentId: string, versionNo: number): Promise<boolean> {
  const [newer]: unknown[] = await db.query(`SELECT 1 FROM document_versions WHERE document_id = $1 AND (status = 'ready' OR version_no > $2) LIMIT 1`, [documentId, versionNo]);
  return !!newer;
}

/** The number after the document's newest version's. */
export async function nextVersionNo(tx: Queryable, documentId: string): Promise<number> {
  const [{ next }]: { next: number | string }[] = await tx.query('SELECT COALESCE(MAX(version_no), 0) + 1 AS next FROM document_versions WHERE document_id = $1', [documentId]);
  return Number(next);
}

/** A new version waiting for its ingest. */
export async function insertPendingVersion(
  tx: Queryable,
  v: { id: string; documentId: string; versionNo: number; fileKey: string; fileName: string; sizeBytes: number; sha256: string; pageCount: number; restricted: boolean; uploadedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO document_versions (id, document_id, version_no, file_key, file_name, size_bytes, sha256, page_count, restricted, status, progress, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 0, $10)`,
    [v.id, v.documentId, v.versionNo, v.fileKey, v.fileName, v.sizeBytes, v.sha256, v.pageCount, v.restricted, v.uploadedBy],
  );
}

/** The version's status, locked until the transaction ends. */
export async function lockVersionStatus(tx: Queryable, documentId: string, versionId: string): Promise<{ status: string } | undefined> {
  const [version]: { status: string }[] = await tx.query('SELECT status FROM document_versions WHERE id = $1 AND document_id = $2 FOR UPDATE', [versionId, documentId]);
  return version;
}

/** A failed version back in the queue's hands: pending, nothing done, no failure. */
export async function resetVersionForRetry(tx: Queryable, versionId: string): Promise<void> {
  await tx.query(`UPDATE document_versions SET status = 'pending', progress = 0, failure_code = NULL, failure_reason = NULL WHERE id = $1`, [versionId]);
}

export async function countVersionsOfDocument(db: Queryable, documentId: string): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query('SELECT count(*)::int AS count FROM document_versions WHERE document_id = $1', [documentId]);
  return count;
}

export async function deleteVersionRow(tx: Queryable, versionId: string): Promise<void> {
  await tx.query('DELETE FROM document_versions WHERE id = $1', [versionId]);
}

/** Whether a comment, a note or a vote points at this document or version. */
export async function isReferenced(db: Queryable, column: 'document_id' | 'version_id', id: string): Promise<boolean> {
  const [used]: unknown[] = await db.query(
    `SELECT 1 FROM comments WHERE ${column} = $1 UNION ALL SELECT 1 FROM annotations WHERE ${column} = $1 UNION ALL SELECT 1 FROM votes WHERE ${column} = $1 LIMIT 1`,
    [id],
  );
  return !!used;
}

// ---- paragraphs ----

interface ParagraphRow {
  id: string;
  version_id: string;
  index: number;
  page: number;
  text: string;
  rects: PdfRect[];
  text_hash: string;
  label: string | null;
  kind: ParagraphKind;
  cells: string[] | null;
}

/** A version's paragraphs, in order. */
export async function listParagraphs(db: Queryable, versionId: string): Promise<ParagraphEntity[]> {
  const rows: ParagraphRow[] = await db.query(
    'SELECT id, version_id, index, page, text, rects, text_hash, label, kind, cells FROM paragraphs WHERE version_id = $1 ORDER BY index ASC',
    [versionId],
  );
  return rows.map((p) => ({ id: p.id, versionId: p.version_id, index: p.index, page: p.page, text: p.text, rects: p.rects, textHash: p.text_hash, label: p.label, kind: p.kind, cells: p.cells }));
}
