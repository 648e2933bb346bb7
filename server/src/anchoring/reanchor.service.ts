import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Anchor, PdfRect, StoredAnchor } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { AnchorValidator } from './anchor-validator.service';
import {
  findParagraphPosition,
  listParagraphsOfVersion,
  lockAnchoredRowsOffVersion,
  markAnchoredRowsDetached,
  moveAnchoredRows,
  type AnchoredTable,
} from './anchoring.repository';
import { loadApproxSearch, TextIndex, type IndexedParagraph } from './text-index';

export interface ReanchorResult {
  moved: number;
  detached: number;
}

/** The tables whose rows carry an anchor; both are re-anchored the same way. */
const ANCHORED_TABLES: readonly AnchoredTable[] = ['annotations', 'comments'];

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
    const old = await findParagraphPosition(this.db, anchor.paragraphId);
    const index = new TextIndex(await this.paragraphsOf(this.db, newestVersionId));
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
      const rows = await lockAnchoredRowsOffVersion(tx, table, documentId, versionId);
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
      if (moved.length) await moveAnchoredRows(tx, table, versionId, moved);
      if (detached.length) await markAnchoredRowsDetached(tx, table, detached);
      result.moved += moved.length;
      result.detached += detached.length;
    }
    const ms = performance.now() - started;
    if (result.moved + result.detached) this.logger.log(`reanchor document ${documentId}: ${result.moved} moved, ${result.detached} detached in ${ms.toFixed(0)} ms`);
    return result;
  }

  private async paragraphsOf(db: Queryable, versionId: string): Promise<IndexedParagraph[]> {
    const rows = await listParagraphsOfVersion(db, versionId);
    return rows.map((r) => ({ id: r.id, index: r.index, text: r.text, rects: r.rects, textHash: r.text_hash }));
  }
}
