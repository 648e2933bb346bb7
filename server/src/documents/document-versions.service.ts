import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DocumentDetail } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, notFound } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import type { Queryable } from '../common/queryable';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type { DocumentVersionEntity } from './document.entity';
import {
  countVersionsOfDocument,
  deleteDocumentRow,
  deleteVersionRow,
  findVersion,
  isReferenced,
  listVersionsOfDocument,
  lockDocument,
  lockVersionStatus,
  resetVersionForRetry,
} from './documents.repository';
import { announceDocuments, loadDocumentSummaries } from './document-summaries';
import { DocumentsService } from './documents.service';
import { IngestQueue } from './ingest-queue';

/**
 * What the staff do about a version that failed, or an upload that should not stay in the meeting:
 * read it again, or delete it (or the whole document) while nobody has commented on it or noted it.
 * The audit of the upload, the views and the deletion is kept.
 */
@Injectable()
export class DocumentVersionsService {
  private readonly logger = new Logger('DocumentVersions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly documents: DocumentsService,
    private readonly queue: IngestQueue,
    private readonly audit: AuditService,
    private readonly events: MeetingEventsService,
  ) {}

  /** A failed version read again from its stored file, as a new ingest job. */
  async retry(caller: AuthUser, documentId: string, versionId: string): Promise<DocumentDetail> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'documents.write');
    await this.events.transaction(async (tx, emit) => {
      const version = await lockVersionStatus(tx, documentId, versionId);
      if (!version) throw notFound('Document version');
      if (version.status !== 'failed') throw new DomainError('VERSION_NOT_FAILED', 'Only a version whose processing failed can be processed again');
      await resetVersionForRetry(tx, versionId);
      await announceDocuments(tx, emit, [documentId]);
    });
    await this.queue.enqueue(versionId);
    await this.audit.record({ userId: caller.id, action: 'document.versionRetry', meetingId: doc.meetingId, targetId: doc.id, meta: { versionId } });
    return this.documents.get(caller, documentId);
  }

  /** One version of several, with nobody's comment or note on it; the document then reads its newest remaining one. */
  async deleteVersion(caller: AuthUser, documentId: string, versionId: string): Promise<DocumentDetail> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'documents.write');
    const removed = await this.events.transaction(async (tx, emit) => {
      // the document locked, as a new version's upload locks it
      await lockDocument(tx, documentId);
      const version = await findVersion(tx, documentId, versionId);
      if (!version) throw notFound('Document version');
      if ((await countVersionsOfDocument(tx, documentId)) <= 1) throw new DomainError('VERSION_ONLY_ONE', 'This is the only version of the document: delete the document instead');
      if (version.status === 'pending' || version.status === 'processing') throw new DomainError('CONFLICT', 'This version is still being processed; delete it once it is ready or has failed');
      await this.refuseIfUsed(tx, 'version_id', versionId, 'VERSION_HAS_COMMENTS', 'This version has comments or notes and cannot be deleted');
      await deleteVersionRow(tx, versionId);
      await announceDocuments(tx, emit, [documentId]);
      return version;
    });
    await this.removeFiles([removed]);
    await this.audit.record({
      userId: caller.id,
      action: 'document.versionDelete',
      meetingId: doc.meetingId,
      targetId: doc.id,
      meta: { versionId, versionNo: removed.versionNo, fileName: removed.fileName, status: removed.status },
    });
    return this.documents.get(caller, documentId);
  }

  /** A document nobody has commented on or noted, with all its versions; open screens drop it. */
  async deleteDocument(caller: AuthUser, documentId: string): Promise<void> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'documents.write');
    const versions = await this.events.transaction(async (tx, emit) => {
      await lockDocument(tx, documentId);
      await this.refuseIfUsed(tx, 'document_id', documentId, 'DOCUMENT_HAS_COMMENTS', 'This document has comments or notes and cannot be deleted');
      const [summary] = await loadDocumentSummaries(tx, [doc]);
      const all = await listVersionsOfDocument(tx, documentId);
      await deleteDocumentRow(tx, documentId);
      // seen by whoever could read the document, as its document.changed was
      await emit(doc.meetingId, 'document.deleted', { document: summary }, { to: 'all' });
      return all;
    });
    await this.removeFiles(versions);
    await this.audit.record({ userId: caller.id, action: 'document.delete', meetingId: doc.meetingId, targetId: doc.id, meta: { title: doc.title, versions: versions.length } });
  }

  private async refuseIfUsed(
    tx: Queryable,
    column: 'document_id' | 'version_id',
    id: string,
    code: 'DOCUMENT_HAS_COMMENTS' | 'VERSION_HAS_COMMENTS',
    message: string,
  ): Promise<void> {
    if (await isReferenced(tx, column, id)) throw new DomainError(code, message);
  }

  /** The stored files of deleted versions; a file left behind costs space, never correctness. */
  private async removeFiles(versions: Pick<DocumentVersionEntity, 'fileKey' | 'webFileKey' | 'ocrFileKey'>[]): Promise<void> {
    const keys = versions.flatMap((v) => [v.fileKey, v.webFileKey, v.ocrFileKey]).filter((k): k is string => !!k);
    for (const key of new Set(keys)) await this.storage.delete(key).catch((e: unknown) => this.logger.warn(`stored file ${key} not removed: ${e instanceof Error ? e.message : String(e)}`));
  }
}
