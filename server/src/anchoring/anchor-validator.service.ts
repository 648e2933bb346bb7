import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Anchor } from '@hopso/shared';
import { DomainError } from '../common/domain-error';
import { DocumentVersionEntity, ParagraphEntity } from '../documents/document.entity';
import { normalise } from './text-index';

/** How far outside the page box a rect may reach (rounding in the browser). */
const PAGE_TOLERANCE = 2;
/** A selection may run on from its paragraph into the next few (across a page break). */
const QUOTE_SPAN_PARAGRAPHS = 4;

const invalid = (message: string) => new DomainError('INVALID_ANCHOR', message);

/** Checks that an anchor points into this document: its version, its paragraph, its page boxes and its text. */
@Injectable()
export class AnchorValidator {
  constructor(
    @InjectRepository(DocumentVersionEntity) private readonly versions: Repository<DocumentVersionEntity>,
    @InjectRepository(ParagraphEntity) private readonly paragraphs: Repository<ParagraphEntity>,
  ) {}

  async validate(documentId: string, anchor: Anchor): Promise<void> {
    const version = await this.versions.findOneBy({ id: anchor.versionId, documentId });
    if (!version) throw invalid('The anchor points at a version of another document');
    if (version.status !== 'ready') throw invalid('This version of the document is still being processed; try again in a moment');
    const paragraph = await this.paragraphs.findOneBy({ id: anchor.paragraphId, versionId: version.id });
    if (!paragraph) throw invalid('The anchor points at a paragraph of another document or version');
    for (const r of anchor.rects) {
      const size = version.pageSizes[r.page - 1];
      if (!size) throw invalid(`Page ${r.page} does not exist in this document (it has ${version.pageCount} pages)`);
      const [w, h] = size;
      if (r.x < -PAGE_TOLERANCE || r.y < -PAGE_TOLERANCE || r.x + r.w > w + PAGE_TOLERANCE || r.y + r.h > h + PAGE_TOLERANCE) {
        throw invalid(`A highlighted area lies outside page ${r.page}`);
      }
    }
    const following = await this.paragraphs
      .createQueryBuilder('p')
      .where('p.version_id = :v AND p.index >= :i AND p.index < :j', { v: version.id, i: paragraph.index, j: paragraph.index + QUOTE_SPAN_PARAGRAPHS })
      .orderBy('p.index')
      .getMany();
    const text = normalise(following.map((p) => p.text).join(' '));
    if (!text.includes(normalise(anchor.quote.exact))) throw invalid('The quoted text is not in this paragraph');
  }
}
