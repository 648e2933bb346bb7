import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Anchor } from '@hopso/shared';
import { DomainError } from '../common/domain-error';
import { findAnchorTarget } from './anchoring.repository';
import { normalise } from './text-index';

/** How far outside the page box a rect may reach (rounding in the browser). */
const PAGE_TOLERANCE = 2;
/** A selection may run on from its paragraph into the next few (across a page break). */
const QUOTE_SPAN_PARAGRAPHS = 4;

const invalid = (message: string) => new DomainError('INVALID_ANCHOR', message);

/** Checks that an anchor points into this document: its version, its paragraph, its page boxes and its text. */
@Injectable()
export class AnchorValidator {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Answers the index of the anchor's paragraph in its version, and the document's newest ready version. */
  async validate(documentId: string, anchor: Anchor): Promise<{ paragraphIndex: number; newestVersionId: string }> {
    // one round trip: the version, the paragraph and the text the quote may span
    const row = await findAnchorTarget(this.db, documentId, anchor.versionId, anchor.paragraphId, QUOTE_SPAN_PARAGRAPHS);
    if (!row) throw invalid('The anchor points at a version of another document');
    if (row.status !== 'ready') throw invalid('This version of the document is still being processed; try again in a moment');
    if (!row.paragraph_found) throw invalid('The anchor points at a paragraph of another document or version');
    for (const r of anchor.rects) {
      const size = row.page_sizes[r.page - 1];
      if (!size) throw invalid(`Page ${r.page} does not exist in this document (it has ${row.page_count} pages)`);
      const [w, h] = size;
      if (r.x < -PAGE_TOLERANCE || r.y < -PAGE_TOLERANCE || r.x + r.w > w + PAGE_TOLERANCE || r.y + r.h > h + PAGE_TOLERANCE) {
        throw invalid(`A highlighted area lies outside page ${r.page}`);
      }
    }
    if (!normalise(row.text ?? '').includes(normalise(anchor.quote.exact))) throw invalid('The quoted text is not in this paragraph');
    return { paragraphIndex: row.paragraph_index!, newestVersionId: row.newest_version_id };
  }
}
