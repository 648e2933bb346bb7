import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PdfRect } from '@hopso/shared';
import { loadApproxSearch, TextIndex, type IndexedParagraph } from './text-index';

interface AnchoredRow {
  id: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  old_hash: string | null;
  old_index: number | null;
  old_count: number | null;
}

export interface ReanchorResult {
  moved: number;
  detached: number;
}

/** The tables whose rows carry an anchor; both are re-anchored the same way. */
const ANCHORED_TABLES = ['annotations', 'comments'] as const;

/**
 * When a new version of a document is ready, moves every annotation and comment of
 * the document to it by quote and context. Those that no longer match stay on
 * their old version, marked detached: kept and shown, never dropped.
 */
@Injectable()
export class ReanchorService {
  private readonly logger = new Logger('ReanchorService');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs inside `tx` when given (the ingest marks the version ready in the same transaction). */
  async reanchorDocument(documentId: string, versionId: string, tx?: EntityManager): Promise<ReanchorResult> {
    if (!tx) return this.db.transaction((t) => this.reanchorDocument(documentId, versionId, t));
    const started = performance.now();
    const paragraphs: IndexedParagraph[] = (
      await tx.query('SELECT id, index, text, rects, text_hash FROM paragraphs WHERE version_id = $1 ORDER BY index', [versionId])
    ).map((r: { id: string; index: number; text: string; rects: PdfRect[]; text_hash: string }) => ({ id: r.id, index: r.index, text: r.text, rects: r.rects, textHash: r.text_hash }));
    const index = new TextIndex(paragraphs);
    const search = await loadApproxSearch();
    const result: ReanchorResult = { moved: 0, detached: 0 };
    for (const table of ANCHORED_TABLES) {
      const rows: AnchoredRow[] = await tx.query(
        `SELECT a.id, a.quote_exact, a.quote_prefix, a.quote_suffix, p.text_hash AS old_hash, p.index AS old_index,
                (SELECT count(*)::int FROM paragraphs c WHERE c.version_id = a.version_id) AS old_count
           FROM ${table} a LEFT JOIN paragraphs p ON p.id = a.paragraph_id
          WHERE a.document_id = $1 AND a.version_id <> $2
          FOR UPDATE OF a`,
        [documentId, versionId],
      );
      const moved: { id: string; paragraph_id: string; exact: string; prefix: string; suffix: string; rects: PdfRect[] }[] = [];
      const detached: string[] = [];
      for (const row of rows) {
        const placed = index.place(
          { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
          { paragraphHash: row.old_hash, relativePosition: row.old_index !== null && row.old_count ? row.old_index / row.old_count : null },
          search,
        );
        if (placed) moved.push({ id: row.id, paragraph_id: placed.paragraphId, exact: placed.quote.exact, prefix: placed.quote.prefix, suffix: placed.quote.suffix, rects: placed.rects });
        else detached.push(row.id);
      }
      if (moved.length) {
        await tx.query(
          `UPDATE ${table} a SET version_id = $1, paragraph_id = m.paragraph_id, quote_exact = m.exact, quote_prefix = m.prefix, quote_suffix = m.suffix, rects = m.rects, detached = false
             FROM jsonb_to_recordset($2::jsonb) AS m(id uuid, paragraph_id uuid, exact text, prefix text, suffix text, rects jsonb)
            WHERE a.id = m.id`,
          [versionId, JSON.stringify(moved)],
        );
      }
      if (detached.length) await tx.query(`UPDATE ${table} SET detached = true WHERE id = ANY($1::uuid[])`, [detached]);
      result.moved += moved.length;
      result.detached += detached.length;
    }
    const ms = performance.now() - started;
    if (result.moved + result.detached) this.logger.log(`reanchor document ${documentId}: ${result.moved} moved, ${result.detached} detached in ${ms.toFixed(0)} ms`);
    return result;
  }
}
