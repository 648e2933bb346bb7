import type { Annotation, HighlightColor, PdfRect, StoredAnchor } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';

export interface AnnotationRow {
  id: string;
  client_id: string;
  author_id: string;
  document_id: string;
  version_id: string;
  paragraph_id: string | null;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  rects: PdfRect[];
  detached: boolean;
  color: HighlightColor;
  note: string;
  edited_at: Date;
  conflict_of: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, client_id, author_id, document_id, version_id, paragraph_id, quote_exact, quote_prefix, quote_suffix, rects, detached, color, note, edited_at, conflict_of, created_at, updated_at';

export const toAnnotation = (a: AnnotationRow): Annotation => ({
  id: a.id,
  clientId: a.client_id,
  documentId: a.document_id,
  anchor: {
    versionId: a.version_id,
    paragraphId: a.paragraph_id ?? '',
    quote: { exact: a.quote_exact, prefix: a.quote_prefix, suffix: a.quote_suffix },
    rects: a.rects,
    detached: a.detached,
  },
  color: a.color,
  note: a.note,
  editedAt: a.edited_at.toISOString(),
  conflictOf: a.conflict_of,
  createdAt: a.created_at.toISOString(),
  updatedAt: a.updated_at.toISOString(),
});

/** The author's annotations of the document, oldest first. */
export async function listAnnotationsOfAuthor(db: Queryable, authorId: string, documentId: string): Promise<AnnotationRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM annotations WHERE author_id = $1 AND document_id = $2 ORDER BY created_at ASC`, [authorId, documentId]);
}

export async function findAnnotationByClientId(db: Queryable, authorId: string, clientId: string): Promise<AnnotationRow | undefined> {
  const [row]: AnnotationRow[] = await db.query(`SELECT ${COLUMNS} FROM annotations WHERE author_id = $1 AND client_id = $2`, [authorId, clientId]);
  return row;
}

/** The author's annotation; another person's is not found. */
export async function findAnnotationOfAuthor(db: Queryable, id: string, authorId: string): Promise<AnnotationRow | undefined> {
  const [row]: AnnotationRow[] = await db.query(`SELECT ${COLUMNS} FROM annotations WHERE id = $1 AND author_id = $2`, [id, authorId]);
  return row;
}

/** A new annotation unless the author already has one under this client id; the id when it was written. */
export async function insertAnnotationOnce(
  db: Queryable,
  a: { clientId: string; authorId: string; documentId: string; anchor: StoredAnchor; color: HighlightColor; note: string },
): Promise<{ id: string }[]> {
  return db.query(
    `INSERT INTO annotations (client_id, author_id, document_id, version_id, paragraph_id, quote_exact, quote_prefix, quote_suffix, rects, detached, color, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
    [
      a.clientId,
      a.authorId,
      a.documentId,
      a.anchor.versionId,
      a.anchor.paragraphId,
      a.anchor.quote.exact,
      a.anchor.quote.prefix,
      a.anchor.quote.suffix,
      JSON.stringify(a.anchor.rects),
      a.anchor.detached,
      a.color,
      a.note,
    ],
  );
}

/** A conflict copy of `of` carrying the losing edit. */
export async function insertConflictCopy(
  db: Queryable,
  clientId: string,
  of: AnnotationRow,
  edit: { color: HighlightColor; note: string; editedAt: Date },
): Promise<AnnotationRow> {
  const [row]: AnnotationRow[] = await db.query(
    `INSERT INTO annotations (client_id, author_id, document_id, version_id, paragraph_id, quote_exact, quote_prefix, quote_suffix, rects, detached, conflict_of, color, note, edited_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     RETURNING ${COLUMNS}`,
    [
      clientId,
      of.author_id,
      of.document_id,
      of.version_id,
      of.paragraph_id,
      of.quote_exact,
      of.quote_prefix,
      of.quote_suffix,
      JSON.stringify(of.rects),
      of.detached,
      of.id,
      edit.color,
      edit.note,
      edit.editedAt,
    ],
  );
  return row;
}

/** The annotation's colour, note and time of edit; its updated_at becomes now. */
export async function updateAnnotationEdit(db: Queryable, id: string, edit: { color: HighlightColor; note: string; editedAt: Date }): Promise<AnnotationRow> {
  const [row] = await updateReturning<AnnotationRow>(
    db,
    `UPDATE annotations SET color = $2, note = $3, edited_at = $4, updated_at = CURRENT_TIMESTAMP WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, edit.color, edit.note, edit.editedAt],
  );
  return row;
}

export async function deleteAnnotationOfAuthor(db: Queryable, id: string, authorId: string): Promise<void> {
  await db.query('DELETE FROM annotations WHERE id = $1 AND author_id = $2', [id, authorId]);
}
