import crypto from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ReanchorService } from '../anchoring/reanchor.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { announceDocuments } from './document-summaries';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { DocumentVersionEntity } from './document.entity';
import { ExtractionWorker, type ExtractionSummary } from './ingest/extract-in-worker';
import type { ExtractedParagraph } from './ingest/extract-paragraphs';

const PROGRESS_EVERY_MS = 300;

/**
 * Turns a stored PDF version into paragraphs, reporting progress on the version row.
 * Paragraphs are written while later pages are still being read, so storing them
 * costs little beyond pdf.js's own extraction; the version only becomes ready, with
 * its comments and annotations re-anchored, in one final transaction.
 */
@Injectable()
export class IngestService implements OnApplicationShutdown {
  private readonly logger = new Logger('IngestService');
  private readonly extraction = new ExtractionWorker();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly reanchor: ReanchorService,
    private readonly events: MeetingEventsService,
  ) {}

  onApplicationShutdown(): Promise<void> {
    return this.extraction.close();
  }

  private async storeViewerCopy(version: DocumentVersionEntity): Promise<void> {
    try {
      const original = await this.storage.read(version.fileKey);
      const web = Buffer.from(await this.extraction.optimize(new Uint8Array(original.buffer, original.byteOffset, original.byteLength)));
      const key = webFileKey(version.fileKey);
      await this.storage.put(key, web);
      await this.db.query('UPDATE document_versions SET web_file_key = $2, web_size_bytes = $3, web_sha256 = $4 WHERE id = $1', [
        version.id,
        key,
        web.length,
        crypto.createHash('sha256').update(web).digest('hex'),
      ]);
    } catch (e) {
      this.logger.warn(`no viewer copy for version ${version.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async run(versionId: string): Promise<void> {
    const versions = this.db.getRepository(DocumentVersionEntity);
    const version = await versions.findOneBy({ id: versionId });
    if (!version || version.status === 'ready') return;
    const started = performance.now();
    await versions.update({ id: versionId }, { status: 'processing', progress: 0, failureReason: null });
    // a retried job starts from a clean slate
    await this.db.query('DELETE FROM paragraphs WHERE version_id = $1', [versionId]);

    let writing: Promise<void> = Promise.resolve();
    let summary: ExtractionSummary;
    try {
      const data = await this.storage.read(version.fileKey);
      let lastReport = Date.now();
      summary = await this.extraction.extract(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
        onParagraphs: (batch) => {
          writing = writing.then(() => insertParagraphs(this.db.manager, versionId, batch));
        },
        onProgress: (done, total) => {
          if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
          lastReport = Date.now();
          // fire and forget: progress is advisory, the final state is written below
          void versions.update({ id: versionId, status: 'processing' }, { progress: Math.min(95, Math.floor((done / total) * 95)) });
        },
      });
      await writing;
    } catch (e) {
      await writing.catch(() => undefined);
      const reason = e instanceof Error ? e.message : String(e);
      this.logger.warn(`ingest of version ${versionId} failed: ${reason}`);
      await this.events.transaction(async (tx, emit) => {
        await tx.query('DELETE FROM paragraphs WHERE version_id = $1', [versionId]);
        await tx.update(DocumentVersionEntity, { id: versionId }, { status: 'failed', failureReason: `The text of this PDF could not be read: ${reason}` });
        await announceDocuments(tx, emit, [version.documentId]);
      });
      return;
    }
    const extractedAt = performance.now();
    await this.events.transaction(async (tx, emit) => {
      // comments and annotations follow the document to its newest version before anyone sees it ready
      const [{ newest }] = await tx.query('SELECT max(version_no) AS newest FROM document_versions WHERE document_id = $1', [version.documentId]);
      if (version.versionNo > 1 && version.versionNo === Number(newest)) await this.reanchor.reanchorDocument(version.documentId, versionId, tx);
      // raw SQL: TypeORM would write a JS array into jsonb as a PostgreSQL array literal
      await tx.query(`UPDATE document_versions SET status = 'ready', progress = 100, page_sizes = $2::jsonb WHERE id = $1`, [versionId, JSON.stringify(summary.pageSizes)]);
      await announceDocuments(tx, emit, [version.documentId]);
    });
    const done = performance.now();
    await this.storeViewerCopy(version);
    this.logger.log(
      `ingested version ${versionId}: ${summary.pageSizes.length} pages, ${summary.paragraphCount} paragraphs in ${(done - started).toFixed(0)} ms (extract and store ${(extractedAt - started).toFixed(0)}, finish ${(done - extractedAt).toFixed(0)})`,
    );
  }
}

/** The viewer's copy is an optimisation: if pdf-lib cannot rewrite a file, the original is served. */
const webFileKey = (fileKey: string) => fileKey.replace(/\.pdf$/, '.web.pdf');

async function insertParagraphs(db: EntityManager, versionId: string, batch: ExtractedParagraph[]): Promise<void> {
  await db.query(
    `INSERT INTO paragraphs (version_id, index, page, text, rects, text_hash)
     SELECT $1, u.index, u.page, u.text, u.rects, u.text_hash
       FROM jsonb_to_recordset($2::jsonb) AS u(index int, page int, text text, rects jsonb, text_hash text)`,
    [versionId, JSON.stringify(batch.map((p) => ({ index: p.index, page: p.page, text: p.text, rects: p.rects, text_hash: p.textHash })))],
  );
}
