import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReanchorService } from '../anchoring/reanchor.service';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { DocumentVersionEntity } from './document.entity';
import { extractDocument, type ExtractedDocument } from './ingest/extract-paragraphs';

const PROGRESS_EVERY_MS = 300;
const INSERT_BATCH = 1000;

/** Turns a stored PDF version into paragraphs, reporting progress on the version row. */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('IngestService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly reanchor: ReanchorService,
  ) {}

  async run(versionId: string): Promise<void> {
    const versions = this.db.getRepository(DocumentVersionEntity);
    const version = await versions.findOneBy({ id: versionId });
    if (!version || version.status === 'ready') return;
    await versions.update({ id: versionId }, { status: 'processing', progress: 0, failureReason: null });
    let extracted: ExtractedDocument;
    try {
      const data = await this.storage.read(version.fileKey);
      let lastReport = Date.now();
      extracted = await extractDocument(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), (done, total) => {
        if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
        lastReport = Date.now();
        // fire and forget: progress is advisory, the final state is written below
        void versions.update({ id: versionId, status: 'processing' }, { progress: Math.min(95, Math.floor((done / total) * 95)) });
      });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.logger.warn(`ingest of version ${versionId} failed: ${reason}`);
      await versions.update({ id: versionId }, { status: 'failed', failureReason: `The text of this PDF could not be read: ${reason}` });
      return;
    }
    const { paragraphs, pageSizes } = extracted;
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM paragraphs WHERE version_id = $1', [versionId]);
      for (let i = 0; i < paragraphs.length; i += INSERT_BATCH) {
        const batch = paragraphs.slice(i, i + INSERT_BATCH);
        await tx.query(
          `INSERT INTO paragraphs (version_id, index, page, text, rects, text_hash)
           SELECT $1, u.index, u.page, u.text, u.rects, u.text_hash
             FROM jsonb_to_recordset($2::jsonb) AS u(index int, page int, text text, rects jsonb, text_hash text)`,
          [versionId, JSON.stringify(batch.map((p) => ({ index: p.index, page: p.page, text: p.text, rects: p.rects, text_hash: p.textHash })))],
        );
      }
      // comments and annotations follow the document to its newest version before anyone sees it ready
      const [{ newest }] = await tx.query('SELECT max(version_no) AS newest FROM document_versions WHERE document_id = $1', [version.documentId]);
      if (version.versionNo > 1 && version.versionNo === Number(newest)) await this.reanchor.reanchorDocument(version.documentId, versionId, tx);
      // raw SQL: TypeORM would write a JS array into jsonb as a PostgreSQL array literal
      await tx.query(`UPDATE document_versions SET status = 'ready', progress = 100, page_sizes = $2::jsonb WHERE id = $1`, [versionId, JSON.stringify(pageSizes)]);
    });
  }
}
