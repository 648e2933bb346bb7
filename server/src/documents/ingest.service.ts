import crypto from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReanchorService } from '../anchoring/reanchor.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { announceDocuments } from './document-summaries';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { ingestSeconds } from '../observability/metrics';
import * as repo from './ingest.repository';
import { IngestFailure, type ExtractionSummary, type ExtractionWorker } from './ingest/extract-in-worker';
import { PdfWorkers } from './ingest/pdf-workers';
import { FAILURE_REASONS, type IngestFailureCode } from './ingest/extract-worker-protocol';
import type { PdfSignatureInfo } from '@hopso/shared';
import { checkSignatures, saveSignatureCheck } from '../signatures/document-signatures';
import { OcrFailure, TextRecognizer, type OcrFailureCode } from './ingest/ocr';

/**
 * Progress is advisory and costs a transaction (the row and its document.changed): once a second
 * is enough for a bar, and keeps a 400-page ingest close to pdf.js's own time (bench/ingest).
 */
const PROGRESS_EVERY_MS = 1000;
const FIRST_PROGRESS_MS = 300;

/**
 * Turns a stored PDF version into paragraphs, reporting progress on the version row.
 * Paragraphs are written while later pages are still being read, so storing them
 * costs little beyond pdf.js's own extraction; the version only becomes ready, with
 * its comments and annotations re-anchored, in one final transaction.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('IngestService');
  private readonly extraction: ExtractionWorker;
  private readonly viewerCopies: ExtractionWorker;
  /** Viewer copies waiting or being made by this process, one after another, after their ingest has finished. */
  private copying: Promise<void> = Promise.resolve();

  constructor(
    workers: PdfWorkers,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly reanchor: ReanchorService,
    private readonly events: MeetingEventsService,
    private readonly ocr: TextRecognizer,
  ) {
    this.extraction = workers.ingest;
    this.viewerCopies = workers.viewer;
  }

  /** Settles once every viewer copy this process has been asked for is made or given up (for tests and shutdown). */
  viewerCopiesDone(): Promise<void> {
    return this.copying;
  }

  /**
   * The viewer copy of a version just ready, made in the background on its own thread: the ingest job
   * (and the next document's ingest) never waits for it; the original is served until it is there.
   * Interrupted by a crash, it is made again at the next start (remakeViewerCopies).
   */
  private scheduleViewerCopy(versionId: string): void {
    this.copying = this.copying
      .then(() => this.remakeViewerCopy(versionId))
      .then(
        () => undefined,
        (e: unknown) => this.logger.warn(`viewer copy of version ${versionId} not made: ${e instanceof Error ? e.message : String(e)}`),
      );
  }

  /** Makes the viewer copy of one ready version unless another process holds it or it is there already; whether it made one. */
  private async remakeViewerCopy(versionId: string): Promise<boolean> {
    const lock = await this.lockVersion(versionId);
    if (!lock) return false;
    try {
      const row = await repo.findVersionNeedingViewerCopy(this.db, versionId);
      if (!row) return false;
      await this.storeViewerCopy({ id: row.id, fileKey: row.file_key, ocrFileKey: row.ocr_file_key });
      return true;
    } finally {
      await lock.release();
    }
  }

  private async storeViewerCopy(version: { id: string; fileKey: string; ocrFileKey: string | null }): Promise<void> {
    // a scan's viewer copy is made from the file with its text layer, so selection and search work on it
    const sourceKey = version.ocrFileKey ?? version.fileKey;
    let source: Buffer | null = null;
    try {
      source = await this.storage.read(sourceKey);
      const web = Buffer.from(await this.viewerCopies.optimize(new Uint8Array(source.buffer, source.byteOffset, source.byteLength)));
      const key = webFileKey(version.fileKey);
      await this.storage.put(key, web);
      await this.setViewerCopy(version.id, key, web);
    } catch (e) {
      // stopped by the shutdown: nothing is known of the copy, made again at the next start
      if (this.viewerCopies.isClosed) return;
      this.logger.warn(`no viewer copy for version ${version.id}: ${e instanceof Error ? e.message : String(e)}`);
      // the recognised file as it is rather than the original without text
      if (version.ocrFileKey && source && (await this.setViewerCopy(version.id, version.ocrFileKey, source).then(() => true, () => false))) return;
      // the original is served; not tried again at the next start (see remakeViewerCopies)
      await repo.markViewerCopyFailed(this.db, version.id).catch(() => undefined);
    }
  }

  private async setViewerCopy(versionId: string, key: string, data: Buffer): Promise<void> {
    await repo.setViewerCopy(this.db, versionId, key, data.length, crypto.createHash('sha256').update(data).digest('hex'));
  }

  /**
   * Viewer copies a crash interrupted (a ready version with neither a copy nor a failure), made
   * again; a version another process holds is left to it. Returns how many were made.
   */
  async remakeViewerCopies(): Promise<number> {
    let made = 0;
    for (const id of await repo.listVersionIdsNeedingViewerCopy(this.db)) if (await this.remakeViewerCopy(id)) made++;
    return made;
  }

  /**
   * Ingests one version. Never throws for anything the file does: a failure of its own or an
   * unexpected one fails this version with a code the secretary's screen explains, never the
   * process. While it runs, this process holds the version's advisory lock, so a start after a
   * crash can tell an interrupted ingest from one another process is running (see ingest-queue.ts).
   */
  async run(versionId: string): Promise<void> {
    const lock = await this.lockVersion(versionId);
    if (!lock) return; // another process is ingesting it
    try {
      await this.ingest(versionId);
    } catch (e) {
      this.logger.error(`ingest of version ${versionId} failed unexpectedly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      await this.fail(versionId, 'INGEST_FAILED');
    } finally {
      await lock.release();
    }
    // only now: the copy takes the version's advisory lock on its own connection, and while this ingest
    // held it the copy was refused and never made (a no-op for a version that did not become ready)
    this.scheduleViewerCopy(versionId);
  }

  /** Versions waiting or interrupted whose lock no process holds right now: nobody is ingesting them. */
  async unclaimedVersions(): Promise<string[]> {
    const free: string[] = [];
    for (const id of await repo.listUnfinishedVersionIds(this.db)) {
      const lock = await this.lockVersion(id);
      if (!lock) continue;
      await lock.release();
      free.push(id);
    }
    return free;
  }

  private async lockVersion(versionId: string): Promise<{ release(): Promise<void> } | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      if (!(await repo.tryLockVersion(runner, versionId))) {
        await runner.release();
        return null;
      }
    } catch (e) {
      await runner.release();
      throw e;
    }
    return {
      release: async () => {
        try {
          await repo.unlockVersion(runner, versionId);
        } finally {
          await runner.release();
        }
      },
    };
  }

  private async ingest(versionId: string): Promise<void> {
    const row = await repo.findIngestVersion(this.db, versionId);
    // ready and failed are final: a job queued twice (a resumed ingest, the queue's own expiry) does nothing more
    if (!row || row.status === 'ready' || row.status === 'failed') return;
    const version: IngestVersion = { id: row.id, documentId: row.document_id, versionNo: row.version_no, fileKey: row.file_key };
    const started = performance.now();
    await repo.startProcessing(this.db, versionId);

    let summary: ExtractionSummary;
    let signatures: PdfSignatureInfo[] = [];
    let ocrMs = 0;
    try {
      const stored = await this.storage.read(version.fileKey);
      const original = new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
      // the stored upload passed the stream and content budgets when it was uploaded: not measured again
      summary = await this.extractInto(version, original, true);
      // the uploaded file's own signatures (a recognised copy would not carry them)
      signatures = await checkSignatures(stored);
      if (summary.imagePages.length > 0) {
        // scanned pages: recognised in the background job, then the file with its new text layer is read instead
        const ocrStarted = performance.now();
        const recognised = await this.recognise(version, original, summary.imagePages);
        ocrMs = performance.now() - ocrStarted;
        if (recognised) {
          try {
            summary = { ...(await this.extractInto(version, recognised, false)), imagePages: summary.imagePages };
          } catch (e) {
            // the recognised file cannot be read: the original's readable pages are kept, the scan marked unrecognised
            this.logger.warn(`the recognised copy of version ${versionId} could not be read: ${e instanceof Error ? e.message : String(e)}`);
            await this.markScan(version, { ocr_state: 'unrecognised', ocr_code: 'OCR_FAILED', ocr_file_key: null });
            summary = { ...(await this.extractInto(version, original, true)), imagePages: summary.imagePages };
          }
        }
      }
    } catch (e) {
      const code = e instanceof IngestFailure ? e.code : 'INGEST_FAILED';
      this.logger.warn(`ingest of version ${versionId} failed (${code}): ${e instanceof Error ? e.message : String(e)}`);
      await this.fail(versionId, code, version.documentId);
      return;
    }
    const extractedAt = performance.now();
    await this.events.transaction(async (tx, emit) => {
      // comments and annotations follow the document to its newest version before anyone sees it ready
      if (version.versionNo > 1 && version.versionNo === (await repo.newestVersionNo(tx, version.documentId))) {
        await this.reanchor.reanchorDocument(version.documentId, versionId, tx);
      }
      await repo.markReady(tx, versionId, summary.pageSizes, summary.damagedPages);
      await saveSignatureCheck(tx, versionId, signatures);
      await announceDocuments(tx, emit, [version.documentId]);
    });
    const done = performance.now();
    ingestSeconds.observe((done - started) / 1000);
    this.logger.log(
      `ingested version ${versionId}: ${summary.pageSizes.length} pages${summary.imagePages.length ? ` (${summary.imagePages.length} scanned, OCR ${ocrMs.toFixed(0)} ms)` : ''}, ${summary.paragraphCount} paragraphs in ${(done - started).toFixed(0)} ms (extract and store ${(extractedAt - started).toFixed(0)}, finish ${(done - extractedAt).toFixed(0)})`,
    );
  }

  /**
   * Reads `data` into the version's paragraphs (any earlier ones removed first), storing them while
   * later pages are read, with progress on the version row. Throws IngestFailure for the file's own faults.
   */
  private async extractInto(version: IngestVersion, data: Uint8Array, budgetChecked: boolean): Promise<ExtractionSummary> {
    const versionId = version.id;
    // a retried job, or a second reading after OCR, starts from a clean slate
    await repo.deleteParagraphsOfVersion(this.db, versionId);
    let writing: Promise<void> = Promise.resolve();
    let writeFailure: unknown = null;
    // the first report after FIRST_PROGRESS_MS, so a file read in a second still shows its bar move
    let lastReport = Date.now() - PROGRESS_EVERY_MS + FIRST_PROGRESS_MS;
    try {
      const summary = await this.extraction.extract(data, {
        onParagraphs: (batch) => {
          // every link of the chain is caught at once, so a failed insert is never an unhandled rejection
          writing = writing
            .then(() => (writeFailure ? undefined : repo.insertParagraphs(this.db, versionId, batch)))
            .catch((e: unknown) => {
              writeFailure ??= e;
            });
        },
        onProgress: (done, total) => {
          if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
          lastReport = Date.now();
          // progress is advisory (the final state is written below), but open screens follow it live:
          // the row and its document.changed in one transaction, skipped once the version has moved on
          const progress = Math.min(95, Math.floor((done / total) * 95));
          this.events
            .transaction(async (tx, emit) => {
              // two reports in flight may take the row lock in either order: progress never goes back
              if (await repo.advanceProgress(tx, versionId, progress)) await announceDocuments(tx, emit, [version.documentId]);
            })
            .catch((e: unknown) => this.logger.warn(`progress of version ${versionId} not saved: ${e instanceof Error ? e.message : String(e)}`));
        },
      }, { budgetChecked });
      await writing;
      if (writeFailure) throw writeFailure;
      return summary;
    } catch (e) {
      await writing;
      throw e;
    }
  }

  /**
   * Text recognition of the scanned pages: the file with its text layer (also stored, for the viewer),
   * or null when it could not be made, the version then marked "unrecognised" with the reason.
   * Open screens follow it page by page ("Đang nhận dạng chữ, trang 3/12").
   */
  private async recognise(version: IngestVersion, data: Uint8Array, pages: number[]): Promise<Uint8Array | null> {
    await this.markScan(version, { scanned_pages: pages.length, ocr_pages_done: 0, ocr_state: 'recognising', ocr_code: null });
    let reports: Promise<void> = Promise.resolve();
    try {
      const recognised = await this.ocr.run(data, {
        pages,
        onPage: (done) => {
          reports = reports.then(() => this.markScan(version, { ocr_pages_done: done }, done));
        },
      });
      await reports;
      const key = ocrFileKey(version.fileKey);
      await this.storage.put(key, recognised);
      await this.markScan(version, { ocr_pages_done: pages.length, ocr_state: 'recognised', ocr_file_key: key });
      return new Uint8Array(recognised.buffer, recognised.byteOffset, recognised.byteLength);
    } catch (e) {
      await reports;
      const code: OcrFailureCode = e instanceof OcrFailure ? e.code : 'OCR_FAILED';
      this.logger.warn(`text recognition of version ${version.id} failed (${code}): ${e instanceof Error ? e.message : String(e)}`);
      await this.markScan(version, { ocr_state: 'unrecognised', ocr_code: code });
      return null;
    }
  }

  /** Sets the scan columns of a version being processed, with its document.changed; never throws (the scan state is advisory until ready). */
  private async markScan(version: IngestVersion, set: Partial<Record<repo.ScanColumn, string | number | null>>, pagesDoneBelow?: number): Promise<void> {
    await this.events
      .transaction(async (tx, emit) => {
        if (await repo.updateScanState(tx, version.id, set, pagesDoneBelow)) await announceDocuments(tx, emit, [version.documentId]);
      })
      .catch((e: unknown) => this.logger.warn(`scan state of version ${version.id} not saved: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** The version ends failed, with no paragraphs, and open screens hear of it. */
  private async fail(versionId: string, code: IngestFailureCode, documentId?: string): Promise<void> {
    const docId = documentId ?? (await repo.findIngestVersion(this.db, versionId))?.document_id;
    // the failure and its event in one transaction, so an open screen never misses it
    await this.events.transaction(async (tx, emit) => {
      await repo.deleteParagraphsOfVersion(tx, versionId);
      await repo.markFailed(tx, versionId, code, FAILURE_REASONS[code]);
      if (docId) await announceDocuments(tx, emit, [docId]);
    });
  }
}

/** What the ingest carries of the version it reads. */
interface IngestVersion {
  id: string;
  documentId: string;
  versionNo: number;
  fileKey: string;
}

/** The viewer's copy is an optimisation: if pdf-lib cannot rewrite a file, the original is served. */
const webFileKey = (fileKey: string) => fileKey.replace(/\.pdf$/, '.web.pdf');
/** The upload with the text layer OCR added to its scanned pages. */
const ocrFileKey = (fileKey: string) => fileKey.replace(/\.pdf$/, '.ocr.pdf');
