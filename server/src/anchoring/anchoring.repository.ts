import type { PdfRect, VersionStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

/** The tables whose rows carry an anchor; both are re-anchored the same way. */
export type AnchoredTable = 'annotations' | 'comments';

export interface AnchoredRow {
  id: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  old_hash: string | null;
  old_index: number | null;
  old_count: number | null;
}

export interface ParagraphRow {
  id: string;
  index: number;
  text: string;
  rects: PdfRect[];
  text_hash: string;
}

/** A version's paragraphs, in order. */
export async function listParagraphsOfVersion(db: Queryable, versionId: string): Promise<ParagraphRow[]> {
  return db.query('SELECT id, index, text, rects, text_hash FROM paragraphs WHERE version_id = $1 ORDER BY index', [versionId]);
}

/** A paragraph's text hash and index, with the number of paragraphs of its version. */
export async function findParagraphPosition(db: Queryable, paragraphId: string): Promise<{ text_hash: string; index: number; count: number } | undefined> {
  const [row]: { text_hash: string; index: number; count: number }[] = await db.query(
    'SELECT p.text_hash, p.index, (SELECT count(*)::int FROM paragraphs c WHERE c.version_id = p.version_id) AS count FROM paragraphs p WHERE p.id = $1',
    [paragraphId],
  );
  return row;
}

/** The document's anchored rows not on `versionId`, locked, with where they stood on their old version. */
export async function lockAnchoredRowsOffVersion(tx: Queryable, table: AnchoredTable, documentId: string, versionId: string): Promise<AnchoredRow[]> {
  return tx.query(
    `SELECT a.id, a.quote_exact, a.quote_prefix, a.quote_suffix, p.text_hash AS old_hash, p.index AS old_index,
            (SELECT count(*)::int FROM paragraphs c WHERE c.version_id = a.version_id) AS old_count
       FROM ${table} a LEFT JOIN paragraphs p ON p.id = a.paragraph_id
      WHERE a.document_id = $1 AND a.version_id <> $2
      FOR UPDATE OF a`,
    [documentId, versionId],
  );
}

/** Moves these rows onto `versionId` at their new places. */
export async function moveAnchoredRows(
  tx: Queryable,
  table: AnchoredTable,
  versionId: string,
  moved: { id: string; paragraph_id: string; exact: string; prefix: string; suffix: string; rects: PdfRect[] }[],
): Promise<void> {
  await tx.query(
    `UPDATE ${table} a SET version_id = $1, paragraph_id = m.paragraph_id, quote_exact = m.exact, quote_prefix = m.prefix, quote_suffix = m.suffix, rects = m.rects, detached = false
       FROM jsonb_to_recordset($2::jsonb) AS m(id uuid, paragraph_id uuid, exact text, prefix text, suffix text, rects jsonb)
      WHERE a.id = m.id`,
    [versionId, JSON.stringify(moved)],
  );
}

export async function markAnchoredRowsDetached(tx: Queryable, table: AnchoredTable, ids: string[]): Promise<void> {
  await tx.query(`UPDATE ${table} SET detached = true WHERE id = ANY($1::uuid[])`, [ids]);
}

export interface AnchorTargetRow {
  status: VersionStatus;
  page_count: number;
  page_sizes: [number, number][];
  paragraph_found: boolean;
  paragraph_index: number | null;
  newest_version_id: string;
  text: string | null;
}

/** In one round trip: the version, the paragraph, the text a quote may span (`spanParagraphs` from it) and the newest ready version. */
export async function findAnchorTarget(
  db: Queryable,
  documentId: string,
  versionId: string,
  paragraphId: string,
  spanParagraphs: number,
): Promise<AnchorTargetRow | undefined> {
  const [row]: AnchorTargetRow[] = await db.query(
    `SELECT v.status, v.page_count, v.page_sizes, p.id IS NOT NULL AS paragraph_found, p.index AS paragraph_index,
            (SELECT n.id FROM document_versions n WHERE n.document_id = v.document_id AND n.status = 'ready' ORDER BY n.version_no DESC LIMIT 1) AS newest_version_id,
            (SELECT string_agg(q.text, ' ' ORDER BY q.index) FROM paragraphs q
              WHERE q.version_id = v.id AND q.index >= p.index AND q.index < p.index + $4) AS text
       FROM document_versions v LEFT JOIN paragraphs p ON p.id = $3 AND p.version_id = v.id
      WHERE v.id = $1 AND v.document_id = $2`,
    [versionId, documentId, paragraphId, spanParagraphs],
  );
  return row;
}
