import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Anchor, PdfRect, StoredAnchor } from '@hopso/shared';
import { AnchorValidator } from './anchor-validator.service';
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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly validator: AnchorValidator,
  ) {}

  /**
   * A new annotation's or comment's anchor, validated. One made on an older version (offline,
   * before a new version came out) is placed on the newest ready version the way the ingest moved
   * the stored ones, or kept where it was and marked detached when it no longer matches. Also
   * answers the index of the paragraph it ends up on.
   */
  async acceptNew(documentId: string, anchor: Anchor): Promise<{ anchor: StoredAnchor; paragraphIndex: number | null }> {
    const { paragraphIndex, newestVersionId } = await this.validator.validate(documentId, anchor);
    if (newestVersionId === anchor.versionId) return { anchor: { ...anchor, detached: false }, paragraphIndex };
    return this.toNewestVersion(anchor, newestVersionId);
  }

  private async toNewestVersion(anchor: Anchor, newestVersionId: string): Promise<{ anchor: StoredAnchor; paragraphIndex: number | null }> {
    const [old]: { text_hash: string; index: number; count: number }[] = await this.db.query(
      'SELECT p.text_hash, p.index, (SELECT count(*)::int FROM paragraphs c WHERE c.version_id = p.version_id) AS count FROM paragraphs p WHERE p.id = $1',
      [anchor.paragraphId],
    );
    const index = new TextIndex(await this.paragraphsOf(this.db.manager, newestVersionId));
    const placed = index.place(anchor.quote, { paragraphHash: old?.text_hash ?? null, relativePosition: old?.count ? old.index / old.count : null }, await loadApproxSearch());
    if (!placed) return { anchor: { ...anchor, detached: true }, paragraphIndex: old?.index ?? null };
    const paragraph = index.paragraphs.find((p) => p.id === placed.paragraphId)!;
    return { anchor: { versionId: newestVersionId, paragraphId: placed.paragraphId, quote: placed.quote, rects: placed.rects, detached: false }, paragraphIndex: paragraph.index };
  }

  /** Runs inside `tx` when given (the ingest marks the version ready in the same transaction). */
  async reanchorDocument(documentId: string, versionId: string, tx?: EntityManager): Promise<ReanchorResult> {
    if (!tx) return this.db.transaction((t) => this.reanchorDocument(documentId, versionId, t));
    const started = performance.now();
    const index = new TextIndex(await this.paragraphsOf(tx, versionId));
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

  private async paragraphsOf(db: EntityManager, versionId: string): Promise<IndexedParagraph[]> {
    const rows: { id: string; index: number; text: string; rects: PdfRect[]; text_hash: string }[] = await db.query(
      'SELECT id, index, text, rects, text_hash FROM paragraphs WHERE version_id = $1 ORDER BY index',
      [versionId],
    );
    return rows.map((r) => ({ id: r.id, index: r.index, text: r.text, rects: r.rects, textHash: r.text_hash }));
  }
}
